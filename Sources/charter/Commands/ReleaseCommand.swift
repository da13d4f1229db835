import ArgumentParser
import CharterKit

struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: CLILanguage.text("cli.release.abstract"),
        discussion: CLILanguage.text("cli.release.discussion"))

    @OptionGroup var location: RepositoryOptions
    @Argument(help: .key("cli.release.version", valueName: "version")) var version: String
    @Option(name: [.customShort("m"), .long], help: .key("cli.release.message")) var message: String?
    @Flag(help: .key("cli.release.force")) var force = false
    @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

    func run() throws {
        let release = try Gate.run {
            try location.open().release(version, message: message, force: force, language: CLILanguage.current)
        }
        if format == .json { print(try StableJSON.string(release), terminator: ""); return }
        print(CLILanguage.text("cli.release.released", ["version": release.version, "tag": release.tag,
                                                         "revision": String(release.revision.prefix(7))]))
        if release.forced {
            print(CLILanguage.text("cli.release.forced"))
            for reason in release.reasons { print("  - \(reason)") }
        }
    }
}

struct ChangelogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changelog",
        abstract: CLILanguage.text("cli.changelog.abstract"),
        discussion: CLILanguage.text("cli.changelog.discussion"))

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

    @OptionGroup var location: RepositoryOptions
    @Argument(help: .key("cli.changelog.from", valueName: "from"), completion: .versions) var from: String
    @Argument(help: .key("cli.changelog.to", valueName: "to"), completion: .versions) var to: String = "HEAD"
    @Option(help: .key("cli.option.format")) var format: Format = .markdown

    func run() throws {
        let log = try location.open().changelog(from: from, to: to)
        Pager.start()
        switch format {
        case .markdown: print(ChangelogMarkdownRenderer().render(log), terminator: "")
        case .json: print(try StableJSON.string(log), terminator: "")
        }
    }
}
