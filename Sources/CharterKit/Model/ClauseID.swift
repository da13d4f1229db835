/// A clause's stable identity: lower-case ASCII letters, digits and dashes.
///
/// The id survives renumbering, re-titling and moves; history, comments and
/// amendments follow it rather than a path or a number.
public struct ClauseID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Validates `rawValue` against `[a-z0-9-]+`; nil when it does not match.
    public init?(_ rawValue: String) {
        guard ClauseID.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: ClauseID, rhs: ClauseID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ClauseID(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a clause id ([a-z0-9-]+)")
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
