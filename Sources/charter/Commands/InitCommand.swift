import ArgumentParser
import CharterKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a charter skeleton (a manifest and one clause).",
        discussion: "Works in an existing git repository, or creates one in the current folder (or --repo).")

    @OptionGroup var location: RepositoryOptions

    @Option(help: "The charter's title.")
    var title: String = "Charte"

    @Option(help: "The charter's language (fr enables French typography checks).")
    var language: String = "fr"

    @Flag(help: "Commit the skeleton to the checked-out branch.")
    var commit = false

    func run() throws {
        let repository = try CharterRepository.openOrCreate(at: location.repo, directory: location.dir)
        let result = try repository.initialise(title: title, language: language, commit: commit)
        let folder = repository.directory
        print("Created the charter « \(result.charter.manifest.title) » in \(folder)/")
        print("  \(folder)/charter.yml")
        for id in result.charter.manifest.clauseOrder { print("  \(folder)/clauses/\(id).md") }
        if let revision = result.revisions.last {
            print("Committed as \(revision.shortID).")
        } else {
            print("Edit the files, then commit them with git (or rerun with --commit).")
        }
    }
}
