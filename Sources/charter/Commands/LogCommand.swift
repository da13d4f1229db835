import ArgumentParser
import CharterKit

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: CLILanguage.text("cli.log.abstract"),
        discussion: CLILanguage.text("cli.log.discussion"))

    @OptionGroup var location: RepositoryOptions

    @Argument(help: .key("cli.log.clause", valueName: "clause"), completion: .clauses)
    var clause: String?

    @Option(help: .key("cli.log.from", valueName: "revision"))
    var from: String = "HEAD"

    @Option(name: [.customShort("n"), .long], help: .key("cli.log.limit"))
    var limit: Int?

    @Option(help: .key("cli.option.format"))
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
                    throw CharterError(.unknownClause, Message("cli.log.unknownClause", ["clause": clause, "revision": from]),
                                       hint: Message("cli.hint.list"))
                }
                id = found.id
            }
        }
        var entries = try id.map { try repository.story(of: $0, from: from) } ?? repository.history(from: from, limit: limit)
        if let limit, entries.count > limit { entries = Array(entries.prefix(limit)) }
        Pager.start()
        switch format {
        case .json:
            print(try StableJSON.string(entries), terminator: "")
        case .text:
            if entries.isEmpty {
                print(id.map { CLILanguage.text("cli.log.noRevisionForClause", ["clause": $0.rawValue]) } ?? CLILanguage.text("cli.log.noRevision"))
                return
            }
            print(entries.map { LogCommand.text($0) }.joined(separator: "\n"))
        }
    }

    static func text(_ entry: HistoryEntry, in language: Language = CLILanguage.current) -> String {
        func say(_ key: String, count: Int? = nil, _ arguments: [String: String] = [:]) -> String {
            MessageCatalogue.text(key, count: count, arguments, in: language)
        }
        let revision = entry.revision
        var lines = ["\(revision.shortID)  \(Dates.day(revision.date))  \(revision.author.name) <\(revision.author.email)>",
                     "    \(revision.summary)"]
        if let problem = entry.problem {
            lines.append("    ! " + say("cli.log.unreadable", ["problem": problem]))
        }
        if let amendment = entry.amendment {
            let id = String(amendment.suffix(8))
            lines.append("    · " + (entry.proposedBy.map { say("cli.log.amendmentBy", ["id": id, "territory": $0]) }
                                     ?? say("cli.log.amendment", ["id": id])))
        }
        if !entry.charterChanges.isEmpty {
            lines.append("    · " + say("cli.log.charterChanged", ["parts": entry.charterChanges.joined(separator: ", ")]))
        }
        for event in entry.events { lines.append("    " + describe(event, in: language)) }
        for discussion in entry.discussions {
            lines.append("    ┆ " + say("cli.log.workshop", ["id": discussion.workshop, "title": discussion.title,
                                                           "date": discussion.date]))
            for view in discussion.comments {
                let comment = view.comment.comment
                let position = language == .en ? (comment.position?.rawValue ?? "remark") : language.position(comment.position)
                var line = "    ┆   \(comment.territory)\(language.colon)\(position)"
                if !comment.text.isEmpty { line += " — \(comment.text)" }
                if view.comment.isRetracted { line += " (" + say("cli.log.retracted") + ")" }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ event: ClauseEvent, in language: Language = CLILanguage.current) -> String {
        func say(_ key: String, count: Int? = nil, _ arguments: [String: String] = [:]) -> String {
            MessageCatalogue.text(key, count: count, arguments, in: language)
        }
        let number = (event.newNumber ?? event.oldNumber).map { "\($0). " } ?? ""
        let old = event.oldNumber.map(String.init) ?? "?", new = event.newNumber.map(String.init) ?? "?"
        var parts: [String] = []
        for kind in event.kinds {
            switch kind {
            case .added: parts.append(say("cli.log.event.added"))
            case .removed: parts.append(say("cli.log.event.removed"))
            case .modified:
                let inserted = event.insertedWords ?? 0, deleted = event.deletedWords ?? 0
                parts.append(inserted + deleted == 0 ? say("cli.log.event.punctuation")
                                                     : say("cli.log.event.modified", count: inserted + deleted,
                                                           ["inserted": String(inserted), "deleted": String(deleted)]))
            case .retitled:
                parts.append(say("cli.log.event.retitled", ["old": event.oldTitle ?? "", "new": event.newTitle ?? ""]))
            case .moved: parts.append(say("cli.log.event.moved", ["old": old, "new": new]))
            case .renumbered: parts.append(say("cli.log.event.renumbered", ["old": old, "new": new]))
            case .fieldsChanged: parts.append(say("cli.log.event.fields"))
            }
        }
        return "\(number)\(event.id)\(language.colon)" + parts.joined(separator: ", ")
    }
}
