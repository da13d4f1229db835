import ArgumentParser
import CharterKit
import Foundation

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange deliberation records, the text branch and charter/* tags with a remote.",
        discussion: """
            Fetches the checked-out text branch, the deliberation branch and charter/* tags from REMOTE
            (origin by default), merges the deliberation histories as a union of records (nothing is ever
            dropped), fast-forwards the text branch when the remote is ahead, and pushes back what the remote
            lacks. When someone pushed in between, it fetches, merges and pushes again. A text branch that
            has diverged is left alone: merge it with git (`git pull`), then sync again.

            Remotes: a path or file:// always; ssh and https when libgit2 supports them
            (`charter version --verbose`). Credentials: ssh-agent, then ~/.ssh keys without passphrase
            (ssh); GIT_USERNAME/GIT_PASSWORD, then git's credential helpers (https).
            """)

    @OptionGroup var location: RepositoryOptions
    @Argument(help: ArgumentHelp("The remote to sync with.", valueName: "remote")) var remote: String = "origin"
    @Flag(help: "Only push what the remote lacks (it must be able to fast-forward); fetch nothing.") var pushOnly = false
    @Flag(help: "Only fetch and merge locally; push nothing.") var fetchOnly = false
    @Option(help: "text or json.") var format: SyncFormat = .text

    enum SyncFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        if pushOnly && fetchOnly { throw ValidationError("--push-only and --fetch-only exclude each other") }
    }

    func run() throws {
        let repository = try location.open()
        let line = ProgressLine.forTerminal()
        defer { line?.finish() }
        let direction: SyncOptions.Direction = pushOnly ? .pushOnly : fetchOnly ? .fetchOnly : .both
        var progress: (@Sendable (SyncProgress) -> Void)?
        if let line { progress = { line.update($0) } }
        let report = try repository.sync(SyncOptions(remote: remote, direction: direction, progress: progress))
        line?.finish()
        switch format {
        case .json: print(try StableJSON.string(report), terminator: "")
        case .text:
            for text in SyncText.lines(report) { print(text) }
            for warning in SyncText.warnings(report) { Terminal.error("warning: " + warning) }
        }
    }
}

/// How a sync reads in the terminal.
enum SyncText {
    static func lines(_ report: SyncReport) -> [String] {
        var lines: [String] = []
        let verb = report.direction == .pushOnly ? "Pushed to" : report.direction == .fetchOnly ? "Fetched from" : "Synced with"
        lines.append("\(verb) \(report.remote) (\(report.url))" + (report.attempts > 1 ? " in \(report.attempts) rounds: the remote moved meanwhile." : "."))
        let d = report.deliberation
        var deliberation = "Deliberation (\(d.branch)): "
        switch d.outcome {
        case .absent: deliberation += "nothing recorded on either side"
        case .upToDate: deliberation += d.pushed ? "nothing new from \(report.remote)" : "up to date"
        case .fastForwarded: deliberation += "fast-forwarded"
        case .merged: deliberation += "merged (union of records)"
        case .remoteAhead: deliberation += "the remote has records this clone lacks (run `charter sync` without --push-only)"
        }
        var counts: [String] = []
        if d.received > 0 { counts.append("received \(d.received) record\(d.received == 1 ? "" : "s")") }
        if d.sent > 0 { counts.append("sent \(d.sent) record\(d.sent == 1 ? "" : "s")") }
        if d.pushed && d.sent == 0 { counts.append("pushed") }
        if !counts.isEmpty { deliberation += ", " + counts.joined(separator: ", ") }
        lines.append(deliberation + ".")
        if let text = report.text {
            var line = "Text (\(text.branch)): "
            switch text.state {
            case .upToDate: line += "up to date."
            case .fastForwarded: line += "fast-forwarded to \(text.tip?.prefix(7) ?? "")."
            case .pushed: line += "pushed."
            case .ahead: line += "\(text.ahead) commit\(text.ahead == 1 ? "" : "s") not pushed (--fetch-only)."
            case .behind:
                if text.blockedBy.isEmpty {
                    line += "the remote is ahead; not fetched (--push-only)."
                } else {
                    line += "the remote is \(text.behind) commit\(text.behind == 1 ? "" : "s") ahead, but uncommitted changes in "
                        + "\(text.blockedBy.joined(separator: ", ")) would be overwritten: commit or stash them, then sync again."
                }
            case .diverged:
                line += "diverged from \(report.remote)/\(text.branch) (\(text.ahead) local, \(text.behind) remote commit\(text.behind == 1 ? "" : "s")): "
                    + "merge them with git (`git pull \(report.remote) \(text.branch)`), then run `charter sync` again."
            case .remoteMissing: line += "not on the remote (not pushed: --fetch-only)."
            }
            lines.append(line)
        }
        var tags: [String] = []
        if !report.tags.fetched.isEmpty { tags.append("fetched " + report.tags.fetched.joined(separator: ", ")) }
        if !report.tags.pushed.isEmpty { tags.append("pushed " + report.tags.pushed.joined(separator: ", ")) }
        if !tags.isEmpty { lines.append("Tags: " + tags.joined(separator: "; ") + ".") }
        return lines
    }

    static func warnings(_ report: SyncReport) -> [String] {
        var warnings: [String] = []
        for conflict in report.deliberation.conflicts {
            warnings.append("two different records at \(conflict.path): both kept, the other one as \(conflict.renamedPath)")
        }
        for overlap in report.deliberation.importOverlaps {
            warnings.append("the CSV row \(overlap.path) was imported on two clones: comments \(overlap.kept) and \(overlap.other) "
                            + "are both recorded; retract one with `charter comment retract` if they say the same")
        }
        for record in report.deliberation.quarantined {
            warnings.append("from \(report.remote): " + record.message.text(in: CLILanguage.current))
        }
        for tag in report.tags.differing {
            warnings.append("tag \(tag) differs here and on \(report.remote); neither was changed")
        }
        return warnings
    }
}
