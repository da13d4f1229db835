import CharterKit
@testable import CharterWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every page, as HTML and as JSON at the same path.
@Suite("Web console pages")
struct PageTests {
    @Test("the charter: sections, numbered clauses, each with its consensus badge; JSON is the publication")
    func charter() async throws {
        let fixture = try ConsoleFixture()
        try fixture.repository.addComment(CommentRequest(workshop: "lyon", territory: "haut-verdal", clause: "juste-place",
                                                         position: .objection, text: "Pas clair."), facilitator: ConsoleFixture.claire)
        try await fixture.application.test(.router) { client in
            let page = try await client.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            let html = page.text
            #expect(html.contains("<html lang=\"fr\">"))
            #expect(html.contains("<h2>La confiance comme contrat</h2>"))
            #expect(html.contains("<span class=\"number\">7.</span>"))
            #expect(html.contains("<a href=\"/clauses/juste-place\">La juste place de chacun</a>"))
            #expect(html.contains("data-status=\"objection\">objection</span>"))
            #expect(html.contains("data-status=\"open\">en débat</span>"))
            #expect(html.contains("Lecture seule"))

            let json = try await client.get("/", json: true)
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            let publication = try json.decode(Publication.self)
            #expect(publication.title == "Charte du faire alliance")
            #expect(publication.clauseCount == 18)
            let clause = try #require(publication.sections.flatMap(\.clauses).first { $0.id.rawValue == "juste-place" })
            #expect(clause.number == 7 && clause.status == .objection && clause.notes == [1])
            #expect(publication.notes.first?.text == "Pas clair.")
        }
    }

    @Test("a clause: text with the re-anchored quote highlighted, history, redline, comments by territory")
    func clause() async throws {
        let fixture = try ConsoleFixture()
        try fixture.repository.addComment(CommentRequest(workshop: "lyon", territory: "haut-verdal", clause: "juste-place", position: .reservation,
                                                         text: "Qui décide ?", quote: "chacun"), facilitator: ConsoleFixture.claire)
        // A new text: the comment becomes stale, its quote is re-anchored where it still occurs.
        let file = fixture.scratch.url.appendingPathComponent("charter/clauses/juste-place.md")
        let old = try String(contentsOf: file, encoding: .utf8)
        try (old + "\nChacun y trouve sa place.\n").write(to: file, atomically: true, encoding: .utf8)
        try fixture.git.commitAll("Relecture de juste-place")
        try await fixture.application.test(.router) { client in
            let page = try await client.get("/clauses/juste-place")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<h1>7. La juste place de chacun"))
            #expect(html.contains("<mark class=\"quote stale\""))
            #expect(html.contains("périmée\u{00A0}: le texte a changé depuis"), "French typography: a no-break space before the colon")
            #expect(html.contains("Relecture de juste-place"))
            #expect(html.contains("<ins>"), "the redline between the last two revisions")
            #expect(html.contains("<div class=\"redline\">"))
            #expect(html.contains("Communauté du Haut-Verdal"))

            let json = try await client.get("/clauses/juste-place", json: true)
            let value = try json.decode(WebConsole.ClausePageValue.self)
            #expect(value.clause.rawValue == "juste-place" && value.number == 7)
            #expect(value.history.count == 2)
            #expect(value.diff?.change?.kinds.contains(.modified) == true)
            #expect(value.highlights.first?.exact == "chacun" && value.highlights.first?.stale == true)
            let verdal = try #require(value.territories.first { $0.territory == "haut-verdal" })
            #expect(verdal.comments.first?.currency == .stale)

            // Any two revisions, by the form's query.
            let first = try fixture.git("rev-list", "--max-parents=0", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
            let chosen = try await client.get("/clauses/juste-place?from=\(first)&to=HEAD", json: true)
            #expect(try chosen.decode(WebConsole.ClausePageValue.self).diff?.from == first)
        }
    }

    @Test("workshops: the list, a workshop with who takes part and its grid, read-only without a session")
    func workshops() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let list = try await client.get("/workshops")
            #expect(list.status == .ok)
            #expect(list.text.contains("<a href=\"/workshops/lyon\">Atelier de Lyon</a>"))
            #expect(try await client.get("/workshops", json: true).decode(WebConsole.WorkshopsValue.self).workshops.map(\.id) == ["lyon"])

            let page = try await client.get("/workshops/lyon")
            #expect(page.status == .ok)
            #expect(page.text.contains("<ul class=\"participants\"><li>Vallée de la Sorgeac"))
            #expect(page.text.contains("Connectez-vous pour saisir les positions."))
            #expect(!page.text.contains("<select name=\"p."))
            let value = try await client.get("/workshops/lyon", json: true).decode(WebConsole.WorkshopValue.self)
            #expect(value.territories.map(\.id) == ConsoleFixture.territories)
            #expect(value.status.rows.count == 18)
            #expect(value.editable.isEmpty)

            let signedIn = try await client.signIn(fixture)
            let grid = try await client.get("/workshops/lyon", headers: signedIn.headers)
            #expect(grid.text.contains("<select name=\"p.juste-place.haut-verdal\""))
            #expect(grid.text.contains("<select name=\"p.juste-place.pays-d-ormanges\""))
            #expect(!grid.text.contains("<select name=\"p.juste-place.vallee-de-la-sorgeac\""), "not Claire's territory")
            #expect(grid.text.contains("name=\"csrf\" value=\"\(signedIn.csrf)\""))
            let editable = try await client.get("/workshops/lyon", json: true, headers: signedIn.headers).decode(WebConsole.WorkshopValue.self)
            #expect(editable.editable == ["pays-d-ormanges", "haut-verdal"])
        }
    }

    @Test("the status heatmap at a revision or a workshop, its SVG figures, and the evolution")
    func status() async throws {
        let fixture = try ConsoleFixture()
        try fixture.repository.addComment(CommentRequest(workshop: "lyon", territory: "pays-d-ormanges", clause: "preambule",
                                                         position: .support, text: ""), facilitator: ConsoleFixture.claire)
        try await fixture.application.test(.router) { client in
            let page = try await client.get("/status")
            #expect(page.status == .ok)
            #expect(page.text.contains("<table class=\"heatmap\">"))
            #expect(page.text.contains("<td class=\"cell support\" data-territory=\"pays-d-ormanges\""))
            #expect(page.text.contains("<svg"), "the evolution chart, inline")
            let atWorkshop = try await client.get("/status?workshop=lyon", json: true).decode(WebConsole.StatusValue.self)
            #expect(atWorkshop.status.workshop == "lyon")
            #expect(atWorkshop.status.territories.count == 4)
            #expect(atWorkshop.evolution.points.map(\.workshop) == ["lyon"])
            let atHead = try await client.get("/status?at=HEAD", json: true).decode(WebConsole.StatusValue.self)
            #expect(atHead.status.territories.count == 7)

            let heatmap = try await client.get("/status/heatmap.svg?workshop=lyon")
            #expect(heatmap.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(heatmap.text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(heatmap.text.contains("class=\"cell support\""))
            let evolution = try await client.get("/status/evolution.svg")
            #expect(evolution.text.contains("Atelier de Lyon"))
            // The figures' values, at the same paths.
            #expect(try await client.get("/status/heatmap.svg?workshop=lyon", json: true).decode(StatusMatrix.self).workshop == "lyon")
            #expect(try await client.get("/status/evolution.svg", json: true).decode(ConsensusEvolution.self).points.count == 1)
        }
    }

    @Test("amendments: the list, the detail with its redline, and the proposal form")
    func amendments() async throws {
        let fixture = try ConsoleFixture()
        let view = try fixture.repository.proposeAmendment(
            AmendmentRequest(territory: "haut-verdal", workshop: "lyon", rationale: "Plus court.", operation: .replace,
                             clause: "juste-place", text: "La juste place est reconnue à chacun.\n"),
            facilitator: ConsoleFixture.claire)
        try await fixture.application.test(.router) { client in
            let list = try await client.get("/amendments")
            #expect(list.text.contains("<code>\(view.shortID)</code>"))
            #expect(list.text.contains("charter amend adopt"))
            #expect(!list.text.contains("proposal-form"), "no form without a session")
            #expect(try await client.get("/amendments?status=open", json: true).decode(WebConsole.AmendmentsValue.self).amendments.count == 1)
            #expect(try await client.get("/amendments?status=adopted", json: true).decode(WebConsole.AmendmentsValue.self).amendments.isEmpty)

            let detail = try await client.get("/amendments/\(view.shortID)")
            #expect(detail.status == .ok)
            #expect(detail.text.contains("<div class=\"redline\">"))
            #expect(detail.text.contains("Plus court."))
            #expect(try await client.get("/amendments/\(view.amendment.id.rawValue)", json: true).decode(AmendmentView.self).shortID == view.shortID)

            let signedIn = try await client.signIn(fixture)
            let withForm = try await client.get("/amendments", headers: signedIn.headers)
            #expect(withForm.text.contains("class=\"stack proposal-form\""))
        }
    }

    @Test("an adopted amendment: behind its revision in the clause's history, and in the publication's appendix")
    func adoptedAmendment() async throws {
        let fixture = try ConsoleFixture()
        let view = try fixture.repository.proposeAmendment(
            AmendmentRequest(territory: "haut-verdal", workshop: "lyon", rationale: "Plus court.", operation: .replace,
                             clause: "juste-place", text: "La juste place est reconnue à chacun.\n"),
            facilitator: ConsoleFixture.claire)
        try fixture.repository.adoptAmendment(view.amendment.id.rawValue, force: true,
                                              editor: Person(name: "Éditrice", email: "editrice@example.org"))
        try await fixture.application.test(.router) { client in
            let page = try await client.get("/clauses/juste-place")
            #expect(page.text.contains("amendement <a href=\"/amendments/\(view.amendment.id.rawValue)\">\(view.shortID)</a>, proposé par Communauté du Haut-Verdal"))
            let publication = try await client.get("/", json: true).decode(Publication.self)
            #expect(publication.amendments.map(\.id) == [view.amendment.id.rawValue])
            #expect(publication.amendments.first?.forced == true && publication.amendments.first?.rationale == "Plus court.")
            let list = try await client.get("/amendments?status=adopted", json: true).decode(WebConsole.AmendmentsValue.self)
            #expect(list.amendments.count == 1)
        }
    }

    @Test("English on demand")
    func english() async throws {
        let fixture = try ConsoleFixture(language: .en)
        try await fixture.application.test(.router) { client in
            let page = try await client.get("/")
            #expect(page.text.contains("<html lang=\"en\">"))
            #expect(page.text.contains(">Workshops</a>"))
            #expect(page.text.contains("Read only"))
            let missing = try await client.get("/nowhere")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("There is no such page."))
        }
    }
}
