import CharterKit
@testable import CharterWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// Trustworthy saves: only what changed is recorded, a form sent twice records nothing twice,
/// a grid on an older text says so, and nothing typed is lost when a save is refused.
@Suite("Web console saves")
struct SaveTests {
    /// The grid as the page rendered it: every editable cell with what it showed, and the form key.
    static func renderedGrid(_ client: some TestClientProtocol, _ signedIn: SignedIn) async throws -> (key: String, cells: [(String, String)]) {
        let value = try await client.get("/workshops/lyon", json: true, headers: signedIn.headers).decode(WebConsole.WorkshopValue.self)
        let key = try #require(value.formKey)
        var cells: [(String, String)] = [("form-key", key)]
        for row in value.status.rows {
            for territory in value.editable {
                let cell = "\(row.clause.rawValue).\(territory)"
                let shown = value.entries[cell]
                cells += [("p.\(cell)", shown?.position ?? ""), ("c.\(cell)", shown?.text ?? ""), ("o.\(cell)", shown?.original ?? "|")]
            }
        }
        return (key, cells)
    }

    static func replacing(_ cells: [(String, String)], _ changes: [String: String]) -> [(String, String)] {
        cells.map { name, value in (name, changes[name] ?? value) }
    }

    @Test("saving the grid as it was shown records nothing; only the changed cells are recorded")
    func unchangedSave() async throws {
        let fixture = try ConsoleFixture()
        try fixture.repository.addComment(CommentRequest(workshop: "lyon", territory: "haut-verdal", clause: "juste-place", position: .support, text: "Oui."),
                                          facilitator: ConsoleFixture.claire)
        let before = try fixture.tip()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let grid = try await SaveTests.renderedGrid(client, signedIn)
            #expect(grid.cells.contains { $0 == ("p.juste-place.haut-verdal", "support") }, "the grid shows what is recorded")
            let (headers, body) = signedIn.form(grid.cells)
            let unchanged = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body)
            #expect(unchanged.status == .seeOther)
            #expect(unchanged.headers[.location] == "/workshops/lyon?recorded=0#grid-form")
            #expect(try fixture.tip() == before, "nothing recorded: the deliberation branch did not move")
            let page = try await client.get("/workshops/lyon?recorded=0", headers: signedIn.headers)
            #expect(page.text.contains("Rien à enregistrer\u{00A0}: aucune case n’a changé."))

            // One cell changed among 36: one record.
            let next = try await SaveTests.renderedGrid(client, signedIn)
            let changed = SaveTests.replacing(next.cells, ["p.preambule.pays-d-ormanges": "objection", "c.preambule.pays-d-ormanges": "Trop long."])
            let (headers2, body2) = signedIn.form(changed)
            var json = headers2
            json[.accept] = "application/json"
            let saved = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: json, body: body2)
            let result = try saved.decode(WebConsole.GridResultJSON.self)
            #expect(result.recorded.count == 1 && result.unchanged == 1 && result.failed.isEmpty)
            #expect(try fixture.comments().count == 2)
        }
    }

    @Test("the same form sent again (F5, double click, retry) records nothing twice, also after a refused cell")
    func resubmission() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let grid = try await SaveTests.renderedGrid(client, signedIn)
            let typed = SaveTests.replacing(grid.cells, [
                "p.juste-place.haut-verdal": "support",
                "p.preambule.haut-verdal": "reservation", "c.preambule.haut-verdal": "",  // refused: no reason
                "p.odd-17.pays-d-ormanges": "objection", "c.odd-17.pays-d-ormanges": "Pas assez précis.",
            ])
            let (headers, body) = signedIn.form(typed)
            let first = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body)
            #expect(first.status == .unprocessableContent)
            #expect(try fixture.comments().count == 2)
            let tip = try fixture.tip()
            // F5 on that page sends the very same body again.
            for _ in 0..<3 {
                let again = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body)
                #expect(again.status == .unprocessableContent)
                #expect(again.text.contains("2 cases avaient déjà été enregistrées par ce même formulaire"))
                #expect(again.text.contains("<option value=\"reservation\" selected>"), "the refused cell keeps its entry")
            }
            #expect(try fixture.comments().count == 2, "nothing recorded twice")
            #expect(try fixture.tip() == tip)
            // The git CLI, as a witness: one grid commit on the branch.
            let subjects = try fixture.git("log", "--format=%s", "refs/heads/deliberation").split(separator: "\n")
            #expect(subjects.filter { $0.hasPrefix("Grid of 2 records at lyon") }.count == 1)
        }
    }

    @Test("a refused cell comes back with every typed value, the French reason at the cell, and the focus")
    func refusedCellKeepsEverything() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let grid = try await SaveTests.renderedGrid(client, signedIn)
            let (headers, body) = signedIn.form(SaveTests.replacing(grid.cells, [
                "p.juste-place.haut-verdal": "objection", "c.juste-place.haut-verdal": "   ",
                "c.preambule.pays-d-ormanges": "Une remarque <b>gardée</b>",
            ]))
            let response = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body)
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains("id=\"p-juste-place--haut-verdal\" aria-label=\"Position — Communauté du Haut-Verdal, 7. La juste place de chacun\" aria-invalid=\"true\""))
            #expect(html.contains("<div class=\"cell-error\" id=\"e-juste-place--haut-verdal\">Une réserve ou une objection doit donner sa raison"))
            #expect(html.contains("role=\"alert\" id=\"grid-problem\""))
            #expect(html.contains("1 case enregistrée."))
            #expect(html.contains("Une remarque &lt;b&gt;gardée&lt;/b&gt;"), "the recorded remark is shown, escaped")
        }
    }

    @Test("a grid on an older text says so, and its stale positions are marked, never hidden")
    func staleText() async throws {
        let fixture = try ConsoleFixture()
        try fixture.repository.addComment(CommentRequest(workshop: "lyon", territory: "haut-verdal", clause: "juste-place", position: .support, text: ""),
                                          facilitator: ConsoleFixture.claire)
        let file = fixture.scratch.url.appendingPathComponent("charter/clauses/juste-place.md")
        try (String(contentsOf: file, encoding: .utf8) + "\nUne phrase ajoutée après l’atelier.\n").write(to: file, atomically: true, encoding: .utf8)
        try fixture.git.commitAll("Relecture de juste-place")
        try await fixture.application.test(.router) { client in
            let page = try await client.get("/workshops/lyon").text
            #expect(page.contains("Texte débattu\u{00A0}: version du "))
            #expect(page.contains(", modifiée depuis."), "« texte débattu : version du …, modifiée depuis »")
            #expect(page.contains("<span class=\"mark support stale\""))
            #expect(page.contains("<span class=\"stale-tag\" aria-hidden=\"true\">ancien texte</span>"))
            #expect(page.contains("adhésion — prise sur un ancien texte, ne compte plus"), "said to screen readers too")
            let clause = try await client.get("/clauses/juste-place").text
            #expect(clause.contains("<span class=\"mark support stale\""), "the clause page shows the stale position, marked")
            let value = try await client.get("/workshops/lyon", json: true).decode(WebConsole.WorkshopValue.self)
            #expect(value.text.changedClauses == ["juste-place"])
            #expect(value.entries["juste-place.haut-verdal"]?.stale == true)
        }
    }

    @Test("a grid form far over 64 KiB is recorded whole")
    func largeGrid() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let grid = try await SaveTests.renderedGrid(client, signedIn)
            let long = String(repeating: "Une longue intervention du territoire. ", count: 2_000)
            let (headers, body) = signedIn.form(SaveTests.replacing(grid.cells, ["c.juste-place.haut-verdal": long, "p.juste-place.haut-verdal": "reservation"]))
            #expect(body.readableBytes > 64 * 1024)
            let response = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body)
            #expect(response.status == .seeOther)
            #expect(try fixture.comments().first?.comment.comment.text == long.trimmingCharacters(in: .whitespaces), "recorded whole (CharterKit trims the ends)")
        }
    }

    @Test("a refused workshop keeps what was typed, with the French reason at its field; the id pattern is valid under the v flag")
    func workshopFormKeepsInput() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let form = try await client.get("/workshops", headers: signedIn.headers).text
            #expect(form.contains("pattern=\"[a-z0-9\\-]+\""), "`-` escaped: valid with the `v` flag browsers compile patterns with")
            let (headers, body) = signedIn.form([("id", "lyon"), ("title", "Atelier de Lyon bis"), ("date", "2026-05-01"), ("place", "Villeurbanne"),
                                                 ("territories", "haut-verdal")])
            let response = try await client.execute(uri: "/workshops", method: .post, headers: headers, body: body)
            #expect(response.status == .conflict)
            let html = response.text
            #expect(html.contains("value=\"Atelier de Lyon bis\"") && html.contains("value=\"Villeurbanne\"") && html.contains("value=\"2026-05-01\""))
            #expect(html.contains("Cet identifiant est déjà pris\u{00A0}: choisissez-en un autre."))
            #expect(html.contains("id=\"workshop-id\" name=\"id\" value=\"lyon\""))
            #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"workshop-id-error\""))
            #expect(html.contains("value=\"haut-verdal\" checked") && !html.contains("value=\"pays-d-ormanges\" checked"))
        }
    }

    @Test("close, reopen, retract and a position on an amendment, from the web")
    func fromTheWeb() async throws {
        let fixture = try ConsoleFixture()
        let record = try fixture.repository.addComment(CommentRequest(workshop: "lyon", territory: "haut-verdal", clause: "juste-place", position: .support, text: "Oui."),
                                                       facilitator: ConsoleFixture.claire)
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let clause = try await client.get("/clauses/juste-place", headers: signedIn.headers).text
            #expect(clause.contains("action=\"/comments/\(record.id.rawValue)/retract\""))
            let retract = signedIn.form([("reason", "Saisi par erreur.")])
            let retracted = try await client.execute(uri: "/comments/\(record.id.rawValue)/retract", method: .post, headers: retract.0, body: retract.1)
            #expect(retracted.status == .seeOther)
            #expect(try fixture.comments().first?.comment.retraction?.reason == "Saisi par erreur.")

            let proposal = try fixture.repository.proposeAmendment(
                AmendmentRequest(territory: "haut-verdal", workshop: "lyon", rationale: "Plus court.", operation: .replace, clause: "juste-place",
                                 after: nil, title: nil, text: "La juste place est reconnue à chacun."),
                facilitator: ConsoleFixture.claire)
            let id = proposal.amendment.id.rawValue
            #expect(try await client.get("/amendments/\(id)", headers: signedIn.headers).text.contains("class=\"stack amendment-position-form\""))
            let refusedPosition = signedIn.form([("workshop", "lyon"), ("territory", "pays-d-ormanges"), ("position", "objection"), ("text", "")])
            let refused = try await client.execute(uri: "/amendments/\(id)/positions", method: .post, headers: refusedPosition.0, body: refusedPosition.1)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<option value=\"objection\" selected>"), "the choice is kept")
            let position = signedIn.form([("workshop", "lyon"), ("territory", "pays-d-ormanges"), ("position", "objection"), ("text", "Trop vague.")])
            let taken = try await client.execute(uri: "/amendments/\(id)/positions", method: .post, headers: position.0, body: position.1)
            #expect(taken.status == .seeOther)
            #expect(try fixture.repository.amendment(id).positions.map(\.territory) == ["pays-d-ormanges"])

            let close = signedIn.form([])
            let closed = try await client.execute(uri: "/workshops/lyon/close", method: .post, headers: close.0, body: close.1)
            #expect(closed.status == .seeOther && closed.headers[.location] == "/workshops/lyon?closed=1")
            #expect(try fixture.repository.workshop("lyon").isOpen == false)
            let page = try await client.get("/workshops/lyon?closed=1", headers: signedIn.headers).text
            #expect(page.contains("L’atelier est clos.") && page.contains("Atelier clos — Claire Martin"))
            let noReason = signedIn.form([("reason", " ")])
            #expect(try await client.execute(uri: "/workshops/lyon/reopen", method: .post, headers: noReason.0, body: noReason.1).status
                    == .unprocessableContent)
            let reopen = signedIn.form([("reason", "Un territoire arrivé en retard.")])
            let reopened = try await client.execute(uri: "/workshops/lyon/reopen", method: .post, headers: reopen.0, body: reopen.1)
            #expect(reopened.status == .seeOther)
            #expect(try fixture.repository.workshop("lyon").isOpen)
            #expect(try fixture.repository.workshop("lyon").events.map(\.kind) == ["workshop-opened", "workshop-closed", "workshop-reopened"])
            // The git CLI, as a witness: the closing and the reopening are commits on the branch.
            let subjects = try fixture.git("log", "--format=%s", "-2", "refs/heads/deliberation").lowercased()
            #expect(subjects.contains("reopen") && subjects.contains("close"), "\(subjects)")
        }
    }

    @Test("the console speaks French: CharterKit errors, dates with « 1er », territory names, no hashes")
    func french() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let workshops = try await client.get("/workshops").text
            #expect(workshops.contains("14 mars 2026"))
            #expect(!workshops.contains("<code>"), "no revision hash in the list")
            let console = fixture.console
            #expect(console.day(Date(timeIntervalSince1970: 1_796_083_200)) == "1er décembre 2026")
            #expect(console.errorText(CharterError(.reasonRequired, "an objection must give its reason"))
                    == "Une réserve ou une objection doit donner sa raison\u{00A0}: écrivez-la dans le commentaire.")
            #expect(console.errorText(CharterError(.workshopClosed, "workshop `lyon` is closed")) == "L’atelier est clos\u{00A0}: rien de plus n’y est enregistré.")
            let missing = try await client.get("/workshops/nulle-part")
            #expect(missing.status == .notFound && missing.text.contains("Cet atelier n’existe pas.") && !missing.text.contains("no workshop"))
        }
    }
}
