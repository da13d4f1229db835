/// The extension point for deliberation gates (`charter check --gate release`).
///
/// A gate reads the deliberation records (positions, amendments) kept on the
/// deliberation branch and turns what blocks a step into findings, e.g. the
/// `release` gate: every clause has reached consensus on its current text, no
/// amendment is left open. The deliberation store implements gates and lists
/// them in `DeliberationGates.registered`; until a gate is registered,
/// `charter check --gate <name>` exits 2 saying so. A gate never passes by
/// default.
public protocol DeliberationGate: Sendable {
    /// What `--gate` calls it, e.g. `release`.
    var name: String { get }
    /// The gate as a rule (id `gate/<name>`), for reports that describe rules.
    var descriptor: RuleDescriptor { get }
    /// The findings that block the step for the charter in `request`; empty when it may pass.
    func evaluate(_ request: DeliberationGateRequest) throws -> [CheckFinding]
}

/// What a gate is asked about.
public struct DeliberationGateRequest: Sendable {
    /// The repository, to read the deliberation branch through the store.
    public var repository: CharterRepository
    /// The charter's files as checked (working tree or `--at`).
    public var files: CharterFiles
    /// The commit checked, nil for the working tree.
    public var revision: String?
    /// The full name of the deliberation branch, e.g. `refs/heads/deliberation`.
    public var branch: String

    public init(repository: CharterRepository, files: CharterFiles, revision: String?, branch: String) {
        self.repository = repository
        self.files = files
        self.revision = revision
        self.branch = branch
    }
}

/// The gates `--gate` knows about, and the ones actually implemented.
public enum DeliberationGates {
    /// Every gate name `--gate` accepts.
    public static let names = ["release"]
    /// The default deliberation branch.
    public static let branch = "refs/heads/deliberation"
    /// Implemented gates.
    public static let registered: [any DeliberationGate] = [ReleaseGate()]

    public static func gate(named name: String) -> (any DeliberationGate)? {
        registered.first { $0.name == name }
    }
}
