import Foundation

/// An amendment seen against the current text: its state, consensus and positions, whether
/// its change still applies, and (for `charter amend show`) the change as word diffs.
public struct AmendmentView: Hashable, Sendable, Codable {
    /// How an open amendment stands against the current text.
    public enum Standing: String, Hashable, Sendable, Codable {
        /// The text it touches has not moved since its base.
        case applies
        /// The text moved on, and the change merges onto it cleanly: it is re-based
        /// automatically (computed at each reading, recorded only at adoption).
        case rebased
        /// The change collides with the current text: its proposer must re-base it.
        case needsRebase = "needs-rebase"
    }

    public var amendment: Amendment
    public var shortID: String
    /// `proposed`, `needs-rebase`, `adopted`, `rejected` or `withdrawn`.
    public var status: String
    public var territoryName: String
    /// Its consensus status under the manifest's rule.
    public var consensus: ClauseStatus
    /// Each territory's latest position on it.
    public var positions: [PositionCell]
    /// For an open amendment: how it stands against the current text.
    public var standing: Standing?
    public var conflicts: [AmendmentConflict]
    /// The revision it was judged against.
    public var revision: String
    /// The clause's number and title in the current text (the base's for a clause since removed).
    public var number: Int?
    public var clauseTitle: String?
    /// The change against its base (filled by `amendment(_:)`).
    public var againstBase: AmendmentDiff?
    /// The change against the current text, when the text has moved on since the base.
    public var againstCurrent: AmendmentDiff?

    /// States `amend list --status` understands: the five statuses, and `open`.
    public func matches(status filter: String) -> Bool {
        filter == status || (filter == "open" && amendment.isOpen)
            || (filter == "proposed" && amendment.isOpen) || (filter == "rebased" && standing == .rebased)
    }
}

/// What an amendment does to one clause, as a diff.
public struct AmendmentDiff: Hashable, Sendable, Codable {
    /// What the old side is: "base 1a2b3c4", "current text 5d6e7f8".
    public var label: String
    public var operation: AmendmentOperation
    public var clause: ClauseID
    public var oldTitle: String?
    public var newTitle: String?
    /// The body's word diff (an insertion is all inserted, a deletion all deleted).
    public var body: WordDiff?
    /// For every operation: the clause's number before and after the change.
    public var oldNumber: Int?
    public var newNumber: Int?
}

/// What `charter amend adopt` did.
public struct AmendmentAdoptionResult: Hashable, Sendable, Codable {
    public var amendment: AmendmentView
    /// The adoption commit.
    public var revision: Revision
    public var forced: Bool
    /// The clause had moved on since the base: the change was three-way merged.
    public var merged: Bool
    /// The commit existed already (an earlier adoption whose record was lost); only the
    /// record was written now.
    public var recordedOnly: Bool
    /// The other open amendments on the clauses it changed, as they now stand.
    public var others: [AmendmentView]
}
