import CharterKit
import Foundation

/// An `application/x-www-form-urlencoded` body or a URL query: ordered fields, a name may repeat.
struct FormData: Sendable {
    private(set) var fields: [(name: String, value: String)] = []

    init(fields: [(name: String, value: String)] = []) { self.fields = fields }

    init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = FormData.decode(parts[0])
            let value = parts.count > 1 ? FormData.decode(parts[1]) : ""
            fields.append((name, value))
        }
    }

    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// The value, trimmed, nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// The name of the first field whose name or value, once `%XX` escapes are decoded, is not
    /// valid UTF-8 (nil when all are): such a form is refused rather than recorded with
    /// replacement characters.
    static func invalidUTF8Field(_ body: some Collection<UInt8>) -> String? {
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = bytes(parts[0])
            let value = parts.count > 1 ? bytes(parts[1]) : []
            if String(validating: name, as: UTF8.self) == nil || String(validating: value, as: UTF8.self) == nil {
                return String(decoding: name, as: UTF8.self)
            }
        }
        return nil
    }

    /// `+` is a space; `%XX` a byte; invalid sequences are kept as written.
    static func decode(_ text: Substring) -> String {
        String(decoding: bytes(text.utf8), as: UTF8.self)
    }

    private static func bytes(_ text: some Collection<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var iterator = Array(text)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                      let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }
}

/// What may appear in a URL or a form where an id is expected.
enum Identifiers {
    /// Clause, workshop and territory ids: `[a-z0-9-]+`, at most 100 characters.
    static func isID(_ text: String) -> Bool { text.count <= 100 && ClauseID.isValid(text) }

    /// An amendment: its full id (UUIDv7 form) or a prefix or suffix of at least four hex digits.
    static func isAmendmentReference(_ text: String) -> Bool {
        if RecordID(text) != nil { return true }
        return (4...36).contains(text.count) && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46) || byte == 0x2D
        }
    }

    /// A revision as a user names it: `HEAD`, `HEAD~2`, a branch, `charter/v1.0`, a commit id.
    /// No ranges (`..`), no reflog syntax (`@{`), no option-looking names, at most 100 characters.
    static func isRevision(_ text: String) -> Bool {
        guard (1...100).contains(text.count), !text.hasPrefix("-"), !text.contains(".."), !text.contains("@{"),
              !text.hasSuffix("/"), !text.hasSuffix(".") else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x2F || byte == 0x7E || byte == 0x5E
        }
    }
}
