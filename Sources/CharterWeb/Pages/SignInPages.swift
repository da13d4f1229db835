import CharterKit
import Foundation

extension WebConsole {
    struct SignInValue: Codable, Sendable {
        var facilitator: String
        var name: String
        var territories: [String]
    }

    /// `GET /signin/TOKEN`: says who the link signs in, with the button that does it. The token
    /// is used by the POST only, so a link preview or a prefetch cannot spend it.
    func signInPage(_ exchange: Exchange) throws -> Reply {
        let token = exchange.parameters.get("token") ?? ""
        guard SignInToken.isWellFormed(token) else {
            throw ConsoleFailure(.badRequest, say("console.signin.invalid"), code: "invalid-token")
        }
        guard let id = sessions.facilitator(forToken: token), let facilitator = try repository.facilitatorRoster().facilitator(id) else {
            throw ConsoleFailure(.forbidden, say("console.signin.used"), hint: say("console.signin.used-hint"), code: "used-token")
        }
        let names = territoryNames(facilitator.territories)
        let body: HTML = """
            <h1>\(say("console.signin.title"))</h1>
            <p>\(say("console.signin.as")) <strong>\(facilitator.name)</strong> (\(say("console.signin.territories", ["territories": names])))</p>
            <form method="post" action="/signin" class="signin-form">
            <input type="hidden" name="token" value="\(token)">
            <button type="submit" id="sign-in">\(say("console.signin.button"))</button>
            </form>
            <p class="muted">\(say("console.signin.once"))</p>
            """
        return Reply(title: say("console.signin.title"), body: body,
                     json: SignInValue(facilitator: facilitator.id, name: facilitator.name, territories: facilitator.territories))
    }

    /// Territory names, as people read them: « Vallée de la Sorgeac, Haut-Verdal ».
    func territoryNames(_ ids: [String]) -> String {
        let manifest = try? repository.charter(.revision("HEAD")).manifest
        return ids.map { manifest?.territory($0)?.name ?? $0 }.joined(separator: ", ")
    }

    /// `POST /signin`: spends the one-time token and opens a session (HttpOnly cookie).
    func postSignIn(_ exchange: Exchange) throws -> Reply {
        let token = exchange.form["token"] ?? ""
        guard SignInToken.isWellFormed(token), let session = try sessions.redeem(token),
              let facilitator = try repository.facilitatorRoster().facilitator(session.facilitator) else {
            throw ConsoleFailure(.forbidden, say("console.signin.used"), hint: say("console.signin.used-hint"), code: "used-token")
        }
        if let previous = exchange.session { try sessions.end(previous.id) }
        return Reply(json: SignInValue(facilitator: facilitator.id, name: facilitator.name, territories: facilitator.territories),
                     redirect: "/workshops", cookies: [sessionCookie(session.id)])
    }

    /// `POST /signout`: ends the session.
    func postSignOut(_ exchange: Exchange) throws -> Reply {
        if let session = exchange.session {
            guard SessionStore.constantTimeEqual(exchange.form["csrf"] ?? "", session.csrf) else {
                throw ConsoleFailure(.forbidden, say("console.error.bad-csrf"), code: "bad-csrf")
            }
            try sessions.end(session.id)
        }
        return Reply(json: RecordedJSON(recorded: []), redirect: "/", cookies: [sessionCookie("", maxAge: 0)])
    }

    /// A sign-in link for each facilitator of the roster, for `charter serve` to print.
    public func signInLinks(base: String) throws -> [(facilitator: Facilitator, url: String)] {
        try repository.facilitatorRoster().facilitators.map { facilitator in
            (facilitator, "\(base)/signin/\(try sessions.issueSignInToken(for: facilitator.id))")
        }
    }
}

enum SignInToken {
    static func isWellFormed(_ token: String) -> Bool {
        token.count == 64 && token.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
