import Foundation
import GitKit

extension CharterRepository {
    /// Each sentence of a clause (id or number at `revision`) and its title, with the revision
    /// that last changed it and the adopted amendment it came through.
    ///
    /// The clause's versions come from the history index (the first-parent commits that changed
    /// its file, no `git blame`); each is cut into sentences and replayed oldest first
    /// (`SentenceAttribution`). A revision came through an amendment when an adoption record
    /// names it, or its message carries the `Amendment:` trailer of a known amendment. A version
    /// that does not parse is skipped: the next one is compared with the last that did.
    public func blame(_ reference: String, at revision: String = "HEAD") throws -> ClauseBlame {
        let tip = try resolveOID(revision)
        let text = try charter(atCommit: git.commit(tip), label: revision)
        guard let clause = text.clause(matching: reference) else {
            throw CharterError(.unknownClause, Message("blame.unknown-clause", ["clause": reference, "revision": revision]),
                               hint: Message("blame.unknown-clause.hint"))
        }
        let index = try historyIndex(from: tip)
        let relative = "clauses/\(clause.id).md"
        let filePath = "\(clausesPath)/\(clause.id).md"
        var attribution = SentenceAttribution<Int>()
        if let path = index.pathIndex[relative] {
            for position in index.commits.indices {
                guard let change = index.changes(at: position).first(where: { $0.path == path }) else { continue }
                guard let blob = change.new else {
                    attribution.reset()
                    continue
                }
                guard let version = try? ClauseFile.parse(git.blob(blob), file: filePath).clause else { continue }
                attribution.advance(title: version.title, body: version.body, origin: position)
            }
        }
        guard let title = attribution.title else {
            throw CharterError(.repository, "clause `\(clause.id)` has no readable version in the history of \(revision)")
        }
        let origins = try BlameOrigins(repository: self, index: index, manifest: text.manifest)
        return ClauseBlame(clause: clause.id, at: tip.hex,
                           title: BlamedText(text: title.text, origin: try origins.origin(title.origin)),
                           sentences: try attribution.sentences.map { BlamedText(text: $0.text, origin: try origins.origin($0.origin)) })
    }
}

/// The origin of each revision of the history index a blame names, read once.
private final class BlameOrigins {
    let repository: CharterRepository
    let index: HistoryIndex
    let manifest: Manifest
    let deliberation: Deliberation
    let book: AmendmentBook
    /// Adoption records by the revision they name.
    let adoptions: [String: Amendment]
    var cache: [Int: TextOrigin] = [:]

    init(repository: CharterRepository, index: HistoryIndex, manifest: Manifest) throws {
        self.repository = repository
        self.index = index
        self.manifest = manifest
        deliberation = try repository.deliberationStore().load()
        book = AmendmentBook(deliberation)
        var adoptions: [String: Amendment] = [:]
        for amendment in book.list {
            if let adoption = amendment.adoption { adoptions[adoption.revision] = amendment }
        }
        self.adoptions = adoptions
    }

    func origin(_ position: Int) throws -> TextOrigin {
        if let known = cache[position] { return known }
        let commit = try repository.git.commit(index.commits[position])
        let revision = repository.revision(commit)
        var amendment = adoptions[revision.id]
        if amendment == nil, let trailer = CommitTrailers.value(CharterRepository.amendmentTrailer, in: revision.message) {
            amendment = book.list.first { $0.id.rawValue == trailer }
        }
        let origin = TextOrigin(revision: revision, amendment: amendment.map { amendment in
            AmendmentOrigin(id: amendment.id.rawValue, shortID: amendment.shortID, territory: amendment.territory,
                            territoryName: manifest.territory(amendment.territory)?.name ?? amendment.territory,
                            workshops: book.workshops(of: amendment).map { id in
                                let workshop = deliberation.workshops[id]
                                return WorkshopOrigin(id: id, title: workshop?.title ?? id, date: workshop?.date ?? "", place: workshop?.place)
                            })
        })
        cache[position] = origin
        return origin
    }
}
