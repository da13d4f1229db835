import ArgumentParser
import CharterKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: CLILanguage.text("cli.diff.abstract"),
        discussion: CLILanguage.text("cli.diff.discussion"))

    @OptionGroup var location: RepositoryOptions

    @Argument(help: .key("cli.diff.revisions", valueName: "revision"))
    var revisions: [String] = []

    @Option(help: .key("cli.option.format"))
    var format: DiffFormat = .text

    @Option(help: .key("cli.option.color"))
    var color: ColorChoice = .auto

    @Flag(help: .key("cli.diff.amendments"))
    var amendments = false

    func validate() throws {
        guard revisions.count <= 2 else { throw ValidationError(key: "cli.diff.tooMany") }
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
        let notes = amendments ? try repository.amendmentAnnotations(from: old, to: new).mapValues { $0.map { CLILanguage.text("cli.log.amendment", ["id": $0]) } } : [:]
        Pager.start()
        switch format {
        case .text:
            print(TextDiffRenderer(color: color.enabled, annotations: notes, language: CLILanguage.current).render(diff), terminator: "")
        case .markdown: print(MarkdownDiffRenderer(annotations: notes).render(diff), terminator: "")
        case .html:
            let language = (try? repository.charter(new).manifest.language) ?? "fr"
            print(HTMLDiffRenderer(language: language).render(diff), terminator: "")
        case .json: print(JSONDiffRenderer().render(diff))
        }
    }
}
