import CharterKit
import Foundation
import Hummingbird
import Logging
import Synchronization

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
    /// The largest grid form accepted, in bytes: a whole workshop's words typed at once.
    public var gridBodyLimit: Int
    /// The address people use (`https://charte.example.org`), when it is not the one the console
    /// listens on (behind a reverse proxy): links are made with it, and writes must come from it.
    public var baseURL: String?
    /// Whether `X-Forwarded-Host` and `X-Forwarded-Proto` from the proxy in front are believed.
    public var trustProxyHeaders: Bool
    /// Whether the session cookie is marked `Secure` (HTTPS only): on by default with an `https` base URL.
    public var secureCookies: Bool
    /// Where the « Exporter » page looks for Chromium and pandoc (the process's environment).
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    public init(language: Language = .fr, readRequiresSession: Bool = false, allowedHosts: Set<String>? = nil,
                bodyLimit: Int = 64 * 1024, gridBodyLimit: Int = 4 * 1024 * 1024, baseURL: String? = nil,
                trustProxyHeaders: Bool = false, secureCookies: Bool? = nil) {
        self.language = language
        self.readRequiresSession = readRequiresSession
        self.allowedHosts = allowedHosts
        self.bodyLimit = bodyLimit
        self.gridBodyLimit = gridBodyLimit
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.trustProxyHeaders = trustProxyHeaders
        self.secureCookies = secureCookies ?? (baseURL?.lowercased().hasPrefix("https://") ?? false)
    }

    /// `charte.example.org` from `https://charte.example.org:8443/`: the host a base URL names.
    public static func host(ofBaseURL url: String) -> String? {
        guard let start = url.range(of: "://") else { return nil }
        let rest = url[start.upperBound...]
        let authority = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return authority.isEmpty ? nil : authority
    }

    /// The options for a console bound to `host`: loopback names only and open reading on a
    /// loopback address; sessions for reading too on any other.
    ///
    /// Behind a reverse proxy (`baseURL`), every page needs a session, and the `Host` (or, when
    /// trusted, `X-Forwarded-Host`) must be the base URL's.
    public static func forBinding(host: String, language: Language, baseURL: String? = nil, trustProxyHeaders: Bool = false,
                                  secureCookies: Bool? = nil) -> ConsoleOptions {
        let loopback = ConsoleOptions.isLoopback(host)
        var allowed: Set<String>? = loopback ? ["127.0.0.1", "localhost", "[::1]", "::1"] : nil
        if let baseURL, let public_ = ConsoleOptions.host(ofBaseURL: baseURL) {
            allowed = (allowed ?? []).union([public_, GuardMiddleware.hostName(public_)])
        }
        return ConsoleOptions(language: language, readRequiresSession: !loopback || baseURL != nil, allowedHosts: allowed,
                              baseURL: baseURL, trustProxyHeaders: trustProxyHeaders, secureCookies: secureCookies)
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
    /// Rings on every save made through the console: projection views listening reload.
    let changes = ChangeSignal()
    /// Invitation forms already answered (their key → the invitation and its link), so a
    /// reload shows the same invitation rather than making a second.
    let invitationForms = Mutex<[String: (id: String, link: String)]>([:])

    public init(repository: CharterRepository, options: ConsoleOptions = ConsoleOptions(), sessions: SessionStore = SessionStore()) {
        self.repository = repository
        self.options = options
        self.sessions = sessions
    }

    var language: Language { options.language }

    /// The routes.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: GuardMiddleware(console: self))
        route(router, .get, "/") { try $0.console.charterPage($0) }
        route(router, .get, "/clauses/:clause") { try $0.console.clausePage($0) }
        route(router, .post, "/clauses/:clause/comments") { try $0.console.postClauseComment($0) }
        route(router, .post, "/comments/:comment/retract") { try $0.console.postRetraction($0) }
        route(router, .get, "/workshops") { try $0.console.workshopsPage($0) }
        route(router, .post, "/workshops") { try $0.console.postWorkshop($0) }
        route(router, .get, "/workshops/:workshop") { try $0.console.workshopPage($0) }
        route(router, .post, "/workshops/:workshop/grid", limit: options.gridBodyLimit) { try $0.console.postGrid($0) }
        route(router, .post, "/workshops/:workshop/close") { try $0.console.postWorkshopClosing($0) }
        route(router, .post, "/workshops/:workshop/reopen") { try $0.console.postWorkshopReopening($0) }
        route(router, .get, "/workshops/:workshop/projection/:clause") { try $0.console.projectionPage($0) }
        router.get("/workshops/:workshop/projection/:clause/events") { request, context in
            try await self.projectionEvents(request, context: context)
        }
        route(router, .get, "/invitations") { try $0.console.invitationsPage($0) }
        route(router, .post, "/invitations") { try $0.console.postInvitation($0) }
        route(router, .post, "/invitations/:invitation/revoke") { try $0.console.postRevocation($0) }
        route(router, .get, "/join/:token", public: true) { try $0.console.joinPage($0) }
        route(router, .post, "/join", public: true) { try $0.console.postJoin($0) }
        route(router, .get, "/status") { try $0.console.statusPage($0) }
        route(router, .get, "/status/heatmap.svg") { try $0.console.heatmapFigure($0) }
        route(router, .get, "/status/evolution.svg") { try $0.console.evolutionFigure($0) }
        route(router, .get, "/export") { try $0.console.exportPage($0) }
        route(router, .get, "/export/download") { try $0.console.exportDownload($0) }
        route(router, .get, "/amendments") { try $0.console.amendmentsPage($0) }
        route(router, .post, "/amendments") { try $0.console.postAmendment($0) }
        route(router, .get, "/amendments/:amendment") { try $0.console.amendmentPage($0) }
        route(router, .post, "/amendments/:amendment/positions") { try $0.console.postAmendmentPosition($0) }
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
                       limit: Int? = nil, _ handler: @escaping @Sendable (Exchange) throws -> Reply) {
        let limit = limit ?? options.bodyLimit
        let respond: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, context in
            var exchange = Exchange(console: self, request: request, parameters: context.parameters)
            do {
                exchange.session = self.currentSession(request)
                if self.options.readRequiresSession, !isPublic, exchange.session == nil {
                    throw ConsoleFailure(.unauthorized, self.say("console.error.sign-in-first"))
                }
                if method == .post { exchange.form = try await self.readForm(request, limit: limit) }
                return try handler(exchange).response(for: exchange)
            } catch {
                return self.failure(error, exchange: exchange).response(for: exchange)
            }
        }
        switch method {
        case .get: router.get(path, use: respond)
        case .post: router.post(path, use: respond)
        }
    }

    private func readForm(_ request: Request, limit: Int) async throws -> FormData {
        let tooLarge = ConsoleFailure(.contentTooLarge, say("console.error.too-large", ["size": String(limit / 1024)]),
                                      hint: say("console.error.too-large-hint"))
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            throw tooLarge
        }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") else {
            throw ConsoleFailure(.unsupportedMediaType, say("console.error.form-expected"))
        }
        if let field = FormData.invalidUTF8Field(body.readableBytesView) {
            throw ConsoleFailure(.badRequest, say("reliability.web.invalid-utf8", ["field": String(field.prefix(60))]), code: "invalid-utf8")
        }
        return FormData(urlEncoded: String(decoding: body.readableBytesView, as: UTF8.self))
    }

    func currentSession(_ request: Request) -> SessionStore.Session? {
        guard let id = request.cookies[SessionCookie.name]?.value else { return nil }
        return sessions.session(id)
    }

    /// The session cookie, `Secure` when the console is reached over HTTPS.
    func sessionCookie(_ value: String, maxAge: Int = 12 * 3600) -> Cookie {
        SessionCookie.make(value, maxAge: maxAge, secure: options.secureCookies)
    }

    /// An error as the page (or JSON) that says it, in the console's language, with a way back.
    func failure(_ error: any Error, exchange: Exchange? = nil) -> Reply {
        let failure: ConsoleFailure
        switch error {
        case let known as ConsoleFailure: failure = known
        case let charter as CharterError: failure = ConsoleFailure(charter, console: self)
        case let problem as FieldProblem: failure = ConsoleFailure(.unprocessableContent, problem.message)
        default: failure = ConsoleFailure(.internalServerError, errorText(error))
        }
        let title = say("console.status.\(failure.status.code)")
        let body: HTML = """
            <h1>\(title)</h1>
            <p class="error-message" role="alert">\(failure.message)</p>
            \(HTML.when(failure.hint != nil, "<p class=\"hint\">\(failure.hint ?? "")</p>"))
            <p><a href="/">\(say("console.error.back-to-charter"))</a></p>
            """
        return Reply(status: failure.status, title: title, body: body, json: failure.json)
    }
}

/// The session cookie.
enum SessionCookie {
    static let name = "charter_session"

    static func make(_ value: String, maxAge: Int = 12 * 3600, secure: Bool = false) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
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

    init(_ error: CharterError, console: WebConsole) {
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
        self.init(status, console.errorText(error), hint: error.hintWording.map { $0.text(in: console.language) }
                    ?? (console.language == .en ? error.hint : nil), code: error.code.rawValue)
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
            throw ConsoleFailure(.badRequest, console.say("console.error.invalid-id", ["value": String(value.prefix(60))]),
                                 hint: console.say("console.error.invalid-id-hint"), code: "invalid-id")
        }
        return value
    }

    /// A query or form value checked as a revision name; nil when absent: 400 when malformed.
    func revision(_ value: String?) throws -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard Identifiers.isRevision(value) else {
            throw ConsoleFailure(.badRequest, console.say("console.error.invalid-revision", ["value": String(value.prefix(60))]),
                                 code: "invalid-revision")
        }
        return value
    }

    /// A query or form value checked as an id; nil when absent: 400 when malformed.
    func optionalID(_ value: String?) throws -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard Identifiers.isID(value) else {
            throw ConsoleFailure(.badRequest, console.say("console.error.invalid-id", ["value": String(value.prefix(60))]),
                                 code: "invalid-id")
        }
        return value
    }

    /// Who is signed in, as someone who records: a facilitator of the roster, or a territory's
    /// representative through a valid invitation; nil when nobody is (or when they were removed
    /// from the roster, or their invitation revoked).
    func facilitator() throws -> Facilitator? {
        guard let session else { return nil }
        if let invitation = session.invitation {
            return console.sessions.invitation(invitation).flatMap { $0.isValid(at: Date()) ? $0.recorder : nil }
        }
        return try console.repository.facilitatorRoster().facilitator(session.facilitator)
    }

    /// A write: a session (401 otherwise) of someone still allowed to record, and the session's
    /// CSRF token in the form or the `X-CSRF-Token` header (403 otherwise).
    func writer() throws -> Facilitator {
        guard let session else {
            throw ConsoleFailure(.unauthorized, console.say("console.error.session-needed"), hint: console.say("console.error.session-needed-hint"))
        }
        let sent = form["csrf"] ?? request.headers[.init("X-CSRF-Token")!] ?? ""
        guard SessionStore.constantTimeEqual(sent, session.csrf) else {
            throw ConsoleFailure(.forbidden, console.say("console.error.bad-csrf"), code: "bad-csrf")
        }
        guard let facilitator = try facilitator() else {
            throw ConsoleFailure(.forbidden, console.say(session.isRepresentative ? "console.error.invitation-ended" : "console.error.not-in-roster"))
        }
        return facilitator
    }

    /// A facilitator's write (not a representative's): opening and closing workshops, inviting.
    func facilitatorWriter() throws -> Facilitator {
        let writer = try writer()
        guard session?.isRepresentative != true else {
            throw ConsoleFailure(.forbidden, console.say("console.error.facilitators-only"), code: "facilitators-only")
        }
        return writer
    }

    /// Refuses (403) a territory the person may not record for.
    func require(_ facilitator: Facilitator, mayRecordFor territory: String) throws {
        guard facilitator.mayRecord(for: territory) else {
            let names = (try? console.repository.charter(.revision("HEAD")).manifest) ?? nil
            func name(_ id: String) -> String { names?.territory(id)?.name ?? id }
            throw ConsoleFailure(.forbidden, console.say("console.error.wrong-territory", ["name": facilitator.name, "territory": name(territory)]),
                                 hint: console.say("console.error.wrong-territory-hint",
                                                   ["territories": facilitator.territories.map(name).joined(separator: ", ")]),
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
    /// A file the browser saves (`Content-Disposition: attachment`).
    var download: (data: Data, type: String, filename: String)?

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
        } else if let download {
            headers[.contentType] = download.type
            headers[.contentDisposition] = "attachment; filename=\"\(download.filename)\""
            response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: download.data)))
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
    static let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src 'self'; connect-src 'self'; "
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

    /// The host the browser asked for: `X-Forwarded-Host` from a trusted proxy, else `Host`.
    static func requestedHost(_ request: Request, options: ConsoleOptions) -> String? {
        if options.trustProxyHeaders, let forwarded = request.headers[.init("X-Forwarded-Host")!] {
            return forwarded.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return request.head.authority
    }

    func handle(_ request: Request, context: BasicRequestContext,
                next: (Request, BasicRequestContext) async throws -> Response) async throws -> Response {
        let exchange = Exchange(console: console, request: request, parameters: context.parameters)
        let host = GuardMiddleware.requestedHost(request, options: console.options)
        if let allowed = console.options.allowedHosts, let host {
            guard allowed.contains(host) || allowed.contains(GuardMiddleware.hostName(host)) else {
                return console.failure(ConsoleFailure(.forbidden, console.say("console.error.bad-host", ["host": host]),
                                                      code: "bad-host")).response(for: exchange)
            }
        }
        if request.method == .post, let origin = request.headers[.origin], origin != "null" {
            let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
            let expected = console.options.baseURL.map { $0.lowercased() }
            let fromBase = expected.map { origin.lowercased() == $0 || $0.hasPrefix(origin.lowercased() + "/") } ?? false
            guard originHost == (host ?? "") || fromBase else {
                return console.failure(ConsoleFailure(.forbidden, console.say("console.error.bad-origin", ["origin": origin]),
                                                      code: "bad-origin")).response(for: exchange)
            }
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return console.failure(ConsoleFailure(.notFound, console.say("console.error.no-such-page"))).response(for: exchange)
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
