import ArgumentParser
import CharterKit

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The revisions that changed the charter, or one clause.",
        discussion: """
            A clause is followed by its id, so its history survives renumbering, re-titling and moves.
            Each revision lists what happened: added, text changed (+words/−words), retitled,
            moved (number before → after), renumbered, removed; and the amendment it adopted, if any.
            """)

    @OptionGroup var location: RepositoryOptions

    @Argument(help: ArgumentHelp("Follow only this clause (its id, or its number in the current text).", valueName: "clause"))
    var clause: String?

    @Option(help: ArgumentHelp("Start from this revision.", valueName: "revision"))
    var from: String = "HEAD"

    @Option(name: [.customShort("n"), .long], help: "Show at most this many revisions.")
    var limit: Int?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let repository = try location.open()
        var id: ClauseID?
        if let clause {
            if let parsed = ClauseID(clause), Int(clause) == nil {
                id = parsed
            } else {
                let charter = try repository.charter(.revision(from))
                guard let found = charter.clause(matching: clause) else {
                    throw CharterError(.unknownClause, "no clause `\(clause)` at \(from)", hint: "`charter list` shows the ids and numbers")
                }
                id = found.id
            }
        }
        var entries = try id.map { try repository.story(of: $0, from: from) } ?? repository.history(from: from, limit: limit)
        if let limit, entries.count > limit { entries = Array(entries.prefix(limit)) }
        switch format {
        case .json:
            print(try StableJSON.string(entries), terminator: "")
        case .text:
            if entries.isEmpty {
                print(id.map { "No revision changed clause `\($0)`." } ?? "No revision changed the charter.")
                return
            }
            print(entries.map(LogCommand.text).joined(separator: "\n"))
        default:
            throw ValidationError("log prints text or json")
        }
    }

    static func text(_ entry: HistoryEntry) -> String {
        let revision = entry.revision
        var lines = ["\(revision.shortID)  \(Dates.day(revision.date))  \(revision.author.name) <\(revision.author.email)>",
                     "    \(revision.summary)"]
        if let problem = entry.problem {
            lines.append("    ! the charter could not be read here: \(problem)")
        }
        if let amendment = entry.amendment {
            lines.append("    · amendment \(amendment.suffix(8))" + (entry.proposedBy.map { ", proposed by \($0)" } ?? ""))
        }
        if !entry.charterChanges.isEmpty {
            lines.append("    · the charter's \(entry.charterChanges.joined(separator: ", ")) changed")
        }
        for event in entry.events { lines.append("    " + describe(event)) }
        for discussion in entry.discussions {
            lines.append("    ┆ workshop \(discussion.workshop) « \(discussion.title) » \(discussion.date):")
            for view in discussion.comments {
                let comment = view.comment.comment
                var line = "    ┆   \(comment.territory): \(comment.position?.rawValue ?? "remark")"
                if !comment.text.isEmpty { line += " — \(comment.text)" }
                if view.comment.isRetracted { line += " (retracted)" }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ event: ClauseEvent) -> String {
        let number = (event.newNumber ?? event.oldNumber).map { "\($0). " } ?? ""
        var parts: [String] = []
        for kind in event.kinds {
            switch kind {
            case .added: parts.append("added")
            case .removed: parts.append("removed")
            case .modified:
                let inserted = event.insertedWords ?? 0, deleted = event.deletedWords ?? 0
                parts.append(inserted + deleted == 0 ? "text changed (punctuation or spacing only)"
                                                     : "text changed (+\(inserted)/−\(deleted) words)")
            case .retitled: parts.append("retitled « \(event.oldTitle ?? "") » → « \(event.newTitle ?? "") »")
            case .moved: parts.append("moved \(event.oldNumber.map(String.init) ?? "?") → \(event.newNumber.map(String.init) ?? "?")")
            case .renumbered: parts.append("renumbered \(event.oldNumber.map(String.init) ?? "?") → \(event.newNumber.map(String.init) ?? "?")")
            case .fieldsChanged: parts.append("front matter changed")
            }
        }
        return "\(number)\(event.id): " + parts.joined(separator: ", ")
    }
}
