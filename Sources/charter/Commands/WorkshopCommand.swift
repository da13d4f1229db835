import ArgumentParser
import CharterKit
import Foundation

struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: "Open, close and look at workshops.",
        subcommands: [Open.self, Close.self, Reopen.self, List.self, Show.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a workshop on a revision of the text (HEAD by default).")

        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption

        @Argument(help: ArgumentHelp("The workshop's id (lower-case letters, digits, dashes), e.g. lyon-2026-03.", valueName: "id"))
        var id: String
        @Option(help: "Its title.") var title: String
        @Option(help: "Its day, YYYY-MM-DD.") var date: String
        @Option(help: "Where it takes place.") var place: String?
        @Option(help: ArgumentHelp("The territories taking part, comma-separated ids.", valueName: "a,b,c"))
        var territories: String
        @Option(help: ArgumentHelp("The text revision under debate.", valueName: "revision")) var at: String?

        func run() throws {
            let repository = try location.open()
            let ids = territories.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let workshop = try repository.openWorkshop(id: id, title: title, date: date, place: place, territories: ids,
                                                       at: at, facilitator: try who.person())
            print("Opened workshop \(workshop.id) « \(workshop.title) » on \(workshop.date) with \(workshop.territories.count) territories, on text \(workshop.revision.prefix(7)).")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close (seal) a workshop: nothing more is recorded in it.")
        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Argument(help: ArgumentHelp("The workshop's id.", valueName: "id")) var id: String

        func run() throws {
            try location.open().closeWorkshop(id, facilitator: try who.person())
            print("Closed workshop \(id).")
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a closed workshop, saying why.")
        @OptionGroup var location: RepositoryOptions
        @OptionGroup var who: FacilitatorOption
        @Argument(help: ArgumentHelp("The workshop's id.", valueName: "id")) var id: String
        @Option(help: "Why it is reopened.") var reason: String

        func run() throws {
            try location.open().reopenWorkshop(id, reason: reason, facilitator: try who.person())
            print("Reopened workshop \(id).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the workshops.")
        @OptionGroup var location: RepositoryOptions
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            let deliberation = try location.open().deliberationStore().load()
            let workshops = deliberation.workshopList
            if format == .json {
                print(try StableJSON.string(workshops), terminator: "")
                return
            }
            if workshops.isEmpty {
                print("No workshop yet. Open one with `charter workshop open ID --title … --date YYYY-MM-DD --territories a,b`.")
                return
            }
            for workshop in workshops {
                let comments = deliberation.comments.filter { $0.comment.workshop == workshop.id }.count
                print("\(workshop.date)  \(workshop.id)  « \(workshop.title) »\(workshop.place.map { " — \($0)" } ?? "")  \(workshop.isOpen ? "open" : "closed")  \(workshop.territories.count) territories, \(comments) comments")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who was there, what was said, and the status as of the workshop.")
        @OptionGroup var location: RepositoryOptions
        @Argument(help: ArgumentHelp("The workshop's id.", valueName: "id")) var id: String
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            let repository = try location.open()
            let workshop = try repository.workshop(id)
            let comments = try repository.comments(CommentFilter(workshop: id), against: workshop.revision)
            let status = try repository.status(workshop: id)
            if format == .json {
                print(try StableJSON.string(WorkshopReport(workshop: workshop, comments: comments, status: status)), terminator: "")
                return
            }
            print("\(workshop.id)  « \(workshop.title) »  \(workshop.date)\(workshop.place.map { "  \($0)" } ?? "")  (\(workshop.isOpen ? "open" : "closed"))")
            print("Text under debate: \(workshop.revision.prefix(7))")
            let names = Dictionary(uniqueKeysWithValues: status.territories.map { ($0.id, $0.name) })
            print("Territories: " + workshop.territories.map { names[$0] ?? $0 }.joined(separator: ", "))
            for event in workshop.events.dropFirst() {
                print("  \(event.kind) by \(event.facilitator.name)\(event.reason.map { ": \($0)" } ?? "")")
            }
            print("\nWhat was said (\(comments.count)):")
            for view in comments { print(CommentText.line(view)) }
            print("\nStatus as of the workshop:")
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
