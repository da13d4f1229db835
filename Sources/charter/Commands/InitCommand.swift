import ArgumentParser
import CharterKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: CLILanguage.text("cli.init.abstract"),
        discussion: CLILanguage.text("cli.init.discussion"))

    @OptionGroup var location: RepositoryOptions

    @Option(help: .key("cli.init.title"))
    var title: String = "Charte"

    @Option(help: .key("cli.init.language"))
    var language: String = "fr"

    @Flag(help: .key("cli.init.commit"))
    var commit = false

    @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

    func run() throws {
        let repository = try CharterRepository.openOrCreate(at: location.repo, directory: location.dir)
        let result = try repository.initialise(title: title, language: language, commit: commit)
        let folder = repository.directory
        let files = ["\(folder)/charter.yml"] + result.charter.manifest.clauseOrder.map { "\(folder)/clauses/\($0).md" }
        if format == .json {
            let record = InitRecord(title: result.charter.manifest.title, directory: folder, files: files,
                                    revision: result.revisions.last?.id)
            print(try StableJSON.string(record), terminator: "")
            return
        }
        print(CLILanguage.text("cli.init.created", ["title": result.charter.manifest.title, "folder": folder]))
        for file in files { print("  \(file)") }
        if let revision = result.revisions.last {
            print(CLILanguage.text("cli.init.committed", ["revision": revision.shortID]))
        } else {
            print(CLILanguage.text("cli.init.uncommitted"))
        }
    }
}

/// The JSON form of `charter init` (schema `charter-init/1`).
struct InitRecord: Encodable {
    var schema = "charter-init/1"
    var title: String
    var directory: String
    var files: [String]
    /// The commit made with --commit, else null.
    var revision: String?

    enum CodingKeys: String, CodingKey { case schema, title, directory, files, revision }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(title, forKey: .title)
        try container.encode(directory, forKey: .directory)
        try container.encode(files, forKey: .files)
        try container.encode(revision, forKey: .revision)
    }
}
