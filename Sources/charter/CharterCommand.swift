import ArgumentParser
import CharterKit
import Foundation

/// The `charter` command: deliberate on and version a charter kept in git.
struct CharterCommand: ParsableCommand {
    /// The version `make deb` names its package after.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "charter",
        abstract: CLILanguage.text("cli.root.abstract"),
        discussion: CLILanguage.text("cli.root.discussion"),
        version: "charter \(CharterCommand.version)",
        subcommands: [
            InitCommand.self, ImportCommand.self, ListCommand.self, ShowCommand.self,
            LogCommand.self, DiffCommand.self, WorkshopCommand.self, CommentCommand.self, StatusCommand.self,
            SyncCommand.self, VersionCommand.self,
            AmendCommand.self, BlameCommand.self, ReleaseCommand.self, ChangelogCommand.self, CheckCommand.self,
            ExportCommand.self, FacilitatorCommand.self, ServeCommand.self, DoctorCommand.self,
        ]
    )
}

@main
enum Main {
    static func main() {
        do {
            // `charter --version --verbose`: the version subcommand's long form (ArgumentParser
            // would print the short version and ignore --verbose).
            let arguments = Pager.split(CLILanguage.split(Array(CommandLine.arguments.dropFirst())).rest).rest
            if arguments.contains("--version"), Set(arguments).isSubset(of: ["--version", "--verbose", "-v"]),
               arguments.contains("--verbose") || arguments.contains("-v") {
                try VersionCommand.parse(["--verbose"]).run()
                exit(0)
            }
            var command = try CharterCommand.parseAsRoot(arguments)
            defer { Terminal.notices() }
            try command.run()
        } catch let error as CharterError {
            Terminal.error(error.description(in: CLILanguage.current))
            exit(2)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let failure where CharterError.unexpected(failure) != nil {
            // A libgit2 or file-system failure: a sentence saying what to do, its cause kept.
            Terminal.error(CharterError.unexpected(failure)?.description(in: CLILanguage.current) ?? "\(failure)")
            exit(2)
        } catch {
            let status = CharterCommand.exitCode(for: error)
            let message = CharterCommand.fullMessage(for: error)
            if status == .success {
                print(message)
                exit(0)
            }
            Terminal.error(message)
            exit(2)
        }
    }
}
