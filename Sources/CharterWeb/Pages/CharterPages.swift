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
        // Positions taken on an older text do not count, but are shown, marked: never hidden.
        var latest: [String: CellValue] = [:]
        if at == nil {
            for view in try repository.comments(CommentFilter(includeRetracted: false)) {
                let comment = view.comment.comment
                guard comment.amendment == nil, let position = comment.position else { continue }
                latest["\(comment.clause.rawValue).\(comment.territory)"] = CellValue(position: position.rawValue, text: comment.text,
                                                                                     comment: view.comment.id.rawValue, stale: view.currency == .stale)
            }
        }
        var sections: [HTML] = []
        for section in publication.sections {
            let items: [HTML] = section.clauses.map { clause in
                let marks: [HTML] = territories.map { territory in
                    let position = clause.positions[territory.id]
                    if position == nil, let stale = latest["\(clause.id.rawValue).\(territory.id)"], stale.stale {
                        return cellMark(stale, territory: territory.name)
                    }
                    return "<span class=\"mark \(position?.rawValue ?? "none")\" title=\"\(territory.name) — \(position.map { language.position($0) } ?? language.words.noPosition)\">"
                        + "\(position.map { ReportColors.symbol($0) } ?? "·")</span>"
                }
                return """
                    <li id="\(clause.id.rawValue)" data-clause="\(clause.id.rawValue)"><span class="number">\(clause.number).</span>\
                    <span class="title"><a href="/clauses/\(clause.id.rawValue)">\(clause.title)</a></span>\
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
            <p class="meta">\(say("console.text.version-of", ["day": day(publication.date)])) — \(language.words.rule)\(language.colon)\(language.rule(publication.rule)) — \(summary)</p>
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
        /// Each sentence (and the title) with the revision and adopted amendment it came from.
        var blame: ClauseBlame
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
    func clausePage(_ exchange: Exchange, typed: FormData? = nil, problem: String? = nil) throws -> Reply {
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
                                    territories: territories, highlights: highlights, blame: try repository.blame(clauseID.rawValue, at: head.id))
        let workshops = try repository.deliberationStore().load().workshopList.filter(\.isOpen)
        return Reply(title: clause.title, body: try clauseBody(value, clause: clause, comments: comments, exchange: exchange,
                                                                openWorkshops: workshops, charter: charter, typed: typed, problem: problem),
                     json: value)
    }

    private func clauseBody(_ value: ClausePageValue, clause: Clause, comments: [CommentView], exchange: Exchange,
                            openWorkshops: [Workshop], charter: Charter, typed: FormData?, problem: String?) throws -> HTML {
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
                "<br><span class=\"tag\">\(say("console.page.amendment-2")) <a href=\"/amendments/\(id)\">\(String(id.suffix(8)))</a>"
                    + "\(entry.proposedBy.map { ", " + say("console.page.proposed-by-2") + " " + (names[$0] ?? $0) } ?? "")</span>"
            } ?? .empty
            return """
                <tr><td><code>\(entry.revision.shortID)</code></td><td>\(day(entry.revision.date))</td>\
                <td>\(entry.revision.author.name)</td><td>\(entry.revision.summary)<br><span class="muted">\(events)</span>\(amendment)</td></tr>
                """
        }
        // The redline, and the form choosing its two revisions.
        let choices = value.history.map { ($0.revision.id, "\($0.revision.shortID) — \(day($0.revision.date)) — \($0.revision.summary.prefix(50))") }
        func options(_ selected: String?) -> HTML {
            choices.map { id, label in "<option value=\"\(id)\"\(HTML.flag("selected", id == selected))>\(label)</option>" }.joined()
        }
        var redline: HTML = "<p class=\"muted\">\(say("console.page.only-one-version-of-this-clause"))</p>"
        if let diff = value.diff {
            var rendered: HTML = "<p class=\"muted\">\(say("console.page.no-change-to-this-clause-between"))</p>"
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
                <label>\(say("console.page.from")) <select name="from">\(options(diff.from))</select></label>
                <label>\(say("console.page.to")) <select name="to">\(options(diff.to))</select></label>
                <button type="submit">\(say("console.page.compare"))</button></form>
                \(rendered)
                """
        }
        // Positions and comments by territory.
        let byTerritory: [HTML] = value.territories.map { entry in
            let items: [HTML] = entry.comments.map { commentHTML($0, retraction: retractionForm($0, exchange: exchange, openWorkshops: openWorkshops)) }
            // A position on an older text does not count, but is shown, marked: never hidden.
            let stale = entry.comments.last { $0.comment.comment.position != nil && !$0.comment.isRetracted && $0.comment.comment.amendment == nil }
            let mark = entry.position.map { Layout.mark($0, territory: entry.name, language) }
                ?? stale.map { view in
                    cellMark(CellValue(position: view.comment.comment.position?.rawValue ?? "", text: view.comment.comment.text,
                                       comment: view.comment.id.rawValue, stale: view.currency == .stale), territory: entry.name)
                }
                ?? Layout.mark(nil, territory: entry.name, language)
            return """
                <h3>\(mark) \(entry.name)</h3>
                \(HTML.choose(items.isEmpty, "<p class=\"muted\">\(say("console.page.nothing-recorded"))</p>", items.joined()))
                """
        }
        let form = try commentForm(value.clause, exchange: exchange, openWorkshops: openWorkshops, charter: charter, typed: typed, problem: problem)
        return """
            <p class="meta"><a href="/">\(charter.manifest.title)</a> › \(say("console.page.clause")) \(value.number.map(String.init) ?? "–")</p>
            <h1>\(value.number.map { "\($0). " } ?? "")\(value.title) \(Layout.badge(value.status, language))</h1>
            <p class="meta"><code>\(value.clause.rawValue)</code> — \(say("console.text.version-of", ["day": day(try repository.resolve(value.revision).date)]))</p>
            <div class="columns">
            <div>
            <div class="clause-text" id="clause-text">\(text)</div>
            \(provenanceHTML(value.blame))
            <h2>\(say("console.page.compare-two-revisions"))</h2>
            \(redline)
            <h2>\(say("console.page.history"))</h2>
            <table class="data history"><thead><tr><th>\(say("console.page.revision"))</th><th>\(say("console.page.date"))</th>\
            <th>\(say("console.page.author"))</th><th>\(say("console.page.change"))</th></tr></thead>
            <tbody>\(historyRows)</tbody></table>
            </div>
            <div>
            <h2>\(say("console.page.positions-and-comments-by-territory"))</h2>
            \(byTerritory)
            \(form)
            </div>
            </div>
            """
    }

    /// Per sentence that came through an adopted amendment: « issu de l’amendement de <territoire>,
    /// atelier « … », <date> », linked to the amendment; no revision ids.
    func provenanceHTML(_ blame: ClauseBlame) -> HTML {
        let labelled = [(say("console.provenance.title-sentence"), blame.title)] + blame.sentences.map { ("", $0) }
        let items: [HTML] = labelled.compactMap { label, blamed in
            guard let amendment = blamed.origin.amendment else { return nil }
            var words = say("console.provenance.amendment", ["territory": amendment.territoryName])
            let workshops = amendment.workshops.map { workshop in
                workshop.date.isEmpty ? say("console.provenance.workshop.undated", ["title": workshop.title])
                    : say("console.provenance.workshop", ["title": workshop.title, "date": day(workshop.date)])
            }
            if !workshops.isEmpty { words += ", " + workshops.joined(separator: ", ") }
            let quoted = blamed.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            return """
                <li>\(HTML.when(!label.isEmpty, "<strong>\(label)</strong> "))<q>\(quoted)</q> —                 <a href="/amendments/\(amendment.id)" class="provenance-origin">\(words)</a></li>
                """
        }
        return """
            <h2>\(say("console.provenance.title"))</h2>
            \(HTML.choose(items.isEmpty, "<p class=\"muted\">\(say("console.provenance.none"))</p>", "<ul class=\"provenance\">\(items)</ul>"))
            """
    }

    func commentHTML(_ view: CommentView, retraction form: HTML = .empty) -> HTML {
        let comment = view.comment.comment
        var tags: [HTML] = ["<span class=\"tag\">\(language.position(comment.position))</span>",
                            "<span class=\"tag\">\(say("console.comment.workshop", ["workshop": (try? repository.workshop(comment.workshop).title) ?? comment.workshop]))</span>"]
        switch view.currency {
        case .current: break
        case .carriedForward: tags.append("<span class=\"tag\">\(say("console.page.carried-forward-editorial-change"))</span>")
        case .stale: tags.append("<span class=\"tag stale\">\(say("console.page.stale-the-text-has-changed-since"))</span>")
        }
        if let retraction = view.comment.retraction {
            tags.append("<span class=\"tag\">\(say("console.page.retracted")) : \(retraction.reason)</span>")
        }
        var quote: HTML = .empty
        if let exact = comment.quote?.exact {
            let whereNow: String
            if let anchor = view.anchor {
                whereNow = anchor.found ? say("console.page.found-in-the-current-text")
                    : say("console.page.no-longer-in-the-text")
            } else {
                whereNow = ""
            }
            quote = "<blockquote class=\"quote\">« \(exact) » <span class=\"muted\">\(whereNow)</span></blockquote>"
        }
        let classes = "comment" + (view.currency == .stale ? " stale" : "") + (view.comment.isRetracted ? " retracted" : "")
        return """
            <div class="\(classes)" id="comment-\(view.comment.id.rawValue)" data-comment="\(view.comment.id.rawValue)">\
            \(tags.joined(separator: " ")) <span class="muted">\(view.comment.facilitator.name), \(day(view.comment.recordedAt))</span>
            \(quote)<p class="comment-text">\(comment.text)</p>\(form)</div>
            """
    }

    /// The form adding a comment (with an optional quote) on a clause, for a signed-in facilitator.
    private func commentForm(_ clause: ClauseID, exchange: Exchange, openWorkshops: [Workshop], charter: Charter,
                             typed: FormData?, problem: String?) throws -> HTML {
        guard let session = exchange.session, let facilitator = try exchange.facilitator() else {
            return "<p class=\"muted\">\(say("console.page.sign-in-to-record-a-comment"))</p>"
        }
        let workshops = openWorkshops.filter { workshop in workshop.territories.contains(where: facilitator.mayRecord) }
        guard !workshops.isEmpty else {
            return "<p class=\"muted\">\(say("console.page.no-open-workshop-for-your-territories"))</p>"
        }
        func chosen(_ field: String, _ value: String) -> HTML { HTML.flag("selected", typed?[field] == value) }
        let workshopOptions: [HTML] = workshops.map { "<option value=\"\($0.id)\"\(chosen("workshop", $0.id))>\($0.title)</option>" }
        let territoryOptions: [HTML] = facilitator.territories.map { id in
            "<option value=\"\(id)\"\(chosen("territory", id))>\(charter.manifest.territory(id)?.name ?? id)</option>"
        }
        let positionOptions: [HTML] = ["<option value=\"\">\(language.position(nil))</option>"]
            + Position.allCases.map { "<option value=\"\($0.rawValue)\"\(chosen("position", $0.rawValue))>\(language.position($0))</option>" }
        return """
            <h2>\(say("console.page.add-a-comment"))</h2>
            \(problem.map { "<p class=\"problem\" role=\"alert\" tabindex=\"-1\" id=\"comment-problem\">\($0)</p>" as HTML })
            <form method="post" action="/clauses/\(clause.rawValue)/comments#comment-form" class="stack comment-form" id="comment-form">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label>\(say("console.page.workshop-2")) <select name="workshop">\(workshopOptions)</select></label>
            <label>\(say("console.page.territory")) <select name="territory">\(territoryOptions)</select></label>
            <label>\(say("console.page.position")) <select name="position">\(positionOptions)</select></label>
            <label>\(say("console.page.quote-exact-words-of-the-clause")) <input type="text" name="quote" value="\(typed?["quote"] ?? "")"></label>
            <label>\(say("console.page.what-the-territory-said")) <textarea name="text" rows="3">\(typed?["text"] ?? "")</textarea></label>
            <button type="submit">\(say("console.page.record"))</button>
            </form>
            """
    }

    /// `POST /clauses/ID/comments`: one comment, as `charter comment add` records it.
    func postClauseComment(_ exchange: Exchange) throws -> Reply {
        let clause = try exchange.id("clause")
        let facilitator = try exchange.writer()
        let form = exchange.form
        do {
            guard let workshop = try exchange.optionalID(form["workshop"]) else {
                throw ConsoleFailure(.unprocessableContent, say("console.field.choose-workshop"))
            }
            guard let territory = try exchange.optionalID(form["territory"]) else {
                throw ConsoleFailure(.unprocessableContent, say("console.field.choose-territory"))
            }
            try exchange.require(facilitator, mayRecordFor: territory)
            let position = try parsePosition(form["position"])
            let record = try repository.addComment(
                CommentRequest(workshop: workshop, territory: territory, clause: clause, position: position,
                               text: form["text"] ?? "", quote: form.text("quote")),
                facilitator: facilitator.person)
            changes.signal()
            return Reply(json: RecordedJSON(recorded: [record.id.rawValue]),
                         redirect: "/clauses/\(clause)#comment-\(record.id.rawValue)")
        } catch let failure as ConsoleFailure where failure.status == .forbidden || failure.status == .badRequest {
            throw failure
        } catch {
            var reply = try clausePage(exchange, typed: form, problem: errorText(error))
            let refusal = self.failure(error)
            reply.status = refusal.status
            reply.json = refusal.json
            return reply
        }
    }

    /// The form retracting a comment (with its reason), for someone who records for its territory
    /// while its workshop is open.
    func retractionForm(_ view: CommentView, exchange: Exchange, openWorkshops: [Workshop]) -> HTML {
        let comment = view.comment.comment
        guard !view.comment.isRetracted, let session = exchange.session, let person = try? exchange.facilitator(),
              person.mayRecord(for: comment.territory), openWorkshops.contains(where: { $0.id == comment.workshop }) else { return .empty }
        let field = "retract-\(view.comment.id.rawValue)"
        return """
            <details class="retract"><summary>\(say("console.comment.retract"))</summary>
            <form method="post" action="/comments/\(view.comment.id.rawValue)/retract" class="inline-form">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <label for="\(field)">\(say("console.comment.retract-reason"))</label>\
            <input type="text" id="\(field)" name="reason" required>
            <button type="submit">\(say("console.comment.retract-button"))</button>
            </form></details>
            """
    }

    /// `POST /comments/ID/retract`: withdraws a comment (it stays in the history, marked).
    func postRetraction(_ exchange: Exchange) throws -> Reply {
        let reference = FormData.decode((exchange.parameters.get("comment") ?? "")[...])
        guard Identifiers.isAmendmentReference(reference) else {
            throw ConsoleFailure(.badRequest, say("console.error.invalid-id", ["value": String(reference.prefix(60))]), code: "invalid-id")
        }
        let person = try exchange.writer()
        guard let view = try repository.comments().first(where: { $0.comment.id.rawValue == reference }) else {
            throw ConsoleFailure(.notFound, say("console.comment.unknown"))
        }
        try exchange.require(person, mayRecordFor: view.comment.comment.territory)
        guard let reason = exchange.form.text("reason") else {
            throw ConsoleFailure(.unprocessableContent, say("console.comment.retract-reason-needed"))
        }
        try repository.retractComment(reference, reason: reason, facilitator: person.person)
        changes.signal()
        return Reply(json: RecordedJSON(recorded: []), redirect: "/clauses/\(view.comment.comment.clause.rawValue)#comment-\(reference)")
    }

    struct RecordedJSON: Codable, Sendable {
        var recorded: [String]
    }

    func parsePosition(_ text: String?) throws -> Position? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let position = Position(word: text) else {
            throw ConsoleFailure(.unprocessableContent, say("console.page.unknown-position", ["v0": "\(text.prefix(40))"]))
        }
        return position
    }

    func kindsText(_ kinds: [ClauseChange.Kind]) -> String {
        kinds.map { kind -> String in
            switch kind {
            case .added: return say("console.page.added")
            case .removed: return say("console.page.removed")
            case .modified: return say("console.page.text-changed")
            case .retitled: return say("console.page.retitled")
            case .moved: return say("console.page.moved")
            case .renumbered: return say("console.page.renumbered")
            case .fieldsChanged: return say("console.page.fields-changed")
            }
        }.joined(separator: ", ")
    }

    func eventText(_ event: ClauseEvent) -> String {
        var text = kindsText(event.kinds)
        if let inserted = event.insertedWords, let deleted = event.deletedWords, event.has(.modified) {
            text += " (+\(inserted) −\(deleted) \(say("console.page.words")))"
        }
        if event.has(.retitled), let old = event.oldTitle, let new = event.newTitle { text += " « \(old) » → « \(new) »" }
        if event.has(.moved) || event.has(.renumbered), let old = event.oldNumber, let new = event.newNumber { text += " \(old) → \(new)" }
        return text
    }
}
