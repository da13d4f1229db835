import Foundation

/// Colours shared by the figures, the published report and the web console.
public enum ReportColors {
    public static func position(_ position: Position) -> String {
        switch position {
        case .support: return "#2e7d32"
        case .reservation: return "#f0a30a"
        case .objection: return "#c62828"
        }
    }

    public static func status(_ status: ClauseStatus) -> String {
        switch status {
        case .consensus: return "#2e7d32"
        case .consensusWithReservations: return "#8bc34a"
        case .objection: return "#c62828"
        case .open: return "#b0b7bf"
        case .stale: return "#8e6fb5"
        }
    }

    public static let empty = "#eef0f2"

    /// The mark drawn in a cell: ✔ support, ~ reservation, ✖ objection.
    public static func symbol(_ position: Position) -> String {
        switch position {
        case .support: return "✔"
        case .reservation: return "~"
        case .objection: return "✖"
        }
    }
}

/// Escapes text for XML and HTML (text and attribute values).
public enum MarkupEscaping {
    public static func escape(_ text: String) -> String { HTMLDiffRenderer.escape(text) }
}

/// The territory × clause heatmap of a status matrix, as a standalone SVG image: one row per
/// clause, one column per territory, each cell coloured by the territory's position (paler
/// and starred when it was taken on an earlier text), and the clause's status at the end.
public struct HeatmapSVG: Sendable {
    public var language: Language

    public init(language: Language = .fr) { self.language = language }

    public func render(_ matrix: StatusMatrix, title: String? = nil) -> String {
        let words = language.words
        let cell = 26, rowHeight = 24
        // Full labels: the columns sized to the longest clause title, the header to the
        // longest territory name (written at 50°), nothing cut.
        let longestRow = matrix.rows.map { "\($0.number). \($0.title)".count }.max() ?? 10
        let longestName = matrix.territories.map(\.name.count).max() ?? 10
        let labelWidth = max(200, Self.textWidth(longestRow) + 16)
        let headerHeight = max(60, Self.textWidth(longestName) * 77 / 100 + 24)
        let statusWidth = max(150, Self.textWidth(ClauseStatus.allCases.map { language.status($0).count }.max() ?? 10) + 30)
        let titleHeight = title == nil ? 0 : 30
        let columns = matrix.territories.count
        let width = max(labelWidth + columns * cell + 12 + statusWidth, 560,
                        labelWidth + columns * cell + Self.textWidth(longestName) * 65 / 100 + 16,
                        Self.textWidth(StatusSummaryWords.line(matrix, language).count) + 24)
        let top = titleHeight + headerHeight
        let legendTop = top + matrix.rows.count * rowHeight + 16
        let height = legendTop + 64
        var svg = Self.header(width: width, height: height, label: title ?? words.heatmapTitle)
        if let title {
            svg += "<text x=\"8\" y=\"20\" font-size=\"16\" font-weight=\"bold\">\(e(title))</text>\n"
        }
        for (index, territory) in matrix.territories.enumerated() {
            let x = labelWidth + index * cell + cell / 2 + 4
            svg += "<text x=\"\(x)\" y=\"\(top - 8)\" transform=\"rotate(-50 \(x) \(top - 8))\" font-size=\"12\">"
                + "\(e(territory.name))</text>\n"
        }
        svg += "<text x=\"\(labelWidth + columns * cell + 12)\" y=\"\(top - 8)\" font-size=\"12\" font-weight=\"bold\">\(e(words.status))</text>\n"
        for (rowIndex, row) in matrix.rows.enumerated() {
            let y = top + rowIndex * rowHeight
            if rowIndex % 2 == 1 {
                svg += "<rect x=\"0\" y=\"\(y)\" width=\"\(width)\" height=\"\(rowHeight)\" fill=\"#f7f8f9\"/>\n"
            }
            svg += "<text x=\"8\" y=\"\(y + 16)\" font-size=\"12\"><title>\(e("\(row.number). \(row.title)"))</title>"
                + "\(e("\(row.number). \(row.title)"))</text>\n"
            for (index, territory) in matrix.territories.enumerated() {
                let x = labelWidth + index * cell
                if let found = row.cells[territory.id] {
                    let stale = found.currency == .stale
                    let tip = "\(territory.name) — \(language.position(found.position))" + (stale ? " (\(words.staleMark))" : "")
                    svg += "<g class=\"cell \(found.position.rawValue)\(stale ? " stale" : "")\"><title>\(e(tip))</title>"
                        + "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell - 2)\" height=\"\(rowHeight - 2)\" rx=\"3\" "
                        + "fill=\"\(ReportColors.position(found.position))\"\(stale ? " fill-opacity=\"0.4\"" : "")/>"
                        + "<text x=\"\(x + cell / 2)\" y=\"\(y + 16)\" font-size=\"12\" text-anchor=\"middle\" fill=\"\(stale ? "#222" : "#fff")\">"
                        + "\(e(ReportColors.symbol(found.position) + (stale ? "*" : "")))</text></g>\n"
                } else {
                    svg += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell - 2)\" height=\"\(rowHeight - 2)\" rx=\"3\" "
                        + "fill=\"\(ReportColors.empty)\"><title>\(e("\(territory.name) — \(words.noPosition)"))</title></rect>\n"
                }
            }
            let x = labelWidth + columns * cell + 12
            svg += "<rect x=\"\(x)\" y=\"\(y + 5)\" width=\"12\" height=\"12\" rx=\"2\" fill=\"\(ReportColors.status(row.status))\"/>"
                + "<text x=\"\(x + 18)\" y=\"\(y + 16)\" font-size=\"12\" class=\"status \(row.status.rawValue)\">\(e(language.status(row.status)))</text>\n"
        }
        // Legend.
        var x = 8
        for position in Position.allCases {
            svg += "<rect x=\"\(x)\" y=\"\(legendTop)\" width=\"14\" height=\"14\" rx=\"2\" fill=\"\(ReportColors.position(position))\"/>"
                + "<text x=\"\(x + 20)\" y=\"\(legendTop + 12)\" font-size=\"12\">\(e(language.position(position)))</text>\n"
            x += 130
        }
        svg += "<rect x=\"\(x)\" y=\"\(legendTop)\" width=\"14\" height=\"14\" rx=\"2\" fill=\"\(ReportColors.empty)\"/>"
            + "<text x=\"\(x + 20)\" y=\"\(legendTop + 12)\" font-size=\"12\">\(e(words.noPosition))</text>\n"
        svg += "<text x=\"8\" y=\"\(legendTop + 34)\" font-size=\"12\">* \(e(words.staleMark))</text>\n"
        svg += "<text x=\"8\" y=\"\(legendTop + 52)\" font-size=\"12\">\(e(StatusSummaryWords.line(matrix, language)))</text>\n"
        svg += "</svg>\n"
        return svg
    }

    static func header(width: Int, height: Int, label: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
        role="img" aria-label="\(e(label))" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" fill="#1a1a1a">
        <rect width="100%" height="100%" fill="#ffffff"/>

        """
    }

    /// About how wide `count` characters of 12-pixel text are.
    static func textWidth(_ count: Int) -> Int { count * 66 / 10 }

    static func clip(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}

/// "18 articles : 3 consensus, 4 consensus avec réserves, …".
public enum StatusSummaryWords {
    public static func line(_ matrix: StatusMatrix, _ language: Language) -> String {
        let counts = matrix.summary
        let parts = ClauseStatus.allCases.compactMap { status in counts[status].map { "\($0) \(language.status(status))" } }
        return "\(matrix.rows.count) \(language.words.clauses)\(language == .fr ? " :" : ":") " + parts.joined(separator: ", ")
    }
}

/// The evolution of consensus across workshops as a standalone SVG image: one stacked bar
/// per workshop (clauses in consensus, with reservations, in objection, open, stale).
public struct EvolutionSVG: Sendable {
    public var language: Language

    public init(language: Language = .fr) { self.language = language }

    public static let order: [ClauseStatus] = [.consensus, .consensusWithReservations, .objection, .open, .stale]

    public func render(_ evolution: ConsensusEvolution, title: String? = nil) -> String {
        let words = language.words
        let titleHeight = title == nil ? 0 : 30
        let left = 48, plotHeight = 240, minimumWidth = 760
        let top = titleHeight + 20
        let count = max(evolution.points.count, 1)
        let slot = max(170, (minimumWidth - left - 20) / count)
        let barWidth = min(90, slot - 40)
        let width = max(left + count * slot + 20, minimumWidth)
        let bottom = top + plotHeight
        let labelLines = evolution.points.map { Self.wrap($0.title, width: max(12, (slot - 10) / 6)).count }.max() ?? 1
        let legendTop = bottom + 30 + labelLines * 13
        let height = legendTop + 30
        var svg = HeatmapSVG.header(width: width, height: height, label: title ?? words.evolutionTitle)
        if let title { svg += "<text x=\"8\" y=\"20\" font-size=\"16\" font-weight=\"bold\">\(e(title))</text>\n" }
        let most = max(evolution.points.map(\.clauses).max() ?? 0, 1)
        let step = most <= 10 ? 2 : most <= 25 ? 5 : most <= 60 ? 10 : 50
        let maximum = (most + step - 1) / step * step
        var tick = 0
        while tick <= maximum {
            let y = bottom - tick * plotHeight / maximum
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 10)\" y2=\"\(y)\" stroke=\"#e3e6e8\"/>"
                + "<text x=\"\(left - 6)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\">\(tick)</text>\n"
            tick += step
        }
        svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - 10)\" y2=\"\(bottom)\" stroke=\"#555\"/>\n"
        if evolution.points.isEmpty {
            svg += "<text x=\"\(left + 10)\" y=\"\(top + plotHeight / 2)\" font-size=\"13\">\(e(words.noWorkshop))</text>\n"
        }
        for (index, point) in evolution.points.enumerated() {
            let x = left + index * slot + (slot - barWidth) / 2
            var y = bottom
            for status in Self.order {
                let value = point.count(status)
                guard value > 0 else { continue }
                let segment = value * plotHeight / maximum
                y -= segment
                svg += "<g class=\"segment \(status.rawValue)\"><title>\(e("\(point.title) — \(value) \(language.status(status))"))</title>"
                    + "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(segment)\" fill=\"\(ReportColors.status(status))\"/>"
                if segment >= 14 {
                    svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(y + segment / 2 + 4)\" font-size=\"11\" text-anchor=\"middle\" "
                        + "fill=\"\(status == .open ? "#222" : "#fff")\">\(value)</text>"
                }
                svg += "</g>\n"
            }
            let center = x + barWidth / 2
            let label = Self.wrap(point.title, width: max(12, (slot - 10) / 6))
            for (line, text) in label.enumerated() {
                svg += "<text x=\"\(center)\" y=\"\(bottom + 16 + line * 13)\" font-size=\"11\" text-anchor=\"middle\">\(e(text))</text>\n"
            }
            svg += "<text x=\"\(center)\" y=\"\(bottom + 18 + label.count * 13)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">"
                + "\(e(language.day(point.date)))</text>\n"
        }
        var x = 8
        for status in Self.order {
            svg += "<rect x=\"\(x)\" y=\"\(legendTop)\" width=\"14\" height=\"14\" rx=\"2\" fill=\"\(ReportColors.status(status))\"/>"
                + "<text x=\"\(x + 20)\" y=\"\(legendTop + 12)\" font-size=\"12\">\(e(language.status(status)))</text>\n"
            x += status == .consensusWithReservations ? 200 : 110
        }
        svg += "</svg>\n"
        return svg
    }
}

extension EvolutionSVG {
    /// Lines of at most `width` characters, cut at spaces (a longer word alone on its line).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

private func e(_ text: String) -> String { HTMLDiffRenderer.escape(text) }
