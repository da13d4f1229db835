/// The current state of a deliberation, folded from its records in
/// (clock, id) order: workshops and comments. Pure: no git here.
public struct Deliberation: Sendable {
    /// Every record, in replica-independent order.
    public let records: [Record]
    public private(set) var workshops: [String: Workshop] = [:]
    /// Comments in record order.
    public private(set) var comments: [RecordedComment] = []
    /// The highest Lamport clock seen.
    public private(set) var clock = 0

    public init(records: [Record]) {
        self.records = records.sorted(by: Record.precedes)
        var index: [RecordID: Int] = [:]
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
            case .comment(let comment):
                index[record.id] = comments.count
                comments.append(RecordedComment(id: record.id, clock: record.clock, recordedAt: record.recordedAt,
                                                facilitator: record.facilitator, comment: comment, retraction: nil))
            case .commentRetracted(let retraction):
                if let position = index[retraction.comment], comments[position].retraction == nil {
                    comments[position].retraction = retraction
                }
            }
        }
    }

    /// Workshops sorted by date, then id.
    public var workshopList: [Workshop] {
        workshops.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// The comment with this id, retracted or not.
    public func comment(_ id: RecordID) -> RecordedComment? {
        comments.first { $0.id == id }
    }
}
