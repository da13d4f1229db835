import ArgumentParser
import CharterKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: CLILanguage.text("cli.check.abstract"),
        discussion: CLILanguage.text("cli.check.discussion"))

    @OptionGroup var location: RepositoryOptions

    @Argument(help: .key("cli.check.path", valueName: "path"))
    var path: String?

    @Option(help: .key("cli.check.atRevision", valueName: "revision"))
    var at: String?

    @Option(name: .customLong("changed-since"),
            help: .key("cli.check.changedSinceHelp", valueName: "revision"))
    var changedSince: String?

    @Option(help: .key("cli.option.format"))
    var format: CheckFormat = .text

    @Option(name: .customLong("fail-on"), help: .key("cli.check.failOn"))
    var failOn: FailLevel = .error

    @Flag(help: .key("cli.check.fix"))
    var fix = false

    @Option(help: .key("cli.check.gate", valueName: "gate"))
    var gate: String?

    @Option(help: .key("cli.check.output", valueName: "file"))
    var output: String?

    func validate() throws {
        if fix && at != nil { throw ValidationError(key: "cli.check.fixAt") }
        if path != nil && location.dir != nil { throw ValidationError(key: "cli.check.pathAndDir") }
        if let gate, !DeliberationGates.names.contains(gate) {
            throw ValidationError(key: "cli.check.unknownGate", ["gate": gate, "gates": DeliberationGates.names.joined(separator: ", ")])
        }
    }

    func run() throws {
        let source = at.map(CharterSource.revision) ?? .workingTree
        let folder = path ?? location.dir
        let repository: CharterRepository?
        do {
            let start = path.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil } ?? location.repo
            repository = try CharterRepository(discoveringFrom: start, directory: folder)
        } catch let error as CharterError where error.code == .repository && at == nil && changedSince == nil && gate == nil {
            repository = nil // A charter folder outside git: its files on disk are checked.
        }
        let input = try repository?.checkInput(source, changedSince: changedSince)
            ?? CharterRepository.checkInput(folder: folder ?? "charter")

        // A gate that cannot be evaluated stops the check before anything is reported.
        var deliberationGate: (gate: any DeliberationGate, request: DeliberationGateRequest)?
        if let gate, let repository {
            let branch = CharterRepository.deliberationBranch(in: input.files)
            deliberationGate = (try repository.deliberationGate(named: gate, branch: branch),
                                DeliberationGateRequest(repository: repository, files: input.files, revision: at, branch: branch))
        }

        var report: CheckReport
        if fix {
            let outcome = try CharterCheck.fix(input)
            if let repository {
                try repository.writeCharterFiles(outcome.changed)
            } else {
                try CharterRepository.writeFolderFiles(outcome.changed, folder: folder ?? "charter")
            }
            report = outcome.report
        } else {
            report = try CharterCheck.run(input)
        }
        if let (gate, request) = deliberationGate {
            report.merge(gate.descriptor, findings: try gate.evaluate(request))
        }

        let rendered: String
        switch format {
        case .text: rendered = TextCheckRenderer(language: CLILanguage.current).render(report)
        case .json: rendered = JSONCheckRenderer().render(report)
        case .github: rendered = GitHubCheckRenderer().render(report)
        case .junit: rendered = JUnitCheckRenderer(failOn: failOn.severity).render(report)
        case .sarif: rendered = SARIFCheckRenderer().render(report)
        }
        if let output {
            do {
                try Data(rendered.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CharterError(.badInput, file: output, Message("cli.check.cannotWrite", ["problem": error.localizedDescription]),
                                   hint: Message("cli.check.cannotWrite.hint"))
            }
            print(TextCheckRenderer.summary(report, in: CLILanguage.current))
        } else {
            print(rendered, terminator: "")
        }
        if report.fails(at: failOn.severity) { throw ExitCode(1) }
    }
}

/// `--format` of `charter check`.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, junit, sarif
}

/// `--fail-on`.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning

    var severity: CheckSeverity { self == .error ? .error : .warning }
}
