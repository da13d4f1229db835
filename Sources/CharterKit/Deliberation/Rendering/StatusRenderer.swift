/// Renders a status matrix as text (terminal), Markdown or CSV.
public struct StatusRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, markdown, csv }

    public var format: Format
    /// ANSI colours for the text format.
    public var color: Bool

    public init(format: Format, color: Bool = false) {
        self.format = format
        self.color = color
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

    public static func summary(_ matrix: StatusMatrix) -> String {
        let counts = matrix.summary
        let parts = ClauseStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
        return "\(matrix.rows.count) clauses: " + parts.joined(separator: ", ")
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
        let scope = matrix.workshop.map { "as of workshop \($0), " } ?? ""
        lines.append("Status \(scope)on text \(matrix.revision.prefix(7)) — \(StatusRenderer.ruleText(matrix.rule)) — \(territories.count) territories")
        let labelWidth = min(40, (matrix.rows.map { "\($0.number). \($0.clause)".count }.max() ?? 10) + 2)
        var header = String(repeating: " ", count: labelWidth)
        for index in territories.indices { header += "T\(index + 1)".padding(4) }
        lines.append(header + " status")
        for row in matrix.rows {
            var label = "\(row.number). \(row.clause)"
            if label.count > labelWidth - 1 { label = String(label.prefix(labelWidth - 2)) + "…" }
            var line = label.padding(labelWidth)
            for territory in territories { line += StatusRenderer.symbol(row.cells[territory.id]).padding(4) }
            lines.append(line + " " + paint(row.status.rawValue, row.status))
        }
        lines.append("")
        lines.append(territories.enumerated().map { "T\($0.offset + 1) \($0.element.name)" }.joined(separator: ", "))
        lines.append("✔ support  ~ reservation  ✖ objection  · no position  * made on older text (stale)")
        lines.append(StatusRenderer.summary(matrix))
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdown(_ matrix: StatusMatrix) -> String {
        var lines = ["| # | Clause | " + matrix.territories.map { escape($0.name) }.joined(separator: " | ") + " | Status |"]
        lines.append("|---|---|" + String(repeating: "---|", count: matrix.territories.count) + "---|")
        for row in matrix.rows {
            let cells = matrix.territories.map { StatusRenderer.symbol(row.cells[$0.id]) }
            lines.append("| \(row.number) | \(escape(row.title)) (`\(row.clause)`) | " + cells.joined(separator: " | ") + " | \(row.status.rawValue) |")
        }
        lines.append("")
        lines.append("✔ support · ~ reservation · ✖ objection · * made on older text (stale). " + StatusRenderer.summary(matrix) + ".")
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
