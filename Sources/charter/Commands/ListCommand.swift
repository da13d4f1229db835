import ArgumentParser
import CharterKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: CLILanguage.text("cli.list.abstract"))

    @OptionGroup var location: RepositoryOptions

    @Option(help: .key("cli.option.at.workingTree", valueName: "revision"))
    var at: String?

    @Option(help: .key("cli.option.format"))
    var format: OutputFormat = .text

    func run() throws {
        let repository = try location.open()
        let charter = try repository.charter(at.map(CharterSource.revision) ?? .workingTree)
        Pager.start()
        switch format {
        case .json:
            print(try StableJSON.string(ClauseListing(charter)), terminator: "")
        case .text:
            print(charter.manifest.title)
            var section = -1
            for entry in charter.numbered {
                if entry.sectionIndex != section {
                    section = entry.sectionIndex
                    print("\n\(entry.sectionTitle)")
                }
                print("  \(String(entry.number).leftPadded(3)). \(entry.clause.title)  [\(entry.clause.id)]")
            }
        }
    }
}

/// The JSON form of `charter list`.
struct ClauseListing: Encodable {
    struct Item: Encodable {
        var number: Int
        var id: String
        var title: String
        var section: String
    }
    var title: String
    var clauses: [Item]

    init(_ charter: Charter) {
        title = charter.manifest.title
        clauses = charter.numbered.map {
            Item(number: $0.number, id: $0.clause.id.rawValue, title: $0.clause.title, section: $0.sectionTitle)
        }
    }
}
