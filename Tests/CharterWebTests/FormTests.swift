import CharterKit
@testable import CharterWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// Every form: sign-in, the workshop grid, a comment on a clause, opening a workshop, proposing
/// an amendment, signing out.
@Suite("Web console forms")
struct FormTests {
    @Test("a sign-in link works once; signing out ends the session")
    func signIn() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let token = try fixture.sessions.issueSignInToken(for: "claire-martin")
            let page = try await client.get("/signin/\(token)")
            #expect(page.text.contains("<strong>Claire Martin</strong>"))
            let first = try await client.execute(uri: "/signin", method: .post, headers: Form.headers(), body: Form.encode([("token", token)]))
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/workshops")
            let again = try await client.execute(uri: "/signin", method: .post, headers: Form.headers(), body: Form.encode([("token", token)]))
            #expect(again.status == .forbidden)
            #expect(try await client.get("/signin/\(token)").status == .forbidden)

            let signedIn = try await client.signIn(fixture)
            #expect(try await client.get("/", headers: signedIn.headers).text.contains("data-facilitator=\"claire-martin\""))
            let (headers, body) = signedIn.form([])
            let out = try await client.execute(uri: "/signout", method: .post, headers: headers, body: body)
            #expect(out.status == .seeOther)
            #expect(fixture.sessions.session(signedIn.cookie) == nil)
        }
    }

    @Test("the grid records each filled cell exactly as `charter comment add` would")
    func grid() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let (headers, body) = signedIn.form([
                ("p.juste-place.haut-verdal", "support"), ("c.juste-place.haut-verdal", ""),
                ("p.juste-place.pays-d-ormanges", "objection"), ("c.juste-place.pays-d-ormanges", "Qui décide de la place ?"),
                ("p.preambule.haut-verdal", ""), ("c.preambule.haut-verdal", "Une question sur le préambule."),
                ("p.odd-17.haut-verdal", ""), ("c.odd-17.haut-verdal", "  "),
            ])
            let response = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/workshops/lyon?recorded=3#grid-form")
            let comments = try fixture.comments().map(\.comment)
            #expect(comments.count == 3)
            #expect(comments.map(\.comment.territory) == ["haut-verdal", "pays-d-ormanges", "haut-verdal"])
            #expect(comments.map(\.comment.position) == [.support, .objection, nil])
            #expect(comments.allSatisfy { $0.facilitator == ConsoleFixture.claire })
            let status = try fixture.repository.status(workshop: "lyon")
            #expect(status.rows.first { $0.clause.rawValue == "juste-place" }?.status == .objection)
            let notice = try await client.get("/workshops/lyon?recorded=3", headers: signedIn.headers)
            #expect(notice.text.contains("3 cases enregistrées."))
        }
        // The same entry through the CLI makes the same record; the grid's one commit names each
        // of its records as the CLI's commit names its one.
        let cli = CharterCLIBinary.path
        try #require(FileManager.default.isExecutableFile(atPath: cli), "the charter binary is built")
        let result = try Shell.run(cli, ["comment", "add", "--workshop", "lyon", "--territory", "pays-d-ormanges", "--clause", "juste-place",
                                         "--position", "objection", "--facilitator", "Claire Martin <claire.martin@example.org>",
                                         "Qui décide de la place ?"],
                                   in: fixture.scratch.url, environment: Shell.environment(home: fixture.scratch.path))
        #expect(result.status == 0, "\(result.stderr)")
        let log = try fixture.git("log", "--format=%s|%an <%ae>", "-2", "refs/heads/deliberation")
            .split(separator: "\n").map(String.init)
        #expect(log.count == 2, "\(log)")
        #expect(log[0] == "Objection by pays-d-ormanges on juste-place at lyon|Claire Martin <claire.martin@example.org>")
        #expect(log[1] == "Grid of 3 records at lyon|Claire Martin <claire.martin@example.org>")
        let gridMessage = try fixture.git("log", "--format=%B", "-1", "refs/heads/deliberation~1")
        #expect(gridMessage.contains("\nObjection by pays-d-ormanges on juste-place at lyon\n"), "\(gridMessage)")
        let records = try fixture.comments().map(\.comment).filter { $0.comment.territory == "pays-d-ormanges" }
        #expect(records.count == 2 && records[0].comment == records[1].comment && records[0].facilitator == records[1].facilitator)
    }

    @Test("a cell that cannot be recorded comes back with its entry and the reason; the others are recorded")
    func gridProblems() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let (headers, body) = signedIn.form([
                ("p.juste-place.haut-verdal", "reservation"), ("c.juste-place.haut-verdal", ""),
                ("p.preambule.haut-verdal", "support"), ("c.preambule.haut-verdal", "D’accord."),
            ])
            let response = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("1 case n’a pas pu être enregistrée"))
            #expect(response.text.contains("Une réserve ou une objection doit donner sa raison"))
            #expect(response.text.contains("<option value=\"reservation\" selected>"), "the entry is kept")
            #expect(try fixture.comments().map(\.comment.comment.clause.rawValue) == ["preambule"])
        }
    }

    @Test("a comment with a quote on a clause's page")
    func clauseComment() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            #expect(try await client.get("/clauses/juste-place", headers: signedIn.headers).text.contains("class=\"stack comment-form\""))
            let (headers, body) = signedIn.form([("workshop", "lyon"), ("territory", "haut-verdal"), ("position", "reservation"),
                                                 ("quote", "chacun"), ("text", "Chacun, vraiment ?")])
            let response = try await client.execute(uri: "/clauses/juste-place/comments", method: .post, headers: headers, body: body)
            #expect(response.status == .seeOther)
            let comment = try #require(fixture.comments().first?.comment.comment)
            #expect(comment.quote?.exact == "chacun" && comment.position == .reservation)
            let page = try await client.get("/clauses/juste-place")
            #expect(page.text.contains("<mark class=\"quote\" title=\"Communauté du Haut-Verdal — réserve : Chacun, vraiment ?\">chacun</mark>"))
        }
    }

    @Test("opening a workshop and proposing an amendment")
    func workshopAndAmendment() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            let (headers, body) = signedIn.form([("id", "nantes"), ("title", "Atelier de Nantes"), ("date", "2026-04-02"), ("place", "Nantes"),
                                                 ("territories", "haut-verdal"), ("territories", "ile-de-keraven")])
            let opened = try await client.execute(uri: "/workshops", method: .post, headers: headers, body: body)
            #expect(opened.status == .seeOther && opened.headers[.location] == "/workshops/nantes")
            #expect(try fixture.repository.workshop("nantes").territories == ["haut-verdal", "ile-de-keraven"])

            var jsonHeaders = headers
            jsonHeaders[.accept] = "application/json"
            let proposed = try await client.execute(
                uri: "/amendments", method: .post, headers: jsonHeaders,
                body: signedIn.form([("territory", "haut-verdal"), ("workshop", "lyon"), ("operation", "replace"), ("clause", "juste-place"),
                                     ("text", "La juste place est reconnue à chacun."), ("rationale", "Plus court.")]).1)
            #expect(proposed.status == .created)
            let view = try proposed.decode(AmendmentView.self)
            #expect(view.amendment.territory == "haut-verdal" && view.status == "proposed")
            #expect(try fixture.repository.amendments().count == 1)
        }
    }
}

/// The built `charter` binary.
enum CharterCLIBinary {
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["CHARTER_BIN"], FileManager.default.isExecutableFile(atPath: path) { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/charter").path
    }()
}
