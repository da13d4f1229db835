import ArgumentParser
import CharterKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one clause (by id or number).")

    @OptionGroup var location: RepositoryOptions

    @Argument(help: ArgumentHelp("The clause's id, or its number.", valueName: "clause"))
    var clause: String

    @Option(help: ArgumentHelp("Read the charter at this revision (default: the working tree).", valueName: "revision"))
    var at: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let repository = try location.open()
        let charter = try repository.charter(at.map(CharterSource.revision) ?? .workingTree)
        guard let found = charter.clause(matching: clause), let entry = charter.numbered.first(where: { $0.clause.id == found.id }) else {
            throw CharterError(.unknownClause, "no clause `\(clause)` in « \(charter.manifest.title) »",
                               hint: "`charter list` shows the ids and numbers")
        }
        switch format {
        case .json:
            print(try JSONOutput.string(ClauseView(entry)))
        case .text:
            print("\(entry.number). \(found.title)  [\(found.id)]  — \(entry.sectionTitle)\n")
            print(found.body, terminator: found.body.hasSuffix("\n") ? "" : "\n")
        default:
            throw ValidationError("show prints text or json")
        }
    }
}

/// The JSON form of `charter show`.
struct ClauseView: Encodable {
    var number: Int
    var id: String
    var title: String
    var section: String
    var body: String
    var fields: [String: String]

    init(_ entry: NumberedClause) {
        number = entry.number
        id = entry.clause.id.rawValue
        title = entry.clause.title
        section = entry.sectionTitle
        body = entry.clause.body
        fields = entry.clause.fields
    }
}
