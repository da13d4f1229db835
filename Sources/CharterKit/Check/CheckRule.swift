/// A rule of `charter check`: a pure function from the charter's files (as
/// values) to findings. Rules never read git or the disk; the engine
/// (`CharterCheck`) builds the `CheckContext`, applies the manifest's `check:`
/// settings and the inline `<!-- charter-disable rule-id -->` comments.
protocol CheckRule: Sendable {
    var descriptor: RuleDescriptor { get }
    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding]
}

/// Which lines a rule's findings belong to, for `--changed-since`.
public enum RuleScope: String, Hashable, Sendable, Codable {
    /// About one line: reported only when that line changed.
    case line
    /// About a clause as a whole (length, balance): reported when the clause changed at all.
    case clause
    /// About the charter as a whole (a listed clause deleted, a referenced clause
    /// removed): always reported.
    case charter
}

/// What a rule checks, how serious it is by default and what it can be told.
public struct RuleDescriptor: Hashable, Sendable {
    public var id: String
    /// One sentence: what the rule wants.
    public var summary: String
    public var defaultSeverity: CheckSeverity
    /// French typography rules are on by default only for `language: fr` (or `fr-…`).
    public var frenchOnly: Bool
    public var scope: RuleScope
    /// Whether `--fix` can repair its findings.
    public var fixable: Bool
    public var parameters: [RuleParameter]

    public init(id: String, summary: String, defaultSeverity: CheckSeverity = .error, frenchOnly: Bool = false,
                scope: RuleScope = .line, fixable: Bool = false, parameters: [RuleParameter] = []) {
        self.id = id
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.frenchOnly = frenchOnly
        self.scope = scope
        self.fixable = fixable
        self.parameters = parameters
    }

    /// `typography` for `typography/nbsp`.
    public var category: String { String(id.split(separator: "/").first ?? "") }
}

/// A parameter a rule takes in the manifest's `check:` section.
public struct RuleParameter: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// One of these words.
        case choice([String])
        /// A whole number, at least `minimum`.
        case integer(minimum: Int)
        /// A mapping `term: replacement`.
        case terms
        /// A path relative to the charter folder.
        case path
    }

    public var name: String
    public var kind: Kind
    /// The default, as written in the manifest.
    public var defaultValue: String
    public var summary: String

    public init(_ name: String, _ kind: Kind, default defaultValue: String, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
