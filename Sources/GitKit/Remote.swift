import Foundation

/// A remote as the repository's configuration names it (`remote.<name>.url`).
public struct RemoteInfo: Sendable, Hashable {
    /// Its name, e.g. "origin".
    public var name: String
    /// Where it is fetched from: a path, `file://`, `ssh://`, scp-like `user@host:path`, `https://`.
    public var url: String
    /// Where it is pushed to when that differs (`remote.<name>.pushurl`).
    public var pushURL: String?

    public init(name: String, url: String, pushURL: String? = nil) {
        self.name = name
        self.url = url
        self.pushURL = pushURL
    }

    /// Whether `url` names a repository on this machine (a path or `file://`), which is then
    /// read and written directly rather than through a network transport.
    public static func isLocal(_ url: String) -> Bool {
        if url.hasPrefix("file://") { return true }
        if url.contains("://") { return false }
        // scp-like syntax ("host:path", "user@host:path"): a colon before the first slash.
        if let colon = url.firstIndex(of: ":") {
            let slash = url.firstIndex(of: "/")
            if slash == nil || colon < slash! { return false }
        }
        return true
    }

    /// The folder a local URL names (`file://` removed, percent-escapes decoded).
    static func localPath(_ url: String) -> String {
        guard url.hasPrefix("file://") else { return url }
        let rest = String(url.dropFirst("file://".count))
        return rest.removingPercentEncoding ?? rest
    }
}

/// A reference a remote advertises, read by `Repository.fetch` or `Repository.remoteReferences`.
public struct RemoteReference: Sendable, Hashable {
    /// The full name on the remote, e.g. "refs/heads/main".
    public var name: String
    /// What it points to there (an annotated tag's own id for a tag).
    public var oid: OID

    public init(name: String, oid: OID) {
        self.name = name
        self.oid = oid
    }
}

/// A local reference moved (or left alone) by a fetch.
public struct ReferenceUpdate: Sendable, Hashable {
    /// The local reference's full name.
    public var name: String
    /// Its value before; nil when it did not exist.
    public var old: OID?
    /// The value the remote advertised.
    public var new: OID

    public init(name: String, old: OID?, new: OID) {
        self.name = name
        self.old = old
        self.new = new
    }
}

/// What `Repository.fetch` did.
public struct FetchResult: Sendable {
    /// Every reference the remote advertised (peeled `^{}` entries left out).
    public var advertised: [RemoteReference]
    /// Local references created or moved.
    public var updated: [ReferenceUpdate] = []
    /// Local references a plain refspec left alone because they differ and cannot be
    /// fast-forwarded (a tag, or a branch that diverged).
    public var kept: [ReferenceUpdate] = []

    public init(advertised: [RemoteReference], updated: [ReferenceUpdate] = [], kept: [ReferenceUpdate] = []) {
        self.advertised = advertised
        self.updated = updated
        self.kept = kept
    }

    /// What the remote advertised for `name`.
    public func advertised(_ name: String) -> OID? {
        advertised.first { $0.name == name }?.oid
    }
}

/// One reference to update on a remote by `Repository.push`.
public struct PushUpdate: Sendable, Hashable {
    /// The local reference's full name, e.g. "refs/heads/deliberation".
    public var source: String
    /// The remote reference's full name (the same name by default).
    public var destination: String
    /// Whether a non-fast-forward update is allowed (`+` in a refspec). Off by default: a remote
    /// that moved to something the local side does not contain rejects the update.
    public var force: Bool

    public init(source: String, destination: String? = nil, force: Bool = false) {
        self.source = source
        self.destination = destination ?? source
        self.force = force
    }

    /// The refspec form, e.g. "refs/heads/a:refs/heads/a".
    public var refspec: String { "\(force ? "+" : "")\(source):\(destination)" }
}

/// How far a transfer has gone, for a progress line.
public struct TransferProgress: Sendable, Hashable {
    public enum Phase: String, Sendable, Hashable {
        /// Objects arriving from the remote (fetch).
        case receiving
        /// Deltas being resolved after a fetch.
        case resolving
        /// Objects being sent to the remote (push).
        case sending
    }

    public var phase: Phase
    /// Objects (or deltas) done so far.
    public var current: Int
    /// Objects (or deltas) in all; 0 when not known yet.
    public var total: Int
    /// Bytes transferred so far.
    public var bytes: Int

    public init(phase: Phase, current: Int, total: Int, bytes: Int) {
        self.phase = phase
        self.current = current
        self.total = total
        self.bytes = bytes
    }
}

/// Where credentials may come from when a remote asks for them. Each source is offered once
/// per operation, in this order, so a rejected credential can never make a transfer loop.
public struct CredentialSources: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// ssh: the keys held by ssh-agent (`SSH_AUTH_SOCK`).
    public static let sshAgent = CredentialSources(rawValue: 1 << 0)
    /// ssh: the default key files without passphrase (`~/.ssh/id_ed25519`, `id_ecdsa`, `id_rsa`).
    public static let sshKeyFiles = CredentialSources(rawValue: 1 << 1)
    /// https: `GIT_USERNAME` and `GIT_PASSWORD` from the environment.
    public static let environment = CredentialSources(rawValue: 1 << 2)
    /// https: git's credential helpers, through `git credential fill` (which may prompt on a
    /// terminal; never when standard input is not one).
    public static let gitCredentialHelper = CredentialSources(rawValue: 1 << 3)

    public static let all: CredentialSources = [.sshAgent, .sshKeyFiles, .environment, .gitCredentialHelper]
}

/// Options shared by fetch, push and listing a remote's references.
public struct TransferOptions: Sendable {
    /// Called, on the calling thread, as objects are received, resolved or sent.
    public var progress: (@Sendable (TransferProgress) -> Void)?
    /// Where credentials may come from.
    public var credentials: CredentialSources
    /// The environment credentials are read from (`SSH_AUTH_SOCK`, `GIT_USERNAME`, `HOME`…).
    public var environment: [String: String]

    public init(progress: (@Sendable (TransferProgress) -> Void)? = nil, credentials: CredentialSources = .all,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.progress = progress
        self.credentials = credentials
        self.environment = environment
    }
}
