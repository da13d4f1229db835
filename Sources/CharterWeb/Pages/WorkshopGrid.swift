import CharterKit
import Foundation
import Hummingbird

extension WebConsole {
    // MARK: One workshop and its grid

    struct WorkshopValue: Codable, Sendable {
        var workshop: Workshop
        var territories: [Territory]
        /// As of the workshop: its text, its territories, what was recorded in it until it closed.
        var status: StatusMatrix
        /// The territories the signed-in person may record for here.
        var editable: [String]
        /// The text the workshop debates, and whether it has changed since.
        var text: DebatedText
        /// The latest entry of each cell (`clause.territory`) in this workshop, judged against HEAD.
        var entries: [String: CellValue]
        /// The key of the form rendered with this page: a form sent twice records nothing twice.
        var formKey: String?
    }

    struct DebatedText: Codable, Sendable {
        var revision: String
        var date: Date
        /// Clauses whose text at HEAD differs from the one debated here.
        var changedClauses: [String]
        var changedSince: Bool { !changedClauses.isEmpty }
    }

    /// What a cell holds now: the latest comment of that territory on that clause in the workshop.
    struct CellValue: Codable, Sendable, Equatable {
        var position: String
        var text: String
        var comment: String
        /// Made on a text that has changed since (its position no longer counts).
        var stale: Bool

        /// `position|text`: the form's copy of what the page showed.
        var original: String { position + "|" + text }
    }

    /// A cell of the grid as it was typed, kept when it could not be recorded.
    struct GridEntry: Sendable {
        var position: String
        var text: String
        var error: String?
    }

    /// `/workshops/ID`: who takes part, and the grid (clauses × territories) where a signed-in
    /// facilitator types each territory's position and words.
    func workshopPage(_ exchange: Exchange) throws -> Reply {
        let id = try exchange.id("workshop")
        let query = exchange.query
        var notices: [String] = []
        if let recorded = query["recorded"].flatMap({ Int($0) }) {
            notices.append(recorded == 0 ? say("console.grid.nothing-changed") : say("console.grid.recorded", count: recorded))
        }
        if let repeated = query["repeated"].flatMap({ Int($0) }), repeated > 0 {
            notices.append(say("console.grid.repeated", count: repeated))
        }
        if query["closed"] != nil { notices.append(say("console.workshop.closed-now")) }
        if query["reopened"] != nil { notices.append(say("console.workshop.reopened-now")) }
        return try workshopReply(id, exchange: exchange, entries: [:], notices: notices, saved: query["recorded"] != nil)
    }

    /// The latest comment of each cell of the workshop, not retracted: `clause.territory` for a
    /// clause, `a:amendment.territory` for a position on an amendment.
    func cellValues(workshop id: String) throws -> [String: CellValue] {
        var values: [String: CellValue] = [:]
        for view in try repository.comments(CommentFilter(workshop: id, includeRetracted: false)) {
            let comment = view.comment.comment
            let row = comment.amendment.map { "a:\($0.rawValue)" } ?? comment.clause.rawValue
            values["\(row).\(comment.territory)"] = CellValue(
                position: comment.position?.rawValue ?? "", text: comment.text, comment: view.comment.id.rawValue,
                stale: view.currency == .stale)
        }
        return values
    }

    /// The workshop's text against HEAD's.
    func debatedText(_ workshop: Workshop, text: Charter) throws -> DebatedText {
        let head = try repository.charter(.revision("HEAD"))
        let changed = text.numbered.map(\.clause).filter { clause in
            guard let now = head.clauses[clause.id] else { return true }
            return now.body != clause.body || now.title != clause.title
        }
        return DebatedText(revision: workshop.revision, date: try repository.resolve(workshop.revision).date,
                           changedClauses: changed.map(\.id.rawValue))
    }

    func workshopReply(_ id: String, exchange: Exchange, entries: [String: GridEntry], notices: [String] = [],
                       saved: Bool = false, status: HTTPResponse.Status = .ok) throws -> Reply {
        let workshop = try repository.workshop(id)
        let matrix = try repository.status(workshop: id)
        let text = try repository.charter(.revision(workshop.revision))
        let debated = try debatedText(workshop, text: text)
        let values = try cellValues(workshop: id)
        let territories = text.manifest.territories.filter { workshop.territories.contains($0.id) }
        let person = try exchange.facilitator()
        let editable = workshop.isOpen ? territories.map(\.id).filter { person?.mayRecord(for: $0) ?? false } : []
        let formKey = editable.isEmpty ? nil : SessionStore.randomHex(bytes: 16)
        let value = WorkshopValue(workshop: workshop, territories: territories, status: matrix, editable: editable,
                                  text: debated, entries: values, formKey: formKey)
        let cards = exchange.session?.isRepresentative == true || exchange.query["layout"] == "cards"
        let changed = Set(debated.changedClauses)
        let amendments = try workshop.isOpen ? repository.amendments(AmendmentFilter(status: "open")) : []

        let table = cards
            ? gridCards(matrix: matrix, text: text, territories: territories, editable: editable, values: values, entries: entries,
                        changed: changed, workshop: workshop)
            : gridTable(matrix: matrix, territories: territories, editable: editable, values: values, entries: entries,
                        changed: changed, workshop: workshop, amendments: amendments)
        var grid: HTML
        if let session = exchange.session, !editable.isEmpty, let formKey {
            grid = """
                <form method="post" action="/workshops/\(workshop.id)/grid" class="grid-form" id="grid-form" data-draft="grid:\(workshop.id)" data-restored-text="\(say("console.grid.draft-restored"))"\
                \(HTML.when(saved, " data-saved=\"1\""))>
                <input type="hidden" name="csrf" value="\(session.csrf)">
                <input type="hidden" name="form-key" value="\(formKey)">
                <p class="muted" id="grid-help">\(say("console.grid.help"))</p>
                \(table)
                <p class="grid-actions"><button type="submit" id="save-grid">\(say("console.grid.save"))</button> \
                <span class="muted">\(say("console.grid.shortcut"))</span></p>
                </form>
                """
        } else {
            let why = !workshop.isOpen ? say("console.workshop.closed-nothing-more")
                : exchange.session == nil ? say("console.grid.sign-in")
                : say("console.grid.no-territory")
            grid = "<p class=\"muted\">\(why)</p>\n" + table
        }
        let participants: [HTML] = territories.map { "<li>\($0.name)</li>" }
        let events: [HTML] = workshop.events.map { event in
            "<li>\(say("console.event.\(event.kind)")) — \(event.facilitator.name), \(day(event.recordedAt))\(event.reason.map { language.colon + $0 } ?? "")</li>"
        }
        let failed = entries.values.filter { $0.error != nil }.count
        let versionLine = debated.changedSince
            ? "<p class=\"problem text-changed\" role=\"note\">\(say("console.grid.text-changed", ["day": day(debated.date)]))</p>" as HTML
            : "<p class=\"meta\">\(say("console.grid.text-current", ["day": day(debated.date)]))</p>"
        let first = matrix.rows.first.map { "<a href=\"/workshops/\(workshop.id)/projection/\($0.clause.rawValue)\">\(say("console.projection.open"))</a>" as HTML }
        let body: HTML = """
            <p class="meta"><a href="/workshops">\(say("console.nav.workshops"))</a> › \(workshop.title)</p>
            <h1>\(workshop.title) <span class="badge state">\(workshop.isOpen ? say("console.workshop.open") : say("console.workshop.closed"))</span></h1>
            <p class="meta">\(day(workshop.date))\(workshop.place.map { " — " + $0 } ?? "") — \
            <a href="/status?workshop=\(workshop.id)">\(say("console.workshop.status-link"))</a>\(first.map { " — " + $0 })</p>
            \(versionLine)
            \(notices.map { "<p class=\"notice\" role=\"status\">\($0)</p>" as HTML })
            \(HTML.when(failed > 0, "<p class=\"problem\" role=\"alert\" id=\"grid-problem\" tabindex=\"-1\">\(say("console.grid.failed", count: failed))</p>"))
            <h2>\(say("console.grid.title"))</h2>
            \(grid)
            <h2>\(say("console.workshop.who"))</h2>
            <ul class="participants">\(participants)</ul>
            \(try workshopStateForm(workshop, exchange: exchange))
            <h2>\(say("console.workshop.log"))</h2>
            <ul class="muted">\(events)</ul>
            """
        return Reply(status: status, title: workshop.title, body: body, json: value)
    }

    /// A cell's current mark: ✔ ~ ✖, or « · » for nothing yet; marked « ancien texte » when stale.
    func cellMark(_ value: CellValue?, territory: String) -> HTML {
        guard let value, let position = Position(rawValue: value.position) else {
            let label = value == nil ? say("console.mark.none") : say("console.mark.remark")
            return "<span class=\"mark none\" title=\"\(territory) — \(label)\"><span aria-hidden=\"true\">\(value == nil ? "·" : "“")</span>"
                + "<span class=\"visually-hidden\">\(label)</span></span>"
        }
        let label = language.position(position) + (value.stale ? " — " + say("console.mark.stale") : "")
        return "<span class=\"mark \(position.rawValue)\(value.stale ? " stale" : "")\" title=\"\(territory) — \(label)\">"
            + "<span aria-hidden=\"true\">\(ReportColors.symbol(position))</span><span class=\"visually-hidden\">\(label)</span>"
            + "\(HTML.when(value.stale, "<span class=\"stale-tag\" aria-hidden=\"true\">\(say("console.mark.stale-short"))</span>"))</span>"
    }

    private func positionOptions(_ selected: String) -> [HTML] {
        ([("", "—")] + Position.allCases.map { ($0.rawValue, language.position($0)) }).map { raw, label in
            "<option value=\"\(raw)\"\(HTML.flag("selected", selected == raw))>\(label)</option>"
        }
    }

    /// The inputs of one editable cell: the position, the words, what the page showed, the error.
    /// `lead` (the mark, a name) and the position on one line; below, the words, then the error.
    private func cellInputs(key: String, label: String, value: CellValue?, entry: GridEntry?, rows: Int, prefix: String = "",
                            lead: HTML) -> HTML {
        let position = entry?.position ?? value?.position ?? ""
        let text = entry?.text ?? value?.text ?? ""
        let error = entry?.error
        let field = prefix + key.replacingOccurrences(of: ".", with: "--")
        return """
            <div class="line">\(lead)<select name="\(prefix)p.\(key)" id="p-\(field)" aria-label="\(say("console.grid.position-of", ["cell": label]))"\
            \(HTML.when(error != nil, " aria-invalid=\"true\" aria-describedby=\"e-\(field)\""))>\(positionOptions(position))</select></div>\
            <textarea name="\(prefix)c.\(key)" id="c-\(field)" rows="\(rows)" placeholder="\(say("console.grid.comment-placeholder"))" \
            aria-label="\(say("console.grid.comment-of", ["cell": label]))"\
            \(HTML.when(error != nil, " aria-invalid=\"true\" aria-describedby=\"e-\(field)\""))>\(text)</textarea>\
            <input type="hidden" name="\(prefix)o.\(key)" value="\(value?.original ?? "|")">\
            \(error.map { "<div class=\"cell-error\" id=\"e-\(field)\">\($0)</div>" as HTML })
            """
    }

    private func gridTable(matrix: StatusMatrix, territories: [Territory], editable: [String], values: [String: CellValue],
                           entries: [String: GridEntry], changed: Set<String>, workshop: Workshop, amendments: [AmendmentView]) -> HTML {
        let header: [HTML] = territories.map { territory in
            "<th scope=\"col\" data-territory=\"\(territory.id)\">\(territory.name)\(HTML.when(editable.contains(territory.id), "<span class=\"visually-hidden\"> (\(say("console.grid.editable")))</span>"))</th>"
        }
        let rows: [HTML] = matrix.rows.map { row in
            let cells: [HTML] = territories.map { territory in
                let key = "\(row.clause.rawValue).\(territory.id)"
                let value = values[key]
                let mark = cellMark(value, territory: territory.name)
                guard editable.contains(territory.id) else {
                    let words = value.map { "<div class=\"cell-text\">\($0.text)</div>" as HTML }
                    return "<td class=\"readonly\" data-cell=\"\(key)\">\(mark)\(words)</td>"
                }
                let entry = entries[key]
                return """
                    <td data-cell="\(key)"\(HTML.when(entry?.error != nil, " class=\"error\""))>\
                    \(cellInputs(key: key, label: "\(territory.name), \(row.number). \(row.title)", value: value, entry: entry, rows: 1, lead: mark))</td>
                    """
            }
            let note: HTML = HTML.when(changed.contains(row.clause.rawValue), "<br><span class=\"tag stale\">\(say("console.grid.clause-changed"))</span>")
            return """
                <tr data-clause="\(row.clause.rawValue)"><th scope="row" class="clause">\(row.number). <a href="/clauses/\(row.clause.rawValue)">\(row.title)</a>\
                <br>\(Layout.badge(row.status, language)) <a class="project" href="/workshops/\(workshop.id)/projection/\(row.clause.rawValue)" \
                aria-label="\(say("console.projection.of", ["clause": row.title]))">\(say("console.projection.short"))</a>\(note)</th>\(cells)</tr>
                """
        }
        // The open amendments: a row each, the territories' positions on them.
        let amendmentRows: [HTML] = amendments.map { view in
            let id = view.amendment.id.rawValue
            let title = say("console.grid.amendment-row", ["id": view.shortID, "operation": language.operation(view.amendment.change.operation),
                                                          "clause": view.clauseTitle ?? view.amendment.change.clause.rawValue,
                                                          "territory": view.territoryName])
            let cells: [HTML] = territories.map { territory in
                let key = "\(id).\(territory.id)"
                let value = values["a:\(key)"]
                let mark = cellMark(value, territory: territory.name)
                guard editable.contains(territory.id) else { return "<td class=\"readonly\" data-cell=\"a:\(key)\">\(mark)</td>" }
                let entry = entries["a:\(key)"]
                return """
                    <td data-cell="a:\(key)"\(HTML.when(entry?.error != nil, " class=\"error\""))>\
                    \(cellInputs(key: key, label: "\(territory.name), \(title)", value: value, entry: entry, rows: 1, prefix: "a", lead: mark))</td>
                    """
            }
            return """
                <tr data-amendment="\(id)" class="amendment-row"><th scope="row" class="clause"><a href="/amendments/\(id)">\(title)</a></th>\(cells)</tr>
                """
        }
        return """
            <div class="grid-wrap" tabindex="0" role="region" aria-label="\(say("console.grid.title"))"><table class="grid" data-columns="\(territories.count)">\
            <thead><tr><th scope="col" class="corner">\(say("console.grid.clause"))</th>\(header)</tr></thead>
            <tbody>\(rows)\(amendmentRows)</tbody></table></div>
            """
    }

    /// The clause-by-clause form a representative fills from a phone: one card per clause.
    private func gridCards(matrix: StatusMatrix, text: Charter, territories: [Territory], editable: [String], values: [String: CellValue],
                           entries: [String: GridEntry], changed: Set<String>, workshop: Workshop) -> HTML {
        let shown = territories.filter { editable.isEmpty || editable.contains($0.id) }
        let cards: [HTML] = matrix.rows.map { row in
            let body = text.clauses[row.clause]?.body ?? ""
            let parts: [HTML] = shown.map { territory in
                let key = "\(row.clause.rawValue).\(territory.id)"
                let value = values[key]
                let mark = cellMark(value, territory: territory.name)
                guard editable.contains(territory.id) else {
                    return "<div class=\"card-cell readonly\" data-cell=\"\(key)\"><span>\(territory.name)</span> \(mark)</div>"
                }
                let entry = entries[key]
                return """
                    <div class="card-cell\(entry?.error != nil ? " error" : "")" data-cell="\(key)"><p class="card-territory"><strong>\(territory.name)</strong> \(mark)</p>
                    \(cellInputs(key: key, label: "\(territory.name), \(row.number). \(row.title)", value: value, entry: entry, rows: 3, lead: .empty))</div>
                    """
            }
            return """
                <section class="card" data-clause="\(row.clause.rawValue)"><h3>\(row.number). \(row.title) \(Layout.badge(row.status, language))</h3>
                \(HTML.when(changed.contains(row.clause.rawValue), "<p><span class=\"tag stale\">\(say("console.grid.clause-changed"))</span></p>"))
                <details><summary>\(say("console.grid.read-clause"))</summary><div class="clause-text">\(body)</div></details>
                \(parts)</section>
                """
        }
        return "<div class=\"cards\">\(cards)</div>"
    }

    struct GridResultJSON: Codable, Sendable {
        struct Failure: Codable, Sendable {
            var clause: String
            var territory: String
            var message: String
        }
        var recorded: [String]
        /// Cells sent again by the same form (a reload, a double click): not recorded twice.
        var alreadyRecorded: Int
        /// Cells sent as the page showed them: nothing to record.
        var unchanged: Int
        var failed: [Failure]
    }

    /// `POST /workshops/ID/grid`: records, in one commit, each cell whose position or words
    /// differ from what the page showed (`o.` fields; from what is recorded when a client sends
    /// none). A cell for a territory the person may not record for refuses the whole grid (403,
    /// nothing recorded); a cell that cannot be recorded is shown again with its entry and the
    /// reason. The form's key (`form-key`) is recorded with each cell, so the same form sent again
    /// records nothing twice. Success redirects (Post/Redirect/Get).
    func postGrid(_ exchange: Exchange) throws -> Reply {
        let id = try exchange.id("workshop")
        let person = try exchange.writer()
        var formKey: String?
        if let given = exchange.form.text("form-key") {
            guard CharterRepository.isFormKey(given) else {
                throw ConsoleFailure(.badRequest, say("console.grid.bad-form-key"), code: "bad-form-key")
            }
            formKey = given
        }
        struct Cell {
            var key: String
            var clause: String
            var territory: String
            var position = ""
            var text = ""
            var original: String?
            var amendment: String?

            init(key: String, clause: String, territory: String, amendment: String?) {
                self.key = key
                self.clause = clause
                self.territory = territory
                self.amendment = amendment
            }
        }
        var cells: [Cell] = []
        var seen: [String: Int] = [:]
        for (name, value) in exchange.form.fields {
            // `p.`, `c.`, `o.` for a clause's cell; `ap.`, `ac.`, `ao.` for an amendment's.
            let onAmendment = name.hasPrefix("a")
            let kind = name.dropFirst(onAmendment ? 1 : 0).prefix(2)
            guard kind == "p." || kind == "c." || kind == "o." else { continue }
            let key = String(name.dropFirst(onAmendment ? 3 : 2))
            let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, onAmendment ? Identifiers.isAmendmentReference(parts[0]) : Identifiers.isID(parts[0]), Identifiers.isID(parts[1]) else {
                throw ConsoleFailure(.badRequest, say("console.grid.bad-cell", ["name": String(name.prefix(60))]), code: "invalid-id")
            }
            let cellKey = onAmendment ? "a:\(key)" : key
            let index = seen[cellKey] ?? {
                cells.append(Cell(key: cellKey, clause: parts[0], territory: parts[1], amendment: onAmendment ? parts[0] : nil))
                seen[cellKey] = cells.count - 1
                return cells.count - 1
            }()
            switch kind {
            case "p.": cells[index].position = value
            case "c.": cells[index].text = value
            default: cells[index].original = value
            }
        }
        let current = try cellValues(workshop: id)
        func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        var unchanged = 0
        let changed = cells.filter { cell in
            let text = trimmed(cell.text)
            guard !cell.position.isEmpty || !text.isEmpty else { return false }
            let before = cell.original ?? current[cell.key]?.original ?? "|"
            let shown = before.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let same = shown.count == 2 && shown[0] == cell.position && trimmed(shown[1]) == text
            if same { unchanged += 1 }
            return !same
        }
        for cell in changed { try exchange.require(person, mayRecordFor: cell.territory) }
        var entries: [String: GridEntry] = [:]
        var failures: [GridResultJSON.Failure] = []
        var requests: [CommentRequest] = []
        var requested: [Cell] = []
        var onAmendments: [String] = []
        for cell in changed {
            do {
                let position = try parsePosition(cell.position)
                if let amendment = cell.amendment {
                    // A position on an amendment: recorded on its own, and not again when it is what is recorded now
                    // (the same form sent twice).
                    if current[cell.key].map({ $0.position == cell.position && trimmed($0.text) == trimmed(cell.text) }) == true { continue }
                    let record = try repository.addComment(CommentRequest(workshop: id, territory: cell.territory, clause: "", position: position,
                                                                          text: cell.text, amendment: amendment), facilitator: person.person)
                    onAmendments.append(record.id.rawValue)
                    continue
                }
                requests.append(CommentRequest(workshop: id, territory: cell.territory, clause: cell.clause, position: position, text: cell.text))
                requested.append(cell)
            } catch {
                let message = errorText(error)
                failures.append(.init(clause: cell.clause, territory: cell.territory, message: message))
                entries[cell.key] = GridEntry(position: cell.position, text: cell.text, error: message)
            }
        }
        var recorded: [String] = onAmendments
        var repeated = 0
        let outcomes = try repository.addComments(requests, workshop: id, formKey: formKey, facilitator: person.person)
        for (cell, outcome) in zip(requested, outcomes) {
            switch outcome {
            case .recorded(let record): recorded.append(record.id.rawValue)
            case .alreadyRecorded: repeated += 1
            case .refused(let error):
                let message = errorText(error)
                failures.append(.init(clause: cell.clause, territory: cell.territory, message: message))
                entries[cell.key] = GridEntry(position: cell.position, text: cell.text, error: message)
            }
        }
        if !recorded.isEmpty { changes.signal() }
        let result = GridResultJSON(recorded: recorded, alreadyRecorded: repeated, unchanged: unchanged, failed: failures)
        if failures.isEmpty {
            return Reply(json: result, redirect: "/workshops/\(id)?recorded=\(recorded.count)\(repeated > 0 ? "&repeated=\(repeated)" : "")#grid-form")
        }
        var notices: [String] = []
        if !recorded.isEmpty { notices.append(say("console.grid.recorded", count: recorded.count)) }
        if repeated > 0 { notices.append(say("console.grid.repeated", count: repeated)) }
        var reply = try workshopReply(id, exchange: exchange, entries: entries, notices: notices, status: .unprocessableContent)
        reply.json = result
        return reply
    }
}
