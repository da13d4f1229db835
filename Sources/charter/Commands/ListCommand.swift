import ArgumentParser
import CharterKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the clauses, numbered, per section.")

    @OptionGroup var location: RepositoryOptions

    @Option(help: ArgumentHelp("Read the charter at this revision (default: the working tree).", valueName: "revision"))
    var at: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let repository = try location.open()
        let charter = try repository.charter(at.map(CharterSource.revision) ?? .workingTree)
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
        default:
            throw ValidationError("list prints text or json")
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
