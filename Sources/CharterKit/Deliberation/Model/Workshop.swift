import Foundation

/// A workshop as the fold of its records: what was opened, and whether it is
/// still open for recording.
public struct Workshop: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var date: String
    public var place: String?
    public var territories: [String]
    /// The text revision under debate.
    public var revision: String
    public var isOpen: Bool
    /// Clock of the record that last closed it, nil while never closed.
    public var closedAtClock: Int?
    /// Every opening, closing and reopening, in order.
    public var events: [WorkshopEvent]

    public init(opening: WorkshopOpening, record: Record) {
        id = opening.workshop
        title = opening.title
        date = opening.date
        place = opening.place
        territories = opening.territories
        revision = opening.revision
        isOpen = true
        closedAtClock = nil
        events = [WorkshopEvent(record)]
    }
}

/// One change of a workshop's state, for its story.
public struct WorkshopEvent: Hashable, Sendable, Codable {
    public var kind: String
    public var reason: String?
    public var facilitator: Person
    public var recordedAt: Date
    public var clock: Int

    init(_ record: Record) {
        kind = record.event.kind.rawValue
        facilitator = record.facilitator
        recordedAt = record.recordedAt
        clock = record.clock
        switch record.event {
        case .workshopClosed(let change), .workshopReopened(let change): reason = change.reason
        default: reason = nil
        }
    }
}
