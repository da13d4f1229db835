import Foundation
import Yams

/// Edits of a clause file that keep what the edit does not touch. Pure.
public enum ClauseText {
    /// The clause file `data` with its body replaced by `body` and, when `title` is given and
    /// differs, its `title:` line rewritten. The front matter is otherwise kept byte for byte,
    /// so the change an amendment makes is exactly the change it proposes (and merges well);
    /// when the front matter cannot be edited in place, the file is written in canonical form.
    public static func replacing(in data: Data, title: String?, body: String, file: String) throws -> Data {
        let parsed = try ClauseFile.parse(data, file: file).clause
        let newTitle = title ?? parsed.title
        var expected = parsed
        expected.title = newTitle
        expected.body = body
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let closing = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) {
            if newTitle != parsed.title {
                if let index = (1..<closing).first(where: { lines[$0].hasPrefix("title:") }),
                   index + 1 >= closing || !(lines[index + 1].first?.isWhitespace ?? false),
                   let line = titleLine(newTitle) {
                    lines[index] = line
                } else {
                    lines = []
                }
            }
            if !lines.isEmpty {
                let front = lines[...closing].joined(separator: "\n") + "\n"
                let candidate = Data((front + "\n" + body).utf8)
                if let reread = try? ClauseFile.parse(candidate, file: file).clause, reread == expected {
                    return candidate
                }
            }
        }
        return Data(ClauseFile.render(expected).utf8)
    }

    /// `title: <value>` as YAML writes it (quoted when it must be).
    static func titleLine(_ title: String) -> String? {
        let node = Node.mapping(Node.Mapping([(Node("title"), Node(title))]))
        guard let yaml = try? Yams.serialize(node: node, allowUnicode: true, lineBreak: .ln) else { return nil }
        let trimmed = yaml.hasSuffix("\n") ? String(yaml.dropLast()) : yaml
        return trimmed.contains("\n") ? nil : trimmed
    }

    /// A body as proposed: line endings made `\n`, ending with exactly one newline.
    public static func normalisedBody(_ text: String) -> String {
        var body = text.replacingOccurrences(of: "\r\n", with: "\n")
        while let last = body.last, last.isNewline || last == " " || last == "\t" { body.removeLast() }
        return body.isEmpty ? "" : body + "\n"
    }
}

/// `Key: value` trailers at the end of a commit message (git's convention: the last paragraph).
public enum CommitTrailers {
    /// The trailers of the last paragraph, in order; empty when its lines are not all trailers.
    public static func parse(_ message: String) -> [(key: String, value: String)] {
        let paragraphs = message.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
        guard paragraphs.count > 1, let last = paragraphs.last else { return [] }
        var trailers: [(key: String, value: String)] = []
        for line in last.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { return [] }
            let key = line[..<colon]
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return [] }
            trailers.append((String(key), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return trailers
    }

    /// The first value of `key` (case-insensitive), nil when absent.
    public static func value(_ key: String, in message: String) -> String? {
        parse(message).first { $0.key.caseInsensitiveCompare(key) == .orderedSame }?.value
    }
}
