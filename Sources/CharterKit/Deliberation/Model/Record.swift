import Foundation

/// One deliberation record: an immutable event, stored as one JSON file on
/// the deliberation branch and never rewritten. Current state is a fold of them.
public struct Record: Hashable, Sendable, Codable {
    public var id: RecordID
    /// Lamport clock: one more than the highest clock the writer had seen.
    /// Records are ordered by (clock, id) on every replica.
    public var clock: Int
    /// Wall-clock time of recording (informative: order comes from `clock`).
    public var recordedAt: Date
    /// Who recorded it.
    public var facilitator: Person
    public var event: Event

    public init(id: RecordID, clock: Int, recordedAt: Date, facilitator: Person, event: Event) {
        self.id = id
        self.clock = clock
        self.recordedAt = recordedAt
        self.facilitator = facilitator
        self.event = event
    }

    /// Replica-independent order: clock, then id.
    public static func precedes(_ a: Record, _ b: Record) -> Bool {
        (a.clock, a.id) < (b.clock, b.id)
    }

    // MARK: Codable — the event's payload sits under a key named after its kind.

    private enum CodingKeys: String, CodingKey {
        case id, clock, recordedAt, facilitator, kind
        case workshopOpened = "workshop-opened", workshopClosed = "workshop-closed"
        case workshopReopened = "workshop-reopened", comment, commentRetracted = "comment-retracted"
        case amendmentProposed = "amendment-proposed", amendmentRebased = "amendment-rebased"
        case amendmentAdopted = "amendment-adopted", amendmentRejected = "amendment-rejected"
        case amendmentWithdrawn = "amendment-withdrawn"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(RecordID.self, forKey: .id)
        clock = try container.decode(Int.self, forKey: .clock)
        recordedAt = try container.decode(Date.self, forKey: .recordedAt)
        facilitator = try container.decode(Person.self, forKey: .facilitator)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case Event.Kind.workshopOpened.rawValue:
            event = .workshopOpened(try container.decode(WorkshopOpening.self, forKey: .workshopOpened))
        case Event.Kind.workshopClosed.rawValue:
            event = .workshopClosed(try container.decode(WorkshopStateChange.self, forKey: .workshopClosed))
        case Event.Kind.workshopReopened.rawValue:
            event = .workshopReopened(try container.decode(WorkshopStateChange.self, forKey: .workshopReopened))
        case Event.Kind.comment.rawValue:
            event = .comment(try container.decode(Comment.self, forKey: .comment))
        case Event.Kind.commentRetracted.rawValue:
            event = .commentRetracted(try container.decode(CommentRetraction.self, forKey: .commentRetracted))
        case Event.Kind.amendmentProposed.rawValue:
            event = .amendmentProposed(try container.decode(AmendmentProposal.self, forKey: .amendmentProposed))
        case Event.Kind.amendmentRebased.rawValue:
            event = .amendmentRebased(try container.decode(AmendmentRebase.self, forKey: .amendmentRebased))
        case Event.Kind.amendmentAdopted.rawValue:
            event = .amendmentAdopted(try container.decode(AmendmentAdoption.self, forKey: .amendmentAdopted))
        case Event.Kind.amendmentRejected.rawValue:
            event = .amendmentRejected(try container.decode(AmendmentClosing.self, forKey: .amendmentRejected))
        case Event.Kind.amendmentWithdrawn.rawValue:
            event = .amendmentWithdrawn(try container.decode(AmendmentClosing.self, forKey: .amendmentWithdrawn))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                   debugDescription: "unknown record kind '\(kind)' (a newer charter may have written it)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(clock, forKey: .clock)
        try container.encode(recordedAt, forKey: .recordedAt)
        try container.encode(facilitator, forKey: .facilitator)
        try container.encode(event.kind.rawValue, forKey: .kind)
        switch event {
        case .workshopOpened(let payload): try container.encode(payload, forKey: .workshopOpened)
        case .workshopClosed(let payload): try container.encode(payload, forKey: .workshopClosed)
        case .workshopReopened(let payload): try container.encode(payload, forKey: .workshopReopened)
        case .comment(let payload): try container.encode(payload, forKey: .comment)
        case .commentRetracted(let payload): try container.encode(payload, forKey: .commentRetracted)
        case .amendmentProposed(let payload): try container.encode(payload, forKey: .amendmentProposed)
        case .amendmentRebased(let payload): try container.encode(payload, forKey: .amendmentRebased)
        case .amendmentAdopted(let payload): try container.encode(payload, forKey: .amendmentAdopted)
        case .amendmentRejected(let payload): try container.encode(payload, forKey: .amendmentRejected)
        case .amendmentWithdrawn(let payload): try container.encode(payload, forKey: .amendmentWithdrawn)
        }
    }
}

/// What a record says happened.
public enum Event: Hashable, Sendable {
    case workshopOpened(WorkshopOpening)
    case workshopClosed(WorkshopStateChange)
    case workshopReopened(WorkshopStateChange)
    case comment(Comment)
    case commentRetracted(CommentRetraction)
    /// An amendment proposed: its id is this record's id (see docs/amendments.md).
    case amendmentProposed(AmendmentProposal)
    /// Its proposer re-based it onto a newer text (`charter amend rebase`).
    case amendmentRebased(AmendmentRebase)
    case amendmentAdopted(AmendmentAdoption)
    case amendmentRejected(AmendmentClosing)
    case amendmentWithdrawn(AmendmentClosing)

    public enum Kind: String, Sendable, CaseIterable {
        case workshopOpened = "workshop-opened", workshopClosed = "workshop-closed"
        case workshopReopened = "workshop-reopened", comment, commentRetracted = "comment-retracted"
        case amendmentProposed = "amendment-proposed", amendmentRebased = "amendment-rebased"
        case amendmentAdopted = "amendment-adopted", amendmentRejected = "amendment-rejected"
        case amendmentWithdrawn = "amendment-withdrawn"
    }

    public var kind: Kind {
        switch self {
        case .workshopOpened: return .workshopOpened
        case .workshopClosed: return .workshopClosed
        case .workshopReopened: return .workshopReopened
        case .comment: return .comment
        case .commentRetracted: return .commentRetracted
        case .amendmentProposed: return .amendmentProposed
        case .amendmentRebased: return .amendmentRebased
        case .amendmentAdopted: return .amendmentAdopted
        case .amendmentRejected: return .amendmentRejected
        case .amendmentWithdrawn: return .amendmentWithdrawn
        }
    }
}

/// A workshop opened on one revision of the text, with the territories taking part.
public struct WorkshopOpening: Hashable, Sendable, Codable {
    public var workshop: String
    public var title: String
    /// The day it takes place, `YYYY-MM-DD`.
    public var date: String
    public var place: String?
    public var territories: [String]
    /// The text revision under debate (a commit id).
    public var revision: String

    public init(workshop: String, title: String, date: String, place: String?, territories: [String], revision: String) {
        self.workshop = workshop
        self.title = title
        self.date = date
        self.place = place
        self.territories = territories
        self.revision = revision
    }
}

/// A workshop closed (sealed) or reopened, with who asked and why.
public struct WorkshopStateChange: Hashable, Sendable, Codable {
    public var workshop: String
    public var reason: String?

    public init(workshop: String, reason: String? = nil) {
        self.workshop = workshop
        self.reason = reason
    }
}

/// What a territory said about a clause at a workshop.
public struct Comment: Hashable, Sendable, Codable {
    public var workshop: String
    public var territory: String
    public var clause: ClauseID
    /// The text revision and the clause's blob id it was made on.
    public var revision: String
    public var blob: String
    public var position: Position?
    public var text: String
    public var quote: TextQuote?
    /// Set by CSV imports: a hash of the row, so a second import of the same file records nothing.
    public var importKey: String?
    /// Set when the comment is about an amendment (its id) rather than a clause's text: then
    /// `clause` is the amendment's clause, `revision` the text it was made against and `blob`
    /// the digest of the amendment's proposed text (see docs/amendments.md).
    public var amendment: RecordID?

    public init(workshop: String, territory: String, clause: ClauseID, revision: String, blob: String,
                position: Position?, text: String, quote: TextQuote? = nil, importKey: String? = nil,
                amendment: RecordID? = nil) {
        self.workshop = workshop
        self.territory = territory
        self.clause = clause
        self.revision = revision
        self.blob = blob
        self.position = position
        self.text = text
        self.quote = quote
        self.importKey = importKey
        self.amendment = amendment
    }
}

/// A comment withdrawn; it stays in the history, marked retracted.
public struct CommentRetraction: Hashable, Sendable, Codable {
    public var comment: RecordID
    public var clause: ClauseID
    public var reason: String
    /// Set when the retracted comment is about an amendment.
    public var amendment: RecordID?

    public init(comment: RecordID, clause: ClauseID, reason: String, amendment: RecordID? = nil) {
        self.comment = comment
        self.clause = clause
        self.reason = reason
        self.amendment = amendment
    }
}
