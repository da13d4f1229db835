import Foundation
import Yams

/// Reads and writes one clause file: YAML front matter (`id`, `title`,
/// optional fields) between `---` lines, then the Markdown body.
public enum ClauseFile {
    /// A parsed clause with the 1-based line where its body starts.
    public struct Parsed: Hashable, Sendable {
        public var clause: Clause
        public var bodyStartLine: Int
    }

    public static func parse(_ data: Data, file: String) throws -> Parsed {
        let text = try UTF8Text.decode(data, file: file)
        func isFence(_ line: Substring) -> Bool {
            line.trimmingCharacters(in: .whitespaces) == "---" || line == "---\r"
        }
        // The lines up to the closing fence only (as `split(separator: "\n")` cuts them): the
        // body is never cut into lines.
        var lines: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            // By bytes: "\r\n" is one Character, which a search for "\n" would never find,
            // and CRLF files (saved on Windows) are accepted like the manifest.
            let end = text.utf8[start...].firstIndex(of: 0x0A) ?? text.endIndex
            lines.append(text[start..<end])
            if lines.count == 1 ? !isFence(lines[0]) : isFence(lines[lines.count - 1]) { break }
            start = end < text.endIndex ? text.utf8.index(after: end) : end
        }
        guard let first = lines.first, isFence(first) else {
            throw CharterError(.missingFrontMatter, file: file, line: 1,
                               "a clause file must start with front matter between `---` lines",
                               hint: "begin the file with:\n---\nid: <id>\ntitle: <title>\n---")
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            throw CharterError(.missingFrontMatter, file: file, line: 1,
                               "the front matter opened on line 1 is never closed",
                               hint: "add a line `---` after the `title:` line")
        }
        // Most front matter is plain `key: value` lines: read those directly (40x faster than
        // a YAML parser); anything else, and every error, goes through Yams.
        let front = lines[1..<closing].map { $0.unicodeScalars.last == "\r" ? Substring($0.unicodeScalars.dropLast()) : $0 }
        if let simple = SimpleFrontMatter(front[...]), let clause = simple.clause() {
            return finish(clause, text: text, lines: lines, closing: closing)
        }
        let yaml = front.joined(separator: "\n")
        let document = try YAMLDocument(yaml, file: file, lineOffset: 1)
        let idText = try document.requiredString("id", hint: "add `id: <id>` (lower-case letters, digits and dashes) to the front matter")
        guard let id = ClauseID(idText) else {
            throw CharterError(.invalidID, file: file, line: document.line(of: document.root["id"]),
                               "`\(idText)` is not a valid clause id",
                               hint: "use lower-case ASCII letters, digits and dashes, e.g. `juste-place`")
        }
        let title = try document.requiredString("title", hint: "add `title: <title>` to the front matter")
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw CharterError(.emptyTitle, file: file, line: document.line(of: document.root["title"]),
                               "the clause `\(idText)` has an empty title", hint: "give it a title")
        }
        var fields: [String: String] = [:]
        for (keyNode, valueNode) in document.root {
            guard let key = keyNode.string, key != "id", key != "title" else { continue }
            fields[key] = try document.scalar(valueNode, what: "`\(key)`")
        }
        return finish(Clause(id: id, title: title, body: "", fields: fields), text: text, lines: lines, closing: closing)
    }

    /// Completes a clause read from its front matter with the body after the closing fence.
    private static func finish(_ clause: Clause, text: String, lines: [Substring], closing: Int) -> Parsed {
        // The body starts after the closing fence, without the one blank line that conventionally follows it.
        let byteOffset = lines[...closing].reduce(0) { $0 + $1.utf8.count + 1 }
        var body = byteOffset < text.utf8.count ? String(text.utf8.dropFirst(byteOffset)) ?? "" : ""
        var bodyStartLine = closing + 2
        if body.hasPrefix("\n") {
            body.removeFirst()
            bodyStartLine += 1
        } else if body.hasPrefix("\r\n") {
            body.removeFirst(1)
            bodyStartLine += 1
        }
        var clause = clause
        clause.body = body
        return Parsed(clause: clause, bodyStartLine: bodyStartLine)
    }

    /// The canonical file text for a clause: front matter, a blank line, the body.
    public static func render(_ clause: Clause) -> String {
        var pairs: [(Node, Node)] = [
            (Node("id"), Node(clause.id.rawValue)),
            (Node("title"), Node(clause.title)),
        ]
        for key in clause.fields.keys.sorted() {
            pairs.append((Node(key), Node(clause.fields[key] ?? "")))
        }
        let yaml = (try? Yams.serialize(node: .mapping(Node.Mapping(pairs)), allowUnicode: true, lineBreak: .ln))
            ?? "id: \(clause.id)\ntitle: \(clause.title)\n"
        return "---\n" + yaml + "---\n\n" + clause.body
    }
}
