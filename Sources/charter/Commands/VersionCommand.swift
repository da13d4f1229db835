import ArgumentParser
import CharterKit

/// `charter version [--verbose]`, also reached as `charter --version --verbose`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: CLILanguage.text("cli.version.abstract"))

    @Flag(help: .key("cli.version.verbose")) var verbose = false
    @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

    func run() throws {
        let library = CharterRepository.gitLibrary
        if format == .json {
            let info = VersionInfo(version: CharterCommand.version,
                                   libgit2: verbose ? .init(version: library.version, features: library.features,
                                                            transports: library.transports) : nil)
            print(try StableJSON.string(info), terminator: "")
            return
        }
        print(CharterCommand.configuration.version)
        guard verbose else { return }
        print("libgit2 \(library.version)")
        print(CLILanguage.text("cli.version.features", ["list": library.features.joined(separator: ", ")]))
        print(CLILanguage.text("cli.version.transports", ["list": library.transports.joined(separator: ", ")]))
    }
}

/// The JSON form of `charter version` (schema `charter-version/1`).
struct VersionInfo: Encodable {
    struct Library: Encodable {
        var version: String
        var features: [String]
        var transports: [String]
    }
    var schema = "charter-version/1"
    var version: String
    /// With --verbose.
    var libgit2: Library?
}
