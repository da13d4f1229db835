import ArgumentParser
import CharterKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Split a Markdown document into clauses at one heading level.",
        discussion: """
            Each heading of --level becomes a clause (its id is the heading folded to [a-z0-9-]:
            « Nos critères » → nos-criteres); higher headings become sections; text before the first
            clause becomes the preamble. Bodies are kept byte for byte.

            With --history, every commit that changed the document is replayed as one charter
            revision with its original author, date and message; a renamed heading keeps its id.
            """)

    @OptionGroup var location: RepositoryOptions

    @Argument(help: ArgumentHelp("The Markdown document.", valueName: "document"))
    var document: String

    @Option(help: "The heading level that starts a clause (2 for `##`).")
    var level: Int = 2

    @Option(help: "The charter's title (default: the document's first `#` heading).")
    var title: String?

    @Flag(help: "Commit the imported charter to the checked-out branch.")
    var commit = false

    @Flag(help: "Replay the document's git history as successive charter revisions (implies --commit).")
    var history = false

    func validate() throws {
        guard (1...6).contains(level) else { throw ValidationError("--level must be between 1 and 6") }
    }

    func run() throws {
        let repository = try location.open()
        let result = history
            ? try repository.importHistory(of: document, level: level, title: title)
            : try repository.importDocument(at: document, level: level, title: title, commit: commit)
        let charter = result.charter
        print("Imported « \(charter.manifest.title) »: \(charter.clauses.count) clauses in \(charter.manifest.sections.count) sections, in \(repository.directory)/")
        if history {
            print("Replayed \(result.revisions.count) revisions:")
            for revision in result.revisions {
                print("  \(revision.shortID)  \(Dates.day(revision.date))  \(revision.author.name)  \(revision.summary)")
            }
        } else if let revision = result.revisions.last {
            print("Committed as \(revision.shortID).")
        }
    }
}
