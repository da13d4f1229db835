import CLibGit2

/// A git object id (SHA-1, 20 bytes). A plain value held as three integers so hashing,
/// comparing and copying it in walks over many commits costs next to nothing; its order is the
/// byte order of the id (the order of its hex form).
public struct OID: Hashable, Sendable, CustomStringConvertible, Comparable, Codable {
    // Bytes 0..<8, 8..<16 and 16..<20 of the id, read big-endian.
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    /// Number of bytes in an id.
    public static let byteCount = 20

    /// Parses a full 40-character hexadecimal id (either case); `nil` for anything else,
    /// including abbreviated ids (resolve those with `Repository.resolveCommit`).
    public init?(hex: String) {
        var text = hex
        guard let parsed = text.withUTF8({ OID.parse(hex: $0) }) else { return nil }
        self = parsed
    }

    /// Builds an id from its 20 raw bytes; `nil` when the count is not 20.
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == OID.byteCount else { return nil }
        if let fast = bytes.withContiguousStorageIfAvailable({ buffer -> OID in
            let raw = UnsafeRawBufferPointer(buffer)
            return OID(high: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                       middle: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                       low: UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
        }) {
            self = fast
            return
        }
        var h: UInt64 = 0, m: UInt64 = 0, l: UInt32 = 0
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 0..<8: h = h << 8 | UInt64(byte)
            case 8..<16: m = m << 8 | UInt64(byte)
            default: l = l << 8 | UInt32(byte)
            }
        }
        self.init(high: h, middle: m, low: l)
    }

    private init(high: UInt64, middle: UInt64, low: UInt32) {
        self.high = high
        self.middle = middle
        self.low = low
    }

    /// The 20 raw bytes, e.g. for a compact on-disk index.
    public var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: OID.byteCount)
        for i in 0..<8 {
            out[i] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(i)))
            out[8 + i] = UInt8(truncatingIfNeeded: middle >> (56 - 8 * UInt64(i)))
        }
        for i in 0..<4 {
            out[16 + i] = UInt8(truncatingIfNeeded: low >> (24 - 8 * UInt32(i)))
        }
        return out
    }

    /// The 40-character lowercase hexadecimal form.
    public var hex: String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 40) { buffer in
            digits.withUTF8Buffer { table in
                var position = 0
                func put(_ value: UInt64, bytes: Int) {
                    var shift = UInt64(bytes * 8 - 4)
                    for _ in 0..<(bytes * 2) {
                        buffer[position] = table[Int((value >> shift) & 0xF)]
                        position += 1
                        shift &-= 4
                    }
                }
                put(high, bytes: 8)
                put(middle, bytes: 8)
                put(UInt64(low), bytes: 4)
            }
            return 40
        }
    }

    /// The first `length` hex digits (clamped to 1...40), as git abbreviates ids for people.
    public func short(_ length: Int = 7) -> String {
        String(hex.prefix(min(max(length, 1), 40)))
    }

    /// The full hex form.
    public var description: String { hex }

    /// Byte order of the ids.
    public static func < (lhs: OID, rhs: OID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }

    /// Encoded as its 40-character hex string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let oid = OID(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a 40-character hexadecimal git object id")
        }
        self = oid
    }

    /// Encodes the 40-character hex string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    // MARK: libgit2 bridge

    /// Copies a libgit2 id.
    init(_ raw: git_oid) {
        var h: UInt64 = 0, m: UInt64 = 0, l: UInt32 = 0
        withUnsafeBytes(of: raw.id) { bytes in
            for i in 0..<8 { h = h << 8 | UInt64(bytes[i]) }
            for i in 8..<16 { m = m << 8 | UInt64(bytes[i]) }
            for i in 16..<20 { l = l << 8 | UInt32(bytes[i]) }
        }
        self.init(high: h, middle: m, low: l)
    }

    /// Copies a libgit2 id from a pointer libgit2 returned; `nil` pointer gives `nil`.
    init?(_ pointer: UnsafePointer<git_oid>?) {
        guard let pointer else { return nil }
        self.init(pointer.pointee)
    }

    /// The libgit2 form, to pass to C calls.
    var raw: git_oid {
        var out = git_oid()
        withUnsafeMutableBytes(of: &out.id) { bytes in
            for i in 0..<8 {
                bytes[i] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(i)))
                bytes[8 + i] = UInt8(truncatingIfNeeded: middle >> (56 - 8 * UInt64(i)))
            }
            for i in 0..<4 {
                bytes[16 + i] = UInt8(truncatingIfNeeded: low >> (24 - 8 * UInt32(i)))
            }
        }
        return out
    }

    // MARK: parsing

    private static func parse(hex text: UnsafeBufferPointer<UInt8>) -> OID? {
        guard text.count == 40 else { return nil }
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        for (index, character) in text.enumerated() {
            let nibble: UInt64
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt64(character &- UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = UInt64(character &- UInt8(ascii: "a") &+ 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = UInt64(character &- UInt8(ascii: "A") &+ 10)
            default: return nil
            }
            switch index {
            case 0..<16: words.0 = words.0 << 4 | nibble
            case 16..<32: words.1 = words.1 << 4 | nibble
            default: words.2 = words.2 << 4 | nibble
            }
        }
        return OID(high: words.0, middle: words.1, low: UInt32(truncatingIfNeeded: words.2))
    }
}
