import CharterKit
import Foundation
import Synchronization

/// Sign-in tokens and facilitator sessions, in memory only: a restart signs everyone out.
///
/// A sign-in token is printed by `charter serve` for one facilitator and works once. Using it
/// opens a session, named by a random id kept in an HttpOnly, SameSite=Strict cookie; each
/// session has its own CSRF token, which every form carries back.
public final class SessionStore: Sendable {
    public struct Session: Hashable, Sendable {
        public var id: String
        /// The facilitator's id in the roster (`.git/charter/facilitators.json`).
        public var facilitator: String
        public var csrf: String
        public var lastSeen: Date
    }

    private struct State {
        var tokens: [String: (facilitator: String, issued: Date)] = [:]
        var sessions: [String: Session] = [:]
    }

    private let state = Mutex(State())
    /// How long a sign-in link and an idle session stay valid.
    public let tokenLifetime: TimeInterval
    public let idleLifetime: TimeInterval

    public init(tokenLifetime: TimeInterval = 24 * 3600, idleLifetime: TimeInterval = 12 * 3600) {
        self.tokenLifetime = tokenLifetime
        self.idleLifetime = idleLifetime
    }

    /// A new one-time sign-in token for the facilitator.
    public func issueSignInToken(for facilitator: String, now: Date = Date()) -> String {
        let token = SessionStore.randomHex(bytes: 32)
        state.withLock { $0.tokens[token] = (facilitator, now) }
        return token
    }

    /// Whether the token is valid, without using it.
    public func facilitator(forToken token: String, now: Date = Date()) -> String? {
        state.withLock { state in
            guard let entry = state.tokens[token], now.timeIntervalSince(entry.issued) < tokenLifetime else { return nil }
            return entry.facilitator
        }
    }

    /// Uses the token (it works once) and opens a session.
    public func redeem(_ token: String, now: Date = Date()) -> Session? {
        state.withLock { state in
            guard let entry = state.tokens.removeValue(forKey: token), now.timeIntervalSince(entry.issued) < tokenLifetime else {
                return nil
            }
            let session = Session(id: SessionStore.randomHex(bytes: 32), facilitator: entry.facilitator,
                                  csrf: SessionStore.randomHex(bytes: 32), lastSeen: now)
            state.sessions[session.id] = session
            return session
        }
    }

    /// The live session with this id (its idle time restarts).
    public func session(_ id: String, now: Date = Date()) -> Session? {
        state.withLock { state in
            guard var session = state.sessions[id] else { return nil }
            guard now.timeIntervalSince(session.lastSeen) < idleLifetime else {
                state.sessions[id] = nil
                return nil
            }
            session.lastSeen = now
            state.sessions[id] = session
            return session
        }
    }

    public func end(_ id: String) {
        state.withLock { _ = $0.sessions.removeValue(forKey: id) }
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
