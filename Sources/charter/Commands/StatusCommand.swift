import ArgumentParser
import CharterKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: CLILanguage.text("cli.status.abstract"),
        discussion: CLILanguage.text("cli.status.discussion"))

    @OptionGroup var location: RepositoryOptions
    @Option(help: .key("cli.status.at", valueName: "revision")) var at: String?
    @Option(help: .key("cli.status.workshop"), completion: .workshops) var workshop: String?
    @Option(help: .key("cli.option.format")) var format: Format = .text
    @Option(name: .shortAndLong, help: .key("cli.status.output", valueName: "file")) var output: String?
    @Option(help: .key("cli.option.color")) var color: ColorChoice = .auto

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, csv, xlsx, ods }

    func run() throws {
        let matrix = try location.open().status(at: at, workshop: workshop)
        Pager.start()
        switch format {
        case .json: print(try StableJSON.string(matrix), terminator: "")
        case .text: print(StatusText.render(matrix, color: color.enabled), terminator: "")
        case .markdown: print(StatusRenderer(format: .markdown, language: CLILanguage.current).render(matrix), terminator: "")
        case .csv: print(StatusRenderer(format: .csv).render(matrix), terminator: "")
        case .xlsx: try SheetOutput.write(try WorkbookFormat.xlsx.write(matrix.sheet), to: output)
        case .ods: try SheetOutput.write(try WorkbookFormat.ods.write(matrix.sheet), to: output)
        }
    }
}

enum StatusText {
    static func render(_ matrix: StatusMatrix, color: Bool) -> String {
        StatusRenderer(format: .text, color: color, language: CLILanguage.current).render(matrix)
    }
}
