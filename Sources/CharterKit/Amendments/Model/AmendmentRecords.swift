import Foundation

/// What an amendment does to the text.
public enum AmendmentOperation: String, Hashable, Sendable, Codable, CaseIterable {
    /// Replaces a clause's body (and optionally its title).
    case replace
    /// Adds a new clause right after another.
    case insert
    /// Removes a clause.
    case delete
    /// Moves a clause right after another.
    case move
}

/// The change an amendment proposes, in domain words.
public struct AmendmentChange: Hashable, Sendable, Codable {
    public var operation: AmendmentOperation
    /// The clause replaced, deleted or moved; for `insert`, the new clause's id.
    public var clause: ClauseID
    /// For `insert` and `move`: the clause it goes right after.
    public var after: ClauseID?
    /// For `insert`: the new clause's title; for `replace`: a new title, nil to keep it.
    public var title: String?
    /// For `replace` and `insert`: the clause's body (Markdown).
    public var text: String?

    public init(operation: AmendmentOperation, clause: ClauseID, after: ClauseID? = nil, title: String? = nil, text: String? = nil) {
        self.operation = operation
        self.clause = clause
        self.after = after
        self.title = title
        self.text = text
    }

    public static func replace(_ clause: ClauseID, title: String? = nil, text: String) -> AmendmentChange {
        AmendmentChange(operation: .replace, clause: clause, title: title, text: text)
    }

    public static func insert(_ clause: ClauseID, after: ClauseID, title: String, text: String) -> AmendmentChange {
        AmendmentChange(operation: .insert, clause: clause, after: after, title: title, text: text)
    }

    public static func delete(_ clause: ClauseID) -> AmendmentChange {
        AmendmentChange(operation: .delete, clause: clause)
    }

    public static func move(_ clause: ClauseID, after: ClauseID) -> AmendmentChange {
        AmendmentChange(operation: .move, clause: clause, after: after)
    }

    /// The clauses whose text or place it changes: the clause itself (the new one for an insert).
    public var clauses: [ClauseID] { [clause] }

    /// "replace juste-place", "insert nouvelle after odd-17"…
    public var summary: String {
        switch operation {
        case .replace: return "replace \(clause)" + (title.map { " (retitled « \($0) »)" } ?? "")
        case .insert: return "insert \(clause) after \(after?.rawValue ?? "?")"
        case .delete: return "delete \(clause)"
        case .move: return "move \(clause) after \(after?.rawValue ?? "?")"
        }
    }

    /// A short, stable fingerprint of what is proposed (operation, clauses, title, text): the
    /// "blob" a position on the amendment is made on. 64-bit FNV-1a, 16 hex digits.
    public var digest: String {
        let parts = [operation.rawValue, clause.rawValue, after?.rawValue ?? "", title ?? "\u{0}", text ?? "\u{0}"]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The payload of an `amendment-proposed` record. The amendment's id is the record's id.
public struct AmendmentProposal: Hashable, Sendable, Codable {
    /// The proposing territory.
    public var territory: String
    /// The workshop it was put forward in, if any.
    public var workshop: String?
    /// Why: shown to territories and editors, and the body of the adoption commit.
    public var rationale: String
    public var change: AmendmentChange
    /// The text revision (commit id) it was written against.
    public var base: String
    /// The blob id at `base` of each existing clause file it touches, by clause id: the
    /// ancestor of the three-way merge made when the clause has moved on since.
    public var baseBlobs: [String: String]

    public init(territory: String, workshop: String?, rationale: String, change: AmendmentChange, base: String, baseBlobs: [String: String]) {
        self.territory = territory
        self.workshop = workshop
        self.rationale = rationale
        self.change = change
        self.base = base
        self.baseBlobs = baseBlobs
    }
}

/// The payload of an `amendment-rebased` record: the proposer's resolution of an amendment
/// onto a newer text. It replaces the change, base and base blobs of the proposal.
public struct AmendmentRebase: Hashable, Sendable, Codable {
    public var amendment: RecordID
    public var change: AmendmentChange
    public var base: String
    public var baseBlobs: [String: String]

    public init(amendment: RecordID, change: AmendmentChange, base: String, baseBlobs: [String: String]) {
        self.amendment = amendment
        self.change = change
        self.base = base
        self.baseBlobs = baseBlobs
    }
}

/// The payload of an `amendment-adopted` record, written right after the adoption commit.
public struct AmendmentAdoption: Hashable, Sendable, Codable {
    public var amendment: RecordID
    /// The adoption commit on the text branch.
    public var revision: String
    /// The amendment's consensus status when it was adopted.
    public var status: ClauseStatus
    /// Adopted with `--force`, without consensus.
    public var forced: Bool
    /// The text had moved on since the base: the change was three-way merged.
    public var merged: Bool

    public init(amendment: RecordID, revision: String, status: ClauseStatus, forced: Bool, merged: Bool) {
        self.amendment = amendment
        self.revision = revision
        self.status = status
        self.forced = forced
        self.merged = merged
    }
}

/// The payload of an `amendment-rejected` or `amendment-withdrawn` record.
public struct AmendmentClosing: Hashable, Sendable, Codable {
    public var amendment: RecordID
    public var reason: String?

    public init(amendment: RecordID, reason: String?) {
        self.amendment = amendment
        self.reason = reason
    }
}
