import ArgumentParser
import CharterKit

struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Release a version: an annotated tag charter/VERSION on the text at HEAD.",
        discussion: """
            Refused (exit 1), listing the reasons, while any clause's status is `objection` or any amendment is
            still open, unless --force: the tag's message then lists what the version was released despite.
            `git show charter/VERSION` shows the tag.
            """)

    @OptionGroup var location: RepositoryOptions
    @Argument(help: ArgumentHelp("The version, e.g. v1.0.", valueName: "version")) var version: String
    @Option(name: [.customShort("m"), .long], help: "A message for the tag.") var message: String?
    @Flag(help: "Release despite objections and open amendments; the tag says so.") var force = false
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        let release = try Gate.run {
            try location.open().release(version, message: message, force: force)
        }
        if format == .json { print(try StableJSON.string(release), terminator: ""); return }
        print("Released \(release.version) as tag \(release.tag) on \(release.revision.prefix(7)).")
        if release.forced {
            print("Released with --force despite:")
            for reason in release.reasons { print("  - \(reason)") }
        }
    }
}

struct ChangelogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changelog",
        abstract: "What changed between two versions: clause changes and the amendments adopted.",
        discussion: """
            Versions are named as released (v0.1 for the tag charter/v0.1), or as any revision. The amendments come
            with their proposing territories, the workshops where they were debated and their rationale.
            Formats: markdown (to publish) or json (schema charter-changelog/1).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

    @OptionGroup var location: RepositoryOptions
    @Argument(help: ArgumentHelp("The older version.", valueName: "from")) var from: String
    @Argument(help: ArgumentHelp("The newer version (default: HEAD).", valueName: "to")) var to: String = "HEAD"
    @Option(help: "markdown or json.") var format: Format = .markdown

    func run() throws {
        let log = try location.open().changelog(from: from, to: to)
        switch format {
        case .markdown: print(ChangelogMarkdownRenderer().render(log), terminator: "")
        case .json: print(try StableJSON.string(log), terminator: "")
        }
    }
}
