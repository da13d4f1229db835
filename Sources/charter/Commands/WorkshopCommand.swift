import ArgumentParser
import CharterKit
import Foundation

struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: CLILanguage.text("cli.workshop.abstract"),
        subcommands: [Open.self, Close.self, Reopen.self, List.self, Show.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLILanguage.text("cli.workshop.open.abstract"))

        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption

        @Argument(help: .key("cli.workshop.open.id", valueName: "id"))
        var id: String
        @Option(help: .key("cli.workshop.open.title")) var title: String
        @Option(help: .key("cli.workshop.open.date")) var date: String
        @Option(help: .key("cli.workshop.open.place")) var place: String?
        @Option(help: .key("cli.workshop.open.territories", valueName: "a,b,c"), completion: .territoryList)
        var territories: String
        @Option(help: .key("cli.workshop.open.at", valueName: "revision")) var at: String?
        @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

        func run() throws {
            let repository = try location.open()
            let ids = territories.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let workshop = try repository.openWorkshop(id: id, title: title, date: date, place: place, territories: ids,
                                                       at: at, facilitator: try who.person())
            if format == .json {
                print(try StableJSON.string(WorkshopRecord(action: "open", workshop: workshop)), terminator: "")
                return
            }
            print(CLILanguage.text("cli.workshop.opened", [
                "id": workshop.id, "title": workshop.title, "date": workshop.date,
                "territories": CLILanguage.text("common.territories", count: workshop.territories.count),
                "revision": String(workshop.revision.prefix(7)),
            ]))
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLILanguage.text("cli.workshop.close.abstract"))
        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Argument(help: .key("cli.workshop.id", valueName: "id"), completion: .workshops) var id: String
        @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

        func run() throws {
            let repository = try location.open()
            try repository.closeWorkshop(id, facilitator: try who.person())
            if format == .json {
                print(try StableJSON.string(WorkshopRecord(action: "close", workshop: try repository.workshop(id))), terminator: "")
                return
            }
            print(CLILanguage.text("cli.workshop.closed", ["id": id]))
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLILanguage.text("cli.workshop.reopen.abstract"))
        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Argument(help: .key("cli.workshop.id", valueName: "id"), completion: .workshops) var id: String
        @Option(help: .key("cli.workshop.reopen.reason")) var reason: String
        @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

        func run() throws {
            let repository = try location.open()
            try repository.reopenWorkshop(id, reason: reason, facilitator: try who.person())
            if format == .json {
                print(try StableJSON.string(WorkshopRecord(action: "reopen", workshop: try repository.workshop(id))), terminator: "")
                return
            }
            print(CLILanguage.text("cli.workshop.reopened", ["id": id]))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLILanguage.text("cli.workshop.list.abstract"))
        @OptionGroup var location: RepositoryOptions
        @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

        func run() throws {
            let deliberation = try location.open().deliberationStore().load()
            let workshops = deliberation.workshopList
            Pager.start()
            if format == .json {
                print(try StableJSON.string(workshops), terminator: "")
                return
            }
            if workshops.isEmpty {
                print(CLILanguage.text("cli.workshop.none"))
                return
            }
            for workshop in workshops {
                let comments = deliberation.comments.filter { $0.comment.workshop == workshop.id }.count
                let state = CLILanguage.text(workshop.isOpen ? "cli.workshop.state.open" : "cli.workshop.state.closed")
                print("\(workshop.date)  \(workshop.id)  \(CLILanguage.guillemets(workshop.title))\(workshop.place.map { " — \($0)" } ?? "")  \(state)  "
                      + CLILanguage.text("common.territories", count: workshop.territories.count) + ", "
                      + CLILanguage.text("common.comments", count: comments))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLILanguage.text("cli.workshop.show.abstract"))
        @OptionGroup var location: RepositoryOptions
        @Argument(help: .key("cli.workshop.id", valueName: "id"), completion: .workshops) var id: String
        @Option(help: .key("cli.option.format")) var format: OutputFormat = .text

        func run() throws {
            let repository = try location.open()
            let workshop = try repository.workshop(id)
            let comments = try repository.comments(CommentFilter(workshop: id), against: workshop.revision)
            let status = try repository.status(workshop: id)
            Pager.start()
            if format == .json {
                print(try StableJSON.string(WorkshopReport(workshop: workshop, comments: comments, status: status)), terminator: "")
                return
            }
            let state = CLILanguage.text(workshop.isOpen ? "cli.workshop.state.open" : "cli.workshop.state.closed")
            print("\(workshop.id)  \(CLILanguage.guillemets(workshop.title))  \(workshop.date)\(workshop.place.map { "  \($0)" } ?? "")  (\(state))")
            print(CLILanguage.text("cli.workshop.show.text", ["revision": String(workshop.revision.prefix(7))]))
            let names = Dictionary(uniqueKeysWithValues: status.territories.map { ($0.id, $0.name) })
            print(CLILanguage.text("cli.workshop.show.territories", ["names": workshop.territories.map { names[$0] ?? $0 }.joined(separator: ", ")]))
            for event in workshop.events.dropFirst() {
                let kind = CLILanguage.text("cli.workshop.event.\(event.kind)")
                let line = CLILanguage.text("cli.workshop.show.event", ["event": kind, "name": event.facilitator.name])
                print("  " + line + (event.reason.map { CLILanguage.current.colon + $0 } ?? ""))
            }
            print("\n" + CLILanguage.text("cli.workshop.show.said", count: comments.count))
            for view in comments { print(CommentText.line(view)) }
            print("\n" + CLILanguage.text("cli.workshop.show.status"))
            print(StatusText.render(status, color: false))
        }
    }
}

/// The JSON form of `charter workshop show`.
struct WorkshopReport: Encodable {
    var workshop: Workshop
    var comments: [CommentView]
    var status: StatusMatrix
}

/// The JSON form of `charter workshop open|close|reopen` (schema `charter-workshop-record/1`): what was
/// recorded, and the workshop as it now stands.
struct WorkshopRecord: Encodable {
    var schema = "charter-workshop-record/1"
    var action: String
    var workshop: Workshop
}
