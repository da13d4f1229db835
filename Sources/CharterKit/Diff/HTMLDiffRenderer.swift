/// Renders a `CharterDiff` as a standalone HTML redline page: embedded CSS,
/// nothing fetched from a network, deletions in `<del>` and insertions in
/// `<ins>`, every piece of charter text HTML-escaped.
public struct HTMLDiffRenderer: Sendable {
    /// The page's `lang` attribute: the language of the charter's text.
    public var language: String
    /// The page title; "Changes from <from> to <to>" when nil.
    public var title: String?

    public init(language: String = "fr", title: String? = nil) {
        self.language = language
        self.title = title
    }

    public func render(_ diff: CharterDiff) -> String {
        let heading = "Changes from \(diff.fromLabel) to \(diff.toLabel)"
        var out = """
        <!doctype html>
        <html lang="\(Self.escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title ?? heading))</title>
        <style>
        \(Self.css)</style>
        </head>
        <body>
        <h1>\(Self.escape(title ?? heading))</h1>

        """
        if title != nil { out += "<p class=\"labels\">\(Self.escape(heading))</p>\n" }
        let manifestLines = DiffWording.manifestLines(diff)
        if !manifestLines.isEmpty {
            out += "<ul class=\"manifest\">\n"
            for line in manifestLines { out += "<li>\(Self.escape(line))</li>\n" }
            out += "</ul>\n"
        }
        for change in diff.clauses {
            let classes = (["clause"] + change.kinds.map(\.rawValue)).joined(separator: " ")
            out += "<article class=\"\(classes)\" id=\"clause-\(Self.escape(change.id.rawValue))\">\n"
            let number = change.number.map { "<span class=\"number\">\($0).</span> " } ?? ""
            out += "<h2>\(number)\(Self.escape(change.title)) <code>\(Self.escape(change.id.rawValue))</code></h2>\n"
            out += "<p class=\"kinds\">\(Self.escape(DiffWording.kinds(change)))</p>\n"
            if change.has(.added), let clause = change.clause {
                out += "<div class=\"body\"><ins>\(Self.escape(clause.body))</ins></div>\n"
            } else if change.has(.removed), let clause = change.clause {
                out += "<div class=\"body\"><del>\(Self.escape(clause.body))</del></div>\n"
            } else if change.has(.modified), let body = change.body {
                out += "<div class=\"body\">\(Self.fragment(body))</div>\n"
            }
            out += "</article>\n"
        }
        out += "<p class=\"summary\">\(Self.escape(diff.isEmpty ? "No change." : MarkdownDiffRenderer.capitalized(diff.summary.description) + "."))</p>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// One body's word diff as an HTML fragment: kept text escaped,
    /// deletions in `<del>`, insertions in `<ins>`. Newlines are kept as they
    /// are: put it in an element styled `white-space: pre-wrap`.
    public static func fragment(_ diff: WordDiff) -> String {
        var html = ""
        for segment in diff.segments {
            switch segment.kind {
            case .equal: html += escape(segment.text)
            case .deleted: html += "<del>" + escape(segment.text) + "</del>"
            case .inserted: html += "<ins>" + escape(segment.text) + "</ins>"
            }
        }
        return html
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static let css = """
        body { font-family: Georgia, "Times New Roman", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
        h1 { font-size: 1.5rem; }
        h2 { font-size: 1.15rem; margin-bottom: 0.25rem; }
        h2 code { font-size: 0.8rem; color: #666; font-weight: normal; }
        .number { color: #666; }
        .kinds, .labels, .summary, .manifest { font-family: system-ui, sans-serif; font-size: 0.9rem; color: #444; }
        .kinds { margin-top: 0; }
        .body { white-space: pre-wrap; }
        .clause { border-top: 1px solid #ddd; padding-top: 0.5rem; }
        del { background: #fde2e2; color: #8b0000; text-decoration: line-through; }
        ins { background: #ddf4dd; color: #05520b; text-decoration: underline; }
        .summary { border-top: 1px solid #ddd; padding-top: 0.75rem; }

        """
}
