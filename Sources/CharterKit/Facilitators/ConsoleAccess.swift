import Foundation

/// Who may use the web console, as it survives a restart: the facilitators' sign-in links, the
/// open sessions and the representatives' invitations. A local file beside the roster
/// (`.git/charter/console-access.json`, mode 600), never committed nor pushed. Every secret is
/// kept as its SHA-256 digest only: reading the file does not let anyone sign in.
public struct ConsoleAccess: Hashable, Sendable, Codable {
    public static let schemaTag = "charter-console-access/1"

    /// A facilitator's sign-in link, usable once.
    public struct SignInLink: Hashable, Sendable, Codable {
        public var digest: String
        public var facilitator: String
        public var issued: Date

        public init(digest: String, facilitator: String, issued: Date) {
            self.digest = digest
            self.facilitator = facilitator
            self.issued = issued
        }
    }

    /// An open session: a facilitator's (roster id) or a representative's (invitation id).
    public struct Session: Hashable, Sendable, Codable {
        public var digest: String
        public var facilitator: String?
        public var invitation: String?
        public var lastSeen: Date

        public init(digest: String, facilitator: String? = nil, invitation: String? = nil, lastSeen: Date) {
            self.digest = digest
            self.facilitator = facilitator
            self.invitation = invitation
            self.lastSeen = lastSeen
        }
    }

    public var schema: String
    /// Sorted by digest.
    public var signInLinks: [SignInLink]
    /// Sorted by digest.
    public var sessions: [Session]
    /// Sorted by creation.
    public var invitations: [Invitation]

    public init(signInLinks: [SignInLink] = [], sessions: [Session] = [], invitations: [Invitation] = []) {
        schema = ConsoleAccess.schemaTag
        self.signInLinks = signInLinks.sorted { $0.digest < $1.digest }
        self.sessions = sessions.sorted { $0.digest < $1.digest }
        self.invitations = invitations.sorted { ($0.created, $0.id) < ($1.created, $1.id) }
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(ConsoleAccess(signInLinks: signInLinks, sessions: sessions, invitations: invitations))
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data, file: String) throws -> ConsoleAccess {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let access: ConsoleAccess
        do {
            access = try decoder.decode(ConsoleAccess.self, from: data)
        } catch {
            throw CharterError(.badInput, file: file, "unreadable console access file: \(error)",
                               hint: "remove it: every session and invitation of the console ends, the facilitators get new links")
        }
        guard access.schema == schemaTag else {
            throw CharterError(.badInput, file: file, "unknown console access schema `\(access.schema)`",
                               hint: "it was written by another version of charter")
        }
        return access
    }
}

extension CharterRepository {
    /// `<git dir>/charter/console-access.json`.
    public var consoleAccessFile: URL {
        facilitatorsFile.deletingLastPathComponent().appendingPathComponent("console-access.json")
    }

    /// The console's links, sessions and invitations; none when the file does not exist.
    public func consoleAccess() throws -> ConsoleAccess {
        let url = consoleAccessFile
        guard let data = FileManager.default.contents(atPath: url.path) else { return ConsoleAccess() }
        return try ConsoleAccess.decode(data, file: url.path)
    }

    /// Writes the file whole (atomically, mode 600).
    public func saveConsoleAccess(_ access: ConsoleAccess) throws {
        let url = consoleAccessFile
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try access.encoded().write(to: url, options: .atomic)
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch {
            throw CharterError(.repository, file: url.path, "cannot write the console access file: \(error.localizedDescription)",
                               hint: "check the permissions of the .git folder")
        }
    }
}
