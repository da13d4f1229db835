import CharterKit
import Foundation
import Hummingbird
import Logging

/// How the console behaves.
public struct ConsoleOptions: Sendable {
    /// The interface's language (French by default).
    public var language: Language
    /// Reading needs a session too: set when the console listens beyond the loopback interface.
    public var readRequiresSession: Bool
    /// The `Host` names requests may carry (any when nil): the loopback names when bound to
    /// loopback, so a web page elsewhere cannot read the console by DNS rebinding.
    public var allowedHosts: Set<String>?
    /// The largest request body accepted, in bytes.
    public var bodyLimit: Int

    public init(language: Language = .fr, readRequiresSession: Bool = false, allowedHosts: Set<String>? = nil,
                bodyLimit: Int = 64 * 1024) {
        self.language = language
        self.readRequiresSession = readRequiresSession
        self.allowedHosts = allowedHosts
        self.bodyLimit = bodyLimit
    }

    /// The options for a console bound to `host`: loopback names only and open reading on a
    /// loopback address; sessions for reading too on any other.
    public static func forBinding(host: String, language: Language) -> ConsoleOptions {
        let loopback = ConsoleOptions.isLoopback(host)
        return ConsoleOptions(language: language, readRequiresSession: !loopback,
                              allowedHosts: loopback ? ["127.0.0.1", "localhost", "[::1]", "::1"] : nil)
    }

    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}

/// The facilitators' web console over one charter repository: server-side pages, each also
/// as JSON, and the forms that record through CharterKit exactly what the CLI records.
public final class WebConsole: Sendable {
    public let repository: CharterRepository
    public let sessions: SessionStore
    public let options: ConsoleOptions

    public init(repository: CharterRepository, options: ConsoleOptions = ConsoleOptions(), sessions: SessionStore = SessionStore()) {
        self.repository = repository
        self.options = options
        self.sessions = sessions
    }

    var language: Language { options.language }

    /// `fr` or `en` text, as the console speaks.
    func t(_ french: String, _ english: String) -> String { language == .fr ? french : english }

    /// The routes.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: GuardMiddleware(console: self))
        route(router, .get, "/") { try $0.console.charterPage($0) }
        route(router, .get, "/clauses/:clause") { try $0.console.clausePage($0) }
        route(router, .post, "/clauses/:clause/comments") { try $0.console.postClauseComment($0) }
        route(router, .get, "/workshops") { try $0.console.workshopsPage($0) }
        route(router, .post, "/workshops") { try $0.console.postWorkshop($0) }
        route(router, .get, "/workshops/:workshop") { try $0.console.workshopPage($0) }
        route(router, .post, "/workshops/:workshop/grid") { try $0.console.postGrid($0) }
        route(router, .get, "/status") { try $0.console.statusPage($0) }
        route(router, .get, "/status/heatmap.svg") { try $0.console.heatmapFigure($0) }
        route(router, .get, "/status/evolution.svg") { try $0.console.evolutionFigure($0) }
        route(router, .get, "/amendments") { try $0.console.amendmentsPage($0) }
        route(router, .post, "/amendments") { try $0.console.postAmendment($0) }
        route(router, .get, "/amendments/:amendment") { try $0.console.amendmentPage($0) }
        route(router, .get, "/signin/:token", public: true) { try $0.console.signInPage($0) }
        route(router, .post, "/signin", public: true) { try $0.console.postSignIn($0) }
        route(router, .post, "/signout", public: true) { try $0.console.postSignOut($0) }
        route(router, .get, "/assets/console.js", public: true) { _ in Reply.asset(Assets.script, type: "text/javascript; charset=utf-8") }
        return router
    }

    /// The console as a Hummingbird application listening on `host:port` (0 for any free port).
    public func application(host: String, port: Int,
                            onRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "charter.serve")
        logger.logLevel = .warning
        return Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "charter"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }

    // MARK: Routing

    enum Method { case get, post }

    private func route(_ router: Router<BasicRequestContext>, _ method: Method, _ path: RouterPath, public isPublic: Bool = false,
                       _ handler: @escaping @Sendable (Exchange) throws -> Reply) {
        let respond: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, context in
            var exchange = Exchange(console: self, request: request, parameters: context.parameters)
            do {
                exchange.session = self.currentSession(request)
                if self.options.readRequiresSession, !isPublic, exchange.session == nil {
                    throw ConsoleFailure(.unauthorized, self.t("Connectez-vous avec le lien affiché par `charter serve`.",
                                                               "Sign in with the link `charter serve` printed."))
                }
                if method == .post { exchange.form = try await self.readForm(request) }
                return try handler(exchange).response(for: exchange)
            } catch {
                return self.failure(error).response(for: exchange)
            }
        }
        switch method {
        case .get: router.get(path, use: respond)
        case .post: router.post(path, use: respond)
        }
    }

    private func readForm(_ request: Request) async throws -> FormData {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > options.bodyLimit {
            throw ConsoleFailure(.contentTooLarge, tooLarge)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: options.bodyLimit)
        } catch {
            throw ConsoleFailure(.contentTooLarge, tooLarge)
        }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") else {
            throw ConsoleFailure(.unsupportedMediaType, t("Formulaire attendu (application/x-www-form-urlencoded).",
                                                          "A form is expected (application/x-www-form-urlencoded)."))
        }
        return FormData(urlEncoded: String(decoding: body.readableBytesView, as: UTF8.self))
    }

    private var tooLarge: String {
        t("Requête trop volumineuse (au plus \(options.bodyLimit / 1024) Kio).", "Request too large (at most \(options.bodyLimit / 1024) KiB).")
    }

    func currentSession(_ request: Request) -> SessionStore.Session? {
        guard let id = request.cookies[SessionCookie.name]?.value else { return nil }
        return sessions.session(id)
    }

    /// An error as the page (or JSON) that says it.
    func failure(_ error: any Error) -> Reply {
        let failure: ConsoleFailure
        switch error {
        case let known as ConsoleFailure: failure = known
        case let charter as CharterError: failure = ConsoleFailure(charter)
        default: failure = ConsoleFailure(.internalServerError, "\(error)")
        }
        let body: HTML = """
            <h1>\(failure.title(language))</h1>
            <p class="error-message">\(failure.message)</p>
            \(HTML.when(failure.hint != nil, "<p class=\"hint\">\(failure.hint ?? "")</p>"))
            <p><a href="/">\(t("Retour à la charte", "Back to the charter"))</a></p>
            """
        return Reply(status: failure.status, title: failure.title(language), body: body, json: failure.json)
    }
}

/// The session cookie.
enum SessionCookie {
    static let name = "charter_session"

    static func make(_ value: String, maxAge: Int = 12 * 3600) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", httpOnly: true, sameSite: .strict)
    }
}

/// A refusal or a failure, with its HTTP status.
struct ConsoleFailure: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    var hint: String?
    var code: String

    init(_ status: HTTPResponse.Status, _ message: String, hint: String? = nil, code: String? = nil) {
        self.status = status
        self.message = message
        self.hint = hint
        self.code = code ?? ConsoleFailure.code(for: status)
    }

    init(_ error: CharterError) {
        let status: HTTPResponse.Status
        switch error.code {
        case .unknownClause, .unknownWorkshop, .unknownAmendment, .unknownComment, .unknownRevision, .noCharter, .noDeliberation:
            status = .notFound
        case .invalidID: status = .badRequest
        case .workshopClosed, .amendmentClosed, .alreadyExists, .amendmentConflict: status = .conflict
        case .badInput, .reasonRequired, .quoteNotFound, .unknownTerritory, .emptyTitle, .missingField, .invalidField:
            status = .unprocessableContent
        default: status = .internalServerError
        }
        self.init(status, error.message, hint: error.hint, code: error.code.rawValue)
        if let file = error.file { message = "\(file)\(error.line.map { ":\($0)" } ?? ""): \(message)" }
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: return "bad-request"
        case 401: return "no-session"
        case 403: return "forbidden"
        case 404: return "not-found"
        case 413: return "too-large"
        case 415: return "unsupported-media-type"
        default: return "error"
        }
    }

    func title(_ language: Language) -> String {
        let french = language == .fr
        switch status.code {
        case 400: return french ? "Requête invalide" : "Bad request"
        case 401: return french ? "Connexion requise" : "Sign-in required"
        case 403: return french ? "Refusé" : "Forbidden"
        case 404: return french ? "Introuvable" : "Not found"
        case 409: return french ? "Conflit" : "Conflict"
        case 413: return french ? "Requête trop volumineuse" : "Request too large"
        case 422: return french ? "Saisie refusée" : "Input refused"
        default: return french ? "Erreur" : "Error"
        }
    }

    struct Body: Codable, Sendable {
        var status: Int
        var code: String
        var message: String
        var hint: String?
    }

    var json: ErrorJSON { ErrorJSON(error: Body(status: status.code, code: code, message: message, hint: hint)) }

    struct ErrorJSON: Codable, Sendable { var error: Body }
}

/// One request as the pages see it.
struct Exchange: Sendable {
    let console: WebConsole
    let request: Request
    let parameters: Parameters
    var session: SessionStore.Session?
    var form = FormData()

    init(console: WebConsole, request: Request, parameters: Parameters) {
        self.console = console
        self.request = request
        self.parameters = parameters
    }

    var wantsJSON: Bool {
        let accept = request.headers[.accept]?.lowercased() ?? ""
        return accept.contains("application/json")
    }

    var query: FormData { FormData(urlEncoded: request.uri.query ?? "") }

    /// A path parameter checked as an id (`[a-z0-9-]+`): 400 otherwise.
    func id(_ name: String) throws -> String {
        let value = FormData.decode((parameters.get(name) ?? "")[...])
        guard Identifiers.isID(value) else {
            throw ConsoleFailure(.badRequest, console.t("Identifiant invalide : « \(value.prefix(60)) ».", "Invalid id: “\(value.prefix(60))”."),
                                 hint: console.t("Les identifiants sont faits de minuscules, de chiffres et de tirets.",
                                                 "Ids are lower-case letters, digits and dashes."), code: "invalid-id")
        }
        return value
    }

    /// A query or form value checked as a revision name; nil when absent: 400 when malformed.
    func revision(_ value: String?) throws -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard Identifiers.isRevision(value) else {
            throw ConsoleFailure(.badRequest, console.t("Révision invalide : « \(value.prefix(60)) ».", "Invalid revision: “\(value.prefix(60))”."),
                                 code: "invalid-revision")
        }
        return value
    }

    /// A query or form value checked as an id; nil when absent: 400 when malformed.
    func optionalID(_ value: String?) throws -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard Identifiers.isID(value) else {
            throw ConsoleFailure(.badRequest, console.t("Identifiant invalide : « \(value.prefix(60)) ».", "Invalid id: “\(value.prefix(60))”."),
                                 code: "invalid-id")
        }
        return value
    }

    /// The facilitator signed in, nil when nobody is (or when they were removed from the roster).
    func facilitator() throws -> Facilitator? {
        guard let session else { return nil }
        return try console.repository.facilitatorRoster().facilitator(session.facilitator)
    }

    /// A write: a session (401 otherwise) of a facilitator still in the roster, and the
    /// session's CSRF token in the form or the `X-CSRF-Token` header (403 otherwise).
    func writer() throws -> Facilitator {
        guard let session else {
            throw ConsoleFailure(.unauthorized, console.t("Enregistrer demande une session d’animateur.", "Recording needs a facilitator session."),
                                 hint: console.t("Ouvrez le lien de connexion affiché par `charter serve`.",
                                                 "Open the sign-in link `charter serve` printed."))
        }
        let sent = form["csrf"] ?? request.headers[.init("X-CSRF-Token")!] ?? ""
        guard SessionStore.constantTimeEqual(sent, session.csrf) else {
            throw ConsoleFailure(.forbidden, console.t("Jeton CSRF absent ou invalide : rechargez la page et recommencez.",
                                                       "Missing or invalid CSRF token: reload the page and try again."), code: "bad-csrf")
        }
        guard let facilitator = try facilitator() else {
            throw ConsoleFailure(.forbidden, console.t("Cet animateur n’est plus dans la liste des animateurs.",
                                                       "This facilitator is no longer in the facilitators’ list."))
        }
        return facilitator
    }

    /// Refuses (403) a territory the facilitator may not record for.
    func require(_ facilitator: Facilitator, mayRecordFor territory: String) throws {
        guard facilitator.mayRecord(for: territory) else {
            throw ConsoleFailure(.forbidden, console.t("\(facilitator.name) ne peut pas enregistrer pour le territoire « \(territory) ».",
                                                       "\(facilitator.name) may not record for territory “\(territory)”."),
                                 hint: console.t("Territoires autorisés : \(facilitator.territories.joined(separator: ", ")).",
                                                 "Allowed territories: \(facilitator.territories.joined(separator: ", "))."),
                                 code: "wrong-territory")
        }
    }
}

/// What a page answers: HTML, or the same value as JSON when asked with `Accept: application/json`.
struct Reply: Sendable {
    var status: HTTPResponse.Status = .ok
    var title: String = ""
    var body: HTML = .empty
    var json: (any Encodable & Sendable)?
    var redirect: String?
    var cookies: [Cookie] = []
    var raw: (data: String, type: String)?

    static func asset(_ text: String, type: String) -> Reply {
        Reply(raw: (text, type))
    }

    func response(for exchange: Exchange) -> Response {
        var headers = HTTPFields()
        SecurityHeaders.apply(to: &headers)
        var response: Response
        if exchange.wantsJSON, let json {
            headers[.contentType] = "application/json; charset=utf-8"
            let text = (try? JSONText.string(json)) ?? "{}"
            response = Response(status: redirect != nil && status == .ok ? .created : status, headers: headers,
                                body: .init(byteBuffer: ByteBuffer(string: text)))
        } else if let raw {
            headers[.contentType] = raw.type
            response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: raw.data)))
        } else if let redirect {
            headers[.location] = redirect
            response = Response(status: .seeOther, headers: headers)
        } else {
            headers[.contentType] = "text/html; charset=utf-8"
            let page = Layout.page(title: title, body: body, exchange: exchange)
            response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.rendered)))
        }
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}

enum JSONText {
    static func string(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

enum SecurityHeaders {
    /// No script but the console's own, no inline script, no framing, no referrer (the sign-in
    /// link holds a token), nothing fetched from elsewhere.
    static let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static func apply(to headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = policy
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.cacheControl] = "no-store"
    }
}

/// Checks every request before the routes: the `Host` header (against DNS rebinding), the
/// `Origin` of writes, and turns unknown paths into the console's 404 page.
struct GuardMiddleware: RouterMiddleware {
    let console: WebConsole

    func handle(_ request: Request, context: BasicRequestContext,
                next: (Request, BasicRequestContext) async throws -> Response) async throws -> Response {
        let exchange = Exchange(console: console, request: request, parameters: context.parameters)
        if let allowed = console.options.allowedHosts, let host = request.head.authority {
            guard allowed.contains(GuardMiddleware.hostName(host)) else {
                return console.failure(ConsoleFailure(.forbidden, console.t("Hôte non autorisé : \(host).", "Host not allowed: \(host)."),
                                                      code: "bad-host")).response(for: exchange)
            }
        }
        if request.method == .post, let origin = request.headers[.origin], origin != "null" {
            let host = request.head.authority ?? ""
            let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
            guard originHost == host else {
                return console.failure(ConsoleFailure(.forbidden, console.t("Origine refusée : \(origin).", "Origin refused: \(origin)."),
                                                      code: "bad-origin")).response(for: exchange)
            }
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return console.failure(ConsoleFailure(.notFound, console.t("Cette page n’existe pas.", "There is no such page.")))
                .response(for: exchange)
        }
    }

    /// `127.0.0.1:8080` → `127.0.0.1`, `[::1]:8080` → `[::1]`.
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[...close])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }
}
