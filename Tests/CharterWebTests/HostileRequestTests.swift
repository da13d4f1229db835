import CharterKit
@testable import CharterWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// The web part of the bad-input catalogue (docs/reliability.md, « Bad input »): each case sends
/// the real console (its router, in process) a hostile request and asserts the status, that the
/// answer names — in French, the console's language — the field, id or record at fault, and that
/// the repository is byte for byte as it was (refs, HEAD, index, working tree) and `git fsck` clean.
@Suite("reliability: hostile web requests")
struct HostileRequestTests {
    enum Token: Sendable { case valid, wrong, none }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var method: HTTPRequest.Method = .post
        var uri: String
        /// Signed in as Claire Martin (facilitator for haut-verdal and pays-d-ormanges).
        var signedIn = true
        var csrf: Token = .valid
        var fields: [(String, String)] = []
        /// A body sent as these bytes instead of the encoded fields (the CSRF token is put first).
        var raw: [UInt8]? = nil
        var headers: [(String, String)] = []
        var status: HTTPResponse.Status
        /// What the answer must name.
        var says: String
        var testDescription: String { name }
    }

    static let cell = [("p.juste-place.haut-verdal", "support"), ("c.juste-place.haut-verdal", "Oui.")]
    static let comment = [("workshop", "lyon"), ("territory", "haut-verdal"), ("position", "support"), ("text", "Oui.")]
    static let amendment = [("workshop", "lyon"), ("territory", "haut-verdal"), ("operation", "delete"), ("clause", "juste-place"),
                            ("rationale", "Trop long.")]

    static let catalogue: [Case] = [
        // Who may write
        Case(name: "grid without a session", uri: "/workshops/lyon/grid", signedIn: false, fields: cell, status: .unauthorized,
             says: "Connexion requise"),
        Case(name: "comment with a forged session cookie", uri: "/clauses/juste-place/comments", signedIn: false, fields: comment,
             headers: [("Cookie", "\(SessionCookie.name)=\(String(repeating: "a", count: 64))")], status: .unauthorized,
             says: "Connexion requise"),
        Case(name: "grid with a wrong CSRF token", uri: "/workshops/lyon/grid", csrf: .wrong, fields: cell, status: .forbidden,
             says: "Ce formulaire a expiré"),
        Case(name: "comment without a CSRF token", uri: "/clauses/juste-place/comments", csrf: .none, fields: comment,
             status: .forbidden, says: "Ce formulaire a expiré"),
        Case(name: "grid from another origin", uri: "/workshops/lyon/grid", fields: cell, headers: [("Origin", "http://evil.example")],
             status: .forbidden, says: "evil.example"),
        Case(name: "grid cell for a territory not the facilitator's", uri: "/workshops/lyon/grid",
             fields: cell + [("p.juste-place.vallee-de-la-sorgeac", "objection")], status: .forbidden,
             says: "«\u{00A0}Vallée de la Sorgeac\u{00A0}»"),
        Case(name: "comment for a territory not the facilitator's", uri: "/clauses/juste-place/comments",
             fields: [("workshop", "lyon"), ("territory", "plateau-des-mille-sources"), ("position", "support")], status: .forbidden,
             says: "Plateau des Mille Sources"),
        Case(name: "amendment for a territory not the facilitator's", uri: "/amendments",
             fields: [("territory", "vallee-de-la-sorgeac")] + amendment.filter { $0.0 != "territory" }, status: .forbidden,
             says: "Vallée de la Sorgeac"),
        // Ids in paths
        Case(name: "grid of a workshop id in capitals", uri: "/workshops/LYON/grid", fields: cell, status: .badRequest, says: "LYON"),
        Case(name: "grid of a workshop id by path traversal", uri: "/workshops/..%2F..%2Fetc/grid", fields: cell, status: .badRequest,
             says: "../../etc"),
        Case(name: "comment on a clause id with markup", uri: "/clauses/%3Cscript%3E/comments", fields: comment, status: .badRequest,
             says: "&lt;script&gt;"),
        Case(name: "GET a clause by path traversal", method: .get, uri: "/clauses/..%2F..%2F..%2Fetc%2Fpasswd", status: .badRequest,
             says: "../../../etc/passwd"),
        Case(name: "GET status at an option-like revision", method: .get, uri: "/status?at=--output%3D%2Ftmp%2Fx", status: .badRequest,
             says: "--output=/tmp/x"),
        Case(name: "grid cell with an unknown position", uri: "/workshops/lyon/grid", fields: [("p.juste-place.haut-verdal", "peut-etre")],
             status: .unprocessableContent, says: "peut-etre"),
        Case(name: "grid cell with a malformed field name", uri: "/workshops/lyon/grid", fields: [("p.juste_place.haut-verdal", "support")],
             status: .badRequest, says: "juste_place"),
        Case(name: "comment without a workshop", uri: "/clauses/juste-place/comments", fields: comment.filter { $0.0 != "workshop" },
             status: .unprocessableContent, says: "atelier"),
        Case(name: "comment without a territory", uri: "/clauses/juste-place/comments", fields: comment.filter { $0.0 != "territory" },
             status: .unprocessableContent, says: "territoire"),
        Case(name: "comment with an unknown position", uri: "/clauses/juste-place/comments",
             fields: comment.filter { $0.0 != "position" } + [("position", "bof")], status: .unprocessableContent, says: "bof"),
        Case(name: "comment with an over-long workshop id", uri: "/clauses/juste-place/comments",
             fields: comment.filter { $0.0 != "workshop" } + [("workshop", String(repeating: "a", count: 5000))], status: .badRequest,
             says: String(repeating: "a", count: 60)),
        Case(name: "comment whose text is invalid UTF-8", uri: "/clauses/juste-place/comments",
             raw: Array("workshop=lyon&territory=haut-verdal&position=support&text=Caf%C3".utf8) + [0xFF, 0xFE],
             status: .badRequest, says: "text"),
        Case(name: "comment whose text has a truncated UTF-8 escape", uri: "/clauses/juste-place/comments",
             fields: [], raw: Array("workshop=lyon&territory=haut-verdal&position=support&text=Caf%C3".utf8),
             status: .badRequest, says: "text"),
        Case(name: "comment over 64 KiB", uri: "/clauses/juste-place/comments",
             fields: comment.filter { $0.0 != "text" } + [("text", String(repeating: "a", count: 70_000))], status: .contentTooLarge,
             says: "au plus 64 Kio"),
        Case(name: "grid over 4 MiB", uri: "/workshops/lyon/grid",
             fields: cell + [("c.juste-place.pays-d-ormanges", String(repeating: "a", count: 4 * 1024 * 1024 + 10))],
             status: .contentTooLarge, says: "au plus 4096 Kio"),
        Case(name: "comment sent as JSON", uri: "/clauses/juste-place/comments", raw: Array(#"{"workshop":"lyon"}"#.utf8),
             headers: [("Content-Type", "application/json")], status: .unsupportedMediaType, says: "application/x-www-form-urlencoded"),
        Case(name: "amendment on an unknown clause", uri: "/amendments",
             fields: amendment.filter { $0.0 != "clause" } + [("clause", "nulle-part")], status: .notFound, says: "nulle-part"),
        Case(name: "workshop with an impossible date", uri: "/workshops",
             fields: [("id", "w2"), ("title", "Atelier 2"), ("date", "2026-13-45"), ("territories", "haut-verdal")],
             status: .unprocessableContent, says: "2026-13-45"),
        Case(name: "workshop with an invalid id", uri: "/workshops",
             fields: [("id", "W 2"), ("title", "Atelier 2"), ("date", "2026-04-01"), ("territories", "haut-verdal")],
             status: .badRequest, says: "W 2"),
        Case(name: "sign-in with an unknown token", uri: "/signin", signedIn: false, csrf: .none,
             fields: [("token", String(repeating: "b", count: 64))], status: .forbidden, says: "lien de connexion"),
        // Bad methods
        Case(name: "PUT on the grid", method: .put, uri: "/workshops/lyon/grid", fields: cell, status: .notFound, says: "n’existe pas"),
        Case(name: "DELETE a clause", method: .delete, uri: "/clauses/juste-place", status: .notFound, says: "n’existe pas"),
    ]

    @Test(arguments: catalogue)
    func refusedCleanly(_ hostile: Case) async throws {
        let fixture = try ConsoleFixture()
        try await fixture.application.test(.router) { client in
            var headers = HTTPFields()
            var csrf: String?
            if hostile.signedIn {
                let signedIn = try await client.signIn(fixture)
                headers = signedIn.headers
                switch hostile.csrf {
                case .valid: csrf = signedIn.csrf
                case .wrong: csrf = String(repeating: "0", count: 64)
                case .none: csrf = nil
                }
            }
            if hostile.method != .get { headers[.contentType] = "application/x-www-form-urlencoded" }
            for (name, value) in hostile.headers { headers[try #require(HTTPField.Name(name))] = value }
            var body = ByteBuffer()
            if hostile.method != .get {
                if let raw = hostile.raw {
                    let prefix = csrf.map { Array("csrf=\(URLText.component($0))&".utf8) } ?? []
                    body = ByteBuffer(bytes: prefix + raw)
                } else {
                    body = Form.encode((csrf.map { [("csrf", $0)] } ?? []) + hostile.fields)
                }
            }
            let before = try RepositorySnapshot.take(fixture.scratch.url, fixture.git)
            let response = try await client.execute(uri: hostile.uri, method: hostile.method, headers: headers, body: body)
            #expect(response.status == hostile.status, "\(response.status): \(response.text.prefix(600))")
            #expect(response.text.contains(hostile.says), "does not name « \(hostile.says) »: \(response.text.prefix(600))")
            #expect(!response.text.contains("Fatal error"))
            #expect(try RepositorySnapshot.take(fixture.scratch.url, fixture.git) == before, "the repository changed")
        }
        try fixture.git.fsck()
    }

    @Test func theTableHasAtLeast25Cases() {
        #expect(Self.catalogue.count >= 25, "\(Self.catalogue.count) cases")
        #expect(Set(Self.catalogue.map(\.name)).count == Self.catalogue.count, "case names repeat")
    }
}
