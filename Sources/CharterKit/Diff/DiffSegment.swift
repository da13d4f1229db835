/// A run of text that a word diff keeps, deletes or inserts.
public struct DiffSegment: Hashable, Sendable, Codable {
    /// What happened to the run between the old and the new text.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// In both texts.
        case equal
        /// Only in the old text.
        case deleted
        /// Only in the new text.
        case inserted
    }

    public var kind: Kind
    /// The run's text, exactly as it appears in its side(s).
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
