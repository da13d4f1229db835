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
            throw ConsoleFailure(.badRequest, t("Lien de connexion invalide.", "Invalid sign-in link."), code: "invalid-token")
        }
        guard let id = sessions.facilitator(forToken: token), let facilitator = try repository.facilitatorRoster().facilitator(id) else {
            throw ConsoleFailure(.forbidden, t("Ce lien de connexion a déjà servi ou n’est plus valable.", "This sign-in link was used already or has expired."),
                                 hint: t("Relancez `charter serve` pour obtenir un nouveau lien.", "Restart `charter serve` for a new link."),
                                 code: "used-token")
        }
        let body: HTML = """
            <h1>\(t("Connexion", "Sign in"))</h1>
            <p>\(t("Vous allez vous connecter en tant que", "You are signing in as")) <strong>\(facilitator.name)</strong> \
            (\(t("territoires", "territories")) : \(facilitator.territories.joined(separator: ", "))).</p>
            <form method="post" action="/signin" class="signin-form">
            <input type="hidden" name="token" value="\(token)">
            <button type="submit" id="sign-in">\(t("Se connecter", "Sign in"))</button>
            </form>
            <p class="muted">\(t("Ce lien ne sert qu’une fois.", "This link works once."))</p>
            """
        return Reply(title: t("Connexion", "Sign in"), body: body,
                     json: SignInValue(facilitator: facilitator.id, name: facilitator.name, territories: facilitator.territories))
    }

    /// `POST /signin`: spends the one-time token and opens a session (HttpOnly cookie).
    func postSignIn(_ exchange: Exchange) throws -> Reply {
        let token = exchange.form["token"] ?? ""
        guard SignInToken.isWellFormed(token), let session = sessions.redeem(token),
              let facilitator = try repository.facilitatorRoster().facilitator(session.facilitator) else {
            throw ConsoleFailure(.forbidden, t("Ce lien de connexion a déjà servi ou n’est plus valable.", "This sign-in link was used already or has expired."),
                                 code: "used-token")
        }
        if let previous = exchange.session { sessions.end(previous.id) }
        return Reply(json: SignInValue(facilitator: facilitator.id, name: facilitator.name, territories: facilitator.territories),
                     redirect: "/workshops", cookies: [SessionCookie.make(session.id)])
    }

    /// `POST /signout`: ends the session.
    func postSignOut(_ exchange: Exchange) throws -> Reply {
        if let session = exchange.session {
            guard SessionStore.constantTimeEqual(exchange.form["csrf"] ?? "", session.csrf) else {
                throw ConsoleFailure(.forbidden, t("Jeton CSRF absent ou invalide.", "Missing or invalid CSRF token."), code: "bad-csrf")
            }
            sessions.end(session.id)
        }
        return Reply(json: RecordedJSON(recorded: []), redirect: "/", cookies: [SessionCookie.make("", maxAge: 0)])
    }

    /// A sign-in link for each facilitator of the roster, for `charter serve` to print.
    public func signInLinks(base: String) throws -> [(facilitator: Facilitator, url: String)] {
        try repository.facilitatorRoster().facilitators.map { facilitator in
            (facilitator, "\(base)/signin/\(sessions.issueSignInToken(for: facilitator.id))")
        }
    }
}

enum SignInToken {
    static func isWellFormed(_ token: String) -> Bool {
        token.count == 64 && token.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
