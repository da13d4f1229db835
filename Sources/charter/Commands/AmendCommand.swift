import ArgumentParser
import CharterKit
import Foundation

struct AmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Propose, weigh, adopt, reject and re-base amendments.",
        discussion: """
            An amendment proposes to replace a clause's text, insert a clause, delete one or move one, against
            the text at HEAD. Territories take positions on it with `charter comment add --amendment ID`; it is
            adopted as one commit on the text branch (trailer `Amendment: ID`). An amendment is named by its id
            or any unique prefix or suffix of it (the lists show the last 8 characters). See docs/amendments.md.
            """,
        subcommands: [Propose.self, List.self, Show.self, Adopt.self, Reject.self, Withdraw.self, Rebase.self])

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose an amendment against the text at HEAD.",
            discussion: """
                One of:
                  --clause C --text-file F [--title T]    replace C's text (and title)
                  --clause C --quote "X" --replace "Y"    « remplacer X par Y » in C's text
                  --clause C --quote "X" --delete-quote   « supprimer X »
                  --clause C --quote "X" --insert-after-quote "Y"
                                                          « après X, insérer Y »
                  --insert-after C --id N --title T --text-file F
                                                          insert a new clause N after C
                  --delete C                              delete C
                  --move C --after D                      move C right after D
                Clauses are named by id or number; `--text-file -` reads standard input. A quote must be the
                clause's exact words and occur once in it; the amendment records the clause's whole new text, so it
                merges with other amendments sentence by sentence.
                """)

        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Option(help: "The proposing territory.") var territory: String
        @Option(help: "The workshop it is put forward in.") var workshop: String?
        @Option(help: "Why: the amendment's rationale.") var rationale: String
        @Option(help: ArgumentHelp("Replace this clause's text.", valueName: "clause")) var clause: String?
        @Option(name: .customLong("insert-after"), help: ArgumentHelp("Insert a new clause after this one.", valueName: "clause"))
        var insertAfter: String?
        @Option(help: ArgumentHelp("Delete this clause.", valueName: "clause")) var delete: String?
        @Option(help: ArgumentHelp("Move this clause (with --after).", valueName: "clause")) var move: String?
        @Option(help: ArgumentHelp("Where the moved clause goes: right after this one.", valueName: "clause")) var after: String?
        @Option(help: ArgumentHelp("The new clause's id (with --insert-after).", valueName: "id")) var id: String?
        @Option(help: "The clause's (new) title.") var title: String?
        @Option(name: .customLong("text-file"), help: ArgumentHelp("The proposed text (Markdown), or - for standard input.", valueName: "file"))
        var textFile: String?
        @Option(help: ArgumentHelp("The clause's exact words the change is about (with --clause).", valueName: "words"))
        var quote: String?
        @Option(help: ArgumentHelp("Replace the quoted words with these.", valueName: "words")) var replace: String?
        @Flag(name: .customLong("delete-quote"), help: "Delete the quoted words.") var deleteQuote = false
        @Option(name: .customLong("insert-after-quote"), help: ArgumentHelp("Insert these words right after the quoted ones.", valueName: "words"))
        var insertAfterQuote: String?
        @Option(help: "text or json.") var format: OutputFormat = .text

        /// The passage edit asked for, if any.
        var passage: PassageEdit? {
            guard let quote else { return nil }
            if let replace { return PassageEdit(.replace, quote: quote, words: replace) }
            if let insertAfterQuote { return PassageEdit(.insertAfter, quote: quote, words: insertAfterQuote) }
            return PassageEdit(.delete, quote: quote)
        }

        func validate() throws {
            let edits = [replace != nil, deleteQuote, insertAfterQuote != nil].filter { $0 }.count
            if quote != nil {
                guard clause != nil else { throw ValidationError("--quote goes with --clause") }
                guard edits == 1 else { throw ValidationError("with --quote, give exactly one of --replace, --delete-quote, --insert-after-quote") }
                guard textFile == nil else { throw ValidationError("--quote and --text-file exclude each other: a passage edit or a whole text") }
            } else if edits > 0 {
                throw ValidationError("--replace, --delete-quote and --insert-after-quote need --quote \"the clause's exact words\"")
            }
            let chosen = [clause, insertAfter, delete, move].compactMap { $0 }
            guard chosen.count == 1 else {
                throw ValidationError("give exactly one of --clause, --insert-after, --delete, --move")
            }
            if clause != nil && quote == nil || insertAfter != nil, textFile == nil {
                throw ValidationError("give the proposed text with --text-file (or a passage edit with --quote)")
            }
            if insertAfter != nil, id == nil { throw ValidationError("give the new clause's id with --id") }
            if insertAfter != nil, title == nil { throw ValidationError("give the new clause's title with --title") }
            if move != nil, after == nil { throw ValidationError("say where the clause goes with --after") }
            if move == nil, after != nil { throw ValidationError("--after goes with --move") }
            if delete != nil || move != nil, textFile != nil || title != nil {
                throw ValidationError("--text-file and --title go with --clause or --insert-after")
            }
        }

        func run() throws {
            let text = try textFile.map(TextInput.read)
            let request: AmendmentRequest
            if let clause {
                request = AmendmentRequest(territory: territory, workshop: workshop, rationale: rationale, operation: .replace,
                                           clause: clause, title: title, text: text, passage: passage)
            } else if let insertAfter {
                request = AmendmentRequest(territory: territory, workshop: workshop, rationale: rationale, operation: .insert,
                                           clause: id ?? "", after: insertAfter, title: title, text: text)
            } else if let delete {
                request = AmendmentRequest(territory: territory, workshop: workshop, rationale: rationale, operation: .delete, clause: delete)
            } else {
                request = AmendmentRequest(territory: territory, workshop: workshop, rationale: rationale, operation: .move,
                                           clause: move ?? "", after: after)
            }
            let view = try location.open().proposeAmendment(request, facilitator: try who.person())
            if format == .json { print(try StableJSON.string(view), terminator: ""); return }
            print("Proposed amendment \(view.shortID) by \(view.amendment.territory): \(view.amendment.change.summary) "
                  + "(base \(view.amendment.base.prefix(7))).")
            print("Its id is \(view.amendment.id).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List amendments, each with its state against the current text.",
            discussion: """
                Statuses: proposed (open, applies to the current text, re-based automatically when the text moved on
                and the merge is clean), needs-rebase (open, collides with the current text), adopted, rejected,
                withdrawn. --status open lists both open ones.
                """)
        @OptionGroup var location: RepositoryOptions
        @Option(help: ArgumentHelp("Only this status: \(AmendmentFilter.statuses.joined(separator: ", ")).", valueName: "status"))
        var status: String?
        @Option(help: ArgumentHelp("Only amendments on this clause (id or number).", valueName: "clause")) var clause: String?
        @Option(help: "text or json.") var format: OutputFormat = .text

        func validate() throws {
            if let status, !AmendmentFilter.statuses.contains(status) {
                throw ValidationError("--status takes one of: \(AmendmentFilter.statuses.joined(separator: ", "))")
            }
        }

        func run() throws {
            let views = try location.open().amendments(AmendmentFilter(status: status, clause: clause))
            switch format {
            case .json: print(try StableJSON.string(views), terminator: "")
            case .text:
                if views.isEmpty { print("No amendment."); return }
                for view in views { print(AmendmentText.line(view)) }
            default: throw ValidationError("amend list prints text or json")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an amendment: its change as a word diff against its base (and the current text), its positions and story.")
        @OptionGroup var location: RepositoryOptions
        @Argument(help: ArgumentHelp("The amendment (id, or a unique prefix or suffix).", valueName: "id")) var id: String
        @Option(help: "text or json.") var format: OutputFormat = .text
        @Option(help: "Colour the text format: auto (on a terminal), always or never.") var color: ColorChoice = .auto

        func run() throws {
            let view = try location.open().amendment(id)
            switch format {
            case .json: print(try StableJSON.string(view), terminator: "")
            case .text: print(AmendmentText.detail(view, color: color.enabled), terminator: "")
            default: throw ValidationError("amend show prints text or json")
            }
        }
    }

    struct Adopt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Adopt an amendment: apply it to the text branch as one commit.",
            discussion: """
                The commit's author is the editor (--editor, else git's identity), with a Co-authored-by line for the
                proposing territory and the trailer `Amendment: ID`. When the clause changed since the amendment's base,
                the change is merged three ways; a collision refuses the adoption and shows the passages, changing
                nothing. Without consensus the adoption is refused (exit 1) unless --force, which is recorded. Touched
                files with uncommitted edits refuse it too (exit 2), changing nothing.
                """)
        @OptionGroup var location: RepositoryOptions
        @Argument(help: ArgumentHelp("The amendment (id, or a unique prefix or suffix).", valueName: "id")) var id: String
        @Flag(help: "Adopt it without consensus; the commit and the record say so.") var force = false
        @Option(help: ArgumentHelp("The editor, as \"Name <mail@example.org>\" (default: git's identity).", valueName: "person"))
        var editor: String?
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            var person: Person?
            if let editor {
                guard let parsed = Person(parsing: editor) else { throw ValidationError("--editor must look like \"Name <mail@example.org>\"") }
                person = parsed
            }
            let result = try Gate.run { try location.open().adoptAmendment(id, force: force, editor: person) }
            if format == .json { print(try StableJSON.string(result), terminator: ""); return }
            var notes: [String] = []
            if result.merged { notes.append("merged three ways onto the changed text") }
            if result.forced { notes.append("forced, without consensus") }
            if result.recordedOnly {
                print("Amendment \(result.amendment.shortID) was already committed as \(result.revision.shortID); its adoption is now recorded.")
            } else {
                print("Adopted amendment \(result.amendment.shortID) as \(result.revision.shortID)"
                      + (notes.isEmpty ? "." : " (\(notes.joined(separator: "; "))).") )
            }
            for other in result.others {
                switch other.standing {
                case .needsRebase?:
                    print("Amendment \(other.shortID) (\(other.amendment.change.summary)) now needs a rebase:")
                    for conflict in other.conflicts { print(AmendmentText.indent(conflict.text, "  ")) }
                case .rebased?:
                    print("Amendment \(other.shortID) (\(other.amendment.change.summary)) is re-based onto the new text automatically.")
                default:
                    print("Amendment \(other.shortID) (\(other.amendment.change.summary)) still applies.")
                }
            }
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject an open amendment, saying why.")
        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Argument(help: ArgumentHelp("The amendment.", valueName: "id")) var id: String
        @Option(help: "Why it is rejected.") var reason: String

        func run() throws {
            let view = try location.open().rejectAmendment(id, reason: reason, facilitator: try who.person())
            print("Rejected amendment \(view.shortID).")
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw an open amendment (its proposer no longer puts it forward).")
        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Argument(help: ArgumentHelp("The amendment.", valueName: "id")) var id: String
        @Option(help: "Why (optional).") var reason: String?

        func run() throws {
            let view = try location.open().withdrawAmendment(id, reason: reason, facilitator: try who.person())
            print("Withdrew amendment \(view.shortID).")
        }
    }

    struct Rebase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-base an amendment onto the text at HEAD (its proposer's resolution).",
            discussion: """
                With --text-file (and --title), the amendment proposes that text against the current one. Without, it
                records the clean three-way merge (or, for a deletion or a move, confirms it on the current text).
                Positions taken on an earlier version stay current only if the proposed words did not change.
                """)
        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Argument(help: ArgumentHelp("The amendment.", valueName: "id")) var id: String
        @Option(name: .customLong("text-file"), help: ArgumentHelp("The resolved text (Markdown), or - for standard input.", valueName: "file"))
        var textFile: String?
        @Option(help: "A new title (replace and insert).") var title: String?

        func run() throws {
            let view = try location.open().rebaseAmendment(id, title: title, text: try textFile.map(TextInput.read), facilitator: try who.person())
            print("Re-based amendment \(view.shortID) onto \(view.revision.prefix(7)); it is \(view.status).")
        }
    }
}

/// Gate refusals (no consensus, release blocked) exit with 1, as `charter check` findings do.
enum Gate {
    static func run<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as CharterError where error.code == .noConsensus || error.code == .releaseBlocked {
            Terminal.error(error.description(in: CLILanguage.current))
            throw ExitCode(1)
        }
    }
}

/// A text given as a file, or `-` for standard input.
enum TextInput {
    static func read(_ path: String) throws -> String {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data, let text = String(data: data, encoding: .utf8) else {
            throw CharterError(.badInput, file: path, "cannot read the file as UTF-8 text", hint: "check the path and its encoding")
        }
        return text
    }
}

/// How amendments read in a terminal.
enum AmendmentText {
    static func line(_ view: AmendmentView) -> String {
        let status = view.status.padding(toLength: 12, withPad: " ", startingAt: 0)
        let consensus = view.amendment.isOpen ? view.consensus.rawValue : "-"
        var text = "\(view.shortID)  \(status)  \(consensus.padding(toLength: 27, withPad: " ", startingAt: 0))  "
            + "\(view.amendment.territory)  \(view.amendment.change.summary)"
        if let number = view.number, let title = view.clauseTitle { text += "  (\(number). \(title))" }
        switch view.standing {
        case .rebased?: text += "\n    re-based automatically onto the current text (\(view.revision.prefix(7)))"
        case .needsRebase?:
            for conflict in view.conflicts { text += "\n    collides with the current text: \(conflict.message)" }
        default: break
        }
        if let adoption = view.amendment.adoption {
            text += "\n    adopted in \(adoption.revision.prefix(7))" + (adoption.forced ? " with --force (status \(adoption.status.rawValue))" : "")
        }
        if let reason = view.amendment.closingReason { text += "\n    \(view.amendment.state.rawValue): \(reason)" }
        return text
    }

    static func detail(_ view: AmendmentView, color: Bool) -> String {
        let amendment = view.amendment
        var out = "Amendment \(view.shortID) — \(amendment.change.summary)\n"
        out += "  id:          \(amendment.id)\n"
        var proposed = "\(view.territoryName) (\(amendment.territory))"
        if let workshop = amendment.proposal.workshop { proposed += " at workshop \(workshop)" }
        out += "  proposed by: \(proposed), \(Dates.day(amendment.proposedAt)), recorded by \(amendment.proposedBy.name)\n"
        out += "  base:        \(amendment.base.prefix(7))\n"
        var status = view.status
        switch view.standing {
        case .applies?: status += " (applies to the current text)"
        case .rebased?: status += " (re-based automatically onto the current text \(view.revision.prefix(7)))"
        case .needsRebase?: status += " (collides with the current text \(view.revision.prefix(7)))"
        case nil: break
        }
        if let adoption = amendment.adoption {
            status += " in \(adoption.revision.prefix(7))" + (adoption.forced ? ", with --force (status then: \(adoption.status.rawValue))" : "")
        }
        out += "  status:      \(status)\n"
        if let reason = amendment.closingReason { out += "  reason:      \(reason)\n" }
        out += "  consensus:   \(view.consensus.rawValue)\n"
        for cell in view.positions {
            out += "    \(cell.territory): \(cell.position.rawValue)" + (cell.currency == .current ? "" : " [\(cell.currency.rawValue)]")
                + " (workshop \(cell.workshop))\n"
        }
        out += "  rationale:\n" + indent(amendment.proposal.rationale, "    ") + "\n"
        let renderer = TextDiffRenderer(color: color)
        for diff in [view.againstBase, view.againstCurrent].compactMap({ $0 }) {
            out += "\nAgainst the \(diff.label):\n"
            out += "  " + describe(diff) + "\n"
            if let body = diff.body, !body.segments.isEmpty {
                out += indent(renderer.words(body), "    ") + "\n"
            }
        }
        if !view.conflicts.isEmpty {
            out += "\nCollisions with the current text (\(view.revision.prefix(7))):\n"
            for conflict in view.conflicts { out += indent(conflict.text, "  ") + "\n" }
        }
        out += "\nStory:\n"
        for step in amendment.steps {
            out += "  \(Dates.day(step.recordedAt))  \(step.kind)" + (step.detail.map { " — \($0)" } ?? "") + "  (\(step.facilitator.name))\n"
        }
        return out
    }

    static func describe(_ diff: AmendmentDiff) -> String {
        let number = { (value: Int?) in value.map(String.init) ?? "-" }
        switch diff.operation {
        case .replace:
            var text = "\(number(diff.oldNumber)). \(diff.clause) « \(diff.oldTitle ?? "") »: text replaced"
            if let old = diff.oldTitle, let new = diff.newTitle, old != new { text += ", retitled « \(new) »" }
            if let body = diff.body { text += " (+\(body.insertedWords) −\(body.deletedWords) words)" }
            return text
        case .insert: return "\(number(diff.newNumber)). \(diff.clause) « \(diff.newTitle ?? "") »: inserted"
        case .delete: return "\(number(diff.oldNumber)). \(diff.clause) « \(diff.oldTitle ?? "") »: deleted"
        case .move: return "\(diff.clause) « \(diff.oldTitle ?? "") »: moved \(number(diff.oldNumber)) → \(number(diff.newNumber))"
        }
    }

    static func indent(_ text: String, _ prefix: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, last.isEmpty, lines.count > 1 { lines.removeLast() }
        return lines.map { $0.isEmpty ? "" : prefix + $0 }.joined(separator: "\n")
    }
}
