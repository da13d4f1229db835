/// A clause's consensus status, computed (never stored) from the territories'
/// latest positions on its current text.
public enum ClauseStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case consensus
    case consensusWithReservations = "consensus-with-reservations"
    case objection
    /// Quorum not met, or not yet discussed.
    case open
    /// Positions exist only on older text.
    case stale
}
