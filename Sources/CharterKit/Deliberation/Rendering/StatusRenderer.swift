/// Renders a status matrix as text (terminal), Markdown or CSV.
public struct StatusRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, markdown, csv }

    public var format: Format
    /// ANSI colours for the text format.
    public var color: Bool
    /// The language of the words around the matrix (text and Markdown; CSV headers stay ids).
    public var language: Language

    public init(format: Format, color: Bool = false, language: Language = .en) {
        self.format = format
        self.color = color
        self.language = language
    }

    public func render(_ matrix: StatusMatrix) -> String {
        switch format {
        case .text: return text(matrix)
        case .markdown: return markdown(matrix)
        case .csv: return csv(matrix)
        }
    }

    /// ✔ support, ~ reservation, ✖ objection, · none; `*` marks a position made on older text.
    public static func symbol(_ cell: PositionCell?) -> String {
        guard let cell else { return "·" }
        let mark: String
        switch cell.position {
        case .support: mark = "✔"
        case .reservation: mark = "~"
        case .objection: mark = "✖"
        }
        return cell.currency == .stale ? mark + "*" : mark
    }

    public static func summary(_ matrix: StatusMatrix, in language: Language = .en) -> String {
        let counts = matrix.summary
        let parts = ClauseStatus.allCases.compactMap { status in counts[status].map { "\($0) \(word(status, in: language))" } }
        return MessageCatalogue.text("common.clauses", count: matrix.rows.count, in: language) + language.colon
            + parts.joined(separator: ", ")
    }

    /// A status as the text shows it: its id in English (`consensus-with-reservations`), words in French.
    public static func word(_ status: ClauseStatus, in language: Language) -> String {
        language == .en ? status.rawValue : language.status(status)
    }

    static func ruleText(_ rule: ConsensusRule) -> String {
        var text = "rule: \(rule.kind.rawValue)"
        if let quorum = rule.quorum { text += ", quorum \(quorum)" }
        if let threshold = rule.threshold { text += ", threshold \(threshold)" }
        return text
    }

    private func paint(_ text: String, _ status: ClauseStatus) -> String {
        guard color else { return text }
        let code: String
        switch status {
        case .consensus: code = "32"
        case .consensusWithReservations: code = "33"
        case .objection: code = "31"
        case .open: code = "2"
        case .stale: code = "35"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func text(_ matrix: StatusMatrix) -> String {
        let territories = matrix.territories
        var lines: [String] = []
        let revision = String(matrix.revision.prefix(7))
        let rule = language == .en ? StatusRenderer.ruleText(matrix.rule)
            : MessageCatalogue.text("cli.status.rule", ["rule": language.rule(matrix.rule)], in: language)
        let heading = matrix.workshop.map {
            MessageCatalogue.text("cli.status.headingWorkshop", ["workshop": $0, "revision": revision], in: language)
        } ?? MessageCatalogue.text("cli.status.heading", ["revision": revision], in: language)
        lines.append("\(heading) — \(rule) — " + MessageCatalogue.text("common.territories", count: territories.count, in: language))
        let labelWidth = min(40, (matrix.rows.map { "\($0.number). \($0.clause)".count }.max() ?? 10) + 2)
        var header = String(repeating: " ", count: labelWidth)
        for index in territories.indices { header += "T\(index + 1)".padding(4) }
        lines.append(header + " " + MessageCatalogue.text("cli.status.column", in: language))
        for row in matrix.rows {
            var label = "\(row.number). \(row.clause)"
            if label.count > labelWidth - 1 { label = String(label.prefix(labelWidth - 2)) + "…" }
            var line = label.padding(labelWidth)
            for territory in territories { line += StatusRenderer.symbol(row.cells[territory.id]).padding(4) }
            lines.append(line + " " + paint(StatusRenderer.word(row.status, in: language), row.status))
        }
        lines.append("")
        lines.append(territories.enumerated().map { "T\($0.offset + 1) \($0.element.name)" }.joined(separator: ", "))
        lines.append(MessageCatalogue.text("cli.status.legend", in: language))
        lines.append(StatusRenderer.summary(matrix, in: language))
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdown(_ matrix: StatusMatrix) -> String {
        let clause = MessageCatalogue.text("cli.status.clauseColumn", in: language)
        let status = MessageCatalogue.text("cli.status.statusColumn", in: language)
        var lines = ["| # | \(clause) | " + matrix.territories.map { escape($0.name) }.joined(separator: " | ") + " | \(status) |"]
        lines.append("|---|---|" + String(repeating: "---|", count: matrix.territories.count) + "---|")
        for row in matrix.rows {
            let cells = matrix.territories.map { StatusRenderer.symbol(row.cells[$0.id]) }
            lines.append("| \(row.number) | \(escape(row.title)) (`\(row.clause)`) | " + cells.joined(separator: " | ") + " | \(StatusRenderer.word(row.status, in: language)) |")
        }
        lines.append("")
        lines.append(MessageCatalogue.text("cli.status.legendMarkdown", in: language) + " " + StatusRenderer.summary(matrix, in: language) + ".")
        return lines.joined(separator: "\n") + "\n"
    }

    private func csv(_ matrix: StatusMatrix) -> String {
        func field(_ raw: String) -> String {
            let text = CellSafety.neutralised(raw)
            return text.contains(where: { ",\"\n;".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = [(["number", "clause", "title"] + matrix.territories.map(\.id) + ["status"]).joined(separator: ",")]
        for row in matrix.rows {
            let cells = matrix.territories.map { id -> String in
                guard let cell = row.cells[id.id] else { return "" }
                return cell.currency == .stale ? "\(cell.position.rawValue) (stale)" : cell.position.rawValue
            }
            lines.append(([String(row.number), row.clause.rawValue, row.title] + cells + [row.status.rawValue]).map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
