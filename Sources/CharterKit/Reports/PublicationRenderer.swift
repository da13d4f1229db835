import Foundation

/// Renders a `Publication` as a standalone HTML page (embedded CSS and figures, nothing
/// fetched from a network, every piece of text escaped), as Markdown, or as JSON.
public struct PublicationRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable { case html, markdown, json }

    public var language: Language

    public init(language: Language = .fr) { self.language = language }

    /// Figures to include: SVG text for HTML (inlined), file names for Markdown (linked).
    public struct Figures: Sendable {
        public var heatmap: String
        public var evolution: String
        public init(heatmap: String, evolution: String) {
            self.heatmap = heatmap
            self.evolution = evolution
        }
    }

    // MARK: HTML

    public func html(_ publication: Publication, figures: Figures? = nil) -> String {
        let words = language.words
        var out = """
        <!doctype html>
        <html lang="\(e(publication.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(publication.title))</title>
        <style>
        \(Self.css)</style>
        </head>
        <body>
        <header>
        <h1>\(e(publication.title))</h1>
        <p class="meta">\(e(words.publishedAt)) \(e(language.day(publication.date))) — \(e(words.revision)) <code>\(e(String(publication.revision.prefix(7))))</code></p>
        <p class="meta">\(e(words.rule)) : \(e(language.rule(publication.rule))). \(e(summaryLine(publication)))</p>
        </header>

        """
        for section in publication.sections {
            out += "<section>\n<h2>\(e(section.title))</h2>\n"
            for clause in section.clauses {
                out += "<article class=\"clause\" id=\"\(e(clause.id.rawValue))\">\n"
                let refs = clause.notes.map { "<sup><a href=\"#note-\($0)\" id=\"ref-\($0)\">\($0)</a></sup>" }.joined()
                out += "<h3><span class=\"number\">\(clause.number).</span> \(e(clause.title))\(refs) "
                    + "<span class=\"badge \(clause.status.rawValue)\">\(e(language.status(clause.status)))</span></h3>\n"
                out += MarkdownLite.html(clause.body) + "</article>\n"
            }
            out += "</section>\n"
        }
        if !publication.notes.isEmpty {
            out += "<section class=\"notes\">\n<h2>\(e(words.notes))</h2>\n<ol>\n"
            for note in publication.notes {
                out += "<li id=\"note-\(note.number)\" value=\"\(note.number)\"><strong>\(e(note.territoryName))</strong>, "
                    + "<span class=\"position \(note.position.rawValue)\">\(e(language.position(note.position)))</span> "
                    + "(\(e(note.workshopTitle ?? note.workshop))\(note.workshopDate.map { ", " + e(language.day($0)) } ?? "")) : "
                    + "\(e(note.text)) <a href=\"#ref-\(note.number)\" aria-label=\"↩\">↩</a></li>\n"
            }
            out += "</ol>\n</section>\n"
        }
        if let figures {
            out += "<section class=\"figures\">\n<h2>\(e(words.figures))</h2>\n"
            out += "<figure>\n\(figures.heatmap)<figcaption>\(e(words.heatmapTitle))</figcaption>\n</figure>\n"
            out += "<figure>\n\(figures.evolution)<figcaption>\(e(words.evolutionTitle))</figcaption>\n</figure>\n</section>\n"
        }
        out += "<section class=\"appendix\">\n<h2>\(e(words.appendix))</h2>\n"
        if publication.amendments.isEmpty {
            out += "<p>\(e(words.noAmendment))</p>\n"
        } else {
            out += "<ol>\n"
            for amendment in publication.amendments {
                out += "<li><strong>\(e(language.day(amendment.date)))</strong> — \(e(amendmentLine(amendment)))"
                if let rationale = amendment.rationale, !rationale.isEmpty { out += "<br><em>\(e(rationale))</em>" }
                out += "</li>\n"
            }
            out += "</ol>\n"
        }
        out += "</section>\n</body>\n</html>\n"
        return out
    }

    // MARK: Markdown

    /// Markdown with footnotes (`[^1]`); figures are linked by file name.
    public func markdown(_ publication: Publication, figures: Figures? = nil) -> String {
        let words = language.words
        var lines = ["# \(publication.title)", ""]
        lines.append("*\(words.publishedAt) \(language.day(publication.date)) — \(words.revision) `\(publication.revision.prefix(7))`.*")
        lines.append("")
        lines.append("\(words.rule) : \(language.rule(publication.rule)). \(summaryLine(publication))")
        lines.append("")
        for section in publication.sections {
            lines.append("## \(section.title)")
            lines.append("")
            for clause in section.clauses {
                let refs = clause.notes.map { "[^\($0)]" }.joined()
                lines.append("### \(clause.number). \(clause.title)\(refs)")
                lines.append("")
                lines.append("**\(language.status(clause.status).capitalizedFirst)**")
                lines.append("")
                lines.append(clause.body.trimmingCharacters(in: .newlines))
                lines.append("")
            }
        }
        if let figures {
            lines.append("## \(words.figures)")
            lines.append("")
            lines.append("![\(words.heatmapTitle)](\(figures.heatmap))")
            lines.append("")
            lines.append("![\(words.evolutionTitle)](\(figures.evolution))")
            lines.append("")
        }
        lines.append("## \(words.appendix)")
        lines.append("")
        if publication.amendments.isEmpty {
            lines.append(words.noAmendment)
        } else {
            for (index, amendment) in publication.amendments.enumerated() {
                var line = "\(index + 1). **\(language.day(amendment.date))** — \(amendmentLine(amendment))"
                if let rationale = amendment.rationale, !rationale.isEmpty {
                    line += "  \n   *\(rationale.replacingOccurrences(of: "\n", with: " "))*"
                }
                lines.append(line)
            }
        }
        lines.append("")
        for note in publication.notes {
            let workshop = (note.workshopTitle ?? note.workshop) + (note.workshopDate.map { ", " + language.day($0) } ?? "")
            lines.append("[^\(note.number)]: **\(note.territoryName)**, \(language.position(note.position)) (\(workshop)) : "
                         + note.text.replacingOccurrences(of: "\n", with: " "))
        }
        if !publication.notes.isEmpty { lines.append("") }
        return lines.joined(separator: "\n")
    }

    // MARK: JSON

    public func json(_ publication: Publication) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(publication), as: UTF8.self) + "\n"
    }

    // MARK: Parts

    func summaryLine(_ publication: Publication) -> String {
        let counts = publication.summary
        let parts = ClauseStatus.allCases.compactMap { status in counts[status].map { "\($0) \(language.status(status))" } }
        return "\(publication.clauseCount) \(language.words.clauses)\(language == .fr ? " :" : ":") \(parts.joined(separator: ", "))."
    }

    func amendmentLine(_ amendment: Publication.AdoptedAmendment) -> String {
        var text = ""
        if let operation = amendment.operation, let clause = amendment.clause {
            text = "\(language.operation(operation).capitalizedFirst) « \(amendment.clauseTitle ?? clause.rawValue) » (\(clause))"
        } else {
            text = amendment.summary
        }
        if let name = amendment.territoryName ?? amendment.territory { text += ", \(language.words.proposedBy) \(name)" }
        text += " — \(language.words.revision) \(amendment.revision.prefix(7)), \(language == .fr ? "amendement" : "amendment") \(amendment.shortID)"
        if amendment.forced { text += " (\(language.words.forced))" }
        return text
    }

    public static let css = """
        body { font-family: Georgia, "Times New Roman", serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.55; color: #1a1a1a; }
        h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
        h2 { font-size: 1.3rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 1.08rem; margin-bottom: 0.3rem; }
        .meta { font-family: system-ui, sans-serif; font-size: 0.9rem; color: #444; margin: 0.2rem 0; }
        .number { color: #666; }
        .badge { font-family: system-ui, sans-serif; font-size: 0.72rem; font-weight: normal; padding: 0.1rem 0.45rem; border-radius: 0.7rem; vertical-align: middle; white-space: nowrap; color: #fff; }
        .badge.consensus { background: #2e7d32; }
        .badge.consensus-with-reservations { background: #8bc34a; color: #1a1a1a; }
        .badge.objection { background: #c62828; }
        .badge.open { background: #b0b7bf; color: #1a1a1a; }
        .badge.stale { background: #8e6fb5; }
        .position.reservation { color: #a06c00; font-weight: bold; }
        .position.objection { color: #c62828; font-weight: bold; }
        sup a { text-decoration: none; }
        .notes, .appendix { font-size: 0.92rem; }
        figure { margin: 1.5rem 0; overflow-x: auto; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-family: system-ui, sans-serif; font-size: 0.85rem; color: #555; }
        @media print { body { max-width: none; margin: 0; } section { break-inside: auto; } article { break-inside: avoid; } }

        """
}

/// The little Markdown clause bodies use, as HTML: paragraphs, line breaks, `-` lists,
/// `**strong**` and `*emphasis*`. Everything else is text, escaped.
public enum MarkdownLite {
    public static func html(_ markdown: String) -> String {
        var out = ""
        let blocks = markdown.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        for block in blocks {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard !lines.isEmpty else { continue }
            if lines.allSatisfy({ $0.hasPrefix("- ") || $0.hasPrefix("* ") }) {
                out += "<ul>\n" + lines.map { "<li>\(inline(String($0.dropFirst(2))))</li>\n" }.joined() + "</ul>\n"
            } else if lines.count == 1, let heading = lines.first, heading.hasPrefix("#") {
                out += "<h4>\(inline(heading.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)))</h4>\n"
            } else {
                out += "<p>" + lines.map(inline).joined(separator: "<br>\n") + "</p>\n"
            }
        }
        return out
    }

    /// Escapes, then turns `**a**` into `<strong>a</strong>` and `*a*` into `<em>a</em>`.
    static func inline(_ text: String) -> String {
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

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

private func e(_ text: String) -> String { HTMLDiffRenderer.escape(text) }
