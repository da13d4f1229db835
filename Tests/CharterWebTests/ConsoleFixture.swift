import CharterKit
@testable import CharterWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// A scratch repository holding the bundled charter, committed, with the workshop `lyon`
/// open for four territories and the facilitator Claire Martin, who records for two of them;
/// and the console over it.
struct ConsoleFixture {
    static let territories = ["vallee-de-la-sorgeac", "plateau-des-mille-sources", "pays-d-ormanges", "haut-verdal"]
    static let claire = Person(name: "Claire Martin", email: "claire.martin@example.org")

    let scratch = Scratch("charter-web")
    let git: GitCLI
    let repository: CharterRepository
    let console: WebConsole
    let sessions = SessionStore()

    init(language: Language = .fr, options: ConsoleOptions? = nil) throws {
        git = GitCLI(scratch.url)
        try git.initialise()
        try FileManager.default.copyItem(at: ConsoleFixture.bundledCharter, to: scratch.url.appendingPathComponent("charter"))
        try git.commitAll("Charte initiale", author: "Éditrice <editrice@example.org>")
        repository = try CharterRepository(discoveringFrom: scratch.path)
        try repository.openWorkshop(id: "lyon", title: "Atelier de Lyon", date: "2026-03-14", place: "Lyon",
                                    territories: ConsoleFixture.territories, facilitator: ConsoleFixture.claire)
        try repository.addFacilitator(name: "Claire Martin", email: "claire.martin@example.org", territories: ["haut-verdal", "pays-d-ormanges"])
        console = WebConsole(repository: repository, options: options ?? ConsoleOptions(language: language), sessions: sessions)
    }

    static let bundledCharter: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("charter", isDirectory: true)

    var application: some ApplicationProtocol { Application(router: console.router()) }

    /// The deliberation branch's tip.
    func tip() throws -> String {
        try git("rev-parse", "refs/heads/deliberation").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Comments recorded so far (not retracted or retracted).
    func comments() throws -> [CommentView] { try repository.comments() }
}

/// A signed-in browser: its session cookie and CSRF token.
struct SignedIn: Sendable {
    var cookie: String
    var csrf: String

    var headers: HTTPFields {
        var headers = HTTPFields()
        headers[.cookie] = "\(SessionCookie.name)=\(cookie)"
        return headers
    }

    func form(_ fields: [(String, String)], csrf override: String? = nil) -> (HTTPFields, ByteBuffer) {
        var headers = self.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let all = [("csrf", override ?? csrf)] + fields
        return (headers, Form.encode(all))
    }
}

enum Form {
    static func encode(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\(URLText.component($0.0))=\(URLText.component($0.1))" }.joined(separator: "&"))
    }

    static func headers(_ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        return headers
    }
}

extension TestClientProtocol {
    /// Signs in as the facilitator through the one-time link: GET the page, POST the token.
    func signIn(_ fixture: ConsoleFixture, as facilitator: String = "claire-martin") async throws -> SignedIn {
        let token = try fixture.sessions.issueSignInToken(for: facilitator)
        let page = try await execute(uri: "/signin/\(token)", method: .get)
        #expect(page.status == .ok)
        let response = try await execute(uri: "/signin", method: .post, headers: Form.headers(), body: Form.encode([("token", token)]))
        #expect(response.status == .seeOther)
        let setCookie = response.headers[.setCookie] ?? ""
        #expect(setCookie.contains("HttpOnly"))
        #expect(setCookie.contains("SameSite=Strict"))
        let cookie = setCookie.split(separator: ";").first.map { String($0.split(separator: "=", maxSplits: 1)[1]) } ?? ""
        let session = try #require(fixture.sessions.session(cookie))
        return SignedIn(cookie: cookie, csrf: session.csrf)
    }

    func get(_ uri: String, json: Bool = false, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if json { headers[.accept] = "application/json" }
        return try await execute(uri: uri, method: .get, headers: headers)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(text.utf8))
    }
}
