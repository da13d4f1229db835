/// What `charter check` found, ready for any renderer.
public struct CheckReport: Sendable {
    /// The charter folder, e.g. `charter`.
    public var directory: String
    /// What was checked: `working tree` or a revision.
    public var source: String
    /// The base revision of `--changed-since`, nil when every clause was checked.
    public var changedSince: String?
    /// Every finding, in reading order (file, line, column, rule).
    public var findings: [CheckFinding]
    /// Every rule known to this run (the built-in ones, and a gate's), for
    /// formats that describe rules (SARIF).
    public var rules: [RuleDescriptor]
    /// The ids of the rules that ran, in documentation order.
    public var enabledRules: [String]
    /// The manifest's path from the repository root.
    public var manifestPath: String
    /// The clauses checked (by id; only the changed ones with `--changed-since`),
    /// with the path of each file.
    public var clauses: [(id: String, path: String)]
    /// The findings `--fix` repaired (empty without `--fix`).
    public var fixed: [CheckFinding]
    /// The files `--fix` rewrote, from the repository root.
    public var fixedFiles: [String]

    public init(directory: String, source: String, changedSince: String? = nil, findings: [CheckFinding],
                rules: [RuleDescriptor], enabledRules: [String], manifestPath: String,
                clauses: [(id: String, path: String)], fixed: [CheckFinding] = [], fixedFiles: [String] = []) {
        self.directory = directory
        self.source = source
        self.changedSince = changedSince
        self.findings = findings
        self.rules = rules
        self.enabledRules = enabledRules
        self.manifestPath = manifestPath
        self.clauses = clauses
        self.fixed = fixed
        self.fixedFiles = fixedFiles
    }

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }
    public var fixableCount: Int { findings.count { $0.fix != nil } }

    /// Whether a finding is at or above `threshold`: `charter check` then exits 1.
    public func fails(at threshold: CheckSeverity) -> Bool {
        findings.contains { $0.severity >= threshold }
    }

    /// Adds the findings of a gate (or any other source of findings) and its rule.
    public mutating func merge(_ descriptor: RuleDescriptor, findings more: [CheckFinding]) {
        if !rules.contains(where: { $0.id == descriptor.id }) { rules.append(descriptor) }
        if !enabledRules.contains(descriptor.id) { enabledRules.append(descriptor.id) }
        findings = (findings + more).sorted(by: CheckFinding.ordered)
    }
}
