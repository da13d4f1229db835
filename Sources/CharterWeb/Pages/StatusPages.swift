import CharterKit
import Foundation

extension WebConsole {
    struct StatusValue: Codable, Sendable {
        var status: StatusMatrix
        var evolution: ConsensusEvolution
    }

    /// `/status`: the matrix (clauses × territories) as a heatmap, at a revision (`?at=`) or as
    /// of a workshop (`?workshop=`), and how consensus evolved across workshops.
    func statusPage(_ exchange: Exchange) throws -> Reply {
        let at = try exchange.revision(exchange.query["at"])
        let workshopID = try exchange.optionalID(exchange.query["workshop"])
        let matrix = try repository.status(at: at, workshop: workshopID)
        let evolution = try repository.consensusEvolution()
        let workshops = try repository.deliberationStore().load().workshopList
        let language = self.language
        let header: [HTML] = matrix.territories.map { "<th class=\"territory\" scope=\"col\" title=\"\($0.id)\">\($0.name)</th>" }
        let rows: [HTML] = matrix.rows.map { row in
            let cells: [HTML] = matrix.territories.map { territory in
                guard let cell = row.cells[territory.id] else {
                    return "<td class=\"cell none\" title=\"\(territory.name) — \(language.words.noPosition)\"></td>"
                }
                let stale = cell.currency == .stale
                return "<td class=\"cell \(cell.position.rawValue)\(stale ? " stale" : "")\" data-territory=\"\(territory.id)\" "
                    + "title=\"\(territory.name) — \(language.position(cell.position))\(stale ? " (" + language.words.staleMark + ")" : "")\">"
                    + "\(ReportColors.symbol(cell.position) + (stale ? "*" : ""))</td>"
            }
            return """
                <tr data-clause="\(row.clause.rawValue)" data-status="\(row.status.rawValue)"><th scope="row" class="label">\(row.number). \
                <a href="/clauses/\(row.clause.rawValue)">\(row.title)</a></th>\(cells)<td>\(Layout.badge(row.status, language))</td></tr>
                """
        }
        let workshopOptions: [HTML] = ["<option value=\"\">\(say("console.page.current-text"))</option>"]
            + workshops.map { "<option value=\"\($0.id)\"\(HTML.flag("selected", $0.id == workshopID))>\($0.title) (\(day($0.date)))</option>" }
        let scope = workshopID.map { id in say("console.page.as-of-workshop") + " " + (workshops.first { $0.id == id }?.title ?? id) }
            ?? say("console.page.on-text") + " " + ((try? repository.resolve(matrix.revision)).map { say("console.text.version-of", ["day": day($0.date)]) } ?? String(matrix.revision.prefix(7)))
        let figureQuery = URLText.link("/status/heatmap.svg", [("at", at), ("workshop", workshopID)])
        let body: HTML = """
            <h1>\(say("console.page.where-we-stand"))</h1>
            <form method="get" action="/status" class="inline-form">
            <label>\(say("console.page.workshop-2")) <select name="workshop">\(workshopOptions)</select></label>
            <label>\(say("console.page.or-revision")) <input type="text" name="at" value="\(at ?? "")" placeholder="HEAD" size="12"></label>
            <button type="submit">\(say("console.page.show"))</button>
            </form>
            <p class="meta">\(scope) — \(language.words.rule) : \(language.rule(matrix.rule)) — \(StatusSummaryWords.line(matrix, language))</p>
            <div class="grid-wrap"><table class="heatmap"><thead><tr><th></th>\(header)<th>\(language.words.status)</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <p class="legend">✔ \(language.position(.support)) · ~ \(language.position(.reservation)) · ✖ \(language.position(.objection)) · \
            * \(language.words.staleMark) — <a href="\(figureQuery)">SVG</a></p>
            <h2>\(language.words.evolutionTitle)</h2>
            <figure>\(HTML(trusted: EvolutionSVG(language: language).render(evolution)))</figure>
            <p class="legend"><a href="/status/evolution.svg">SVG</a></p>
            """
        return Reply(title: say("console.page.status"), body: body, json: StatusValue(status: matrix, evolution: evolution))
    }

    /// `/status/heatmap.svg`: the heatmap figure of `charter export`.
    func heatmapFigure(_ exchange: Exchange) throws -> Reply {
        let at = try exchange.revision(exchange.query["at"])
        let workshopID = try exchange.optionalID(exchange.query["workshop"])
        let matrix = try repository.status(at: at, workshop: workshopID)
        var reply = Reply.asset(HeatmapSVG(language: language).render(matrix), type: "image/svg+xml; charset=utf-8")
        reply.json = matrix
        return reply
    }

    /// `/status/evolution.svg`: the evolution figure of `charter export`.
    func evolutionFigure(_ exchange: Exchange) throws -> Reply {
        let evolution = try repository.consensusEvolution()
        var reply = Reply.asset(EvolutionSVG(language: language).render(evolution), type: "image/svg+xml; charset=utf-8")
        reply.json = evolution
        return reply
    }
}
