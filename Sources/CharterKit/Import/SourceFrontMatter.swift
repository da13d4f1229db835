import Foundation
import Yams

/// The front matter of a source document — Jekyll's or Hugo's YAML between `---` lines, Hugo's
/// TOML between `+++` lines — recognised so that it never becomes clause text. Its `title`
/// becomes the charter's title unless one is given; the rest is the website's business and is
/// not imported.
public struct SourceFrontMatter: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable, Codable {
        case yaml
        case toml
    }

    public var format: Format
    /// The top-level keys, in order.
    public var keys: [String]
    /// The `title` value, as plain text.
    public var title: String?
    /// How many lines it takes, fences included.
    public var lineCount: Int

    /// Splits the front matter off `text` (LF line endings); nil front matter when there is none.
    /// A `---` block that is not a YAML mapping is a thematic break, not front matter; one that
    /// starts like a mapping (`key: value`) but is not valid YAML is an error naming its line.
    public static func split(_ text: String, file: String) throws -> (frontMatter: SourceFrontMatter?, body: String) {
        let fence: String
        if text.hasPrefix("---\n") { fence = "---" } else if text.hasPrefix("+++\n") { fence = "+++" } else { return (nil, text) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let closers: Set<String> = fence == "---" ? ["---", "..."] : ["+++"]
        guard let closing = lines.indices.dropFirst().first(where: {
            closers.contains(lines[$0].trimmingCharacters(in: .whitespaces))
        }) else { return (nil, text) }
        let inner = lines[1..<closing].map(String.init)
        let body = lines[(closing + 1)...].joined(separator: "\n")
        if fence == "+++" {
            let (keys, title) = try toml(inner, file: file)
            return (SourceFrontMatter(format: .toml, keys: keys, title: title.map(PlainTitle.make), lineCount: closing + 1), body)
        }
        let looksLikeMapping = inner.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
            .map { $0.range(of: #"^[A-Za-z_][A-Za-z0-9_.-]*\s*:(\s|$)"#, options: .regularExpression) != nil } ?? false
        let node: Node?
        do {
            node = try Yams.compose(yaml: inner.joined(separator: "\n"))
        } catch {
            guard looksLikeMapping else { return (nil, text) }
            let line = YAMLField.position(of: error, lineOffset: 1)?.line ?? 2
            throw CharterError(.badYAML, file: file, line: line, Message("import.error.frontMatter", ["error": "\(error)"]),
                               hint: Message("import.error.frontMatter.hint"))
        }
        guard case .mapping(let mapping)? = node else { return (nil, text) }
        let keys = mapping.map { $0.0.string ?? "?" }
        let title = mapping["title"]?.string.map(PlainTitle.make).flatMap { $0.isEmpty ? nil : $0 }
        return (SourceFrontMatter(format: .yaml, keys: keys, title: title, lineCount: closing + 1), body)
    }

    /// Top-level keys and the `title` string of a TOML block (tables after the first `[table]` are not read).
    static func toml(_ lines: [String], file: String) throws -> (keys: [String], title: String?) {
        var keys: [String] = []
        var title: String?
        for (offset, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") { break }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            keys.append(key)
            guard key == "title" else { continue }
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard let string = tomlString(value) else {
                throw CharterError(.badInput, file: file, line: offset + 2, Message("import.error.tomlTitle"),
                                   hint: Message("import.error.tomlTitle.hint"))
            }
            title = string.isEmpty ? nil : string
        }
        return (keys, title)
    }

    /// A TOML basic (`"…"`, with escapes) or literal (`'…'`) string, nil when it is not one.
    static func tomlString(_ value: String) -> String? {
        guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
        var out = ""
        var iterator = value.dropFirst().makeIterator()
        while let c = iterator.next() {
            if c == quote { return out }
            if c == "\\", quote == "\"" {
                switch iterator.next() {
                case "n"?: out.append("\n")
                case "t"?: out.append("\t")
                case "\""?: out.append("\"")
                case "\\"?: out.append("\\")
                case "u"?:
                    var hex = ""
                    for _ in 0..<4 { if let h = iterator.next() { hex.append(h) } }
                    guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
                    out.unicodeScalars.append(scalar)
                default: return nil
                }
            } else {
                out.append(c)
            }
        }
        return nil
    }
}
