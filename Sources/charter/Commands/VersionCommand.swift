import ArgumentParser
import CharterKit

/// `charter version [--verbose]`, also reached as `charter --version --verbose`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print charter's version; with --verbose, libgit2's version and the remotes it can reach.")

    @Flag(help: "Also print libgit2's version, features and transports.") var verbose = false

    func run() throws {
        print(CharterCommand.configuration.version)
        guard verbose else { return }
        let library = CharterRepository.gitLibrary
        print("libgit2 \(library.version)")
        print("features: \(library.features.joined(separator: ", "))")
        print("transports: \(library.transports.joined(separator: ", "))")
    }
}
