import CharterKit
import Foundation

extension WebConsole {
    struct AmendmentsValue: Codable, Sendable {
        var amendments: [AmendmentView]
    }

    /// `/amendments`: every amendment (`?status=` filters as `charter amend list` does), and the
    /// form proposing one. Adoption stays a CLI act for editors (`charter amend adopt`).
    func amendmentsPage(_ exchange: Exchange) throws -> Reply {
        let status = exchange.query.text("status")
        if let status, !AmendmentFilter.statuses.contains(status) {
            throw ConsoleFailure(.badRequest, t("État inconnu : « \(status.prefix(40)) ».", "Unknown status: “\(status.prefix(40))”."))
        }
        let amendments = try repository.amendments(AmendmentFilter(status: status))
        let charter = try repository.charter(.revision("HEAD"))
        let language = self.language
        let rows: [HTML] = amendments.map { view in
            let change = view.amendment.change
            return """
                <tr data-amendment="\(view.amendment.id.rawValue)"><td><a href="/amendments/\(view.amendment.id.rawValue)"><code>\(view.shortID)</code></a></td>\
                <td>\(language.operation(change.operation)) <a href="/clauses/\(change.clause.rawValue)">\(view.clauseTitle ?? change.clause.rawValue)</a></td>\
                <td>\(view.territoryName)</td><td><span class="badge state">\(view.status)</span></td><td>\(Layout.badge(view.consensus, language))</td></tr>
                """
        }
        let filters: [HTML] = ([nil] + AmendmentFilter.statuses).map { value in
            let label = value ?? t("tous", "all")
            return "<a href=\"\(URLText.link("/amendments", [("status", value)]))\"\(HTML.when(value == status, " aria-current=\"page\""))>\(label)</a>"
        }
        let body: HTML = """
            <h1>\(t("Amendements", "Amendments"))</h1>
            <p class="meta">\(filters.joined(separator: " · "))</p>
            \(HTML.choose(amendments.isEmpty, "<p class=\"muted\">\(t("Aucun amendement.", "No amendment."))</p>", """
            <table class="data amendments"><thead><tr><th>\(t("Amendement", "Amendment"))</th><th>\(t("Changement", "Change"))</th>\
            <th>\(t("Proposé par", "Proposed by"))</th><th>\(t("État", "State"))</th><th>\(t("Consensus", "Consensus"))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """))
            <p class="muted">\(t("L’adoption reste un acte des rédacteurs, en ligne de commande : charter amend adopt ID.",
                                 "Adoption stays an editors’ act, on the command line: charter amend adopt ID."))</p>
            \(try proposalForm(exchange, charter: charter))
            """
        return Reply(title: t("Amendements", "Amendments"), body: body, json: AmendmentsValue(amendments: amendments))
    }

    private func proposalForm(_ exchange: Exchange, charter: Charter) throws -> HTML {
        guard let session = exchange.session, let facilitator = try exchange.facilitator() else {
            return "<p class=\"muted\">\(t("Connectez-vous pour proposer un amendement.", "Sign in to propose an amendment."))</p>"
        }
        let language = self.language
        let territories: [HTML] = facilitator.territories.map { "<option value=\"\($0)\">\(charter.manifest.territory($0)?.name ?? $0)</option>" }
        let clauses: [HTML] = charter.numbered.map { "<option value=\"\($0.clause.id.rawValue)\">\($0.number). \($0.clause.title)</option>" }
        let operations: [HTML] = AmendmentOperation.allCases.map { "<option value=\"\($0.rawValue)\">\(language.operation($0))</option>" }
        let workshops: [HTML] = ["<option value=\"\">—</option>"]
            + (try repository.deliberationStore().load().workshopList.filter(\.isOpen)).map { "<option value=\"\($0.id)\">\($0.title)</option>" }
        return """
            <h2>\(t("Proposer un amendement", "Propose an amendment"))</h2>
            <form method="post" action="/amendments" class="stack proposal-form">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label>\(t("Territoire qui propose", "Proposing territory")) <select name="territory">\(territories)</select></label>
            <label>\(t("Atelier (facultatif)", "Workshop (optional)")) <select name="workshop">\(workshops)</select></label>
            <label>\(t("Opération", "Operation")) <select name="operation">\(operations)</select></label>
            <label>\(t("Article (remplacé, supprimé ou déplacé ; pour une insertion, l’identifiant du nouvel article)", "Clause (replaced, deleted or moved; for an insertion, the new clause’s id)")) \
            <input type="text" name="clause" list="clause-ids" required></label>
            <datalist id="clause-ids">\(clauses)</datalist>
            <label>\(t("Après l’article (insertion, déplacement)", "After clause (insert, move)")) <input type="text" name="after" list="clause-ids"></label>
            <label>\(t("Titre (facultatif, ou celui du nouvel article)", "Title (optional, or the new clause’s)")) <input type="text" name="title"></label>
            <label>\(t("Texte proposé", "Proposed text")) <textarea name="text" rows="6"></textarea></label>
            <label>\(t("Exposé des motifs", "Rationale")) <textarea name="rationale" rows="3" required></textarea></label>
            <button type="submit">\(t("Proposer", "Propose"))</button>
            </form>
            """
    }

    /// `POST /amendments`: records a proposal, as `charter amend propose` does, for one of the
    /// facilitator's territories.
    func postAmendment(_ exchange: Exchange) throws -> Reply {
        let facilitator = try exchange.writer()
        let form = exchange.form
        guard let territory = try exchange.optionalID(form["territory"]) else {
            throw ConsoleFailure(.unprocessableContent, t("Choisissez le territoire qui propose.", "Choose the proposing territory."))
        }
        try exchange.require(facilitator, mayRecordFor: territory)
        guard let operation = form.text("operation").flatMap(AmendmentOperation.init(rawValue:)) else {
            throw ConsoleFailure(.unprocessableContent, t("Opération inconnue.", "Unknown operation."))
        }
        guard let clause = form.text("clause") else {
            throw ConsoleFailure(.unprocessableContent, t("Nommez l’article.", "Name the clause."))
        }
        guard Identifiers.isID(clause) else {
            throw ConsoleFailure(.badRequest, t("Identifiant d’article invalide.", "Invalid clause id."), code: "invalid-id")
        }
        let view = try repository.proposeAmendment(
            AmendmentRequest(territory: territory, workshop: try exchange.optionalID(form["workshop"]), rationale: form["rationale"] ?? "",
                             operation: operation, clause: clause, after: try exchange.optionalID(form["after"]),
                             title: form.text("title"), text: form["text"]),
            facilitator: facilitator.person)
        return Reply(json: view, redirect: "/amendments/\(view.amendment.id.rawValue)")
    }

    /// `/amendments/ID`: the amendment, its change as a redline (against its base, and against
    /// the current text when the text has moved on), the positions taken on it, its story.
    func amendmentPage(_ exchange: Exchange) throws -> Reply {
        let reference = FormData.decode((exchange.parameters.get("amendment") ?? "")[...])
        guard Identifiers.isAmendmentReference(reference) else {
            throw ConsoleFailure(.badRequest, t("Identifiant d’amendement invalide.", "Invalid amendment id."), code: "invalid-id")
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
            "<li>\(step.kind) — \(step.facilitator.name), \(Layout.day(step.recordedAt))\(step.detail.map { " : " + $0 } ?? "")</li>"
        }
        let conflicts: [HTML] = view.conflicts.map { "<li>\($0.message)</li>" }
        let change = view.amendment.change
        let body: HTML = """
            <p class="meta"><a href="/amendments">\(t("Amendements", "Amendments"))</a> › <code>\(view.amendment.id.rawValue)</code></p>
            <h1>\(t("Amendement", "Amendment")) \(view.shortID) <span class="badge state">\(view.status)</span> \(Layout.badge(view.consensus, language))</h1>
            <p>\(language.operation(change.operation)) — <a href="/clauses/\(change.clause.rawValue)">\(view.number.map { "\($0). " } ?? "")\(view.clauseTitle ?? change.clause.rawValue)</a>\
            \(change.after.map { " (" + t("après", "after") + " " + $0.rawValue + ")" } ?? "") — \(t("proposé par", "proposed by")) \(view.territoryName)\
            \(view.amendment.proposal.workshop.map { ", " + t("atelier", "workshop") + " " + $0 } ?? "")</p>
            <blockquote>\(view.amendment.proposal.rationale)</blockquote>
            \(HTML.when(!conflicts.isEmpty, "<div class=\"problem\"><ul>\(conflicts)</ul></div>"))
            <h2>\(t("Le changement", "The change"))</h2>
            \(diffHTML(view.againstBase))
            \(diffHTML(view.againstCurrent))
            <h2>\(t("Positions", "Positions"))</h2>
            \(HTML.choose(positions.isEmpty, "<p class=\"muted\">\(t("Aucune position.", "No position."))</p>", "<ul>\(positions)</ul>"))
            <h2>\(t("Journal", "Log"))</h2>
            <ul class="muted">\(steps)</ul>
            <p class="muted">\(t("L’adoption se fait en ligne de commande : charter amend adopt \(view.shortID)", "Adopt it on the command line: charter amend adopt \(view.shortID)"))</p>
            """
        return Reply(title: "\(t("Amendement", "Amendment")) \(view.shortID)", body: body, json: view)
    }
}
