import Foundation

/// The publication as Markdown: plain (GitHub's flavour: footnotes, `<ins>` for insertions),
/// or for pandoc to make docx and odt (a metadata block, heading ids, real footnotes,
/// underlined insertions, figures as images with one caption each).
extension PublicationRenderer {
    public enum MarkdownFlavour: Sendable { case plain, pandoc }

    /// Markdown with footnotes (`[^1]`); figures are linked by file name.
    public func markdown(_ publication: Publication, figures: Figures? = nil, flavour: MarkdownFlavour = .plain) -> String {
        let references = ClauseReferences(publication, language: language)
        let pandoc = flavour == .pandoc
        func heading(_ level: Int, _ title: String, id: String) -> String {
            let marks = String(repeating: "#", count: level)
            return pandoc ? "\(marks) \(escaped(title)) {#\(id)}" : "<a id=\"\(id)\"></a>\n\n\(marks) \(escaped(title))"
        }
        var lines: [String] = []
        if pandoc {
            lines += ["---", "title: \(yaml(publication.title))", "subtitle: \(yaml(versionLine(publication)))",
                      "lang: \(yaml(publication.language))",
                      "toc-title: \(yaml(text("report.contents")))", "---", ""]
        } else {
            lines += ["# \(escaped(publication.title))", "", "*\(escaped(versionLine(publication)))*", ""]
        }
        lines += [escaped(ruleLine(publication)), "", escaped(summaryLine(publication)), ""]
        lines += [heading(2, text("report.legend.title"), id: "legend"), "", escaped(text("report.legend.intro")), ""]
        for item in legend { lines.append("- **\(escaped(language.status(item.status).capitalizedFirst))**\(language.colon)\(escaped(item.meaning))") }
        lines.append("")
        let separator = pandoc ? "^,^" : ","
        for (index, section) in publication.sections.enumerated() {
            lines += [heading(2, section.title, id: "section-\(index + 1)"), ""]
            for clause in section.clauses {
                lines += [heading(3, "\(clause.number). \(clause.title)", id: "clause-\(clause.id.rawValue)"), ""]
                let participation = participation(clause, in: publication)
                let counts = participation.counts.map { item in
                    escaped(item.text) + item.notes.map { "[^\($0)]" }.joined(separator: separator)
                }
                lines.append("**\(escaped(language.status(clause.status).capitalizedFirst))** — \(escaped(participation.territories))"
                             + (counts.isEmpty ? "." : "\u{00A0}— " + counts.joined(separator: ", ") + "."))
                lines.append("")
                lines.append(body(clause.body, references))
                lines.append("")
                for line in originLines(clause) { lines += ["*" + escaped(line) + "*", ""] }
            }
        }
        if let changes = publication.changes, let title = changesTitle(publication) {
            lines += [heading(2, title, id: "changes"), "", escaped(changesIntro(changes)), ""]
            for change in changes.clauses {
                lines += ["**\(escaped((change.number.map { "\($0). " } ?? "") + change.title))** — \(escaped(changeKinds(change)))", ""]
                if let redline = change.redline.map(references.plain), !redline.isEmpty { lines += [self.redline(redline, pandoc: pandoc), ""] }
            }
        }
        lines += [heading(2, text("report.amendments.title"), id: "amendments"), ""]
        if publication.amendments.isEmpty {
            lines += [escaped(text("report.amendments.none")), ""]
        }
        for amendment in publication.amendments {
            lines += [heading(3, amendmentHeadline(amendment), id: "amendment-\(publication.amendments.firstIndex(of: amendment).map { $0 + 1 } ?? 0)"), ""]
            lines += ["*\(escaped(amendmentDetails(amendment)))*", ""]
            if let rationale = amendment.rationale, !rationale.isEmpty {
                lines += [escaped(text("report.amendment.rationale", ["text": rationale.replacingOccurrences(of: "\n", with: " ")])), ""]
            }
            if let redline = amendment.redline.map(references.plain), !redline.isEmpty {
                lines += [escaped(text("report.amendment.change")), "", self.redline(redline, pandoc: pandoc), ""]
            }
        }
        let table = publication.participation
        if !table.isEmpty {
            lines += [heading(2, text("report.participationTable.title"), id: "participation"), ""]
            let header = [text("report.participationTable.territory")] + table.workshops.map { "\($0.title), \(language.day($0.date))" }
                + [text("report.participationTable.total")]
            lines.append("| " + header.map { cell($0) }.joined(separator: " | ") + " |")
            lines.append("|" + header.indices.map { $0 == 0 ? ":---|" : "---:|" }.joined())
            for row in table.rows {
                lines.append("| " + ([cell(row.name)] + row.counts.map { $0.map(String.init) ?? "—" } + [String(row.total)]).joined(separator: " | ") + " |")
            }
            lines.append("| " + ([cell(text("report.participationTable.total"))] + table.columnTotals.map(String.init)
                                  + [String(table.columnTotals.reduce(0, +))]).joined(separator: " | ") + " |")
            lines += ["", pandoc ? ": \(escaped(text("report.participationTable.caption")))" : "*\(escaped(text("report.participationTable.caption")))*", ""]
        }
        if let figures {
            lines += [heading(2, text("report.figures"), id: "figures"), ""]
            lines += ["![\(escaped(text("report.heatmap.title")))](\(figures.heatmap))", ""]
            lines += ["![\(escaped(text("report.evolution.title")))](\(figures.evolution))", ""]
        }
        if options.technicalAnnex {
            lines += [heading(2, text("report.technical.title"), id: "technical"), ""]
            lines.append("- " + escaped(text("report.technical.revision", ["revision": publication.revision])))
            for amendment in publication.amendments {
                lines.append("- " + escaped(amendmentHeadline(amendment)) + "\u{00A0}: "
                             + escaped(text("report.technical.amendment", ["id": amendment.id, "revision": amendment.revision])))
            }
            lines.append("")
        }
        for note in publication.notes { lines.append("[^\(note.number)]: " + escaped(noteText(note))) }
        if !publication.notes.isEmpty { lines.append("") }
        return lines.joined(separator: "\n")
    }

    /// A clause body (Markdown as written) with its references turned into links.
    func body(_ markdown: String, _ references: ClauseReferences) -> String {
        references.pieces(markdown.trimmingCharacters(in: .newlines)).map { piece in
            switch piece {
            case .text(let run): return run
            case .link(let shown, let anchor?): return "[\(escaped(shown))](#clause-\(anchor))"
            case .link(let shown, nil): return escaped(shown)
            }
        }.joined()
    }

    /// A word diff in Markdown: deletions struck through, insertions underlined, each
    /// marker closed at the end of a line and kept off the spaces around the words.
    func redline(_ diff: WordDiff, pandoc: Bool) -> String {
        var out = ""
        for segment in diff.segments {
            let lines = segment.text.components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                if index > 0 { out += "\n" }
                let core = line.trimmingCharacters(in: .whitespaces)
                guard !core.isEmpty else { out += line; continue }
                let leading = String(line.prefix { $0 == " " || $0 == "\t" })
                let trailing = String(String(line.reversed()).prefix { $0 == " " || $0 == "\t" })
                switch segment.kind {
                case .equal: out += line
                case .deleted: out += leading + "~~\(escaped(core))~~" + trailing
                case .inserted: out += leading + (pandoc ? "[\(escaped(core))]{.underline}" : "<ins>\(escaped(core))</ins>") + trailing
                }
            }
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
    }

    /// Text that is not Markdown, escaped so that it reads as written.
    func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|^~$".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private func cell(_ text: String) -> String { escaped(text) }

    private func yaml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
