import ArgumentParser
import CharterKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two versions, clause by clause, word by word.",
        discussion: """
            No revision: the working tree against HEAD. One: that revision against the working tree.
            Two: the first against the second.

            Formats: text (coloured on a terminal), markdown (~~removed~~ **added**), html (a standalone
            redline page), json (schema charter-diff/1, see docs/diff-json.md: applying it to the first
            version gives the second exactly).
            """)

    @OptionGroup var location: RepositoryOptions

    @Argument(help: ArgumentHelp("Zero, one or two revisions.", valueName: "revision"))
    var revisions: [String] = []

    @Option(help: "text, markdown, html or json.")
    var format: OutputFormat = .text

    @Option(help: "Colour the text format: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Name, on each changed clause, the amendments adopted in between that changed it (text and markdown).")
    var amendments = false

    func validate() throws {
        guard revisions.count <= 2 else { throw ValidationError("give at most two revisions") }
    }

    func run() throws {
        let repository = try location.open()
        let (old, new): (CharterSource, CharterSource)
        switch revisions.count {
        case 0: (old, new) = (.revision("HEAD"), .workingTree)
        case 1: (old, new) = (.revision(revisions[0]), .workingTree)
        default: (old, new) = (.revision(revisions[0]), .revision(revisions[1]))
        }
        let diff = try repository.diff(old, new)
        let notes = amendments ? try repository.amendmentAnnotations(from: old, to: new).mapValues { $0.map { "amendment \($0)" } } : [:]
        switch format {
        case .text: print(TextDiffRenderer(color: color.enabled, annotations: notes).render(diff), terminator: "")
        case .markdown: print(MarkdownDiffRenderer(annotations: notes).render(diff), terminator: "")
        case .html:
            let language = (try? repository.charter(new).manifest.language) ?? "fr"
            print(HTMLDiffRenderer(language: language).render(diff), terminator: "")
        case .json: print(JSONDiffRenderer().render(diff))
        }
    }
}
