import ArgumentParser
import CharterKit
import Foundation

struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Record, list, retract and import territory comments and positions.",
        subcommands: [Add.self, List.self, Retract.self, Import.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record what a territory said about a clause (or an amendment) at a workshop.",
            discussion: """
                An objection or a reservation must give its reason as TEXT; a support may come without one.
                With --amendment ID instead of --clause, the position is taken on an amendment.
                """)

        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Option(help: "The workshop.") var workshop: String
        @Option(help: "The territory's id.") var territory: String
        @Option(help: "The clause's id, or its number.") var clause: String?
        @Option(help: ArgumentHelp("The amendment (id, or a unique prefix or suffix), instead of a clause.", valueName: "id"))
        var amendment: String?
        @Option(help: "support, reservation or objection (none for a question or a remark).") var position: Position?
        @Option(help: "Exact words of the clause the comment is about.") var quote: String?
        @Argument(help: ArgumentHelp("What the territory said.", valueName: "text")) var text: String = ""

        func validate() throws {
            guard (clause == nil) != (amendment == nil) else { throw ValidationError("give either --clause or --amendment") }
        }

        func run() throws {
            let record = try location.open().addComment(
                CommentRequest(workshop: workshop, territory: territory, clause: clause ?? "", position: position, text: text, quote: quote,
                               amendment: amendment),
                facilitator: try who.person())
            guard case .comment(let comment) = record.event else { return }
            let about = comment.amendment.map { "amendment \($0)" } ?? comment.clause.rawValue
            print("Recorded \(record.id) (\(comment.position?.rawValue ?? "remark")) for \(comment.territory) on \(about).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List comments, marking those made on text that has changed since.")
        @OptionGroup var location: RepositoryOptions
        @Option(help: "Only this clause (id or number).") var clause: String?
        @Option(help: "Only this territory.") var territory: String?
        @Option(help: "Only this workshop.") var workshop: String?
        @Flag(help: "Only comments made on text that has changed since.") var stale = false
        @Option(help: ArgumentHelp("Judge them against this revision.", valueName: "revision")) var at: String = "HEAD"
        @Option(help: "text, json or csv.") var format: CommentFormat = .text

        enum CommentFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        func run() throws {
            let views = try location.open().comments(
                CommentFilter(clause: clause, territory: territory, workshop: workshop, staleOnly: stale), against: at)
            switch format {
            case .json: print(try StableJSON.string(views), terminator: "")
            case .csv: print(CommentText.csv(views), terminator: "")
            case .text:
                if views.isEmpty { print("No comment."); return }
                for view in views { print(CommentText.line(view)) }
            }
        }
    }

    struct Retract: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a comment; it stays in the history, marked retracted.")
        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Argument(help: ArgumentHelp("The comment's id.", valueName: "id")) var id: String
        @Option(help: "Why it is withdrawn.") var reason: String

        func run() throws {
            try location.open().retractComment(id, reason: reason, facilitator: try who.person())
            print("Retracted \(id).")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a CSV sheet of feedback into a workshop, all or nothing.",
            discussion: """
                Columns (first line): territoire, article (clause id or number), position (adhésion, soutien,
                support, réserve, reservation, objection, or empty for a question), commentaire, citation (optional).
                `,` or `;` separated, UTF-8 with or without BOM. Every row is checked first: if any is bad, each bad
                row is reported with its line and nothing is imported. Importing the same rows again records nothing.
                """)
        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv")) var file: String
        @Option(help: "The workshop the feedback was given in.") var workshop: String

        func run() throws {
            let url = URL(fileURLWithPath: file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CharterError(.badInput, file: file, "cannot read the file", hint: "check the path")
            }
            let report = try location.open().importComments(csv: data, file: file, workshop: workshop, facilitator: try who.person())
            print("Imported \(report.imported) comment\(report.imported == 1 ? "" : "s") into \(workshop)"
                  + (report.alreadyImported > 0 ? " (\(report.alreadyImported) already imported, skipped)." : "."))
        }
    }
}

/// How comments read in the terminal and as CSV.
enum CommentText {
    static func line(_ view: CommentView) -> String {
        let recorded = view.comment
        let comment = recorded.comment
        var marks: [String] = []
        if recorded.isRetracted { marks.append("retracted: \(recorded.retraction?.reason ?? "")") }
        switch view.currency {
        case .current: break
        case .carriedForward: marks.append("carried forward (editorial change)")
        case .stale: marks.append("stale: the text has changed since")
        }
        var text = "\(recorded.id)  \(comment.workshop)  \(comment.territory)  \(comment.clause)  \(comment.position?.rawValue ?? "remark")"
        if !marks.isEmpty { text += "  [\(marks.joined(separator: "; "))]" }
        if !comment.text.isEmpty { text += "\n    \(comment.text)" }
        if let quote = comment.quote {
            text += "\n    « \(quote.exact) »"
            if let anchor = view.anchor {
                text += anchor.found ? " — now at line \(anchor.line ?? 0), column \(anchor.column ?? 0)" : " — no longer in the text"
            }
        }
        return text
    }

    static func csv(_ views: [CommentView]) -> String {
        var lines = ["id,workshop,territory,clause,position,currency,retracted,comment,quote"]
        for view in views {
            let comment = view.comment.comment
            let fields = [view.comment.id.rawValue, comment.workshop, comment.territory, comment.clause.rawValue,
                          comment.position?.rawValue ?? "", view.currency.rawValue, view.comment.isRetracted ? "yes" : "no",
                          comment.text, comment.quote?.exact ?? ""]
            lines.append(fields.map(escape).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
