import Foundation

/// Renders a `Publication` as a standalone HTML page (embedded CSS and figures, nothing
/// fetched from a network, every piece of text escaped, a print stylesheet for A4), as
/// Markdown (plain, or for pandoc to make docx and odt), or as JSON.
///
/// The public text holds no revision hash and no record id: those go to a technical annex,
/// off by default (`Options.technicalAnnex`).
public struct PublicationRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable { case html, markdown, json }

    public struct Options: Sendable {
        /// Adds the technical annex: the revision published, each amendment's id and revision.
        public var technicalAnnex: Bool
        /// Page numbers of the anchors (`clause-<id>`, `changes`, …) read back from a first
        /// printing: the table of contents shows them.
        public var pages: [String: Int]
        /// The figures' captions are given by the document (not drawn in the images).
        public init(technicalAnnex: Bool = false, pages: [String: Int] = [:]) {
            self.technicalAnnex = technicalAnnex
            self.pages = pages
        }
    }

    public var language: Language
    public var options: Options

    public init(language: Language = .fr, options: Options = Options()) {
        self.language = language
        self.options = options
    }

    /// Figures to include: SVG text for HTML (inlined), file names for Markdown (linked).
    public struct Figures: Sendable {
        public var heatmap: String
        public var evolution: String
        public init(heatmap: String, evolution: String) {
            self.heatmap = heatmap
            self.evolution = evolution
        }
    }

    /// The entries of the table of contents: (anchor, label, level), level 1 for a part of
    /// the document, 2 for a clause.
    func contents(_ publication: Publication, figures: Bool) -> [(anchor: String, label: String, level: Int)] {
        var entries: [(anchor: String, label: String, level: Int)] = [("legend", text("report.legend.title"), 1)]
        for (index, section) in publication.sections.enumerated() {
            entries.append(("section-\(index + 1)", section.title, 1))
            for clause in section.clauses { entries.append(("clause-\(clause.id.rawValue)", "\(clause.number). \(clause.title)", 2)) }
        }
        if let title = changesTitle(publication) { entries.append(("changes", title, 1)) }
        entries.append(("amendments", text("report.amendments.title"), 1))
        if !publication.participation.isEmpty { entries.append(("participation", text("report.participationTable.title"), 1)) }
        if figures { entries.append(("figures", text("report.figures"), 1)) }
        if options.technicalAnnex { entries.append(("technical", text("report.technical.title"), 1)) }
        return entries
    }

    // MARK: HTML

    public func html(_ publication: Publication, figures: Figures? = nil) -> String {
        let references = ClauseReferences(publication, language: language)
        let style = PublicationStyle.css + PublicationStyle.page(title: publication.title, version: versionLabel(publication),
                                                                 pageNumber: text("report.page", ["page": "\u{1}", "pages": "\u{2}"]))
        var out = """
        <!DOCTYPE html>
        <html lang="\(e(publication.language))">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(e(publication.title))</title>
        <style>
        \(style)</style>
        </head>
        <body>
        <header class="cover">
        <h1>\(e(publication.title))</h1>
        <p class="meta">\(e(versionLine(publication)))</p>
        <p class="meta">\(e(ruleLine(publication)))</p>
        <p class="meta">\(e(summaryLine(publication)))</p>
        </header>
        <nav class="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">\(e(text("report.contents")))</h2>
        <ol>

        """
        for entry in contents(publication, figures: figures != nil) {
            let page = options.pages[entry.anchor].map { "<span class=\"page\">\($0)</span>" } ?? ""
            out += "<li class=\"level-\(entry.level)\"><a href=\"#\(e(entry.anchor))\"><span class=\"label\">\(e(entry.label))</span>\(page)</a></li>\n"
        }
        out += "</ol>\n</nav>\n"
        out += "<section class=\"legend\" id=\"legend\">\n<h2>\(e(text("report.legend.title")))</h2>\n<p>\(e(text("report.legend.intro")))</p>\n<dl>\n"
        for item in legend {
            out += "<dt><span class=\"badge \(item.status.rawValue)\">\(e(language.status(item.status)))</span></dt><dd>\(e(item.meaning))</dd>\n"
        }
        out += "</dl>\n</section>\n<main>\n"
        for (index, section) in publication.sections.enumerated() {
            out += "<section class=\"part\">\n<h2 id=\"section-\(index + 1)\">\(e(section.title))</h2>\n"
            for clause in section.clauses { out += clauseHTML(clause, publication, references) }
            out += "</section>\n"
        }
        out += "</main>\n"
        out += changesHTML(publication, references)
        out += amendmentsHTML(publication, references)
        out += participationHTML(publication)
        if let figures {
            out += "<section class=\"figures\">\n<h2 id=\"figures\">\(e(text("report.figures")))</h2>\n"
            out += "<figure>\n\(figures.heatmap)<figcaption>\(e(text("report.heatmap.title")))</figcaption>\n</figure>\n"
            out += "<figure>\n\(figures.evolution)<figcaption>\(e(text("report.evolution.title")))</figcaption>\n</figure>\n</section>\n"
        }
        if options.technicalAnnex { out += technicalHTML(publication) }
        out += "</body>\n</html>\n"
        return out
    }

    func clauseHTML(_ clause: Publication.Clause, _ publication: Publication, _ references: ClauseReferences) -> String {
        var out = "<article class=\"clause\">\n"
        out += "<h3 id=\"clause-\(e(clause.id.rawValue))\"><span class=\"number\">\(clause.number).</span> \(e(clause.title))</h3>\n"
        let participation = participation(clause, in: publication)
        let counts = participation.counts.map { item in
            e(item.text) + (item.notes.isEmpty ? "" : "<sup class=\"refs\">"
                + item.notes.map { "<a href=\"#note-\($0)\" id=\"ref-\($0)\">\($0)</a>" }.joined(separator: ",\u{202F}") + "</sup>")
        }
        out += "<p class=\"participation\"><span class=\"badge \(clause.status.rawValue)\">\(e(language.status(clause.status)))</span> "
            + e(participation.territories) + (counts.isEmpty ? "." : "\u{00A0}— " + counts.joined(separator: ", ") + ".") + "</p>\n"
        out += "<div class=\"body\">\n" + MarkdownLite.html(clause.body, references: references) + "</div>\n"
        for line in originLines(clause) { out += "<p class=\"origin\">\(e(line))</p>\n" }
        let notes = clause.notes.compactMap { number in publication.notes.first { $0.number == number } }
        if !notes.isEmpty {
            out += "<ol class=\"notes\">\n"
            for note in notes {
                out += "<li id=\"note-\(note.number)\" value=\"\(note.number)\" class=\"\(note.position.rawValue)\">"
                    + "\(e(noteText(note))) <a href=\"#ref-\(note.number)\" class=\"back\" aria-label=\"↩\">↩</a></li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</article>\n"
    }

    func changesHTML(_ publication: Publication, _ references: ClauseReferences) -> String {
        guard let changes = publication.changes, let title = changesTitle(publication) else { return "" }
        var out = "<section class=\"changes\">\n<h2 id=\"changes\">\(e(title))</h2>\n<p>\(e(changesIntro(changes)))</p>\n"
        for change in changes.clauses {
            let number = change.number.map { "\($0). " } ?? ""
            out += "<div class=\"change\">\n<h3>\(e(number + change.title))</h3>\n<p class=\"kinds\">\(e(changeKinds(change)))</p>\n"
            if let redline = change.redline.map(references.plain), !redline.isEmpty {
                out += "<p class=\"redline\">\(HTMLDiffRenderer.fragment(redline))</p>\n"
            }
            out += "</div>\n"
        }
        return out + "</section>\n"
    }

    func amendmentsHTML(_ publication: Publication, _ references: ClauseReferences) -> String {
        var out = "<section class=\"appendix\">\n<h2 id=\"amendments\">\(e(text("report.amendments.title")))</h2>\n"
        if publication.amendments.isEmpty { return out + "<p>\(e(text("report.amendments.none")))</p>\n</section>\n" }
        for amendment in publication.amendments {
            out += "<div class=\"amendment\">\n<h3>\(e(amendmentHeadline(amendment)))</h3>\n<p class=\"meta\">\(e(amendmentDetails(amendment)))</p>\n"
            if let rationale = amendment.rationale, !rationale.isEmpty {
                out += "<p>\(e(text("report.amendment.rationale", ["text": rationale])))</p>\n"
            }
            if let redline = amendment.redline.map(references.plain), !redline.isEmpty {
                out += "<p class=\"label\">\(e(text("report.amendment.change")))</p>\n<p class=\"redline\">\(HTMLDiffRenderer.fragment(redline))</p>\n"
            }
            out += "</div>\n"
        }
        return out + "</section>\n"
    }

    func participationHTML(_ publication: Publication) -> String {
        let table = publication.participation
        guard !table.isEmpty else { return "" }
        var out = "<section class=\"participation-table\">\n<h2 id=\"participation\">\(e(text("report.participationTable.title")))</h2>\n"
        out += "<table>\n<caption>\(e(text("report.participationTable.caption")))</caption>\n<thead><tr><th scope=\"col\">"
            + e(text("report.participationTable.territory")) + "</th>"
        for column in table.workshops {
            out += "<th scope=\"col\">\(e(column.title))<br/><span class=\"date\">\(e(language.day(column.date)))</span></th>"
        }
        out += "<th scope=\"col\">\(e(text("report.participationTable.total")))</th></tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr><th scope=\"row\">\(e(row.name))</th>" + row.counts.map { "<td>\($0.map(String.init) ?? "—")</td>" }.joined()
                + "<td>\(row.total)</td></tr>\n"
        }
        out += "</tbody>\n<tfoot><tr><th scope=\"row\">\(e(text("report.participationTable.total")))</th>"
            + table.columnTotals.map { "<td>\($0)</td>" }.joined() + "<td>\(table.columnTotals.reduce(0, +))</td></tr></tfoot>\n"
        return out + "</table>\n</section>\n"
    }

    func technicalHTML(_ publication: Publication) -> String {
        var out = "<section class=\"technical\">\n<h2 id=\"technical\">\(e(text("report.technical.title")))</h2>\n<ul>\n"
        out += "<li>\(e(text("report.technical.revision", ["revision": publication.revision])))</li>\n"
        for amendment in publication.amendments {
            out += "<li>\(e(amendmentHeadline(amendment)))<br/>\(e(text("report.technical.amendment", ["id": amendment.id, "revision": amendment.revision])))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    // MARK: JSON

    public func json(_ publication: Publication) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(publication), as: UTF8.self) + "\n"
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

private func e(_ text: String) -> String { HTMLDiffRenderer.escape(text) }
