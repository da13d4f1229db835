import CharterKit
import Foundation
import Hummingbird

extension WebConsole {
    // MARK: Workshops

    struct WorkshopsValue: Codable, Sendable {
        var workshops: [Workshop]
    }

    /// `/workshops`: every workshop, and the form opening one (filled again with what was typed,
    /// and the reason at the field, when it was refused).
    func workshopsPage(_ exchange: Exchange, typed: FormData? = nil, problem: (field: String, message: String)? = nil,
                       status: HTTPResponse.Status = .ok) throws -> Reply {
        let workshops = try repository.deliberationStore().load().workshopList
        let charter = try repository.charter(.revision("HEAD"))
        let dates = try Dictionary(Set(workshops.map(\.revision)).map { ($0, try repository.resolve($0).date) }, uniquingKeysWith: { a, _ in a })
        let rows: [HTML] = workshops.map { workshop in
            """
            <tr data-workshop="\(workshop.id)"><td><a href="/workshops/\(workshop.id)">\(workshop.title)</a></td>\
            <td>\(day(workshop.date))</td><td>\(workshop.place ?? "")</td><td>\(workshop.territories.count)</td>\
            <td><span class="badge state">\(workshop.isOpen ? say("console.workshop.open") : say("console.workshop.closed"))</span></td>\
            <td>\(dates[workshop.revision].map { say("console.text.version-of", ["day": day($0)]) } ?? "")</td></tr>
            """
        }
        var form: HTML = .empty
        if let session = exchange.session, !session.isRepresentative, (try? exchange.facilitator()) != nil {
            let chosen = typed.map { Set($0.all("territories")) }
            let boxes: [HTML] = charter.manifest.territories.map { territory in
                "<label class=\"check\"><input type=\"checkbox\" name=\"territories\" value=\"\(territory.id)\"\(HTML.flag("checked", chosen?.contains(territory.id) ?? true))> \(territory.name)</label>"
            }
            func field(_ name: String, _ label: String, type: String = "text", required: Bool = false, extra: HTML = .empty) -> HTML {
                let message = problem?.field == name ? problem?.message : nil
                return """
                    <label for="workshop-\(name)">\(label)</label>\
                    <input type="\(type)" id="workshop-\(name)" name="\(name)" value="\(typed?[name] ?? "")"\(HTML.flag("required", required))\(extra)\
                    \(HTML.when(message != nil, " aria-invalid=\"true\" aria-describedby=\"workshop-\(name)-error\""))>\
                    \(message.map { "<p class=\"field-error\" id=\"workshop-\(name)-error\">\($0)</p>" as HTML })
                    """
            }
            let other = problem.flatMap { ["id", "title", "date", "place"].contains($0.field) ? nil : $0.message }
            form = """
                <h2 id="open-workshop">\(say("console.workshop.open-title"))</h2>
                \(other.map { "<p class=\"problem\" role=\"alert\" tabindex=\"-1\">\($0)</p>" as HTML })
                <form method="post" action="/workshops" class="stack workshop-form">
                <input type="hidden" name="csrf" value="\(session.csrf)">
                \(field("title", say("console.workshop.field-title"), required: true))
                \(field("id", say("console.workshop.field-id"), required: true, extra: " pattern=\"[a-z0-9\\-]+\" maxlength=\"100\" title=\"\(say("console.error.invalid-id-hint"))\""))
                \(field("date", say("console.workshop.field-date"), type: "date", required: true))
                \(field("place", say("console.workshop.field-place")))
                <fieldset><legend>\(say("console.workshop.field-territories"))</legend>\(boxes)</fieldset>
                <button type="submit">\(say("console.workshop.open-button"))</button>
                </form>
                """
        }
        let body: HTML = """
            <h1>\(say("console.nav.workshops"))</h1>
            \(HTML.choose(workshops.isEmpty, "<p class=\"muted\">\(say("console.workshop.none"))</p>", """
            <table class="data workshops"><thead><tr><th scope="col">\(say("console.workshop.column"))</th><th scope="col">\(say("console.workshop.field-date"))</th>\
            <th scope="col">\(say("console.workshop.field-place"))</th><th scope="col">\(say("console.workshop.territories"))</th>\
            <th scope="col">\(say("console.workshop.state"))</th><th scope="col">\(say("console.workshop.text"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            \(form)
            """
        return Reply(status: status, title: say("console.nav.workshops"), body: body, json: WorkshopsValue(workshops: workshops))
    }

    /// `POST /workshops`: opens a workshop on the text at HEAD; refused, the form comes back
    /// filled with what was typed and the reason at its field.
    func postWorkshop(_ exchange: Exchange) throws -> Reply {
        let facilitator = try exchange.facilitatorWriter()
        let form = exchange.form
        do {
            guard let id = try exchange.optionalID(form["id"]) else {
                throw FieldProblem(field: "id", message: say("console.workshop.id-needed"))
            }
            guard let date = form.text("date") else { throw FieldProblem(field: "date", message: say("console.workshop.date-needed")) }
            let territories = try form.all("territories").compactMap { try exchange.optionalID($0) }
            let workshop = try repository.openWorkshop(id: id, title: form["title"] ?? "", date: date, place: form.text("place"),
                                                       territories: territories, at: try exchange.revision(form["at"]),
                                                       facilitator: facilitator.person)
            return Reply(json: workshop, redirect: "/workshops/\(workshop.id)")
        } catch {
            let problem = fieldProblem(error, fields: ["emptyTitle": "title", "invalid-id": "id", "already-exists": "id", "bad-input": "date"])
            var reply = try workshopsPage(exchange, typed: form, problem: problem, status: failure(error).status)
            reply.json = failure(error).json
            return reply
        }
    }

    /// The field an error is about, and what it says.
    func fieldProblem(_ error: any Error, fields: [String: String]) -> (field: String, message: String) {
        switch error {
        case let problem as FieldProblem: return (problem.field, problem.message)
        case let failure as ConsoleFailure: return (fields[failure.code] ?? "", failure.message)
        case let charter as CharterError:
            let field = charter.code == .emptyTitle ? "title" : fields[charter.code.rawValue] ?? ""
            return (field, errorText(charter))
        default: return ("", errorText(error))
        }
    }

    /// Close and reopen, for a facilitator: the room's workshop ends or starts again from the web.
    func workshopStateForm(_ workshop: Workshop, exchange: Exchange) throws -> HTML {
        guard let session = exchange.session, !session.isRepresentative, try exchange.facilitator() != nil else { return .empty }
        if workshop.isOpen {
            return """
                <h2>\(say("console.workshop.close-title"))</h2>
                <form method="post" action="/workshops/\(workshop.id)/close" class="inline-form workshop-close">
                <input type="hidden" name="csrf" value="\(session.csrf)">
                <p class="muted">\(say("console.workshop.close-help"))</p>
                <button type="submit" id="close-workshop">\(say("console.workshop.close-button"))</button>
                </form>
                """
        }
        return """
            <h2>\(say("console.workshop.reopen-title"))</h2>
            <form method="post" action="/workshops/\(workshop.id)/reopen" class="stack workshop-reopen">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label for="reopen-reason">\(say("console.workshop.reopen-reason"))</label>
            <textarea id="reopen-reason" name="reason" rows="2" required></textarea>
            <button type="submit" id="reopen-workshop">\(say("console.workshop.reopen-button"))</button>
            </form>
            """
    }

    /// `POST /workshops/ID/close`.
    func postWorkshopClosing(_ exchange: Exchange) throws -> Reply {
        let id = try exchange.id("workshop")
        let facilitator = try exchange.facilitatorWriter()
        try repository.closeWorkshop(id, facilitator: facilitator.person)
        changes.signal()
        return Reply(json: try repository.workshop(id), redirect: "/workshops/\(id)?closed=1")
    }

    /// `POST /workshops/ID/reopen`: with its reason.
    func postWorkshopReopening(_ exchange: Exchange) throws -> Reply {
        let id = try exchange.id("workshop")
        let facilitator = try exchange.facilitatorWriter()
        guard let reason = exchange.form.text("reason") else {
            throw ConsoleFailure(.unprocessableContent, say("console.workshop.reopen-reason-needed"))
        }
        try repository.reopenWorkshop(id, reason: reason, facilitator: facilitator.person)
        changes.signal()
        return Reply(json: try repository.workshop(id), redirect: "/workshops/\(id)?reopened=1")
    }
}

/// A form field that was refused, and why.
struct FieldProblem: Error, Sendable {
    var field: String
    var message: String
}
