import Foundation

/// « Ce qui a changé »: the clauses that changed between the previous version and the text
/// published, each with its redline (the word diff of its body).
public struct PublicationChanges: Hashable, Sendable, Codable {
    public struct Change: Hashable, Sendable, Codable {
        public var id: ClauseID
        /// The number in the published text (nil for a clause removed).
        public var number: Int?
        public var oldNumber: Int?
        public var title: String
        public var oldTitle: String?
        public var kinds: [ClauseChange.Kind]
        /// Deleted and inserted words of the body; for an added clause, all of it inserted;
        /// for a removed one, all of it deleted.
        public var redline: WordDiff?
    }

    /// The previous version's name (`v0.1`) and the date of its text.
    public var since: String
    public var sinceDate: Date
    public var clauses: [Change]

    public init(since: String, sinceDate: Date, clauses: [Change]) {
        self.since = since
        self.sinceDate = sinceDate
        self.clauses = clauses
    }

    /// From the diff between the previous version's charter and the published one: every
    /// clause added, removed, reworded, retitled or moved (renumbering alone is left out),
    /// in the published order, removed clauses last.
    public static func build(_ diff: CharterDiff, since: String, sinceDate: Date) -> PublicationChanges {
        let relevant = diff.clauses.filter { change in
            change.kinds.contains { [.added, .removed, .modified, .retitled, .moved].contains($0) }
        }
        let changes = relevant.map { change -> Change in
            var redline = change.body
            if change.has(.added), let body = change.clause?.body { redline = WordDiff.between("", body) }
            if change.has(.removed), let body = change.clause?.body { redline = WordDiff.between(body, "") }
            return Change(id: change.id, number: change.newNumber, oldNumber: change.oldNumber, title: change.title,
                          oldTitle: change.has(.retitled) ? change.oldTitle : nil, kinds: change.kinds, redline: redline)
        }
        let ordered = changes.sorted { ($0.number ?? Int.max, $0.oldNumber ?? 0) < ($1.number ?? Int.max, $1.oldNumber ?? 0) }
        return PublicationChanges(since: since, sinceDate: sinceDate, clauses: ordered)
    }
}
