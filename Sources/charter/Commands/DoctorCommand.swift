import ArgumentParser
import CharterKit
import Foundation

/// `charter doctor [--fix] [--format json]`: the repository's health.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the repository's health: quarantined records, interrupted adoptions, stale locks, shallow or single-branch clones, caches.",
        discussion: """
            Exit codes: 0 nothing to repair, 1 problems remain (each with the command that fixes it), 2 doctor could not run.
            --fix repairs what is mechanical: completes or undoes an interrupted adoption, removes a lock older than \
            a minute that no charter process holds, removes an unreadable cache (caches are rebuilt from git). \
            A quarantined record is never changed: a person decides.
            """)

    @OptionGroup var location: RepositoryOptions
    @Flag(help: "Repair what can be repaired mechanically (and say what was done).") var fix = false
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        let repository = try CharterRepository(discoveringFrom: location.repo, directory: location.dir)
        let report = try repository.health(fix: fix)
        Notices.drop("reliability.quarantine.summary")  // listed one by one below
        let language = CLILanguage.current
        if format == .json {
            print(try StableJSON.string(report), terminator: "")
        } else {
            for finding in report.findings {
                var line = (finding.fixed ? "✓ " : "✗ ") + finding.message.text(in: language)
                if finding.fixed { line += " — " + CLILanguage.text("doctor.fixed") }
                print(line)
                if !finding.fixed, let command = finding.fix {
                    print("    " + CLILanguage.text("doctor.fix-with", ["command": command]))
                }
            }
            for cache in report.caches {
                print("  " + CLILanguage.text("doctor.cache", ["path": cache.path, "size": String(cache.bytes)]))
            }
            let open = report.problems.count
            print(open == 0 ? CLILanguage.text("doctor.healthy") : CLILanguage.text("doctor.problems", count: open))
        }
        if !report.problems.isEmpty { throw ExitCode(1) }
    }
}
