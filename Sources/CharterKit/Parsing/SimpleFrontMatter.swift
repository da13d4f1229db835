/// Front matter made only of plain `key: value` lines, read without a YAML parser.
///
/// Accepted only when YAML would read every line as a key and a plain scalar whose text is
/// the value as written: a key of letters, digits, `_` or `-`, then `: `, then a value that
/// does not start with a YAML indicator or a space, contains no `: ` or ` #`, and does not end
/// with `:` or a space; no tabs, no carriage returns, no blank or comment lines, no repeated
/// key. Anything else (quoted or block values, nesting, comments) is left to the YAML parser,
/// which gives the same values and names the line of any error.
struct SimpleFrontMatter {
    var pairs: [(key: String, value: String)]

    init?(_ lines: ArraySlice<Substring>) {
        pairs = []
        pairs.reserveCapacity(lines.count)
        for line in lines {
            guard let pair = SimpleFrontMatter.pair(line) else { return nil }
            if pairs.contains(where: { $0.key == pair.key }) { return nil }
            pairs.append(pair)
        }
    }

    /// The clause these lines describe (body empty), or nil when `id` or `title` is missing,
    /// invalid or empty: the YAML path then reports the problem with its line.
    func clause() -> Clause? {
        var id: ClauseID?
        var title: String?
        var fields: [String: String] = [:]
        for (key, value) in pairs {
            switch key {
            case "id": id = ClauseID(value)
            case "title": title = value
            default: fields[key] = value
            }
        }
        guard let id, let title, !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return Clause(id: id, title: title, body: "", fields: fields)
    }

    private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

    static func pair(_ line: Substring) -> (key: String, value: String)? {
        let bytes = line.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex else { return nil }
        for byte in bytes[..<colon] {
            let ok = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            guard ok else { return nil }
        }
        let afterColon = bytes.index(after: colon)
        guard afterColon < bytes.endIndex, bytes[afterColon] == 0x20 else { return nil }
        let valueStart = bytes.index(after: afterColon)
        guard valueStart < bytes.endIndex else { return nil }
        let value = bytes[valueStart...]
        guard let first = value.first, first != 0x20, !indicators.contains(first),
              let last = value.last, last != 0x20, last != UInt8(ascii: ":") else { return nil }
        var previous: UInt8 = 0
        for byte in value {
            if byte == 0x09 || byte == 0x0D || byte < 0x20 || byte == 0x7F { return nil }
            if previous == UInt8(ascii: ":") && byte == 0x20 { return nil }
            if previous == 0x20 && byte == UInt8(ascii: "#") { return nil }
            previous = byte
        }
        // Non-ASCII spaces and line separators YAML treats specially: leave them to Yams.
        let text = String(Substring(value))
        if text.unicodeScalars.contains(where: { $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0xFEFF || $0.value == 0xA0 }) {
            return nil
        }
        return (String(Substring(bytes[..<colon])), text)
    }
}
