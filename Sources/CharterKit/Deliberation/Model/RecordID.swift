import Foundation

/// A deliberation record's id: a UUIDv7 (48-bit millisecond time, then
/// random bits), so ids are unique without coordination and sort by time.
public struct RecordID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Validates the lower-case 8-4-4-4-12 hexadecimal form.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [8, 4, 4, 4, 12],
              text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || $0 == 0x2D })
        else { return nil }
        rawValue = text
    }

    /// A new id for a record made at `date`.
    public static func make(at date: Date = Date()) -> RecordID {
        var generator = SystemRandomNumberGenerator()
        return make(at: date, using: &generator)
    }

    public static func make<G: RandomNumberGenerator>(at date: Date, using generator: inout G) -> RecordID {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8((milliseconds >> (8 * (5 - index))) & 0xFF) }
        for index in 6..<16 { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)  // version 7
        bytes[8] = 0x80 | (bytes[8] & 0x3F)  // variant 10
        // 8-4-4-4-12 lower-case hex, written directly (String(format:) costs microseconds).
        let digits = Array("0123456789abcdef".utf8)
        let text = String(unsafeUninitializedCapacity: 36) { buffer in
            var position = 0
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
                buffer[position] = digits[Int(byte >> 4)]
                buffer[position + 1] = digits[Int(byte & 0x0F)]
                position += 2
            }
            return position
        }
        return RecordID(uncheckedRawValue: text)
    }

    init(uncheckedRawValue: String) { rawValue = uncheckedRawValue }

    /// The last two hex digits (random): the shard folder that keeps trees small.
    public var shard: String { String(rawValue.suffix(2)) }

    public var description: String { rawValue }

    /// The id a person named among `ids`: the full id, or a unique prefix or
    /// suffix of at least 4 characters (lists show the last 8 hex digits).
    /// Errors name the `noun` (“comment”, “amendment”) and the command that lists them.
    public static func resolve(_ reference: String, among ids: [RecordID], noun: String,
                               code: CharterError.Code, listedBy command: String) throws -> RecordID {
        let text = reference.lowercased().trimmingCharacters(in: .whitespaces)
        if let id = RecordID(text), ids.contains(id) { return id }
        guard text.count >= 4 else {
            throw CharterError(code, "`\(reference)` is too short to name \(noun == "amendment" ? "an" : "a") \(noun)",
                               hint: "give at least 4 characters of its id (`\(command)` shows them)")
        }
        let matches = ids.filter { $0.rawValue.hasPrefix(text) || $0.rawValue.hasSuffix(text) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            throw CharterError(code, "no \(noun) `\(reference)`", hint: "`\(command)` shows them")
        }
        let shown = matches.prefix(10).map { String($0.rawValue.suffix(8)) }.joined(separator: ", ")
        throw CharterError(code, "`\(reference)` names \(matches.count) \(noun)s: \(shown)\(matches.count > 10 ? ", …" : "")",
                           hint: "give more characters of the id")
    }
    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = RecordID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a record id")
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
