/// One revision in `charter log`: the commit and what it did to the clauses.
public struct HistoryEntry: Hashable, Sendable, Codable {
    public var revision: Revision
    /// The clauses it changed (only the followed clause when the log follows one).
    public var events: [ClauseEvent]
    /// Parts of the manifest this revision changed besides the clauses'
    /// order: `title`, `language`, `sections`, `territories`, `consensus`.
    public var charterChanges: [String]
    /// Set when the charter could not be read at this revision (the entry
    /// then lists no events); the message names the file and line.
    public var problem: String?
    /// For a clause's story: what the territories said about the text this
    /// revision made, workshop by workshop.
    public var discussions: [WorkshopDiscussion] = []
    /// The amendment the revision adopted (its `Amendment:` trailer), with the proposing
    /// territory (`Proposed-by:`).
    public var amendment: String?
    public var proposedBy: String?

    public init(revision: Revision, events: [ClauseEvent], charterChanges: [String] = [], problem: String? = nil) {
        self.revision = revision
        self.events = events
        self.charterChanges = charterChanges
        self.problem = problem
        self.amendment = CommitTrailers.value("Amendment", in: revision.message)
        self.proposedBy = amendment == nil ? nil : CommitTrailers.value("Proposed-by", in: revision.message)
    }
}
