import GitKit

extension CharterRepository {
    /// The charter as published at `spec` (HEAD by default): see `Publication`.
    public func publication(at spec: String = "HEAD") throws -> Publication {
        let revision = try resolve(spec)
        let text = try charter(.revision(revision.id))
        let isHead = (try? git.head())?.hex == revision.id
        let matrix = try status(at: isHead ? nil : revision.id)
        let deliberation = try deliberationStore().load()
        let comments = Dictionary(deliberation.comments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return Publication.build(charter: text, revision: revision, matrix: matrix, comments: comments,
                                 workshops: deliberation.workshops, amendments: try adoptedAmendments(upTo: revision.id, text: text))
    }

    /// The amendments adopted on the text branch up to `revision`, oldest first (from the
    /// commits' `Amendment:` trailers, with what the records say of each).
    func adoptedAmendments(upTo revision: String, text: Charter) throws -> [Publication.AdoptedAmendment] {
        let adoptions = try history(from: revision).filter { $0.amendment != nil }.reversed()
        guard !adoptions.isEmpty else { return [] }
        let views = Dictionary((try? amendments()).map { $0.map { ($0.amendment.id.rawValue, $0) } } ?? [],
                               uniquingKeysWith: { first, _ in first })
        return adoptions.map { entry in
            let id = entry.amendment ?? ""
            let view = views[id]
            let change = view?.amendment.change
            let territory = view?.amendment.territory ?? entry.proposedBy
            return Publication.AdoptedAmendment(
                id: id, shortID: view?.shortID ?? String(id.suffix(8)), revision: entry.revision.id, date: entry.revision.date,
                operation: change?.operation, clause: change?.clause,
                clauseTitle: change.flatMap { text.clauses[$0.clause]?.title } ?? view?.clauseTitle,
                summary: change?.summary ?? entry.revision.summary, territory: territory,
                territoryName: territory.flatMap { text.manifest.territory($0)?.name },
                rationale: view?.amendment.proposal.rationale,
                forced: view?.amendment.adoption?.forced ?? (CommitTrailers.value("Forced", in: entry.revision.message) != nil))
        }
    }

    /// How consensus evolved across the workshops whose text is `spec` or earlier (every
    /// workshop when nil): each workshop's status summary, as of that workshop.
    public func consensusEvolution(upTo spec: String? = nil) throws -> ConsensusEvolution {
        let workshops = try deliberationStore().load().workshopList
        var reachable: Set<String>?
        if let spec {
            reachable = Set(try git.walk(from: [resolveOID(spec)]).map(\.hex))
        }
        var items: [(workshop: Workshop, matrix: StatusMatrix)] = []
        for workshop in workshops {
            if let reachable, !reachable.contains(workshop.revision) { continue }
            items.append((workshop, try status(workshop: workshop.id)))
        }
        return ConsensusEvolution.build(items)
    }
}
