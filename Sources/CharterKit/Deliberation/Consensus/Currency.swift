/// How a comment made on one text of a clause relates to the text now under
/// consideration.
public enum Currency: String, Hashable, Sendable, Codable {
    /// Made on this very text.
    case current
    /// Made on a text that differs only editorially (see `EditorialRule`): it carries forward.
    case carriedForward = "carried-forward"
    /// Made on a text that has changed since, or on a clause that no longer exists.
    case stale

    /// Whether a position made with this currency counts toward the status.
    public var counts: Bool { self != .stale }
}
