/// The fixed words of the reports and figures in one language, read from the message
/// catalogue (`Catalogue/Reports.swift`, keys `report.`).
public struct ReportWords: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    func text(_ key: String) -> String { MessageCatalogue.text(key, in: language) }

    public var rule: String { text("report.rule.label") }
    public var territories: String { text("report.territories") }
    public var notes: String { text("report.notes") }
    public var appendix: String { text("report.amendments.title") }
    public var noAmendment: String { text("report.amendments.none") }
    public var forced: String { text("report.amendment.forced") }
    public var figures: String { text("report.figures") }
    public var heatmapTitle: String { text("report.heatmap.title") }
    public var evolutionTitle: String { text("report.evolution.title") }
    public var noWorkshop: String { text("report.noWorkshop") }
    public var clauses: String { text("report.clauses.word") }
    public var status: String { text("report.status.label") }
    public var noPosition: String { text("report.noPosition") }
    public var staleMark: String { text("report.staleMark") }
    public var summary: String { text("report.summary") }
    public var workshop: String { text("report.workshop") }
    public var revision: String { text("report.revision") }
}
