import ArgumentParser
import CharterKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: CLILanguage.text("cli.show.abstract"))

    @OptionGroup var location: RepositoryOptions

    @Argument(help: .key("cli.show.clause", valueName: "clause"), completion: .clauses)
    var clause: String

    @Option(help: .key("cli.option.at.workingTree", valueName: "revision"))
    var at: String?

    @Option(help: .key("cli.option.format"))
    var format: OutputFormat = .text

    @Flag(help: .key("cli.show.body"))
    var body = false

    func run() throws {
        let repository = try location.open()
        let charter = try repository.charter(at.map(CharterSource.revision) ?? .workingTree)
        guard let found = charter.clause(matching: clause), let entry = charter.numbered.first(where: { $0.clause.id == found.id }) else {
            throw CharterError(.unknownClause, Message("cli.show.unknownClause", ["clause": clause, "title": charter.manifest.title]),
                               hint: Message("cli.hint.list"))
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
        Pager.start()
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
                let word = CLILanguage.current == .en ? status.status.rawValue : CLILanguage.current.status(status.status)
                print("\n" + CLILanguage.text("cli.show.status", ["status": word]) + (positions.isEmpty ? "" : " — \(positions)"))
            }
            if !comments.isEmpty {
                print("\n" + CLILanguage.text("cli.show.comments", count: comments.count))
                for view in comments { print(CommentText.line(view)) }
            }
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
