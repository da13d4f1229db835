import ArgumentParser
import CharterKit

/// `--repo` and `--dir`, shared by every command.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The git repository (any folder inside it).", valueName: "path"))
    var repo: String = "."

    @Option(name: .long, help: ArgumentHelp("The charter's folder in the repository.", valueName: "folder"))
    var dir: String?

    func open() throws -> CharterRepository {
        try CharterRepository(discoveringFrom: repo, directory: dir)
    }
}
