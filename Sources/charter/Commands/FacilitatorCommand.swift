import ArgumentParser
import CharterKit

struct FacilitatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilitator",
        abstract: "Who may record in the web console, and for which territories.",
        discussion: """
            Facilitators live in .git/charter/facilitators.json: local to this clone, never committed nor pushed.
            `charter serve` prints a one-time sign-in link for each.
            """,
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a facilitator (or change their territories).")
        @OptionGroup var location: RepositoryOptions
        @Argument(help: ArgumentHelp("Their name, or \"Name <mail@example.org>\".", valueName: "name")) var name: String
        @Option(help: ArgumentHelp("The territories they may record for, comma-separated.", valueName: "a,b")) var territories: String
        @Option(help: "Their e-mail address, which signs what they record.") var email: String?

        func run() throws {
            let person = Person(parsing: name)
            let result = try location.open().addFacilitator(
                name: person?.name ?? name, email: email ?? person?.email,
                territories: territories.split(separator: ",").map(String.init))
            let facilitator = result.facilitator
            print("\(result.replaced ? "Updated" : "Added") facilitator \(facilitator.id) (\(facilitator.name) <\(facilitator.email)>), "
                  + "who may record for: \(facilitator.territories.joined(separator: ", ")).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the facilitators.")
        @OptionGroup var location: RepositoryOptions
        @Option(help: "text or json.") var format: Format = .text
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        func run() throws {
            let roster = try location.open().facilitatorRoster()
            switch format {
            case .json: print(try StableJSON.string(roster), terminator: "")
            case .text:
                if roster.facilitators.isEmpty { print("No facilitator."); return }
                for facilitator in roster.facilitators {
                    print("\(facilitator.id)  \(facilitator.name) <\(facilitator.email)>  \(facilitator.territories.joined(separator: ","))")
                }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a facilitator; their sessions stop working.")
        @OptionGroup var location: RepositoryOptions
        @Argument(help: ArgumentHelp("Their id or name.", valueName: "name")) var name: String

        func run() throws {
            guard try location.open().removeFacilitator(name) else {
                throw CharterError(.badInput, "no facilitator `\(name)`", hint: "`charter facilitator list` shows them")
            }
            print("Removed facilitator \(name).")
        }
    }
}
