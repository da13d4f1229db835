import ArgumentParser
import CharterKit
import Foundation

struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Record, list, retract and import territory comments and positions.",
        subcommands: [Add.self, List.self, Retract.self, Import.self, Template.self])

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
        @Option(help: "text, json, csv, xlsx or ods.") var format: CommentFormat = .text
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (xlsx and ods need one unless piped).", valueName: "file"))
        var output: String?

        enum CommentFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv, xlsx, ods }

        func run() throws {
            let views = try location.open().comments(
                CommentFilter(clause: clause, territory: territory, workshop: workshop, staleOnly: stale), against: at)
            switch format {
            case .json: print(try StableJSON.string(views), terminator: "")
            case .csv: try SheetOutput.write(Array(CommentText.csv(views).utf8), to: output)
            case .xlsx: try SheetOutput.write(try WorkbookFormat.xlsx.write(CommentText.sheet(views)), to: output)
            case .ods: try SheetOutput.write(try WorkbookFormat.ods.write(CommentText.sheet(views)), to: output)
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
            abstract: "Import a sheet of feedback (CSV, .xlsx or .ods) into a workshop, all or nothing.",
            discussion: """
                The header row may sit below a title and empty rows. Columns, in any order (case and accents
                ignored): Territoire (id or name), N° article / Article (number or id), Position / Avis (favorable,
                pour, d'accord, réserve, avec réserves, contre, défavorable, question, abstention, or empty),
                Commentaire / Remarque, Citation / Extrait (optional; apostrophes, quotation marks and spaces may
                differ from the text). Other columns are listed as ignored; a misspelt or doubled column is refused.
                CSV: UTF-8 with or without BOM, or Windows-1252; `;`, `,` or tab. Workbooks: the first sheet, or
                --sheet NAME. Every row is checked first: if any is bad, each is reported with the sheet's row and
                column and nothing is imported. Importing the sheet again records only the rows changed since, as
                corrections (the earlier comment is retracted « corrigé dans le tableur »).
                """)
        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Argument(help: ArgumentHelp("The sheet: .csv, .xlsx or .ods.", valueName: "file")) var file: String
        @Option(help: "The workshop the feedback was given in.") var workshop: String
        @Option(help: ArgumentHelp("The workbook's sheet to read (the first by default).", valueName: "name")) var sheet: String?
        @Option(help: "text or json.") var format: ReportFormat = .text

        enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

        func run() throws {
            let url = URL(fileURLWithPath: file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CharterError(.badInput, file: file, "cannot read the file", hint: "check the path")
            }
            let report = try location.open().importComments(sheet: data, file: file, sheetName: sheet, workshop: workshop,
                                                            facilitator: try who.person())
            switch format {
            case .json: print(try StableJSON.string(report), terminator: "")
            case .text: print(CommentText.summary(report, workshop: workshop))
            }
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the sheet a facilitator fills in for a workshop (xlsx, ods or csv).",
            discussion: """
                One row per clause × territory of the workshop, with the clause's number and title and the
                territory's name; a drop-down list of positions; Commentaire and Citation to fill in; the header
                row frozen; French headers. `charter comment import` reads it back as it is; rows left empty
                are not recorded.
                """)
        @OptionGroup var location: RepositoryOptions
        @Option(help: "The workshop.") var workshop: String
        @Option(help: "xlsx, ods or csv.") var format: WorkbookFormat = .xlsx
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (default: atelier-WORKSHOP.FORMAT).", valueName: "file"))
        var output: String?

        func run() throws {
            let sheet = try location.open().commentTemplate(workshop: workshop)
            let path = output ?? "atelier-\(workshop).\(format.rawValue)"
            try SheetOutput.write(try format.write(sheet), to: path)
            print(CLILanguage.text("sheet.template.written", ["workshop": workshop, "file": path,
                                                              "rows": CLILanguage.text("sheet.template.rows", count: sheet.rows.count)]))
        }
    }
}

extension WorkbookFormat: ExpressibleByArgument {}

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

    /// One CSV cell: neutralised against formula injection (`CellSafety`), quoted when needed.
    static func escape(_ raw: String) -> String {
        let field = CellSafety.neutralised(raw)
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == ";" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The comments as a workbook sheet (`comment list --format xlsx|ods`), with the CSV's columns.
    static func sheet(_ views: [CommentView]) -> WorkbookSheet {
        let columns = ["id", "workshop", "territory", "clause", "position", "currency", "retracted", "comment", "quote"].map {
            WorkbookSheet.Column($0, width: $0 == "comment" ? 60 : ($0 == "quote" ? 40 : 16))
        }
        let rows: [[WorkbookSheet.Value]] = views.map { view in
            let comment = view.comment.comment
            return [view.comment.id.rawValue, comment.workshop, comment.territory, comment.clause.rawValue, comment.position?.rawValue ?? "",
                    view.currency.rawValue, view.comment.isRetracted ? "yes" : "no", comment.text, comment.quote?.exact ?? ""].map { .text($0) }
        }
        return WorkbookSheet(name: "Commentaires", columns: columns, rows: rows)
    }

    /// What an import did, in the CLI's language.
    static func summary(_ report: CommentImportReport, workshop: String) -> String {
        var parts = [CLILanguage.text("sheet.import.new", count: report.new), CLILanguage.text("sheet.import.corrected", count: report.corrected),
                     CLILanguage.text("sheet.import.unchanged", count: report.unchanged)]
        if report.unfilled > 0 { parts.append(CLILanguage.text("sheet.import.unfilled", count: report.unfilled)) }
        var lines = [CLILanguage.text("sheet.import.done", ["workshop": workshop, "summary": parts.joined(separator: ", ")])]
        var read: [String] = []
        if let sheet = report.sheet { read.append(CLILanguage.text("sheet.import.sheet", ["sheet": sheet])) }
        if let text = report.text {
            read.append(CLILanguage.text("sheet.import.\(text.encoding.rawValue)", ["delimiter": text.delimiter == "\t" ? "tab" : text.delimiter]))
        }
        read.append(CLILanguage.text("sheet.import.header", ["row": String(report.headerRow)]))
        lines.append("  " + read.joined(separator: ", "))
        if !report.ignoredColumns.isEmpty {
            lines.append("  " + CLILanguage.text("sheet.import.ignored", ["columns": report.ignoredColumns.joined(separator: ", ")]))
        }
        return lines.joined(separator: "\n")
    }
}
