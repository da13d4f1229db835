import ArgumentParser
import CharterKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the charter's text: structure, references, French typography, style (the CI gate).",
        discussion: """
            Every finding is `file:line:col: severity [rule] message` (columns count Unicode code points). \
            Rules are configured in the manifest's `check:` section and silenced on one line by \
            `<!-- charter-disable rule-id -->`; docs/check.md lists them all.

            Formats: text, json (schema charter-check/1), github (workflow annotations), junit (XML, \
            one test case per rule and clause), sarif (2.1.0).

            Exit codes: 0 clean, 1 findings at or above --fail-on, 2 the check could not run.
            """)

    @OptionGroup var location: RepositoryOptions

    @Argument(help: ArgumentHelp("The charter's folder (default: --dir, else `charter`).", valueName: "path"))
    var path: String?

    @Option(help: ArgumentHelp("Check the charter at this revision instead of the working tree.", valueName: "revision"))
    var at: String?

    @Option(name: .customLong("changed-since"),
            help: ArgumentHelp("Check only the clauses changed since this revision, and report findings on the changed lines only.", valueName: "revision"))
    var changedSince: String?

    @Option(help: "text, json, github, junit or sarif.")
    var format: CheckFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at least this severe: error or warning.")
    var failOn: FailLevel = .error

    @Flag(help: "Apply every mechanical fix in the working tree (idempotent; code spans are never touched).")
    var fix = false

    @Option(help: ArgumentHelp("Also run a deliberation gate (release); refuses when the deliberation branch is absent.", valueName: "gate"))
    var gate: String?

    @Option(help: ArgumentHelp("Write the report to this file (the summary still goes to standard output).", valueName: "file"))
    var output: String?

    func validate() throws {
        if fix && at != nil { throw ValidationError("--fix edits the working tree: it cannot be combined with --at") }
        if path != nil && location.dir != nil { throw ValidationError("give the charter's folder either as PATH or with --dir, not both") }
        if let gate, !DeliberationGates.names.contains(gate) {
            throw ValidationError("unknown gate `\(gate)`: use \(DeliberationGates.names.joined(separator: ", "))")
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
        case .text: rendered = TextCheckRenderer().render(report)
        case .json: rendered = JSONCheckRenderer().render(report)
        case .github: rendered = GitHubCheckRenderer().render(report)
        case .junit: rendered = JUnitCheckRenderer(failOn: failOn.severity).render(report)
        case .sarif: rendered = SARIFCheckRenderer().render(report)
        }
        if let output {
            do {
                try Data(rendered.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CharterError(.badInput, file: output, "cannot write the report: \(error.localizedDescription)",
                                   hint: "check that the folder exists and can be written")
            }
            print(TextCheckRenderer.summary(report))
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
