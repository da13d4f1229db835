import CharterKit
import Foundation

extension WebConsole {
    struct ProjectionValue: Codable, Sendable {
        var workshop: String
        var clause: String
        var number: Int
        var title: String
        var text: String
        var status: ClauseStatus
        /// Each territory of the workshop, with its current mark and words.
        var territories: [ProjectedTerritory]
        var previous: String?
        var next: String?
    }

    struct ProjectedTerritory: Codable, Sendable {
        var id: String
        var name: String
        var cell: CellValue?
    }

    /// `/workshops/ID/projection/CLAUSE`: one clause for the room's screen — its text large,
    /// each territory's mark and words — reloading by itself when something is recorded
    /// (server-sent events), ← and → to move between clauses.
    func projectionPage(_ exchange: Exchange) throws -> Reply {
        let id = try exchange.id("workshop")
        let clauseID = try exchange.id("clause")
        let workshop = try repository.workshop(id)
        let text = try repository.charter(.revision(workshop.revision))
        let matrix = try repository.status(workshop: id)
        guard let index = matrix.rows.firstIndex(where: { $0.clause.rawValue == clauseID }), let key = ClauseID(clauseID), let clause = text.clauses[key] else {
            throw ConsoleFailure(.notFound, say("console.error.clause-not-in-workshop"))
        }
        let row = matrix.rows[index]
        let values = try cellValues(workshop: id)
        let territories = text.manifest.territories.filter { workshop.territories.contains($0.id) }
        let projected = territories.map { ProjectedTerritory(id: $0.id, name: $0.name, cell: values["\(clauseID).\($0.id)"]) }
        let previous = index > 0 ? matrix.rows[index - 1].clause.rawValue : nil
        let next = index + 1 < matrix.rows.count ? matrix.rows[index + 1].clause.rawValue : nil
        let debated = try debatedText(workshop, text: text)
        let items: [HTML] = projected.map { territory in
            """
            <li data-territory="\(territory.id)">\(cellMark(territory.cell, territory: territory.name)) <strong>\(territory.name)</strong>\
            \(territory.cell.map { " <span class=\"said\">\($0.text)</span>" as HTML })</li>
            """
        }
        let base = "/workshops/\(id)/projection/"
        let navigation: HTML = """
            <nav class="projection-nav" aria-label="\(say("console.projection.navigation"))">\
            \(previous.map { "<a rel=\"prev\" href=\"\(base + $0)\">← \(say("console.projection.previous"))</a>" as HTML })\
            <a href="/workshops/\(id)">\(say("console.projection.back"))</a>\
            \(next.map { "<a rel=\"next\" href=\"\(base + $0)\">\(say("console.projection.next")) →</a>" as HTML })</nav>
            """
        let body: HTML = """
            <div class="projection" data-events="\(base + clauseID)/events">
            <p class="meta">\(workshop.title) — \(say("console.projection.clause-of", ["number": String(row.number), "count": String(matrix.rows.count)]))</p>
            <h1>\(row.number). \(clause.title) \(Layout.badge(row.status, language))</h1>
            \(HTML.when(debated.changedClauses.contains(clauseID), "<p class=\"problem\">\(say("console.grid.clause-changed"))</p>"))
            <div class="clause-text projected">\(clause.body)</div>
            <ul class="projected-positions">\(items)</ul>
            \(navigation)
            <p class="muted live" aria-live="polite">\(say("console.projection.live"))</p>
            </div>
            """
        return Reply(title: "\(row.number). \(clause.title)", body: body,
                     json: ProjectionValue(workshop: id, clause: clauseID, number: row.number, title: clause.title, text: clause.body,
                                           status: row.status, territories: projected, previous: previous, next: next))
    }
}
