import ArgumentParser
import CharterKit

/// `--repo` and `--dir`, shared by every command.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: .key("cli.option.repo", valueName: "path"))
    var repo: String = "."

    @Option(name: .long, help: .key("cli.option.dir", valueName: "folder"))
    var dir: String?

    func open() throws -> CharterRepository {
        try CharterRepository(discoveringFrom: repo, directory: dir)
    }
}
