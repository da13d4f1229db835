import CharterKit
import Foundation

extension WebConsole {
    // MARK: The charter

    /// `/`: the charter as published at HEAD (or `?at=`), numbered, each clause with its badge.
    func charterPage(_ exchange: Exchange) throws -> Reply {
        let at = try exchange.revision(exchange.query["at"])
        let publication = try repository.publication(at: at ?? "HEAD")
        let language = self.language
        let territories = publication.territories
        var sections: [HTML] = []
        for section in publication.sections {
            let items: [HTML] = section.clauses.map { clause in
                let marks: [HTML] = territories.map { territory in
                    let position = clause.positions[territory.id]
                    return "<span class=\"mark \(position?.rawValue ?? "none")\" title=\"\(territory.name) — \(position.map { language.position($0) } ?? language.words.noPosition)\">"
                        + "\(position.map { ReportColors.symbol($0) } ?? "·")</span>"
                }
                return """
                    <li id="\(clause.id.rawValue)" data-clause="\(clause.id.rawValue)"><span class="number">\(clause.number).</span>\
                    <span class="title"><a href="/clauses/\(clause.id.rawValue)">\(clause.title)</a> <code>\(clause.id.rawValue)</code></span>\
                    <span class="marks">\(marks)</span><span class="state">\(Layout.badge(clause.status, language))</span></li>
                    """
            }
            sections.append("<section><h2>\(section.title)</h2>\n<ol class=\"clauses\">\n\(items.joined(separator: "\n"))\n</ol></section>\n")
        }
        let counts = publication.summary
        let summary = ClauseStatus.allCases.compactMap { status in counts[status].map { "\($0) \(language.status(status))" } }
            .joined(separator: ", ")
        let body: HTML = """
            <h1>\(publication.title)</h1>
            <p class="meta">\(t("Texte à la révision", "Text at revision")) <code>\(String(publication.revision.prefix(7)))</code> \
            (\(language.day(publication.date))) — \(language.words.rule) : \(language.rule(publication.rule)) — \(summary)</p>
            <p class="legend">\(territories.enumerated().map { "\($0.offset + 1). \($0.element.name)" }.joined(separator: " · "))</p>
            \(sections)
            """
        return Reply(title: publication.title, body: body, json: publication)
    }

    // MARK: A clause

    struct ClausePageValue: Codable, Sendable {
        struct Territory: Codable, Sendable {
            var territory: String
            var name: String
            var position: PositionCell?
            var comments: [CommentView]
        }

        struct Redline: Codable, Sendable {
            var from: String
            var to: String
            var change: ClauseChange?
        }

        var clause: ClauseID
        var number: Int?
        var title: String
        var body: String
        var revision: String
        var status: ClauseStatus
        var history: [HistoryEntry]
        var diff: Redline?
        var territories: [Territory]
        /// Comments whose quote is found in the current text: where it is highlighted.
        var highlights: [Highlight]
    }

    struct Highlight: Codable, Sendable {
        var comment: RecordID
        var territory: String
        var exact: String
        var line: Int
        var column: Int
        var stale: Bool
    }

    /// `/clauses/ID`: its text (quotes highlighted), its history, a redline between two
    /// revisions (`?from=&to=`), and the comments and positions by territory.
    func clausePage(_ exchange: Exchange) throws -> Reply {
        let id = try exchange.id("clause")
        let from = try exchange.revision(exchange.query["from"])
        let to = try exchange.revision(exchange.query["to"])
        let charter = try repository.charter(.revision("HEAD"))
        guard let clauseID = ClauseID(id), let clause = charter.clauses[clauseID] else {
            throw CharterError(.unknownClause, "no clause `\(id)` in the text at HEAD", hint: "the charter page lists them")
        }
        let head = try repository.resolve("HEAD")
        let matrix = try repository.status()
        let row = matrix.rows.first { $0.clause == clauseID }
        let history = try repository.history(of: clauseID)
        let comments = try repository.comments(CommentFilter(clause: id))
        var redline: ClausePageValue.Redline?
        let defaultFrom = history.count > 1 ? history[1].revision.id : nil
        if let old = from ?? defaultFrom {
            let new = to ?? history.first?.revision.id ?? "HEAD"
            let diff = try repository.diff(.revision(old), .revision(new))
            redline = .init(from: old, to: new, change: diff.change(for: clauseID))
        }
        let territories = charter.manifest.territories.map { territory in
            ClausePageValue.Territory(territory: territory.id, name: territory.name, position: row?.cells[territory.id],
                                      comments: comments.filter { $0.comment.comment.territory == territory.id })
        }
        var highlights: [Highlight] = []
        for view in comments where !view.comment.isRetracted {
            guard let quote = view.comment.comment.quote, let anchor = view.anchor, anchor.found,
                  let line = anchor.line, let column = anchor.column else { continue }
            highlights.append(Highlight(comment: view.comment.id, territory: view.comment.comment.territory, exact: quote.exact,
                                        line: line, column: column, stale: view.currency == .stale))
        }
        let value = ClausePageValue(clause: clauseID, number: charter.number(of: clauseID), title: clause.title, body: clause.body,
                                    revision: head.id, status: row?.status ?? .open, history: history, diff: redline,
                                    territories: territories, highlights: highlights)
        let workshops = try repository.deliberationStore().load().workshopList.filter(\.isOpen)
        return Reply(title: clause.title, body: try clauseBody(value, clause: clause, comments: comments, exchange: exchange,
                                                                openWorkshops: workshops, charter: charter),
                     json: value)
    }

    private func clauseBody(_ value: ClausePageValue, clause: Clause, comments: [CommentView], exchange: Exchange,
                            openWorkshops: [Workshop], charter: Charter) throws -> HTML {
        let language = self.language
        let names = Dictionary(charter.manifest.territories.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        // The text, with each re-anchored quote highlighted.
        var ranges: [(range: Range<String.Index>, tip: String, stale: Bool)] = []
        for view in comments where !view.comment.isRetracted {
            guard let quote = view.comment.comment.quote, view.anchor?.found == true, let range = quote.locate(in: clause.body) else { continue }
            let comment = view.comment.comment
            ranges.append((range, "\(names[comment.territory] ?? comment.territory) — \(language.position(comment.position)) : \(comment.text)",
                           view.currency == .stale))
        }
        ranges.sort { $0.range.lowerBound < $1.range.lowerBound }
        var text: HTML = .empty
        var cursor = clause.body.startIndex
        for item in ranges where item.range.lowerBound >= cursor {
            text += "\(String(clause.body[cursor..<item.range.lowerBound]))"
            text += "<mark class=\"quote\(item.stale ? " stale" : "")\" title=\"\(item.tip)\">\(String(clause.body[item.range]))</mark>"
            cursor = item.range.upperBound
        }
        text += "\(String(clause.body[cursor...]))"

        // History.
        let historyRows: [HTML] = value.history.map { entry in
            let events = entry.events.map { eventText($0) }.joined(separator: "; ")
            let amendment: HTML = entry.amendment.map { id in
                "<br><span class=\"tag\">\(t("amendement", "amendment")) <a href=\"/amendments/\(id)\">\(String(id.suffix(8)))</a>"
                    + "\(entry.proposedBy.map { ", " + t("proposé par", "proposed by") + " " + (names[$0] ?? $0) } ?? "")</span>"
            } ?? .empty
            return """
                <tr><td><code>\(entry.revision.shortID)</code></td><td>\(Layout.day(entry.revision.date))</td>\
                <td>\(entry.revision.author.name)</td><td>\(entry.revision.summary)<br><span class="muted">\(events)</span>\(amendment)</td></tr>
                """
        }
        // The redline, and the form choosing its two revisions.
        let choices = value.history.map { ($0.revision.id, "\($0.revision.shortID) — \(Layout.day($0.revision.date)) — \($0.revision.summary.prefix(50))") }
        func options(_ selected: String?) -> HTML {
            choices.map { id, label in "<option value=\"\(id)\"\(HTML.flag("selected", id == selected))>\(label)</option>" }.joined()
        }
        var redline: HTML = "<p class=\"muted\">\(t("Une seule version de cet article.", "Only one version of this clause."))</p>"
        if let diff = value.diff {
            var rendered: HTML = "<p class=\"muted\">\(t("Aucun changement de cet article entre ces révisions.", "No change to this clause between these revisions."))</p>"
            if let change = diff.change {
                var parts: [HTML] = ["<p class=\"muted\">\(kindsText(change.kinds))</p>"]
                if let old = change.oldTitle, let new = change.newTitle, old != new {
                    parts.append("<p><del>\(old)</del> → <ins>\(new)</ins></p>")
                }
                if let body = change.body {
                    parts.append("<div class=\"redline\">\(HTML(trusted: HTMLDiffRenderer.fragment(body)))</div>")
                } else if change.has(.added), let snapshot = change.clause {
                    parts.append("<div class=\"redline\"><ins>\(snapshot.body)</ins></div>")
                } else if change.has(.removed), let snapshot = change.clause {
                    parts.append("<div class=\"redline\"><del>\(snapshot.body)</del></div>")
                }
                rendered = parts.joined()
            }
            redline = """
                <form method="get" action="/clauses/\(value.clause.rawValue)" class="diff-form">
                <label>\(t("De", "From")) <select name="from">\(options(diff.from))</select></label>
                <label>\(t("à", "to")) <select name="to">\(options(diff.to))</select></label>
                <button type="submit">\(t("Comparer", "Compare"))</button></form>
                \(rendered)
                """
        }
        // Positions and comments by territory.
        let byTerritory: [HTML] = value.territories.map { entry in
            let items: [HTML] = entry.comments.map { commentHTML($0) }
            return """
                <h3>\(Layout.mark(entry.position, territory: entry.name, language)) \(entry.name)</h3>
                \(HTML.choose(items.isEmpty, "<p class=\"muted\">\(t("Rien d’enregistré.", "Nothing recorded."))</p>", items.joined()))
                """
        }
        let form = try commentForm(value.clause, exchange: exchange, openWorkshops: openWorkshops, charter: charter)
        return """
            <p class="meta"><a href="/">\(charter.manifest.title)</a> › \(t("article", "clause")) \(value.number.map(String.init) ?? "–")</p>
            <h1>\(value.number.map { "\($0). " } ?? "")\(value.title) \(Layout.badge(value.status, language))</h1>
            <p class="meta"><code>\(value.clause.rawValue)</code> — \(t("texte à la révision", "text at revision")) <code>\(String(value.revision.prefix(7)))</code></p>
            <div class="columns">
            <div>
            <div class="clause-text" id="clause-text">\(text)</div>
            <h2>\(t("Comparer deux révisions", "Compare two revisions"))</h2>
            \(redline)
            <h2>\(t("Historique", "History"))</h2>
            <table class="data history"><thead><tr><th>\(t("Révision", "Revision"))</th><th>\(t("Date", "Date"))</th>\
            <th>\(t("Auteur", "Author"))</th><th>\(t("Changement", "Change"))</th></tr></thead>
            <tbody>\(historyRows)</tbody></table>
            </div>
            <div>
            <h2>\(t("Positions et commentaires par territoire", "Positions and comments by territory"))</h2>
            \(byTerritory)
            \(form)
            </div>
            </div>
            """
    }

    func commentHTML(_ view: CommentView) -> HTML {
        let comment = view.comment.comment
        var tags: [HTML] = ["<span class=\"tag\">\(language.position(comment.position))</span>",
                            "<span class=\"tag\">\(t("atelier", "workshop")) \(comment.workshop)</span>"]
        switch view.currency {
        case .current: break
        case .carriedForward: tags.append("<span class=\"tag\">\(t("reportée (changement éditorial)", "carried forward (editorial change)"))</span>")
        case .stale: tags.append("<span class=\"tag stale\">\(t("périmée : le texte a changé depuis", "stale: the text has changed since"))</span>")
        }
        if let retraction = view.comment.retraction {
            tags.append("<span class=\"tag\">\(t("retirée", "retracted")) : \(retraction.reason)</span>")
        }
        var quote: HTML = .empty
        if let exact = comment.quote?.exact {
            let whereNow: String
            if let anchor = view.anchor {
                whereNow = anchor.found ? t("retrouvée dans le texte actuel", "found in the current text")
                    : t("n’est plus dans le texte", "no longer in the text")
            } else {
                whereNow = ""
            }
            quote = "<blockquote class=\"quote\">« \(exact) » <span class=\"muted\">\(whereNow)</span></blockquote>"
        }
        let classes = "comment" + (view.currency == .stale ? " stale" : "") + (view.comment.isRetracted ? " retracted" : "")
        return """
            <div class="\(classes)" id="comment-\(view.comment.id.rawValue)" data-comment="\(view.comment.id.rawValue)">\
            \(tags.joined(separator: " ")) <span class="muted">\(view.comment.facilitator.name), \(Layout.day(view.comment.recordedAt))</span>
            \(quote)<p class="comment-text">\(comment.text)</p></div>
            """
    }

    /// The form adding a comment (with an optional quote) on a clause, for a signed-in facilitator.
    private func commentForm(_ clause: ClauseID, exchange: Exchange, openWorkshops: [Workshop], charter: Charter) throws -> HTML {
        guard let session = exchange.session, let facilitator = try exchange.facilitator() else {
            return "<p class=\"muted\">\(t("Connectez-vous pour enregistrer un commentaire.", "Sign in to record a comment."))</p>"
        }
        let workshops = openWorkshops.filter { workshop in workshop.territories.contains(where: facilitator.mayRecord) }
        guard !workshops.isEmpty else {
            return "<p class=\"muted\">\(t("Aucun atelier ouvert pour vos territoires.", "No open workshop for your territories."))</p>"
        }
        let workshopOptions: [HTML] = workshops.map { "<option value=\"\($0.id)\">\($0.title)</option>" }
        let territoryOptions: [HTML] = facilitator.territories.map { id in
            "<option value=\"\(id)\">\(charter.manifest.territory(id)?.name ?? id)</option>"
        }
        let positionOptions: [HTML] = ["<option value=\"\">\(language.position(nil))</option>"]
            + Position.allCases.map { "<option value=\"\($0.rawValue)\">\(language.position($0))</option>" }
        return """
            <h2>\(t("Ajouter un commentaire", "Add a comment"))</h2>
            <form method="post" action="/clauses/\(clause.rawValue)/comments" class="stack comment-form">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label>\(t("Atelier", "Workshop")) <select name="workshop">\(workshopOptions)</select></label>
            <label>\(t("Territoire", "Territory")) <select name="territory">\(territoryOptions)</select></label>
            <label>\(t("Position", "Position")) <select name="position">\(positionOptions)</select></label>
            <label>\(t("Citation (mots exacts de l’article, facultatif)", "Quote (exact words of the clause, optional)")) <input type="text" name="quote"></label>
            <label>\(t("Ce que le territoire a dit", "What the territory said")) <textarea name="text" rows="3"></textarea></label>
            <button type="submit">\(t("Enregistrer", "Record"))</button>
            </form>
            """
    }

    /// `POST /clauses/ID/comments`: one comment, as `charter comment add` records it.
    func postClauseComment(_ exchange: Exchange) throws -> Reply {
        let clause = try exchange.id("clause")
        let facilitator = try exchange.writer()
        guard let workshop = try exchange.optionalID(exchange.form["workshop"]) else {
            throw ConsoleFailure(.unprocessableContent, t("Choisissez l’atelier.", "Choose the workshop."))
        }
        guard let territory = try exchange.optionalID(exchange.form["territory"]) else {
            throw ConsoleFailure(.unprocessableContent, t("Choisissez le territoire.", "Choose the territory."))
        }
        try exchange.require(facilitator, mayRecordFor: territory)
        let position = try parsePosition(exchange.form["position"])
        let record = try repository.addComment(
            CommentRequest(workshop: workshop, territory: territory, clause: clause, position: position,
                           text: exchange.form["text"] ?? "", quote: exchange.form.text("quote")),
            facilitator: facilitator.person)
        return Reply(json: RecordedJSON(recorded: [record.id.rawValue]),
                     redirect: "/clauses/\(clause)#comment-\(record.id.rawValue)")
    }

    struct RecordedJSON: Codable, Sendable {
        var recorded: [String]
    }

    func parsePosition(_ text: String?) throws -> Position? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let position = Position(word: text) else {
            throw ConsoleFailure(.unprocessableContent, t("Position inconnue : « \(text.prefix(40)) ».", "Unknown position: “\(text.prefix(40))”."))
        }
        return position
    }

    func kindsText(_ kinds: [ClauseChange.Kind]) -> String {
        kinds.map { kind -> String in
            switch kind {
            case .added: return t("ajouté", "added")
            case .removed: return t("supprimé", "removed")
            case .modified: return t("texte modifié", "text changed")
            case .retitled: return t("titre changé", "retitled")
            case .moved: return t("déplacé", "moved")
            case .renumbered: return t("renuméroté", "renumbered")
            case .fieldsChanged: return t("champs changés", "fields changed")
            }
        }.joined(separator: ", ")
    }

    func eventText(_ event: ClauseEvent) -> String {
        var text = kindsText(event.kinds)
        if let inserted = event.insertedWords, let deleted = event.deletedWords, event.has(.modified) {
            text += " (+\(inserted) −\(deleted) \(t("mots", "words")))"
        }
        if event.has(.retitled), let old = event.oldTitle, let new = event.newTitle { text += " « \(old) » → « \(new) »" }
        if event.has(.moved) || event.has(.renumbered), let old = event.oldNumber, let new = event.newNumber { text += " \(old) → \(new)" }
        return text
    }
}
