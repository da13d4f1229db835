/// The current state of a deliberation, folded from its records in
/// (clock, id) order: workshops and comments. Pure: no git here.
public struct Deliberation: Sendable {
    /// Every record, in replica-independent order.
    public let records: [Record]
    public private(set) var workshops: [String: Workshop] = [:]
    /// Comments on clauses, in record order.
    public private(set) var comments: [RecordedComment] = []
    /// Comments and positions on amendments (`Comment.amendment` set), in record order;
    /// kept apart so they never count toward a clause's status.
    public private(set) var amendmentComments: [RecordedComment] = []
    /// The highest Lamport clock seen.
    public private(set) var clock = 0
    /// Record files left out of the fold, with the reason (kept on the branch, never dropped).
    public var quarantined: [QuarantinedRecord] = []

    public init(records: [Record], quarantined: [QuarantinedRecord]) {
        self.init(records: records)
        self.quarantined = quarantined
    }

    public init(records: [Record]) {
        self.records = records.sorted(by: Record.precedes)
        var index: [RecordID: Int] = [:]
        var amendmentIndex: [RecordID: Int] = [:]
        for record in self.records {
            clock = max(clock, record.clock)
            switch record.event {
            case .workshopOpened(let opening):
                if workshops[opening.workshop] == nil {
                    workshops[opening.workshop] = Workshop(opening: opening, record: record)
                }
            case .workshopClosed(let change):
                workshops[change.workshop]?.isOpen = false
                workshops[change.workshop]?.closedAtClock = record.clock
                workshops[change.workshop]?.events.append(WorkshopEvent(record))
            case .workshopReopened(let change):
                workshops[change.workshop]?.isOpen = true
                workshops[change.workshop]?.events.append(WorkshopEvent(record))
            case .comment(let comment) where comment.amendment != nil:
                amendmentIndex[record.id] = amendmentComments.count
                amendmentComments.append(RecordedComment(id: record.id, clock: record.clock, recordedAt: record.recordedAt,
                                                         facilitator: record.facilitator, comment: comment, retraction: nil))
            case .comment(let comment):
                index[record.id] = comments.count
                comments.append(RecordedComment(id: record.id, clock: record.clock, recordedAt: record.recordedAt,
                                                facilitator: record.facilitator, comment: comment, retraction: nil))
            case .commentRetracted(let retraction):
                if let position = index[retraction.comment], comments[position].retraction == nil {
                    comments[position].retraction = retraction
                } else if let position = amendmentIndex[retraction.comment], amendmentComments[position].retraction == nil {
                    amendmentComments[position].retraction = retraction
                }
            case .amendmentProposed, .amendmentRebased, .amendmentAdopted, .amendmentRejected, .amendmentWithdrawn:
                break  // folded by `AmendmentBook`
            }
        }
    }

    /// Workshops sorted by date, then id.
    public var workshopList: [Workshop] {
        workshops.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// The comment with this id, retracted or not.
    public func comment(_ id: RecordID) -> RecordedComment? {
        comments.first { $0.id == id } ?? amendmentComments.first { $0.id == id }
    }
}
