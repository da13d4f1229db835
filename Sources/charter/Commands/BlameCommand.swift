import ArgumentParser
import CharterKit

struct BlameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blame",
        abstract: "Show where each sentence of a clause (and its title) comes from.",
        discussion: """
            For each sentence: the revision that last changed it, its author and date, and, when it came through an
            adopted amendment, the amendment, its proposing territory and the workshops where it was debated.
            Computed from the history index and the adoption records (not from `git blame`).
            """)

    @OptionGroup var location: RepositoryOptions

    @Argument(help: ArgumentHelp("The clause's id, or its number.", valueName: "clause"))
    var clause: String

    @Option(help: ArgumentHelp("Read the clause at this revision (default: HEAD).", valueName: "revision"))
    var at: String = "HEAD"

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let blame = try location.open().blame(clause, at: at)
        switch format {
        case .json: print(try StableJSON.string(blame), terminator: "")
        case .text: print(BlameTextRenderer(language: CLILanguage.current).render(blame), terminator: "")
        default: throw ValidationError("blame prints text or json")
        }
    }
}
