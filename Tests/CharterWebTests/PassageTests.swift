import CharterKit
@testable import CharterWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// Passage amendments proposed from the console's form (« remplacer / supprimer / insérer
/// après » the quoted words), and the clause page saying where each sentence came from.
@Suite("Web console: passage amendments and provenance")
struct PassageTests {
    static let editor = Person(name: "Éditrice", email: "editrice@example.org")

    /// The body of `juste-place` as committed, read with the `git` CLI (front matter dropped).
    static func committedBody(_ fixture: ConsoleFixture) throws -> String {
        let file = try fixture.git("show", "HEAD:charter/clauses/juste-place.md")
        let parts = file.components(separatedBy: "---\n")
        try #require(parts.count >= 3)
        return parts.dropFirst(2).joined(separator: "---\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("the form offers a passage edit; « remplacer » records the clause's whole text with the words replaced")
    func passageReplace() async throws {
        let fixture = try ConsoleFixture()
        let body = try Self.committedBody(fixture)
        try #require(body.components(separatedBy: "à sa juste place").count == 2)
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let page = try await client.get("/amendments", headers: signedIn.headers).text
            #expect(page.contains("<select name=\"passage\">"))
            #expect(page.contains("<option value=\"replace\">remplacer</option>"))
            #expect(page.contains("<option value=\"delete\">supprimer</option>"))
            #expect(page.contains("<option value=\"insert-after\">insérer après</option>"))
            #expect(page.contains("name=\"quote\"") && page.contains("name=\"words\""))

            var (headers, form) = signedIn.form([("territory", "haut-verdal"), ("workshop", "lyon"), ("operation", "replace"),
                                                 ("clause", "juste-place"), ("text", ""), ("passage", "replace"),
                                                 ("quote", "à sa juste place"), ("words", "à la place qui lui revient"),
                                                 ("rationale", "Plus simple.")])
            headers[.accept] = "application/json"
            let proposed = try await client.execute(uri: "/amendments", method: .post, headers: headers, body: form)
            #expect(proposed.status == .created)
            let view = try proposed.decode(AmendmentView.self)
            #expect(view.amendment.territory == "haut-verdal" && view.amendment.change.operation == .replace)
            let expected = body.replacingOccurrences(of: "à sa juste place", with: "à la place qui lui revient")
            #expect(view.amendment.change.text?.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
            let recorded = try #require(fixture.repository.amendments().first)
            #expect(recorded.amendment.change.text?.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
        }
    }

    @Test("a quote not in the clause: the form comes back with what was typed and the reason at the quote")
    func quoteNotFound() async throws {
        let fixture = try ConsoleFixture()
        let before = try fixture.tip()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let (headers, form) = signedIn.form([("territory", "haut-verdal"), ("workshop", "lyon"), ("operation", "replace"),
                                                 ("clause", "juste-place"), ("passage", "replace"), ("quote", "à sa place juste"),
                                                 ("words", "à la place qui lui revient"), ("rationale", "Plus simple.")])
            let refused = try await client.execute(uri: "/amendments", method: .post, headers: headers, body: form)
            #expect(refused.status == .unprocessableContent)
            let page = refused.text
            #expect(page.contains("<input type=\"text\" name=\"quote\" aria-invalid=\"true\" aria-describedby=\"proposal-quote-error\" value=\"à sa place juste\">"))
            #expect(page.contains("<span class=\"problem\" role=\"alert\" id=\"proposal-quote-error\">la citation «\u{00A0}à sa place juste\u{00A0}» ne figure pas dans l’article `juste-place`</span>"))
            #expect(page.contains("name=\"words\" value=\"à la place qui lui revient\""))
            #expect(page.contains("<option value=\"replace\" selected>remplacer</option>"))
            #expect(page.contains(">Plus simple.</textarea>"))
            #expect(!page.contains("--quote"))
        }
        #expect(try fixture.repository.amendments().isEmpty)
        #expect(try fixture.tip() == before)
    }

    @Test("after adoption, the clause page says which sentence came from which territory's amendment, workshop and day")
    func provenance() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let page = try await client.get("/clauses/juste-place").text
            #expect(page.contains("Aucune phrase de cet article n’est issue d’un amendement adopté."))
        }
        let view = try fixture.repository.proposeAmendment(
            AmendmentRequest(territory: "haut-verdal", workshop: "lyon", rationale: "Plus simple.", operation: .replace, clause: "juste-place",
                             passage: PassageEdit(.replace, quote: "n’est pas la même pour tous", words: "diffère d’un partenaire à l’autre")),
            facilitator: ConsoleFixture.claire)
        try fixture.repository.adoptAmendment(view.amendment.id.rawValue, force: true, editor: Self.editor)
        try await fixture.application.test(.router) { client in
            let page = try await client.get("/clauses/juste-place").text
            let start = try #require(page.range(of: "<ul class=\"provenance\">"))
            let end = try #require(page.range(of: "</ul>", range: start.upperBound..<page.endIndex))
            let list = String(page[start.lowerBound..<end.upperBound])
            // Only the sentence the amendment changed is attributed to it.
            #expect(list.components(separatedBy: "<li>").count == 2)
            #expect(list.contains("<q>La juste place diffère d’un partenaire à l’autre\u{00A0}; elle dépend de la mission"))
            #expect(list.contains("<a href=\"/amendments/\(view.amendment.id.rawValue)\" class=\"provenance-origin\">"
                + "issu de l’amendement de Communauté du Haut-Verdal, atelier «\u{00A0}Atelier de Lyon\u{00A0}», 14 mars 2026</a>"))
            #expect(!list.contains(">\(view.shortID)"))
            #expect(!page.contains("Aucune phrase de cet article n’est issue d’un amendement adopté."))
        }
    }
}
