import CharterKit
@testable import CharterWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// Territories at a distance: invitations (a link per person, one territory, an expiry,
/// revocable), representatives recording for their territory only, and sign-in links,
/// invitations and sessions that survive a restart, stored as digests only.
@Suite("Web console access")
struct AccessTests {
    /// Invites through the page, as a facilitator does; returns the link's token.
    static func invite(_ client: some TestClientProtocol, _ signedIn: SignedIn, name: String, territory: String, days: String = "14") async throws -> (TestResponse, String?) {
        let (headers, body) = signedIn.form([("form-key", SessionStore.randomHex(bytes: 16)), ("name", name), ("email", "\(name.lowercased().replacingOccurrences(of: " ", with: "."))@example.org"),
                                             ("territory", territory), ("days", days)])
        let response = try await client.execute(uri: "/invitations", method: .post, headers: headers, body: body)
        let token = response.text.firstMatch(of: /\/join\/([0-9a-f]{64})/).map { String($0.1) }
        return (response, token)
    }

    /// Opens a representative's session from their link: GET the page, POST the token.
    static func join(_ client: some TestClientProtocol, _ fixture: ConsoleFixture, token: String) async throws -> SignedIn {
        #expect(try await client.get("/join/\(token)").status == .ok)
        let response = try await client.execute(uri: "/join", method: .post, headers: Form.headers(), body: Form.encode([("token", token)]))
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/workshops/lyon", "the one open workshop of their territory")
        let cookie = (response.headers[.setCookie] ?? "").split(separator: ";").first.map { String($0.split(separator: "=", maxSplits: 1)[1]) } ?? ""
        let session = try #require(fixture.sessions.session(cookie))
        #expect(session.isRepresentative)
        return SignedIn(cookie: cookie, csrf: session.csrf)
    }

    @Test("an invited representative records for their territory only, from the clause-by-clause page; revoking ends it")
    func representative() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            let claire = try await client.signIn(fixture)
            let (made, token) = try await AccessTests.invite(client, claire, name: "Amina Diallo", territory: "haut-verdal")
            #expect(made.status == .created)
            #expect(made.text.contains("Invitation créée pour Amina Diallo (Communauté du Haut-Verdal)"))
            let link = try #require(token)
            // Not for a territory Claire does not record for.
            let (other, _) = try await AccessTests.invite(client, claire, name: "Paul Martin", territory: "vallee-de-la-sorgeac")
            #expect(other.status == .forbidden)
            let (badDays, _) = try await AccessTests.invite(client, claire, name: "Paul Martin", territory: "haut-verdal", days: "400")
            #expect(badDays.status == .unprocessableContent && badDays.text.contains("value=\"Paul Martin\""))

            let amina = try await AccessTests.join(client, fixture, token: link)
            let page = try await client.get("/workshops/lyon", headers: amina.headers).text
            #expect(page.contains("<div class=\"cards\">"), "the clause-by-clause page")
            #expect(page.contains("name=\"p.juste-place.haut-verdal\""))
            #expect(!page.contains("name=\"p.juste-place.pays-d-ormanges\""), "only their territory")
            #expect(page.contains("représentant·e de Communauté du Haut-Verdal"))
            #expect(!page.contains("href=\"/invitations\""), "no facilitator's page")

            let mine = amina.form([("p.juste-place.haut-verdal", "reservation"), ("c.juste-place.haut-verdal", "Il faut préciser « chacun ».")])
            #expect(try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: mine.0, body: mine.1).status == .seeOther)
            let recorded = try #require(fixture.comments().first?.comment)
            #expect(recorded.comment.territory == "haut-verdal" && recorded.facilitator.name == "Amina Diallo")
            let before = try fixture.tip()
            let theirs = amina.form([("p.juste-place.pays-d-ormanges", "support"), ("c.juste-place.pays-d-ormanges", "")])
            let refused = try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: theirs.0, body: theirs.1)
            #expect(refused.status == .forbidden)
            #expect(try fixture.tip() == before, "nothing recorded for another territory")
            let close = amina.form([])
            #expect(try await client.execute(uri: "/workshops/lyon/close", method: .post, headers: close.0, body: close.1).status == .forbidden)
            #expect(try await client.get("/invitations", headers: amina.headers).status == .forbidden)

            // Revoked: the link and the session stop working.
            let list = try await client.get("/invitations", json: true, headers: claire.headers).decode(WebConsole.InvitationsValue.self)
            let id = try #require(list.invitations.first { $0.name == "Amina Diallo" }?.id)
            #expect(list.invitations.allSatisfy { $0.link == nil }, "the list never shows a link")
            let revoke = claire.form([])
            #expect(try await client.execute(uri: "/invitations/\(id)/revoke", method: .post, headers: revoke.0, body: revoke.1).status == .seeOther)
            #expect(fixture.sessions.session(amina.cookie) == nil)
            #expect(try await client.get("/join/\(link)").status == .forbidden)
            #expect(try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: mine.0, body: mine.1).status == .unauthorized)
        }
    }

    @Test("an invitation expires")
    func expiry() throws {
        let store = SessionStore()
        let (invitation, token) = try store.invite(name: "Amina Diallo", email: nil, territory: "haut-verdal", lifetime: 3600, by: "claire-martin",
                                                   now: Date(timeIntervalSince1970: 1_000_000))
        #expect(store.invitation(forToken: token, now: Date(timeIntervalSince1970: 1_000_000 + 3599))?.id == invitation.id)
        #expect(store.invitation(forToken: token, now: Date(timeIntervalSince1970: 1_000_000 + 3600)) == nil)
        #expect(try store.redeemInvitation(token, now: Date(timeIntervalSince1970: 1_000_000 + 7200)) == nil)
    }

    @Test("sign-in links, sessions and invitations survive a restart, kept as digests only")
    func restart() async throws {
        let fixture = try ConsoleFixture()
        let first = try SessionStore(repository: fixture.repository)
        let link = try first.issueSignInToken(for: "claire-martin")
        let spare = try first.issueSignInToken(for: "claire-martin")
        let session = try #require(try first.redeem(link))
        let (invitation, token) = try first.invite(name: "Amina Diallo", email: nil, territory: "haut-verdal", lifetime: 86_400, by: "claire-martin")
        let representative = try #require(try first.redeemInvitation(token))

        // A new process: a new store over the same file.
        let second = try SessionStore(repository: fixture.repository)
        #expect(second.session(session.id)?.facilitator == "claire-martin")
        #expect(second.session(session.id)?.csrf == session.csrf)
        #expect(second.session(representative.id)?.invitation == invitation.id)
        #expect(second.facilitator(forToken: spare) == "claire-martin")
        #expect(second.invitation(forToken: token)?.id == invitation.id)
        #expect(try second.redeem(link) == nil, "a used link stays used")

        let file = try String(contentsOf: fixture.repository.consoleAccessFile, encoding: .utf8)
        for secret in [link, spare, session.id, session.csrf, token, representative.id] {
            #expect(!file.contains(secret), "no secret in the file")
        }
        #expect(file.contains(SessionStore.digest(token)))
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.repository.consoleAccessFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try fixture.git("status", "--porcelain").isEmpty, "nothing of it in the tracked content")

        // Through the pages: the console over the second store knows the cookie.
        let console = WebConsole(repository: fixture.repository, sessions: second)
        try await Application(router: console.router()).test(.router) { client in
            var headers = HTTPFields()
            headers[.cookie] = "\(SessionCookie.name)=\(session.id)"
            let page = try await client.get("/", headers: headers)
            #expect(page.text.contains("data-facilitator=\"claire-martin\""))
        }
    }
}
