import ArgumentParser
import CharterKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Where the deliberation stands: clauses × territories, and each clause's status.",
        discussion: """
            Each cell is the territory's latest position on the clause's current text (* when it was made on
            older text). Statuses: consensus, consensus-with-reservations, objection, open (quorum not met,
            or not yet discussed), stale (positions exist only on older text), under the manifest's rule.
            --at and --workshop answer "where did we stand then?".
            """)

    @OptionGroup var location: RepositoryOptions
    @Option(help: ArgumentHelp("The text revision (default HEAD).", valueName: "revision")) var at: String?
    @Option(help: "As of this workshop: its text, its territories, what was recorded until it closed.") var workshop: String?
    @Option(help: "text, markdown, json, csv, xlsx or ods.") var format: Format = .text
    @Option(name: .shortAndLong, help: ArgumentHelp("Write xlsx or ods to this file (needed unless piped).", valueName: "file"))
    var output: String?
    @Option(help: "Colour the text format: auto, always or never.") var color: ColorChoice = .auto

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, csv, xlsx, ods }

    func run() throws {
        let matrix = try location.open().status(at: at, workshop: workshop)
        switch format {
        case .json: print(try StableJSON.string(matrix), terminator: "")
        case .text: print(StatusText.render(matrix, color: color.enabled), terminator: "")
        case .markdown: print(StatusRenderer(format: .markdown).render(matrix), terminator: "")
        case .csv: print(StatusRenderer(format: .csv).render(matrix), terminator: "")
        case .xlsx: try SheetOutput.write(try WorkbookFormat.xlsx.write(matrix.sheet), to: output)
        case .ods: try SheetOutput.write(try WorkbookFormat.ods.write(matrix.sheet), to: output)
        }
    }
}

enum StatusText {
    static func render(_ matrix: StatusMatrix, color: Bool) -> String {
        StatusRenderer(format: .text, color: color).render(matrix)
    }
}
