import CharterKit
import Foundation

extension WebConsole {
    struct AmendmentsValue: Codable, Sendable {
        var amendments: [AmendmentView]
    }

    /// `/amendments`: every amendment (`?status=` filters as `charter amend list` does), and the
    /// form proposing one. Adoption stays a CLI act for editors (`charter amend adopt`).
    func amendmentsPage(_ exchange: Exchange, typed: FormData? = nil, problem: String? = nil, field: String? = nil) throws -> Reply {
        let status = exchange.query.text("status")
        if let status, !AmendmentFilter.statuses.contains(status) {
            throw ConsoleFailure(.badRequest, say("console.page.unknown-status", ["v0": "\(status.prefix(40))"]))
        }
        let amendments = try repository.amendments(AmendmentFilter(status: status))
        let charter = try repository.charter(.revision("HEAD"))
        let language = self.language
        let rows: [HTML] = amendments.map { view in
            let change = view.amendment.change
            return """
                <tr data-amendment="\(view.amendment.id.rawValue)"><td><a href="/amendments/\(view.amendment.id.rawValue)"><code>\(view.shortID)</code></a></td>\
                <td>\(language.operation(change.operation)) <a href="/clauses/\(change.clause.rawValue)">\(view.clauseTitle ?? change.clause.rawValue)</a></td>\
                <td>\(view.territoryName)</td><td><span class="badge state">\(say("console.amendment-status.\(view.status)"))</span></td><td>\(Layout.badge(view.consensus, language))</td></tr>
                """
        }
        let filters: [HTML] = ([nil] + AmendmentFilter.statuses).map { value in
            let label = value.map { say("console.amendment-status.\($0)") } ?? say("console.page.all")
            return "<a href=\"\(URLText.link("/amendments", [("status", value)]))\"\(HTML.when(value == status, " aria-current=\"page\""))>\(label)</a>"
        }
        let body: HTML = """
            <h1>\(say("console.page.amendments"))</h1>
            <p class="meta">\(filters.joined(separator: " · "))</p>
            \(HTML.choose(amendments.isEmpty, "<p class=\"muted\">\(say("console.page.no-amendment"))</p>", """
            <table class="data amendments"><thead><tr><th>\(say("console.page.amendment"))</th><th>\(say("console.page.change"))</th>\
            <th>\(say("console.page.proposed-by"))</th><th>\(say("console.page.state"))</th><th>\(say("console.page.consensus"))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """))
            <p class="muted">\(say("console.page.adoption-stays-an-editors-act-on"))</p>
            \(try proposalForm(exchange, charter: charter, typed: typed, problem: problem, field: field))
            """
        return Reply(title: say("console.page.amendments"), body: body, json: AmendmentsValue(amendments: amendments))
    }

    private func proposalForm(_ exchange: Exchange, charter: Charter, typed: FormData?, problem: String?, field: String?) throws -> HTML {
        guard let session = exchange.session, let facilitator = try exchange.facilitator() else {
            return "<p class=\"muted\">\(say("console.page.sign-in-to-propose-an-amendment"))</p>"
        }
        let language = self.language
        func chosen(_ field: String, _ value: String) -> HTML { HTML.flag("selected", typed?[field] == value) }
        let territories: [HTML] = facilitator.territories.map { "<option value=\"\($0)\"\(chosen("territory", $0))>\(charter.manifest.territory($0)?.name ?? $0)</option>" }
        let clauses: [HTML] = charter.numbered.map { "<option value=\"\($0.clause.id.rawValue)\">\($0.number). \($0.clause.title)</option>" }
        let operations: [HTML] = AmendmentOperation.allCases.map { "<option value=\"\($0.rawValue)\"\(chosen("operation", $0.rawValue))>\(language.operation($0))</option>" }
        let workshops: [HTML] = ["<option value=\"\">—</option>"]
            + (try repository.deliberationStore().load().workshopList.filter(\.isOpen)).map { "<option value=\"\($0.id)\"\(chosen("workshop", $0.id))>\($0.title)</option>" }
        let kinds: [HTML] = ([nil] + PassageEdit.Kind.allCases).map { kind in
            let value = kind?.rawValue ?? ""
            return "<option value=\"\(value)\"\(HTML.flag("selected", (typed?["passage"] ?? "") == value))>\(say("console.passage.kind.\(kind?.rawValue ?? "whole")"))</option>"
        }
        // A problem with one field is said at that field; any other above the form.
        func invalid(_ name: String) -> HTML {
            HTML.when(field == name && problem != nil, " aria-invalid=\"true\" aria-describedby=\"proposal-\(name)-error\"")
        }
        func said(_ name: String) -> HTML {
            guard field == name, let problem else { return .empty }
            return "<span class=\"problem\" role=\"alert\" id=\"proposal-\(name)-error\">\(problem)</span>"
        }
        let general = field == nil ? problem : nil
        return """
            <h2>\(say("console.page.propose-an-amendment"))</h2>
            \(general.map { "<p class=\"problem\" role=\"alert\" tabindex=\"-1\" id=\"proposal-problem\">\($0)</p>" as HTML })
            <form method="post" action="/amendments" class="stack proposal-form">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label>\(say("console.page.proposing-territory")) <select name="territory">\(territories)</select></label>
            <label>\(say("console.page.workshop-optional")) <select name="workshop">\(workshops)</select></label>
            <label>\(say("console.page.operation")) <select name="operation">\(operations)</select></label>
            <label>\(say("console.page.clause-replaced-deleted-or-moved-for")) \
            <input type="text" name="clause" list="clause-ids" required value="\(typed?["clause"] ?? "")"></label>
            <datalist id="clause-ids">\(clauses)</datalist>
            <label>\(say("console.page.after-clause-insert-move")) <input type="text" name="after" list="clause-ids" value="\(typed?["after"] ?? "")"></label>
            <label>\(say("console.page.title-optional-or-the-new-clause")) <input type="text" name="title" value="\(typed?["title"] ?? "")"></label>
            <label>\(say("console.page.proposed-text")) <textarea name="text" rows="6"\(invalid("text"))>\(typed?["text"] ?? "")</textarea></label>\(said("text"))
            <fieldset class="stack passage-edit"><legend>\(say("console.passage.legend"))</legend>
            <label>\(say("console.passage.kind")) <select name="passage"\(invalid("passage"))>\(kinds)</select></label>\(said("passage"))
            <label>\(say("console.passage.quote")) <input type="text" name="quote"\(invalid("quote")) value="\(typed?["quote"] ?? "")"></label>\(said("quote"))
            <label>\(say("console.passage.words")) <input type="text" name="words"\(invalid("words")) value="\(typed?["words"] ?? "")"></label>\(said("words"))
            </fieldset>
            <label>\(say("console.page.rationale")) <textarea name="rationale" rows="3" required>\(typed?["rationale"] ?? "")</textarea></label>
            <button type="submit">\(say("console.page.propose"))</button>
            </form>
            """
    }

    /// `POST /amendments`: records a proposal, as `charter amend propose` does, for one of the
    /// facilitator's territories.
    func postAmendment(_ exchange: Exchange) throws -> Reply {
        let facilitator = try exchange.writer()
        let form = exchange.form
        do {
            guard let territory = try exchange.optionalID(form["territory"]) else {
                throw ConsoleFailure(.unprocessableContent, say("console.page.choose-the-proposing-territory"))
            }
            try exchange.require(facilitator, mayRecordFor: territory)
            guard let operation = form.text("operation").flatMap(AmendmentOperation.init(rawValue:)) else {
                throw ConsoleFailure(.unprocessableContent, say("console.page.unknown-operation"))
            }
            guard let clause = form.text("clause") else {
                throw ConsoleFailure(.unprocessableContent, say("console.page.name-the-clause"))
            }
            guard Identifiers.isID(clause) else {
                throw ConsoleFailure(.badRequest, say("console.page.invalid-clause-id"), code: "invalid-id")
            }
            let passage = try passageEdit(form)
            if passage != nil, operation != .replace || form.text("text") != nil {
                throw FieldProblem(field: "passage", message: say("console.passage.replaces-only"))
            }
            let view = try repository.proposeAmendment(
                AmendmentRequest(territory: territory, workshop: try exchange.optionalID(form["workshop"]), rationale: form["rationale"] ?? "",
                                 operation: operation, clause: clause, after: try exchange.optionalID(form["after"]),
                                 title: form.text("title"), text: passage == nil ? form["text"] : nil, passage: passage),
                facilitator: facilitator.person)
            return Reply(json: view, redirect: "/amendments/\(view.amendment.id.rawValue)")
        } catch let failure as ConsoleFailure where failure.status == .forbidden {
            throw failure
        } catch {
            let (field, problem) = proposalProblem(error)
            var reply = try amendmentsPage(exchange, typed: form, problem: problem, field: field)
            let refusal = self.failure(error)
            reply.status = refusal.status
            reply.json = refusal.json
            return reply
        }
    }

    /// The passage edit the form asks for (« remplacer / supprimer / insérer après » the quoted
    /// words), or nil for a whole text.
    private func passageEdit(_ form: FormData) throws -> PassageEdit? {
        let quote = form["quote"] ?? ""
        guard let kindText = form.text("passage") else {
            if !quote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw FieldProblem(field: "passage", message: say("console.passage.choose-kind"))
            }
            return nil
        }
        guard let kind = PassageEdit.Kind(rawValue: kindText) else {
            throw FieldProblem(field: "passage", message: say("console.passage.choose-kind"))
        }
        guard !quote.isEmpty else { throw FieldProblem(field: "quote", message: say("console.passage.needs-quote")) }
        return PassageEdit(kind, quote: quote, words: kind == .delete ? "" : (form["words"] ?? ""))
    }

    /// Which field of the proposal form a refusal is about, and what to say there: a passage
    /// edit's quote not found or ambiguous is said at the quote, without the CLI's hint.
    private func proposalProblem(_ error: any Error) -> (field: String?, message: String) {
        if let problem = error as? FieldProblem { return (problem.field, problem.message) }
        if let charter = error as? CharterError, let wording = charter.wording, wording.key.hasPrefix("amend.passage.") {
            let field: String
            switch wording.key {
            case "amend.passage.no-words", "amend.passage.unchanged": field = "words"
            case "amend.passage.with-text": field = "passage"
            default: field = "quote"
            }
            return (field, wording.text(in: language))
        }
        return (nil, errorText(error))
    }

    /// `/amendments/ID`: the amendment, its change as a redline (against its base, and against
    /// the current text when the text has moved on), the positions taken on it, its story.
    func amendmentPage(_ exchange: Exchange, typed: FormData? = nil, problem: String? = nil) throws -> Reply {
        let reference = FormData.decode((exchange.parameters.get("amendment") ?? "")[...])
        guard Identifiers.isAmendmentReference(reference) else {
            throw ConsoleFailure(.badRequest, say("console.page.invalid-amendment-id"), code: "invalid-id")
        }
        let view = try repository.amendment(reference)
        let charter = try repository.charter(.revision("HEAD"))
        let language = self.language
        func diffHTML(_ diff: AmendmentDiff?) -> HTML {
            guard let diff else { return .empty }
            var parts: [HTML] = ["<h3>\(diff.label)</h3>"]
            if let old = diff.oldTitle, let new = diff.newTitle, old != new { parts.append("<p><del>\(old)</del> → <ins>\(new)</ins></p>") }
            if let old = diff.oldNumber, let new = diff.newNumber, old != new { parts.append("<p class=\"muted\">\(old) → \(new)</p>") }
            if let body = diff.body { parts.append("<div class=\"redline\">\(HTML(trusted: HTMLDiffRenderer.fragment(body)))</div>") }
            return parts.joined()
        }
        let positions: [HTML] = view.positions.map { cell in
            "<li>\(Layout.mark(cell, territory: charter.manifest.territory(cell.territory)?.name ?? cell.territory, language)) "
                + "\(charter.manifest.territory(cell.territory)?.name ?? cell.territory) — \(language.position(cell.position))</li>"
        }
        let steps: [HTML] = view.amendment.steps.map { step in
            "<li>\(say("console.event.\(step.kind)")) — \(step.facilitator.name), \(day(step.recordedAt))\(step.detail.map { " : " + $0 } ?? "")</li>"
        }
        let conflicts: [HTML] = view.conflicts.map { "<li>\($0.message)</li>" }
        let change = view.amendment.change
        let body: HTML = """
            <p class="meta"><a href="/amendments">\(say("console.page.amendments"))</a> › <code>\(view.amendment.id.rawValue)</code></p>
            <h1>\(say("console.page.amendment")) \(view.shortID) <span class="badge state">\(say("console.amendment-status.\(view.status)"))</span> \(Layout.badge(view.consensus, language))</h1>
            <p>\(language.operation(change.operation)) — <a href="/clauses/\(change.clause.rawValue)">\(view.number.map { "\($0). " } ?? "")\(view.clauseTitle ?? change.clause.rawValue)</a>\
            \(change.after.map { " (" + say("console.page.after") + " " + $0.rawValue + ")" } ?? "") — \(say("console.page.proposed-by-2")) \(view.territoryName)\
            \(view.amendment.proposal.workshop.map { ", " + say("console.page.workshop") + " " + $0 } ?? "")</p>
            <blockquote>\(view.amendment.proposal.rationale)</blockquote>
            \(HTML.when(!conflicts.isEmpty, "<div class=\"problem\"><ul>\(conflicts)</ul></div>"))
            <h2>\(say("console.page.the-change"))</h2>
            \(diffHTML(view.againstBase))
            \(diffHTML(view.againstCurrent))
            <h2>\(say("console.page.positions"))</h2>
            \(HTML.choose(positions.isEmpty, "<p class=\"muted\">\(say("console.page.no-position"))</p>", "<ul>\(positions)</ul>"))
            \(try amendmentPositionForm(view, exchange: exchange, charter: charter, typed: typed, problem: problem))
            <h2>\(say("console.page.log"))</h2>
            <ul class="muted">\(steps)</ul>
            <p class="muted">\(say("console.page.adopt-it-on-the-command-line", ["v0": "\(view.shortID)"]))</p>
            """
        return Reply(title: "\(say("console.page.amendment")) \(view.shortID)", body: body, json: view)
    }

    /// The form taking a territory's position on an open amendment, at an open workshop.
    func amendmentPositionForm(_ view: AmendmentView, exchange: Exchange, charter: Charter, typed: FormData? = nil,
                               problem: String? = nil) throws -> HTML {
        guard view.amendment.isOpen, let session = exchange.session, let person = try exchange.facilitator() else { return .empty }
        let workshops = try repository.deliberationStore().load().workshopList.filter { $0.isOpen && $0.territories.contains(where: person.mayRecord) }
        guard !workshops.isEmpty else { return "<p class=\"muted\">\(say("console.amendment.no-open-workshop"))</p>" }
        func options(_ values: [(String, String)], _ selected: String?) -> [HTML] {
            values.map { "<option value=\"\($0.0)\"\(HTML.flag("selected", selected == $0.0))>\($0.1)</option>" }
        }
        let territories = person.territories.map { ($0, charter.manifest.territory($0)?.name ?? $0) }
        let positions = [("", language.position(nil))] + Position.allCases.map { ($0.rawValue, language.position($0)) }
        return """
            <h2 id="take-position">\(say("console.amendment.position-title"))</h2>
            \(problem.map { "<p class=\"problem\" role=\"alert\" tabindex=\"-1\" id=\"position-problem\">\($0)</p>" as HTML })
            <form method="post" action="/amendments/\(view.amendment.id.rawValue)/positions" class="stack amendment-position-form">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label for="ap-workshop">\(say("console.field.workshop"))</label>\
            <select id="ap-workshop" name="workshop">\(options(workshops.map { ($0.id, $0.title) }, typed?["workshop"]))</select>
            <label for="ap-territory">\(say("console.field.territory"))</label>\
            <select id="ap-territory" name="territory">\(options(territories, typed?["territory"]))</select>
            <label for="ap-position">\(say("console.field.position"))</label>\
            <select id="ap-position" name="position">\(options(positions, typed?["position"]))</select>
            <label for="ap-text">\(say("console.field.said"))</label>\
            <textarea id="ap-text" name="text" rows="3"\(HTML.when(problem != nil, " aria-invalid=\"true\" aria-describedby=\"position-problem\""))>\(typed?["text"] ?? "")</textarea>
            <button type="submit">\(say("console.field.record"))</button>
            </form>
            """
    }

    /// `POST /amendments/ID/positions`: a territory's position on an open amendment; refused,
    /// the amendment page comes back with what was typed and the reason.
    func postAmendmentPosition(_ exchange: Exchange) throws -> Reply {
        let reference = FormData.decode((exchange.parameters.get("amendment") ?? "")[...])
        guard Identifiers.isAmendmentReference(reference) else {
            throw ConsoleFailure(.badRequest, say("console.error.invalid-id", ["value": String(reference.prefix(60))]), code: "invalid-id")
        }
        let person = try exchange.writer()
        let form = exchange.form
        do {
            guard let workshop = try exchange.optionalID(form["workshop"]) else { throw FieldProblem(field: "workshop", message: say("console.field.choose-workshop")) }
            guard let territory = try exchange.optionalID(form["territory"]) else { throw FieldProblem(field: "territory", message: say("console.field.choose-territory")) }
            try exchange.require(person, mayRecordFor: territory)
            let record = try repository.addComment(
                CommentRequest(workshop: workshop, territory: territory, clause: "", position: try parsePosition(form["position"]),
                               text: form["text"] ?? "", amendment: reference),
                facilitator: person.person)
            changes.signal()
            return Reply(json: RecordedJSON(recorded: [record.id.rawValue]), redirect: "/amendments/\(reference)#take-position")
        } catch let failure as ConsoleFailure where failure.status == .forbidden || failure.status == .badRequest {
            throw failure
        } catch {
            var reply = try amendmentPage(exchange, typed: form, problem: errorText(error))
            let refusal = self.failure(error)
            reply.status = refusal.status
            reply.json = refusal.json
            return reply
        }
    }
}
