import Foundation
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
        var publication = Publication.build(charter: text, revision: revision, matrix: matrix, comments: comments,
                                            workshops: deliberation.workshops,
                                            amendments: try adoptedAmendments(upTo: revision.id, text: text, workshops: deliberation.workshops))
        // The commits the revision stands on, nearest first: the previous version is the
        // nearest one tagged (the revision itself aside).
        let ancestry = try git.walk(from: [resolveOID(revision.id)]).map(\.hex)
        let reachable = Set(ancestry)
        let order = Dictionary(ancestry.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let versions = try versionTags().filter { reachable.contains($0.revision) }
            .sorted { (order[$0.revision] ?? Int.max, $0.name) < (order[$1.revision] ?? Int.max, $1.name) }
        // « Origine du texte »: the sentences that came through adopted amendments.
        for section in publication.sections.indices {
            for clause in publication.sections[section].clauses.indices {
                let id = publication.sections[section].clauses[clause].id
                publication.sections[section].clauses[clause].origins = Publication.Origin.of(try blame(id.rawValue, at: revision.id))
            }
        }
        publication.version = versions.last { $0.revision == revision.id }?.name
        if let previous = versions.first(where: { $0.revision != revision.id }) {
            let old = try charter(.revision(previous.revision))
            let diff = CharterDiff.between(old, text, fromLabel: previous.name, toLabel: revision.shortID)
            publication.changes = PublicationChanges.build(diff, since: previous.name, sinceDate: previous.date)
        }
        let workshops = deliberation.workshopList.filter { reachable.contains($0.revision) }
        publication.participation = ParticipationTable.build(territories: text.manifest.territories, workshops: workshops,
                                                             comments: deliberation.comments)
        return publication
    }

    /// The versions (`charter/<name>` tags) with the commit each names, oldest commit first.
    func versionTags() throws -> [(name: String, revision: String, date: Date)] {
        var found: [(name: String, revision: String, date: Date)] = []
        for tag in try git.tags() where tag.name.hasPrefix(Self.versionTagPrefix) {
            guard let revision = try? resolve(tag.target.hex) else { continue }
            found.append((String(tag.name.dropFirst(Self.versionTagPrefix.count)), revision.id, revision.date))
        }
        return found.sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    /// The amendments adopted on the text branch up to `revision`, oldest first (from the
    /// commits' `Amendment:` trailers, with what the records say of each).
    func adoptedAmendments(upTo revision: String, text: Charter, workshops: [String: Workshop] = [:]) throws -> [Publication.AdoptedAmendment] {
        let adoptions = try history(from: revision).filter { $0.amendment != nil }.reversed()
        guard !adoptions.isEmpty else { return [] }
        let views = Dictionary((try? amendments()).map { $0.map { ($0.amendment.id.rawValue, $0) } } ?? [],
                               uniquingKeysWith: { first, _ in first })
        let book = (try? deliberationStore().load()).map(AmendmentBook.init)
        return try adoptions.map { entry in
            let id = entry.amendment ?? ""
            let view = views[id]
            let change = view?.amendment.change
            let territory = view?.amendment.territory ?? entry.proposedBy
            var adopted = Publication.AdoptedAmendment(
                id: id, shortID: view?.shortID ?? String(id.suffix(8)), revision: entry.revision.id, date: entry.revision.date,
                operation: change?.operation, clause: change?.clause,
                clauseTitle: change.flatMap { text.clauses[$0.clause]?.title } ?? view?.clauseTitle,
                summary: change?.summary ?? entry.revision.summary, territory: territory,
                territoryName: territory.flatMap { text.manifest.territory($0)?.name },
                rationale: view?.amendment.proposal.rationale,
                forced: view?.amendment.adoption?.forced ?? (CommitTrailers.value("Forced", in: entry.revision.message) != nil))
            if let clause = change?.clause {
                let after = try charter(.revision(entry.revision.id))
                let before = try? charter(.revision(entry.revision.id + "^"))
                adopted.before = before?.clauses[clause]?.body
                adopted.after = after.clauses[clause]?.body
                adopted.clauseNumber = text.numbered.first { $0.clause.id == clause }?.number
                    ?? after.numbered.first { $0.clause.id == clause }?.number
            }
            if let amendment = view?.amendment, let book {
                adopted.workshops = book.workshops(of: amendment).map { id in workshops[id]?.title ?? id }
            }
            return adopted
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
