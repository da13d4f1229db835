import Foundation

/// What `charter sync` is asked to do.
public struct SyncOptions: Sendable {
    public enum Direction: String, Sendable, Codable {
        /// Fetch, integrate, push (the default).
        case both
        /// Fetch and integrate; push nothing.
        case fetchOnly = "fetch-only"
        /// Push what the remote can fast-forward to; fetch nothing.
        case pushOnly = "push-only"
    }

    /// The remote's name (`origin` by default).
    public var remote: String
    public var direction: Direction
    /// How many fetch–integrate–push rounds to try when the remote keeps moving under the push.
    public var attempts: Int
    /// Called as objects are received, resolved or sent (for a progress line).
    public var progress: (@Sendable (SyncProgress) -> Void)?
    /// Tests only: runs just before each push, with the round's number (to move the remote
    /// in between, as another clone would).
    var beforePush: (@Sendable (Int) throws -> Void)?

    public init(remote: String = "origin", direction: Direction = .both, attempts: Int = 8,
                progress: (@Sendable (SyncProgress) -> Void)? = nil) {
        self.remote = remote
        self.direction = direction
        self.attempts = max(1, attempts)
        self.progress = progress
    }
}

/// How far a transfer has gone.
public struct SyncProgress: Sendable, Hashable {
    public enum Phase: String, Sendable, Hashable {
        case receiving = "Receiving objects"
        case resolving = "Resolving deltas"
        case sending = "Writing objects"
    }

    public var phase: Phase
    public var current: Int
    /// 0 while unknown.
    public var total: Int
    public var bytes: Int
}

/// What a sync did, for each of the three things it carries.
public struct SyncReport: Sendable, Codable {
    public var remote: String
    public var url: String
    public var direction: SyncOptions.Direction
    public var deliberation: DeliberationSync
    /// The checked-out text branch; nil when HEAD is detached.
    public var text: TextSync?
    public var tags: TagSync
    /// Fetch–integrate–push rounds run (more than one when the remote moved under a push).
    public var attempts: Int
}

/// The deliberation branch's side of a sync.
public struct DeliberationSync: Sendable, Codable {
    public enum Outcome: String, Sendable, Codable {
        /// Nothing came from the remote that the clone lacked.
        case upToDate = "up-to-date"
        /// The clone had nothing the remote lacked: it moved to the remote's tip.
        case fastForwarded = "fast-forwarded"
        /// Both had records the other lacked: a merge commit holds their union.
        case merged
        /// The remote has records this clone lacks and none was fetched (`--push-only`).
        case remoteAhead = "remote-ahead"
        /// Neither side has a deliberation branch.
        case absent
    }

    public var branch: String
    public var outcome: Outcome
    /// Records the clone received.
    public var received: Int
    /// Records the remote received.
    public var sent: Int
    /// The clone's tip afterwards.
    public var tip: String?
    /// Whether the remote's branch was moved by this sync.
    public var pushed: Bool
    /// Same path, different content: both kept, one renamed.
    public var conflicts: [SyncConflict]
    /// The same CSV row imported on two clones: both comments kept.
    public var importOverlaps: [ImportOverlap]
    /// Records received from this remote that cannot be trusted: integrated (nothing is
    /// dropped) but quarantined, out of status and counts (`charter doctor` lists them all).
    public var quarantined: [QuarantinedRecord] = []
}

/// The text branch's side of a sync: only ever fast-forwarded.
public struct TextSync: Sendable, Codable {
    public enum State: String, Sendable, Codable {
        case upToDate = "up-to-date"
        /// The clone moved to the remote's tip (work tree updated).
        case fastForwarded = "fast-forwarded"
        /// The remote moved to the clone's tip.
        case pushed
        /// The clone is ahead but nothing was pushed (`--fetch-only`).
        case ahead
        /// The remote is ahead but nothing was fetched (`--push-only`), or uncommitted changes
        /// in the files it would update kept the clone where it was (`blockedBy`).
        case behind
        /// Both have commits the other lacks: merge them with git, then sync again.
        case diverged
        /// The remote has no such branch and nothing was pushed.
        case remoteMissing = "remote-missing"
    }

    /// The branch's short name, e.g. `main`.
    public var branch: String
    public var state: State
    /// Commits the clone has that the remote lacks, and the other way round (when known).
    public var ahead: Int
    public var behind: Int
    /// Files with uncommitted changes that a fast-forward would have overwritten.
    public var blockedBy: [String]
    /// The clone's tip afterwards.
    public var tip: String?
}

/// `charter/*` tags (releases).
public struct TagSync: Sendable, Codable {
    /// Tags the clone received.
    public var fetched: [String]
    /// Tags the remote received.
    public var pushed: [String]
    /// Tags whose value differs between the clone and the remote: neither side is changed.
    public var differing: [String]
}
