import CharterKit
import Foundation
import Hummingbird

extension WebConsole {
    struct InvitationsValue: Codable, Sendable {
        var invitations: [InvitationJSON]
    }

    /// An invitation as pages show it: never its secret, nor the secret's digest.
    struct InvitationJSON: Codable, Sendable {
        var id: String
        var name: String
        var email: String?
        var territory: String
        var invitedBy: String
        var created: Date
        var expires: Date
        var revoked: Date?
        var valid: Bool
        /// The link, only in the answer that made it.
        var link: String?

        init(_ invitation: Invitation, link: String? = nil) {
            id = invitation.id
            name = invitation.name
            email = invitation.email
            territory = invitation.territory
            invitedBy = invitation.invitedBy
            created = invitation.created
            expires = invitation.expires
            revoked = invitation.revoked
            valid = invitation.isValid(at: Date())
            self.link = link
        }
    }

    /// The longest an invitation may last, in days.
    static let invitationDays = 1...90

    /// `/invitations`: for facilitators, the representatives invited to record for a territory,
    /// and the form inviting one (a link per person, one territory, an expiry).
    func invitationsPage(_ exchange: Exchange, created: (Invitation, String)? = nil, typed: FormData? = nil,
                         problem: String? = nil, status: HTTPResponse.Status = .ok) throws -> Reply {
        guard let session = exchange.session, !session.isRepresentative, let facilitator = try exchange.facilitator() else {
            throw ConsoleFailure(exchange.session == nil ? .unauthorized : .forbidden, say("console.error.facilitators-only"))
        }
        let charter = try repository.charter(.revision("HEAD"))
        func name(_ territory: String) -> String { charter.manifest.territory(territory)?.name ?? territory }
        let now = Date()
        let invitations = sessions.invitations.sorted { $0.created > $1.created }
        let rows: [HTML] = invitations.map { invitation in
            let state = invitation.revoked != nil ? say("console.invitation.revoked")
                : invitation.isValid(at: now) ? say("console.invitation.valid-until", ["day": day(invitation.expires)])
                : say("console.invitation.expired")
            let revoke: HTML = invitation.isValid(at: now) && facilitator.mayRecord(for: invitation.territory) ? """
                <form method="post" action="/invitations/\(invitation.id)/revoke" class="inline">\
                <input type="hidden" name="csrf" value="\(session.csrf)">\
                <button type="submit" class="secondary" aria-label="\(say("console.invitation.revoke-of", ["name": invitation.name]))">\(say("console.invitation.revoke"))</button></form>
                """ : .empty
            return """
                <tr data-invitation="\(invitation.id)"><td>\(invitation.name)\(invitation.email.map { "<br><span class=\"muted\">\($0)</span>" as HTML })</td>\
                <td>\(name(invitation.territory))</td><td>\(state)</td><td>\(revoke)</td></tr>
                """
        }
        var createdBlock: HTML = .empty
        if let created {
            let (invitation, link) = created
            createdBlock = """
                <div class="notice" role="status" id="new-invitation"><p>\(say("console.invitation.created", ["name": invitation.name, "territory": name(invitation.territory), "day": day(invitation.expires)]))</p>
                <p><label for="invitation-link">\(say("console.invitation.link"))</label>
                <input type="text" id="invitation-link" class="link-box" readonly value="\(link)"></p>
                <p class="muted">\(say("console.invitation.link-once"))</p></div>
                """
        }
        let territories: [HTML] = facilitator.territories.map { id in
            "<option value=\"\(id)\"\(HTML.flag("selected", typed?["territory"] == id))>\(name(id))</option>"
        }
        let body: HTML = """
            <h1>\(say("console.invitation.title"))</h1>
            <p class="muted">\(say("console.invitation.help"))</p>
            \(createdBlock)
            \(HTML.choose(rows.isEmpty, "<p class=\"muted\">\(say("console.invitation.none"))</p>", """
            <table class="data invitations"><thead><tr><th scope="col">\(say("console.invitation.person"))</th><th scope="col">\(say("console.field.territory"))</th>\
            <th scope="col">\(say("console.workshop.state"))</th><th scope="col"><span class="visually-hidden">\(say("console.invitation.actions"))</span></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """))
            <h2>\(say("console.invitation.new"))</h2>
            \(problem.map { "<p class=\"problem\" role=\"alert\" tabindex=\"-1\" id=\"invitation-problem\">\($0)</p>" as HTML })
            <form method="post" action="/invitations" class="stack invitation-form">
            <input type="hidden" name="csrf" value="\(session.csrf)">
            <input type="hidden" name="form-key" value="\(SessionStore.randomHex(bytes: 16))">
            <label for="invite-name">\(say("console.invitation.name"))</label>\
            <input type="text" id="invite-name" name="name" required maxlength="120" value="\(typed?["name"] ?? "")">
            <label for="invite-email">\(say("console.invitation.email"))</label>\
            <input type="email" id="invite-email" name="email" maxlength="200" value="\(typed?["email"] ?? "")">
            <label for="invite-territory">\(say("console.field.territory"))</label>\
            <select id="invite-territory" name="territory">\(territories)</select>
            <label for="invite-days">\(say("console.invitation.days"))</label>\
            <input type="number" id="invite-days" name="days" min="\(WebConsole.invitationDays.lowerBound)" max="\(WebConsole.invitationDays.upperBound)" \
            value="\(typed?["days"] ?? "14")" required>
            <button type="submit" id="invite">\(say("console.invitation.invite"))</button>
            </form>
            """
        return Reply(status: status, title: say("console.invitation.title"), body: body,
                     json: InvitationsValue(invitations: invitations.map { InvitationJSON($0) }))
    }

    /// `POST /invitations`: invites a representative; the answer shows their link, once. The
    /// same form sent again (a reload) shows the same invitation, not a second one.
    func postInvitation(_ exchange: Exchange) throws -> Reply {
        let facilitator = try exchange.facilitatorWriter()
        let form = exchange.form
        let formKey = form.text("form-key").flatMap { CharterRepository.isFormKey($0) ? $0 : nil }
        if let formKey, let earlier = invitationForms.withLock({ $0[formKey] }), let invitation = sessions.invitation(earlier.id) {
            var reply = try invitationsPage(exchange, created: (invitation, earlier.link))
            reply.json = InvitationJSON(invitation, link: earlier.link)
            return reply
        }
        do {
            guard let name = form.text("name"), name.count <= 120 else { throw FieldProblem(field: "name", message: say("console.invitation.name-needed")) }
            let email = form.text("email")
            if let email, email.count > 200 || !email.contains("@") || email.contains(where: { $0 == "<" || $0 == ">" || $0.isNewline }) {
                throw FieldProblem(field: "email", message: say("console.invitation.email-invalid"))
            }
            guard let territory = try exchange.optionalID(form["territory"]) else {
                throw FieldProblem(field: "territory", message: say("console.field.choose-territory"))
            }
            try exchange.require(facilitator, mayRecordFor: territory)
            guard let days = form.text("days").flatMap({ Int($0) }), WebConsole.invitationDays.contains(days) else {
                throw FieldProblem(field: "days", message: say("console.invitation.days-invalid", ["max": String(WebConsole.invitationDays.upperBound)]))
            }
            let (invitation, token) = try sessions.invite(name: name, email: email, territory: territory,
                                                         lifetime: TimeInterval(days) * 86_400, by: facilitator.id)
            let link = "\(publicBase(exchange))/join/\(token)"
            if let formKey { invitationForms.withLock { $0[formKey] = (invitation.id, link) } }
            var reply = try invitationsPage(exchange, created: (invitation, link), status: .created)
            reply.json = InvitationJSON(invitation, link: link)
            return reply
        } catch let failure as ConsoleFailure where failure.status == .forbidden || failure.status == .badRequest {
            throw failure
        } catch {
            let refusal = self.failure(error)
            var reply = try invitationsPage(exchange, typed: form, problem: errorText(error), status: .unprocessableContent)
            reply.json = refusal.json
            return reply
        }
    }

    /// `POST /invitations/ID/revoke`: the link stops working, the sessions it opened end.
    func postRevocation(_ exchange: Exchange) throws -> Reply {
        let id = try exchange.id("invitation")
        let facilitator = try exchange.facilitatorWriter()
        guard let invitation = sessions.invitation(id) else { throw ConsoleFailure(.notFound, say("console.invitation.unknown")) }
        try exchange.require(facilitator, mayRecordFor: invitation.territory)
        _ = try sessions.revoke(id)
        return Reply(json: InvitationJSON(sessions.invitation(id) ?? invitation), redirect: "/invitations")
    }

    /// `GET /join/TOKEN`: says who the link is for, with the button that opens their session.
    func joinPage(_ exchange: Exchange) throws -> Reply {
        let token = exchange.parameters.get("token") ?? ""
        guard SessionStore.isWellFormed(token), let invitation = sessions.invitation(forToken: token) else {
            throw ConsoleFailure(.forbidden, say("console.invitation.link-invalid"), hint: say("console.invitation.link-invalid-hint"), code: "invalid-invitation")
        }
        let territory = (try? repository.charter(.revision("HEAD")).manifest.territory(invitation.territory)?.name) ?? invitation.territory
        let body: HTML = """
            <h1>\(say("console.join.title"))</h1>
            <p>\(say("console.join.text", ["name": invitation.name, "territory": territory, "day": day(invitation.expires)]))</p>
            <form method="post" action="/join" class="join-form">
            <input type="hidden" name="token" value="\(token)">
            <button type="submit" id="join">\(say("console.join.button"))</button>
            </form>
            """
        return Reply(title: say("console.join.title"), body: body, json: InvitationJSON(invitation))
    }

    /// `POST /join`: opens the representative's session and takes them to their workshop.
    func postJoin(_ exchange: Exchange) throws -> Reply {
        let token = exchange.form["token"] ?? ""
        guard SessionStore.isWellFormed(token), let session = try sessions.redeemInvitation(token),
              let invitation = session.invitation.flatMap({ sessions.invitation($0) }) else {
            throw ConsoleFailure(.forbidden, say("console.invitation.link-invalid"), hint: say("console.invitation.link-invalid-hint"), code: "invalid-invitation")
        }
        if let previous = exchange.session { try sessions.end(previous.id) }
        let open = try repository.deliberationStore().load().workshopList.filter { $0.isOpen && $0.territories.contains(invitation.territory) }
        let target = open.count == 1 ? "/workshops/\(open[0].id)" : "/workshops"
        return Reply(json: InvitationJSON(invitation), redirect: target, cookies: [sessionCookie(session.id)])
    }

    /// Where people reach the console: `--base-url`, else what the request says (the proxy's
    /// `X-Forwarded-Proto` and `X-Forwarded-Host` when trusted).
    func publicBase(_ exchange: Exchange) -> String {
        if let base = options.baseURL { return base }
        let host = GuardMiddleware.requestedHost(exchange.request, options: options) ?? "127.0.0.1"
        let proto = options.trustProxyHeaders ? exchange.request.headers[.init("X-Forwarded-Proto")!]?.split(separator: ",").first
            .map { $0.trimmingCharacters(in: .whitespaces) } : nil
        return "\(proto == "https" ? "https" : "http")://\(host)"
    }
}
