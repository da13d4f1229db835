import ArgumentParser
import CharterKit
import Foundation

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: CLILanguage.text("cli.sync.abstract"),
        discussion: CLILanguage.text("cli.sync.discussion"))

    @OptionGroup var location: RepositoryOptions
    @Argument(help: .key("cli.sync.remote", valueName: "remote"), completion: .remotes) var remote: String = "origin"
    @Flag(help: .key("cli.sync.pushOnly")) var pushOnly = false
    @Flag(help: .key("cli.sync.fetchOnly")) var fetchOnly = false
    @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

    func validate() throws {
        if pushOnly && fetchOnly { throw ValidationError(key: "cli.sync.exclusive") }
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
            for warning in SyncText.warnings(report) { Terminal.error(CLILanguage.text("cli.warning.prefix") + CLILanguage.current.colon + warning) }
        }
    }
}

/// How a sync reads in the terminal, in the CLI's language.
enum SyncText {
    private static func say(_ key: String, count: Int? = nil, _ arguments: [String: String], _ language: Language) -> String {
        MessageCatalogue.text(key, count: count, arguments, in: language)
    }

    private static func say(_ key: String, count: Int? = nil, _ language: Language) -> String {
        MessageCatalogue.text(key, count: count, in: language)
    }

    static func lines(_ report: SyncReport, in language: Language = CLILanguage.current) -> [String] {
        var lines: [String] = []
        let verb = report.direction == .pushOnly ? "pushed" : report.direction == .fetchOnly ? "fetched" : "synced"
        let values = ["remote": report.remote, "url": report.url]
        lines.append(report.attempts > 1
            ? say("cli.sync.\(verb).rounds", count: report.attempts, values, language)
            : say("cli.sync.\(verb)", values, language))
        let d = report.deliberation
        var deliberation: String
        switch d.outcome {
        case .absent: deliberation = say("cli.sync.deliberation.absent", language)
        case .upToDate: deliberation = d.pushed ? say("cli.sync.deliberation.nothingNew", values, language) : say("cli.sync.upToDate", language)
        case .fastForwarded: deliberation = say("cli.sync.deliberation.fastForwarded", language)
        case .merged: deliberation = say("cli.sync.deliberation.merged", language)
        case .remoteAhead: deliberation = say("cli.sync.deliberation.remoteAhead", language)
        }
        var counts: [String] = []
        if d.received > 0 { counts.append(say("cli.sync.received", count: d.received, language)) }
        if d.sent > 0 { counts.append(say("cli.sync.sent", count: d.sent, language)) }
        if d.pushed && d.sent == 0 { counts.append(say("cli.sync.pushedWord", language)) }
        if !counts.isEmpty { deliberation += ", " + counts.joined(separator: ", ") }
        lines.append(say("cli.sync.deliberation", ["branch": d.branch, "state": deliberation], language))
        if let text = report.text {
            let state: String
            let branch = ["remote": report.remote, "branch": text.branch]
            switch text.state {
            case .upToDate: state = say("cli.sync.text.upToDate", language)
            case .fastForwarded: state = say("cli.sync.text.fastForwarded", ["tip": String(text.tip?.prefix(7) ?? "")], language)
            case .pushed: state = say("cli.sync.text.pushed", language)
            case .ahead: state = say("cli.sync.text.ahead", count: text.ahead, language)
            case .behind:
                state = text.blockedBy.isEmpty
                    ? say("cli.sync.text.behindNotFetched", language)
                    : say("cli.sync.text.behindBlocked", count: text.behind, ["files": text.blockedBy.joined(separator: ", ")], language)
            case .diverged:
                state = say("cli.sync.text.diverged", count: text.behind, branch.merging(["ahead": String(text.ahead)]) { $1 }, language)
            case .remoteMissing: state = say("cli.sync.text.remoteMissing", language)
            }
            lines.append(say("cli.sync.text", ["branch": text.branch, "state": state], language))
        }
        var tags: [String] = []
        if !report.tags.fetched.isEmpty { tags.append(say("cli.sync.tags.fetched", ["tags": report.tags.fetched.joined(separator: ", ")], language)) }
        if !report.tags.pushed.isEmpty { tags.append(say("cli.sync.tags.pushed", ["tags": report.tags.pushed.joined(separator: ", ")], language)) }
        if !tags.isEmpty { lines.append(say("cli.sync.tags", ["tags": tags.joined(separator: "; ")], language) + ".") }
        return lines
    }

    static func warnings(_ report: SyncReport, in language: Language = CLILanguage.current) -> [String] {
        var warnings: [String] = []
        for conflict in report.deliberation.conflicts {
            warnings.append(say("cli.sync.warning.conflict", ["path": conflict.path, "renamed": conflict.renamedPath], language))
        }
        for overlap in report.deliberation.importOverlaps {
            warnings.append(say("cli.sync.warning.importOverlap", ["path": overlap.path, "kept": overlap.kept, "other": overlap.other], language))
        }
        for record in report.deliberation.quarantined {
            warnings.append("from \(report.remote): " + record.message.text(in: CLILanguage.current))
        }
        for tag in report.tags.differing {
            warnings.append(say("cli.sync.warning.tag", ["tag": tag, "remote": report.remote], language))
        }
        return warnings
    }
}
