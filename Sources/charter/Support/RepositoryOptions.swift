import ArgumentParser
import CharterKit

/// `--repo` and `--dir`, shared by every command.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: .key("cli.option.repo", valueName: "path"))
    var repo: String = "."

    @Option(name: .long, help: .key("cli.option.dir", valueName: "folder"))
    var dir: String?

    /// Opens the repository, first completing or undoing an adoption a crash interrupted
    /// (said on standard error; a recovery that cannot proceed is said too, and the command goes on).
    func open() throws -> CharterRepository {
        let repository = try CharterRepository(discoveringFrom: repo, directory: dir)
        do {
            try repository.recoverInterruptedAdoption()
        } catch let error as CharterError {
            Terminal.note(error.description(in: CLILanguage.current))
        }
        return repository
    }
}
