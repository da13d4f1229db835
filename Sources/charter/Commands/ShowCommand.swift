import ArgumentParser
import CharterKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one clause (by id or number).")

    @OptionGroup var location: RepositoryOptions

    @Argument(help: ArgumentHelp("The clause's id, or its number.", valueName: "clause"))
    var clause: String

    @Option(help: ArgumentHelp("Read the charter at this revision (default: the working tree).", valueName: "revision"))
    var at: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Print only the clause's body, as in its file (to edit it for an amendment).")
    var body = false

    func run() throws {
        let repository = try location.open()
        let charter = try repository.charter(at.map(CharterSource.revision) ?? .workingTree)
        guard let found = charter.clause(matching: clause), let entry = charter.numbered.first(where: { $0.clause.id == found.id }) else {
            throw CharterError(.unknownClause, "no clause `\(clause)` in « \(charter.manifest.title) »",
                               hint: "`charter list` shows the ids and numbers")
        }
        if body {
            print(found.body, terminator: "")
            return
        }
        // The deliberation is judged against a committed text: the revision asked for, else HEAD.
        let against = at ?? "HEAD"
        let deliberates = try repository.deliberationStore().exists()
        let comments = deliberates ? try repository.comments(CommentFilter(clause: found.id.rawValue), against: against) : []
        let status = deliberates ? try repository.status(at: against).rows.first { $0.clause == found.id } : nil
        switch format {
        case .json:
            var view = ClauseView(entry)
            view.comments = comments
            view.status = status
            print(try StableJSON.string(view), terminator: "")
        case .text:
            print("\(entry.number). \(found.title)  [\(found.id)]  — \(entry.sectionTitle)\n")
            print(found.body, terminator: found.body.hasSuffix("\n") ? "" : "\n")
            if let status {
                let positions = status.cells.values.sorted { $0.territory < $1.territory }
                    .map { "\($0.territory) \(StatusRenderer.symbol($0))" }.joined(separator: ", ")
                print("\nStatus: \(status.status.rawValue)\(positions.isEmpty ? "" : " — \(positions)")")
            }
            if !comments.isEmpty {
                print("\nComments (\(comments.count)):")
                for view in comments { print(CommentText.line(view)) }
            }
        default:
            throw ValidationError("show prints text or json")
        }
    }
}

/// The JSON form of `charter show`.
struct ClauseView: Encodable {
    var number: Int
    var id: String
    var title: String
    var section: String
    var body: String
    var fields: [String: String]
    var comments: [CommentView] = []
    var status: StatusMatrix.Row?

    init(_ entry: NumberedClause) {
        number = entry.number
        id = entry.clause.id.rawValue
        title = entry.clause.title
        section = entry.sectionTitle
        body = entry.clause.body
        fields = entry.clause.fields
    }
}
