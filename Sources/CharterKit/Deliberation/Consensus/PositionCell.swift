import Foundation

/// One territory's latest position on one clause, as the status matrix shows it.
public struct PositionCell: Hashable, Sendable, Codable {
    public var territory: String
    public var position: Position
    public var currency: Currency
    /// The comment that carries the position.
    public var comment: RecordID
    public var workshop: String

    public init(territory: String, position: Position, currency: Currency, comment: RecordID, workshop: String) {
        self.territory = territory
        self.position = position
        self.currency = currency
        self.comment = comment
        self.workshop = workshop
    }
}
