import CharterKit
import Crypto
import Foundation
import Synchronization

/// Sign-in links, sessions and invitations. Given a repository, they are kept in
/// `.git/charter/console-access.json` (as SHA-256 digests of their secrets only), so a restart
/// signs nobody out and keeps every invitation; without one (tests), in memory only.
///
/// A facilitator's sign-in token is printed by `charter serve` and works once. An invitation's
/// link works for one representative and one territory until it expires or is revoked. Using
/// either opens a session, named by a random id kept in an HttpOnly, SameSite=Strict cookie;
/// each session's CSRF token is derived from its id (never stored), and every form carries it back.
public final class SessionStore: Sendable {
    public struct Session: Hashable, Sendable {
        public var id: String
        /// The facilitator's id in the roster (`.git/charter/facilitators.json`), for a facilitator.
        public var facilitator: String
        /// The invitation, for a territory's representative.
        public var invitation: String?
        public var csrf: String
        public var lastSeen: Date

        public var isRepresentative: Bool { invitation != nil }
    }

    private let state: Mutex<ConsoleAccess>
    private let repository: CharterRepository?
    /// How long a sign-in link and an idle session stay valid.
    public let tokenLifetime: TimeInterval
    public let idleLifetime: TimeInterval
    /// A session's last use is written to the file when it moved by this much (not on every request).
    static let touchInterval: TimeInterval = 300

    private init(access: ConsoleAccess, repository: CharterRepository?, tokenLifetime: TimeInterval, idleLifetime: TimeInterval) {
        self.repository = repository
        self.tokenLifetime = tokenLifetime
        self.idleLifetime = idleLifetime
        state = Mutex(access)
    }

    /// A store kept in the repository's `.git/charter/console-access.json`.
    public convenience init(repository: CharterRepository, tokenLifetime: TimeInterval = 24 * 3600,
                            idleLifetime: TimeInterval = 12 * 3600) throws {
        self.init(access: try repository.consoleAccess(), repository: repository, tokenLifetime: tokenLifetime, idleLifetime: idleLifetime)
    }

    /// An in-memory store: nothing survives the process.
    public convenience init(tokenLifetime: TimeInterval = 24 * 3600, idleLifetime: TimeInterval = 12 * 3600) {
        self.init(access: ConsoleAccess(), repository: nil, tokenLifetime: tokenLifetime, idleLifetime: idleLifetime)
    }

    /// Runs `change` on the state and writes the file when it changed something.
    private func update<T: Sendable>(_ change: (inout ConsoleAccess) throws -> T) throws -> T {
        try state.withLock { access in
            var copy = access
            let result = try change(&copy)
            if copy != access {
                if let repository { try repository.saveConsoleAccess(copy) }
                access = copy
            }
            return result
        }
    }

    // MARK: Facilitators' links

    /// A new one-time sign-in token for the facilitator.
    public func issueSignInToken(for facilitator: String, now: Date = Date()) throws -> String {
        let token = SessionStore.randomHex(bytes: 32)
        try update { access in
            access.signInLinks.removeAll { now.timeIntervalSince($0.issued) >= tokenLifetime }
            access.signInLinks.append(.init(digest: SessionStore.digest(token), facilitator: facilitator, issued: now))
            access.signInLinks.sort { $0.digest < $1.digest }
        }
        return token
    }

    /// Whether the token is valid, without using it.
    public func facilitator(forToken token: String, now: Date = Date()) -> String? {
        let digest = SessionStore.digest(token)
        return state.withLock { access in
            access.signInLinks.first { $0.digest == digest && now.timeIntervalSince($0.issued) < tokenLifetime }?.facilitator
        }
    }

    /// Uses the token (it works once) and opens a session.
    public func redeem(_ token: String, now: Date = Date()) throws -> Session? {
        let digest = SessionStore.digest(token)
        return try update { access in
            guard let index = access.signInLinks.firstIndex(where: { $0.digest == digest }) else { return nil }
            let link = access.signInLinks.remove(at: index)
            guard now.timeIntervalSince(link.issued) < tokenLifetime else { return nil }
            return openSession(&access, facilitator: link.facilitator, invitation: nil, now: now)
        }
    }

    private func openSession(_ access: inout ConsoleAccess, facilitator: String?, invitation: String?, now: Date) -> Session {
        let id = SessionStore.randomHex(bytes: 32)
        access.sessions.removeAll { now.timeIntervalSince($0.lastSeen) >= idleLifetime }
        access.sessions.append(.init(digest: SessionStore.digest(id), facilitator: facilitator, invitation: invitation, lastSeen: now))
        access.sessions.sort { $0.digest < $1.digest }
        return Session(id: id, facilitator: facilitator ?? "", invitation: invitation, csrf: SessionStore.csrf(for: id), lastSeen: now)
    }

    /// The live session with this id (its idle time restarts); nil when unknown, idle too long,
    /// or opened by an invitation since revoked or expired.
    public func session(_ id: String, now: Date = Date()) -> Session? {
        guard SessionStore.isWellFormed(id) else { return nil }
        let digest = SessionStore.digest(id)
        let found: ConsoleAccess.Session? = state.withLock { access in
            guard let index = access.sessions.firstIndex(where: { $0.digest == digest }) else { return nil }
            return access.sessions[index]
        }
        guard var stored = found else { return nil }
        let invitationValid = stored.invitation.map { id in
            state.withLock { access in access.invitations.first { $0.id == id }?.isValid(at: now) ?? false }
        } ?? true
        guard now.timeIntervalSince(stored.lastSeen) < idleLifetime, invitationValid else {
            try? update { $0.sessions.removeAll { $0.digest == digest } }
            return nil
        }
        if now.timeIntervalSince(stored.lastSeen) >= SessionStore.touchInterval {
            stored.lastSeen = now
            try? update { access in
                if let index = access.sessions.firstIndex(where: { $0.digest == digest }) { access.sessions[index].lastSeen = now }
            }
        }
        return Session(id: id, facilitator: stored.facilitator ?? "", invitation: stored.invitation, csrf: SessionStore.csrf(for: id),
                       lastSeen: stored.lastSeen)
    }

    public func end(_ id: String) throws {
        let digest = SessionStore.digest(id)
        try update { $0.sessions.removeAll { $0.digest == digest } }
    }

    // MARK: Representatives' invitations

    /// Invites a representative: returns the invitation and the secret of its link (shown once).
    public func invite(name: String, email: String?, territory: String, lifetime: TimeInterval, by facilitator: String,
                       now: Date = Date()) throws -> (invitation: Invitation, token: String) {
        let token = SessionStore.randomHex(bytes: 32)
        let invitation = Invitation(id: SessionStore.randomHex(bytes: 8), name: name, email: email, territory: territory,
                                    digest: SessionStore.digest(token), invitedBy: facilitator, created: now,
                                    expires: now.addingTimeInterval(lifetime))
        try update { $0.invitations.append(invitation) }
        return (invitation, token)
    }

    public var invitations: [Invitation] { state.withLock { $0.invitations } }

    /// The invitation this link's secret belongs to, valid now.
    public func invitation(forToken token: String, now: Date = Date()) -> Invitation? {
        let digest = SessionStore.digest(token)
        return state.withLock { access in access.invitations.first { $0.digest == digest && $0.isValid(at: now) } }
    }

    /// Opens a representative's session from their link (which keeps working until it expires).
    public func redeemInvitation(_ token: String, now: Date = Date()) throws -> Session? {
        guard let invitation = invitation(forToken: token, now: now) else { return nil }
        return try update { openSession(&$0, facilitator: nil, invitation: invitation.id, now: now) }
    }

    /// Revokes an invitation: its link stops working and its sessions end. False when unknown.
    public func revoke(_ id: String, now: Date = Date()) throws -> Bool {
        try update { access in
            guard let index = access.invitations.firstIndex(where: { $0.id == id }) else { return false }
            if access.invitations[index].revoked == nil { access.invitations[index].revoked = now }
            access.sessions.removeAll { $0.invitation == id }
            return true
        }
    }

    public func invitation(_ id: String) -> Invitation? {
        state.withLock { access in access.invitations.first { $0.id == id } }
    }

    // MARK: Secrets

    /// The SHA-256 of a secret, in hex: what the file keeps.
    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String($0, radix: 16).leftPadded(2, with: "0") }.joined()
    }

    /// A session's CSRF token: derived from its id, so it is never stored.
    static func csrf(for id: String) -> String { digest("charter-csrf:" + id) }

    static func isWellFormed(_ secret: String) -> Bool {
        secret.utf8.count == 64 && secret.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Cryptographically random bytes (the system's generator), as lower-case hex.
    static func randomHex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var hex = ""
        for _ in 0..<count {
            let byte = UInt8.random(in: 0...255, using: &generator)
            hex += String(byte, radix: 16).leftPadded(2, with: "0")
        }
        return hex
    }

    /// Compares two secrets in time independent of where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
