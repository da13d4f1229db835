import CharterKit
import Foundation
import Hummingbird

extension WebConsole {
    // MARK: Workshops

    struct WorkshopsValue: Codable, Sendable {
        var workshops: [Workshop]
    }

    /// `/workshops`: every workshop, and the form opening one.
    func workshopsPage(_ exchange: Exchange) throws -> Reply {
        let workshops = try repository.deliberationStore().load().workshopList
        let charter = try repository.charter(.revision("HEAD"))
        let rows: [HTML] = workshops.map { workshop in
            """
            <tr data-workshop="\(workshop.id)"><td><a href="/workshops/\(workshop.id)">\(workshop.title)</a><br><code>\(workshop.id)</code></td>\
            <td>\(language.day(workshop.date))</td><td>\(workshop.place ?? "")</td><td>\(workshop.territories.count)</td>\
            <td><span class="badge state">\(workshop.isOpen ? t("ouvert", "open") : t("clos", "closed"))</span></td>\
            <td><code>\(String(workshop.revision.prefix(7)))</code></td></tr>
            """
        }
        var form: HTML = .empty
        if let session = exchange.session, (try? exchange.facilitator()) != nil {
            let boxes: [HTML] = charter.manifest.territories.map { territory in
                "<label class=\"check\"><input type=\"checkbox\" name=\"territories\" value=\"\(territory.id)\" checked> \(territory.name)</label>"
            }
            form = """
                <h2>\(t("Ouvrir un atelier", "Open a workshop"))</h2>
                <form method="post" action="/workshops" class="stack">
                <input type="hidden" name="csrf" value="\(session.csrf)">
                <label>\(t("Identifiant (minuscules, chiffres, tirets)", "Id (lower-case letters, digits, dashes)")) <input type="text" name="id" required pattern="[a-z0-9-]+"></label>
                <label>\(t("Titre", "Title")) <input type="text" name="title" required></label>
                <label>\(t("Date", "Date")) <input type="date" name="date" required></label>
                <label>\(t("Lieu", "Place")) <input type="text" name="place"></label>
                <fieldset><legend>\(t("Territoires présents", "Territories taking part"))</legend>\(boxes)</fieldset>
                <button type="submit">\(t("Ouvrir l’atelier", "Open the workshop"))</button>
                </form>
                """
        }
        let body: HTML = """
            <h1>\(t("Ateliers", "Workshops"))</h1>
            \(HTML.choose(workshops.isEmpty, "<p class=\"muted\">\(t("Aucun atelier pour l’instant.", "No workshop yet."))</p>", """
            <table class="data workshops"><thead><tr><th>\(t("Atelier", "Workshop"))</th><th>\(t("Date", "Date"))</th>\
            <th>\(t("Lieu", "Place"))</th><th>\(t("Territoires", "Territories"))</th><th>\(t("État", "State"))</th>\
            <th>\(t("Texte", "Text"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            \(form)
            """
        return Reply(title: t("Ateliers", "Workshops"), body: body, json: WorkshopsValue(workshops: workshops))
    }

    /// `POST /workshops`: opens a workshop on the text at HEAD.
    func postWorkshop(_ exchange: Exchange) throws -> Reply {
        let facilitator = try exchange.writer()
        let form = exchange.form
        guard let id = try exchange.optionalID(form["id"]) else {
            throw ConsoleFailure(.unprocessableContent, t("L’atelier a besoin d’un identifiant.", "The workshop needs an id."))
        }
        let territories = try form.all("territories").compactMap { try exchange.optionalID($0) }
        let workshop = try repository.openWorkshop(id: id, title: form["title"] ?? "", date: form.text("date") ?? "", place: form.text("place"),
                                                   territories: territories, at: try exchange.revision(form["at"]),
                                                   facilitator: facilitator.person)
        return Reply(json: workshop, redirect: "/workshops/\(workshop.id)")
    }

    // MARK: One workshop and its grid

    struct WorkshopValue: Codable, Sendable {
        var workshop: Workshop
        var territories: [Territory]
        /// As of the workshop: its text, its territories, what was recorded in it until it closed.
        var status: StatusMatrix
        /// The territories the signed-in facilitator may record for here.
        var editable: [String]
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
        let recorded = exchange.query["recorded"].flatMap { Int($0) }
        return try workshopReply(id, exchange: exchange, entries: [:], notice: recorded.map {
            t("\($0) enregistrement(s) fait(s).", "\($0) entr\($0 == 1 ? "y" : "ies") recorded.")
        })
    }

    private func workshopReply(_ id: String, exchange: Exchange, entries: [String: GridEntry], notice: String?,
                               status: HTTPResponse.Status = .ok) throws -> Reply {
        let workshop = try repository.workshop(id)
        let matrix = try repository.status(workshop: id)
        let text = try repository.charter(.revision(workshop.revision))
        let territories = text.manifest.territories.filter { workshop.territories.contains($0.id) }
        let facilitator = try exchange.facilitator()
        let editable = workshop.isOpen ? territories.map(\.id).filter { facilitator?.mayRecord(for: $0) ?? false } : []
        let value = WorkshopValue(workshop: workshop, territories: territories, status: matrix, editable: editable)
        let language = self.language
        let positionChoices: [(String, String)] = [("", "—")] + Position.allCases.map { ($0.rawValue, language.position($0)) }

        let header: [HTML] = territories.map { territory in
            "<th scope=\"col\" data-territory=\"\(territory.id)\">\(territory.name)\(HTML.when(editable.contains(territory.id), " ✎"))</th>"
        }
        let rows: [HTML] = matrix.rows.map { row in
            let cells: [HTML] = territories.map { territory in
                let key = "\(row.clause.rawValue).\(territory.id)"
                let now = Layout.mark(row.cells[territory.id], territory: territory.name, language)
                guard editable.contains(territory.id), exchange.session != nil else {
                    return "<td class=\"readonly\" data-cell=\"\(key)\">\(now)</td>"
                }
                let entry = entries[key]
                let options: [HTML] = positionChoices.map { raw, label in
                    "<option value=\"\(raw)\"\(HTML.flag("selected", entry?.position == raw))>\(label)</option>"
                }
                return """
                    <td data-cell="\(key)"\(HTML.when(entry?.error != nil, " class=\"error\""))><div class="line">\(now)\
                    <select name="p.\(key)" aria-label="\(t("Position", "Position")) \(territory.name), \(row.title)">\(options)</select></div>\
                    <textarea name="c.\(key)" rows="1" placeholder="\(t("commentaire", "comment"))" aria-label="\(t("Commentaire", "Comment")) \(territory.name), \(row.title)">\(entry?.text ?? "")</textarea>\
                    \(entry?.error.map { "<div class=\"cell-error\">\($0)</div>" as HTML })</td>
                    """
            }
            return """
                <tr data-clause="\(row.clause.rawValue)"><th scope="row" class="clause">\(row.number). <a href="/clauses/\(row.clause.rawValue)">\(row.title)</a>\
                <br>\(Layout.badge(row.status, language))</th>\(cells)</tr>
                """
        }
        let table: HTML = """
            <div class="grid-wrap"><table class="grid"><thead><tr><th>\(t("Article", "Clause"))</th>\(header)</tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        var grid: HTML
        if let session = exchange.session, !editable.isEmpty {
            grid = """
                <form method="post" action="/workshops/\(workshop.id)/grid" class="grid-form">
                <input type="hidden" name="csrf" value="\(session.csrf)">
                <p class="muted">\(t("Choisissez une position (a = adhésion, r = réserve, o = objection) et notez ce qui est dit ; une réserve ou une objection donne sa raison. Seules les cases remplies sont enregistrées.",
                                     "Pick a position (s = support, r = reservation, o = objection) and note what is said; a reservation or an objection gives its reason. Only filled cells are recorded."))</p>
                \(table)
                <p><button type="submit" id="save-grid">\(t("Enregistrer la grille", "Save the grid"))</button></p>
                </form>
                """
        } else {
            let why = !workshop.isOpen ? t("L’atelier est clos : rien de plus n’y est enregistré.", "The workshop is closed: nothing more is recorded in it.")
                : exchange.session == nil ? t("Connectez-vous pour saisir les positions.", "Sign in to enter positions.")
                : t("Vous n’enregistrez pour aucun territoire de cet atelier.", "You record for no territory of this workshop.")
            grid = "<p class=\"muted\">\(why)</p>\n" + table
        }
        let participants: [HTML] = territories.map { "<li>\($0.name) <code>\($0.id)</code></li>" }
        let events: [HTML] = workshop.events.map { event in
            "<li>\(event.kind) — \(event.facilitator.name), \(Layout.day(event.recordedAt))\(event.reason.map { " : " + $0 } ?? "")</li>"
        }
        let failed = entries.values.filter { $0.error != nil }.count
        let body: HTML = """
            <p class="meta"><a href="/workshops">\(t("Ateliers", "Workshops"))</a> › <code>\(workshop.id)</code></p>
            <h1>\(workshop.title) <span class="badge state">\(workshop.isOpen ? t("ouvert", "open") : t("clos", "closed"))</span></h1>
            <p class="meta">\(language.day(workshop.date))\(workshop.place.map { " — " + $0 } ?? "") — \(t("texte", "text")) \
            <code>\(String(workshop.revision.prefix(7)))</code> — <a href="/status?workshop=\(workshop.id)">\(t("état des positions de cet atelier", "status as of this workshop"))</a></p>
            \(notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" as HTML })
            \(HTML.when(failed > 0, "<p class=\"problem\" role=\"alert\">\(t("\(failed) case(s) n’ont pas pu être enregistrées : corrigez-les puis enregistrez à nouveau.", "\(failed) cell(s) could not be recorded: correct them and save again."))</p>"))
            <h2>\(t("Qui participe", "Who takes part"))</h2>
            <ul class="participants">\(participants)</ul>
            <h2>\(t("Grille de saisie", "Entry grid"))</h2>
            \(grid)
            <h2>\(t("Journal", "Log"))</h2>
            <ul class="muted">\(events)</ul>
            """
        return Reply(status: status, title: workshop.title, body: body, json: value)
    }

    struct GridResultJSON: Codable, Sendable {
        struct Failure: Codable, Sendable {
            var clause: String
            var territory: String
            var message: String
        }
        var recorded: [String]
        var failed: [Failure]
    }

    /// `POST /workshops/ID/grid`: records each filled cell (a position, words, or both) through
    /// `addComment`, as `charter comment add` does, one record per cell. A cell for a territory
    /// the facilitator may not record for refuses the whole grid (403, nothing recorded); a cell
    /// that cannot be recorded is shown again with its entry and the reason.
    func postGrid(_ exchange: Exchange) throws -> Reply {
        let id = try exchange.id("workshop")
        let facilitator = try exchange.writer()
        var cells: [(key: String, clause: String, territory: String, position: String, text: String)] = []
        var seen: [String: Int] = [:]
        for (name, value) in exchange.form.fields {
            let isPosition = name.hasPrefix("p."), isText = name.hasPrefix("c.")
            guard isPosition || isText else { continue }
            let key = String(name.dropFirst(2))
            let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, Identifiers.isID(parts[0]), Identifiers.isID(parts[1]) else {
                throw ConsoleFailure(.badRequest, t("Case de grille invalide : « \(name.prefix(60)) ».", "Invalid grid cell: “\(name.prefix(60))”."),
                                     code: "invalid-id")
            }
            let index = seen[key] ?? {
                cells.append((key, parts[0], parts[1], "", ""))
                seen[key] = cells.count - 1
                return cells.count - 1
            }()
            if isPosition { cells[index].position = value } else { cells[index].text = value }
        }
        let filled = cells.filter { !$0.position.isEmpty || !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        for cell in filled { try exchange.require(facilitator, mayRecordFor: cell.territory) }
        var recorded: [String] = []
        var failures: [GridResultJSON.Failure] = []
        var entries: [String: GridEntry] = [:]
        for cell in filled {
            do {
                let position = try parsePosition(cell.position)
                let record = try repository.addComment(
                    CommentRequest(workshop: id, territory: cell.territory, clause: cell.clause, position: position, text: cell.text),
                    facilitator: facilitator.person)
                recorded.append(record.id.rawValue)
            } catch {
                let message = failureMessage(error)
                failures.append(.init(clause: cell.clause, territory: cell.territory, message: message))
                entries[cell.key] = GridEntry(position: cell.position, text: cell.text, error: message)
            }
        }
        let result = GridResultJSON(recorded: recorded, failed: failures)
        if failures.isEmpty {
            return Reply(json: result, redirect: "/workshops/\(id)?recorded=\(recorded.count)")
        }
        var reply = try workshopReply(id, exchange: exchange, entries: entries,
                                      notice: recorded.isEmpty ? nil : t("\(recorded.count) enregistrement(s) fait(s).", "\(recorded.count) entries recorded."),
                                      status: .unprocessableContent)
        reply.json = result
        return reply
    }

    func failureMessage(_ error: any Error) -> String {
        switch error {
        case let failure as ConsoleFailure: return failure.message
        case let charter as CharterError:
            if language == .fr {
                switch charter.code {
                case .reasonRequired: return "Une réserve ou une objection doit donner sa raison : écrivez-la dans le commentaire."
                case .workshopClosed: return "L’atelier est clos : rien de plus n’y est enregistré."
                case .quoteNotFound: return "La citation ne figure pas dans le texte de l’article."
                case .unknownClause: return "Cet article n’est pas dans le texte de l’atelier."
                case .unknownTerritory: return "Ce territoire ne participe pas à l’atelier."
                default: break
                }
            }
            return charter.message + (charter.hint.map { " (\($0))" } ?? "")
        default: return "\(error)"
        }
    }
}
