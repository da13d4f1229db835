import ArgumentParser
import CharterKit

struct FacilitatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilitator",
        abstract: CLILanguage.text("cli.facilitator.abstract"),
        discussion: CLILanguage.text("cli.facilitator.discussion"),
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLILanguage.text("cli.facilitator.add.abstract"))
        @OptionGroup var location: RepositoryOptions
        @Argument(help: .key("cli.facilitator.add.name", valueName: "name")) var name: String
        @Option(help: .key("cli.facilitator.add.territories", valueName: "a,b"), completion: .territoryList) var territories: String
        @Option(help: .key("cli.facilitator.add.email")) var email: String?
        @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

        func run() throws {
            let person = Person(parsing: name)
            let result = try location.open().addFacilitator(
                name: person?.name ?? name, email: email ?? person?.email,
                territories: territories.split(separator: ",").map(String.init))
            let facilitator = result.facilitator
            if format == .json {
                print(try StableJSON.string(FacilitatorRecord(action: result.replaced ? "update" : "add", facilitator: facilitator)),
                      terminator: "")
                return
            }
            print(CLILanguage.text(result.replaced ? "cli.facilitator.updated" : "cli.facilitator.added", [
                "id": facilitator.id, "name": facilitator.name, "email": facilitator.email,
                "territories": facilitator.territories.joined(separator: ", "),
            ]))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLILanguage.text("cli.facilitator.list.abstract"))
        @OptionGroup var location: RepositoryOptions
        @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

        func run() throws {
            let roster = try location.open().facilitatorRoster()
            switch format {
            case .json: print(try StableJSON.string(roster), terminator: "")
            case .text:
                if roster.facilitators.isEmpty { print(CLILanguage.text("cli.facilitator.none")); return }
                for facilitator in roster.facilitators {
                    print("\(facilitator.id)  \(facilitator.name) <\(facilitator.email)>  \(facilitator.territories.joined(separator: ","))")
                }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLILanguage.text("cli.facilitator.remove.abstract"))
        @OptionGroup var location: RepositoryOptions
        @Argument(help: .key("cli.facilitator.remove.name", valueName: "name"), completion: .facilitators) var name: String
        @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

        func run() throws {
            guard try location.open().removeFacilitator(name) else {
                throw CharterError(.badInput, Message("cli.facilitator.unknown", ["name": name]), hint: Message("cli.facilitator.unknown.hint"))
            }
            if format == .json {
                print(try StableJSON.string(FacilitatorRemoval(removed: name)), terminator: "")
                return
            }
            print(CLILanguage.text("cli.facilitator.removed", ["name": name]))
        }
    }
}

/// The JSON form of `charter facilitator add` (schema `charter-facilitator-record/1`).
struct FacilitatorRecord: Encodable {
    var schema = "charter-facilitator-record/1"
    /// `add`, or `update` when the facilitator existed.
    var action: String
    var facilitator: Facilitator
}

/// The JSON form of `charter facilitator remove` (schema `charter-facilitator-removal/1`).
struct FacilitatorRemoval: Encodable {
    var schema = "charter-facilitator-removal/1"
    var removed: String
}
