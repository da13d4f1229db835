import ArgumentParser
import CharterKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Split a document (Markdown, .docx, .odt) into clauses at one heading level.",
        discussion: """
            Each heading of the article level becomes a clause (its id is the heading as plain text
            folded to [a-z0-9-], at most 60 characters: « Nos **critères** » → nos-criteres); higher
            headings become sections; text before the first clause becomes the preamble. Without
            --level, the level is 2 when the document has `##` headings, else the shallowest level
            used at least twice (a lone `#` is the title).

            Markdown in UTF-8 (with or without BOM) or UTF-16 with BOM, with LF, CRLF, CR or mixed
            line endings; clause files are written in UTF-8 with LF. Front matter (`---` YAML,
            `+++` TOML) is not text: its `title` is the charter's title unless --title is given.
            .docx and .odt files are read through pandoc (Debian's `pandoc` package).

            With --history, every commit that changed the document — on every line of history,
            across renames, parents first — becomes one charter revision with its author, date and
            time zone, and `Source-Commit:` / `Source-Path:` trailers; you are the committer.
            --source REPO reads the history from another repository. Run it again later to bring
            only the source commits not yet imported.
            """)

    @OptionGroup var location: RepositoryOptions

    @Argument(help: ArgumentHelp("The document (a path; with --source, its path in that repository).", valueName: "document"))
    var document: String

    @Option(help: "The heading level that starts a clause (2 for `##`; default: the document's article level).")
    var level: Int?

    @Option(help: "The charter's title (default: the front matter's title, else the document's `#` heading).")
    var title: String?

    @Flag(help: "Commit the imported charter to the checked-out branch.")
    var commit = false

    @Flag(help: "Replay the document's git history as successive charter revisions (implies --commit).")
    var history = false

    @Option(help: ArgumentHelp("With --history: the repository holding the document's history (default: this one).", valueName: "repo"))
    var source: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if let level, !(1...6).contains(level) { throw ValidationError("--level must be between 1 and 6") }
        if source != nil, !history { throw ValidationError("--source reads a history: add --history") }
        if format != .text && format != .json { throw ValidationError("import prints text or json") }
    }

    func run() throws {
        let repository = try location.open()
        let result = history
            ? try repository.importHistory(of: document, level: level, title: title, source: source)
            : try repository.importDocument(at: document, level: level, title: title, commit: commit)
        if format == .json {
            print(try StableJSON.string(ImportReport(result, directory: repository.directory)), terminator: "")
            return
        }
        let charter = result.charter
        print("Imported « \(charter.manifest.title) »: \(charter.clauses.count) clauses in \(charter.manifest.sections.count) sections, in \(repository.directory)/")
        if let source = result.source, (source.lineEndings != .lf && source.lineEndings != .none) || source.encoding != .utf8 {
            print("Read as \(source.encoding.rawValue) with \(source.lineEndings.rawValue) line endings; clause files are written in UTF-8 with LF.")
        }
        if history {
            if result.alreadyImported > 0 {
                print("\(result.alreadyImported) source commits were already imported.")
            }
            print("Replayed \(result.revisions.count) revisions:")
            for revision in result.revisions {
                print("  \(revision.shortID)  \(Dates.day(revision.date))  \(revision.author.name)  \(revision.summary)")
            }
        } else if let revision = result.revisions.last {
            print("Committed as \(revision.shortID).")
        }
    }
}
