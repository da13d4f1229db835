/// What `charter doctor` found: one finding per thing that needs a person's attention (or
/// that `--fix` repaired), and the caches it looked at.
public struct HealthReport: Hashable, Sendable, Codable {
    public struct Finding: Hashable, Sendable, Codable {
        public enum Kind: String, Hashable, Sendable, Codable {
            case quarantinedRecord = "quarantined-record"
            case interruptedAdoption = "interrupted-adoption"
            case staleLock = "stale-lock"
            case shallowClone = "shallow-clone"
            case singleBranchClone = "single-branch-clone"
            case noDeliberation = "no-deliberation"
            case unreadableCache = "unreadable-cache"
        }

        public var kind: Kind
        /// The file at fault (a record's path on the deliberation branch, a lock or cache under `.git`).
        public var path: String?
        /// What is wrong, in the reader's language.
        public var message: Message
        /// The command that repairs it (`charter doctor --fix` when `--fix` can), nil when it needs a person.
        public var fix: String?
        /// Whether `--fix` repairs it mechanically.
        public var fixable: Bool
        /// Whether this run repaired it.
        public var fixed: Bool

        /// A problem remains (not repaired now).
        public var isOpen: Bool { !fixed && kind != .noDeliberation }
    }

    /// A derived cache under `.git/charter/` (rebuilt from git whenever it is missing).
    public struct Cache: Hashable, Sendable, Codable {
        public var path: String
        public var bytes: Int
    }

    public var findings: [Finding]
    public var caches: [Cache]

    /// Findings still open after this run.
    public var problems: [Finding] { findings.filter(\.isOpen) }
}
