import CharterKit
@testable import CharterWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// Every refusal leaves the deliberation branch where it was.
@Suite("Web console refusals and escaping")
struct RefusalTests {
    static let cell = [("p.juste-place.haut-verdal", "support"), ("c.juste-place.haut-verdal", "")]

    @Test("a write without a session: 401, nothing recorded")
    func noSession() async throws {
        let fixture = try ConsoleFixture()
        let before = try fixture.tip()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: Form.headers(),
                                                    body: Form.encode([("csrf", "x")] + RefusalTests.cell))
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("Connexion requise"))
            let json = try await client.execute(uri: "/clauses/juste-place/comments", method: .post,
                                                headers: Form.headers([.accept: "application/json"]), body: Form.encode([("workshop", "lyon")]))
            #expect(json.status == .unauthorized)
            #expect(json.text.contains("\"code\" : \"no-session\""))
            // An unknown session cookie is no session either.
            let forged = try await client.execute(uri: "/workshops/lyon/grid", method: .post,
                                                  headers: Form.headers([.cookie: "\(SessionCookie.name)=\(String(repeating: "a", count: 64))"]),
                                                  body: Form.encode([("csrf", "x")] + RefusalTests.cell))
            #expect(forged.status == .unauthorized)
        }
        #expect(try fixture.tip() == before)
    }

    @Test("a territory that is not the facilitator's: 403, nothing recorded, not even the cells that were theirs")
    func wrongTerritory() async throws {
        let fixture = try ConsoleFixture()
        let before = try fixture.tip()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let (headers, body) = signedIn.form(RefusalTests.cell + [("p.juste-place.vallee-de-la-sorgeac", "objection"),
                                                                     ("c.juste-place.vallee-de-la-sorgeac", "Non.")])
            let grid = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body)
            #expect(grid.status == .forbidden)
            #expect(grid.text.contains("ne peut pas enregistrer pour «\u{00A0}Vallée de la Sorgeac\u{00A0}»"), "the territory by its name")
            let comment = try await client.execute(uri: "/clauses/juste-place/comments", method: .post, headers: headers,
                                                   body: signedIn.form([("workshop", "lyon"), ("territory", "vallee-de-la-sorgeac"),
                                                                        ("position", "support")]).1)
            #expect(comment.status == .forbidden)
            let amendment = try await client.execute(uri: "/amendments", method: .post, headers: headers,
                                                     body: signedIn.form([("territory", "ile-de-keraven"), ("operation", "delete"),
                                                                          ("clause", "juste-place"), ("rationale", "Non.")]).1)
            #expect(amendment.status == .forbidden)
        }
        #expect(try fixture.tip() == before)
        // A facilitator removed from the roster keeps no power.
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            try fixture.repository.removeFacilitator("claire-martin")
            let (headers, body) = signedIn.form(RefusalTests.cell)
            #expect(try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body).status == .forbidden)
        }
        #expect(try fixture.tip() == before)
    }

    @Test("a missing or wrong CSRF token: 403, nothing recorded")
    func badCSRF() async throws {
        let fixture = try ConsoleFixture()
        let before = try fixture.tip()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let (headers, wrong) = signedIn.form(RefusalTests.cell, csrf: String(repeating: "0", count: 64))
            let response = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: wrong)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Ce formulaire a expiré"))
            #expect(response.text.contains("rien n’a été enregistré"))
            let missing = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: Form.encode(RefusalTests.cell))
            #expect(missing.status == .forbidden)
            // The token may come in a header instead (for scripts).
            var scripted = headers
            scripted[.init("X-CSRF-Token")!] = signedIn.csrf
            let ok = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: scripted, body: Form.encode(RefusalTests.cell))
            #expect(ok.status == .seeOther)
        }
        #expect(try fixture.comments().count == 1)
        #expect(try fixture.tip() != before)
    }

    @Test("a form over 64 KiB, a grid over 4 MiB: 413, nothing recorded")
    func oversized() async throws {
        let fixture = try ConsoleFixture()
        let before = try fixture.tip()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let (headers, body) = signedIn.form(RefusalTests.cell + [("c.juste-place.pays-d-ormanges", String(repeating: "a", count: 4 * 1024 * 1024))])
            let response = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body)
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("Envoi trop volumineux (au plus 4096 Kio)."))
            let comment = signedIn.form([("workshop", "lyon"), ("territory", "haut-verdal"), ("text", String(repeating: "a", count: 70_000))])
            let refused = try await client.execute(uri: "/clauses/juste-place/comments", method: .post, headers: comment.0, body: comment.1)
            #expect(refused.status == .contentTooLarge)
            #expect(refused.text.contains("au plus 64 Kio"))
        }
        #expect(try fixture.tip() == before)
    }

    @Test("ids and revisions in URLs are validated: 400; well-formed but unknown: 404")
    func badIDs() async throws {
        let fixture = try ConsoleFixture()
        let before = try fixture.tip()
        try await fixture.application.test(.router) { client in
            for uri in ["/clauses/Juste_Place", "/clauses/%3Cscript%3E", "/workshops/..%2F..%2Fetc", "/amendments/zz%27or%271",
                        "/status?at=HEAD..main", "/status?at=--output%3D%2Ftmp%2Fx", "/status?workshop=L%C3%BCon", "/?at=HEAD@%7B1%7D",
                        "/clauses/juste-place?from=a..b", "/signin/not-a-token"] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri)")
            }
            let signedIn = try await client.signIn(fixture)
            let (headers, body) = signedIn.form([("p.juste_place.haut-verdal", "support")])
            #expect(try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body).status == .badRequest)
            #expect(try await client.execute(uri: "/workshops/LYON/grid", method: .post, headers: headers,
                                             body: signedIn.form(RefusalTests.cell).1).status == .badRequest)
            for uri in ["/clauses/nulle-part", "/workshops/nantes", "/amendments/abcdef12", "/status?at=nowhere"] {
                #expect(try await client.get(uri).status == .notFound, "\(uri)")
            }
        }
        #expect(try fixture.tip() == before)
    }

    @Test("requests for another host, and writes from another origin, are refused")
    func hostAndOrigin() async throws {
        let fixture = try ConsoleFixture(options: ConsoleOptions(allowedHosts: ["127.0.0.1"]))
        try await fixture.application.test(.router) { client in
            // The router test client always says `localhost`: not an allowed name here.
            let response = try await client.get("/")
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Hôte non autorisé"))
        }
        let open = try ConsoleFixture()
        let before = try open.tip()
        try await open.application.test(.router) { client in
            let signedIn = try await client.signIn(open)
            var (headers, body) = signedIn.form(RefusalTests.cell)
            headers[.origin] = "http://evil.example"
            #expect(try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body).status == .forbidden)
        }
        #expect(try open.tip() == before)
    }

    @Test("beyond loopback, reading needs a session too")
    func readingNeedsSessionBeyondLoopback() async throws {
        let fixture = try ConsoleFixture(options: ConsoleOptions.forBinding(host: "0.0.0.0", language: .fr))
        try await fixture.application.test(.router) { client in
            #expect(try await client.get("/").status == .unauthorized)
            let signedIn = try await client.signIn(fixture)
            #expect(try await client.get("/", headers: signedIn.headers).status == .ok)
        }
        #expect(ConsoleOptions.forBinding(host: "127.0.0.1", language: .fr).readRequiresSession == false)
    }

    @Test("hostile input renders inert: comments, quotes, workshop titles and reasons are text")
    func escaping() async throws {
        let fixture = try ConsoleFixture()
        let hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\""
        try fixture.repository.openWorkshop(id: "piege", title: "<b onmouseover=alert(2)>Atelier</b>", date: "2026-03-20",
                                            place: "<iframe src=//evil>", territories: ["haut-verdal"], facilitator: ConsoleFixture.claire)
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let (headers, body) = signedIn.form([("p.juste-place.haut-verdal", "objection"), ("c.juste-place.haut-verdal", hostile)])
            #expect(try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body).status == .seeOther)
            for uri in ["/clauses/juste-place", "/workshops/lyon", "/workshops", "/workshops/piege", "/", "/status?workshop=piege"] {
                let html = try await client.get(uri, headers: signedIn.headers).text
                #expect(!html.contains("<script>alert"), "\(uri)")
                #expect(!html.contains("<img src=x"), "\(uri)")
                #expect(!html.contains("<b onmouseover"), "\(uri)")
                #expect(!html.contains("<iframe"), "\(uri)")
            }
            let clause = try await client.get("/clauses/juste-place").text
            #expect(clause.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;"))
            #expect(try await client.get("/workshops").text.contains("&lt;b onmouseover=alert(2)&gt;Atelier&lt;/b&gt;"))
            // A bad id echoed in an error page is escaped too.
            let error = try await client.get("/clauses/%3Cscript%3Ealert(1)%3C%2Fscript%3E").text
            #expect(error.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !error.contains("<script>alert"))
            // JSON carries the text as it was said.
            let json = try await client.get("/clauses/juste-place", json: true).decode(WebConsole.ClausePageValue.self)
            #expect(json.territories.first { $0.territory == "haut-verdal" }?.comments.first?.comment.comment.text == hostile)
        }
    }
}
