import Foundation

/// The little Markdown clause bodies use, as HTML: paragraphs, line breaks, `-` lists,
/// `**strong**` and `*emphasis*`. Everything else is text, escaped.
public enum MarkdownLite {
    public static func html(_ markdown: String, references: ClauseReferences? = nil) -> String {
        var out = ""
        let blocks = markdown.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        for block in blocks {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard !lines.isEmpty else { continue }
            if lines.allSatisfy({ $0.hasPrefix("- ") || $0.hasPrefix("* ") }) {
                out += "<ul>\n" + lines.map { "<li>\(inline(String($0.dropFirst(2)), references))</li>\n" }.joined() + "</ul>\n"
            } else if lines.count == 1, let heading = lines.first, heading.hasPrefix("#") {
                out += "<h4>\(inline(heading.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces), references))</h4>\n"
            } else {
                out += "<p>" + lines.map { inline($0, references) }.joined(separator: "<br/>\n") + "</p>\n"
            }
        }
        return out
    }

    /// Escapes, turns `**a**` into `<strong>a</strong>` and `*a*` into `<em>a</em>`, and
    /// `[[clause-id]]` into a link to the clause (its words only, without `references`).
    static func inline(_ text: String, _ references: ClauseReferences?) -> String {
        let resolver = references ?? ClauseReferences(targets: [:], language: .fr)
        return resolver.pieces(text).map { piece in
            switch piece {
            case .text(let run): return emphasis(run)
            case .link(let shown, let anchor?): return "<a class=\"reference\" href=\"#clause-\(HTMLDiffRenderer.escape(anchor))\">\(HTMLDiffRenderer.escape(shown))</a>"
            case .link(let shown, nil): return HTMLDiffRenderer.escape(shown)
            }
        }.joined()
    }

    static func emphasis(_ text: String) -> String {
        var escaped = HTMLDiffRenderer.escape(text)
        escaped = replacePairs(in: escaped, marker: "**", open: "<strong>", close: "</strong>")
        escaped = replacePairs(in: escaped, marker: "*", open: "<em>", close: "</em>")
        return escaped
    }

    private static func replacePairs(in text: String, marker: String, open: String, close: String) -> String {
        let parts = text.components(separatedBy: marker)
        guard parts.count >= 3 else { return text }
        var out = parts[0]
        var index = 1
        while index < parts.count {
            if index + 1 < parts.count, !parts[index].isEmpty {
                out += open + parts[index] + close + parts[index + 1]
                index += 2
            } else {
                out += marker + parts[index]
                index += 1
            }
        }
        return out
    }
}

