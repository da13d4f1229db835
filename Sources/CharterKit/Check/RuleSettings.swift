/// A parameter's value as written in the manifest's `check:` section.
enum RuleValue: Hashable, Sendable {
    case text(String)
    case number(Int)
    /// `term: replacement` pairs, in the order written.
    case pairs([TermPair])
}

/// A forbidden term and the term to use instead.
struct TermPair: Hashable, Sendable {
    var term: String
    var replacement: String
}

/// How one rule runs for one charter: on or off, at which severity, with
/// which parameters (defaults already applied by the caller's reading).
struct RuleSettings: Sendable {
    var rule: String
    var enabled: Bool
    var severity: CheckSeverity
    var parameters: [String: RuleValue]
    /// The line of the rule's entry in the manifest's `check:` section, when it has one.
    var configLine: Int? = nil

    func text(_ name: String) -> String? {
        if case .text(let value)? = parameters[name] { return value }
        return nil
    }

    func number(_ name: String) -> Int? {
        if case .number(let value)? = parameters[name] { return value }
        return nil
    }

    func pairs(_ name: String) -> [TermPair]? {
        if case .pairs(let value)? = parameters[name] { return value }
        return nil
    }

    /// A finding of this rule at this severity.
    func finding(_ file: String, clause: String?, line: Int, column: Int = 1, endColumn: Int? = nil,
                 _ message: String, fix: CheckFix? = nil) -> CheckFinding {
        CheckFinding(rule: rule, severity: severity, file: file, line: line, column: column, endColumn: endColumn,
                     message: message, clause: clause, fix: fix)
    }

    /// A finding of this rule, worded from the catalogue.
    func finding(_ file: String, clause: String?, line: Int, column: Int = 1, endColumn: Int? = nil,
                 _ wording: Message, fix: CheckFix? = nil) -> CheckFinding {
        CheckFinding(rule: rule, severity: severity, file: file, line: line, column: column, endColumn: endColumn,
                     wording, clause: clause, fix: fix)
    }

    /// A finding in a clause file, worded from the catalogue.
    func finding(in document: ClauseDocument, line: Int, column: Int = 1, endColumn: Int? = nil,
                 _ wording: Message, fix: CheckFix? = nil) -> CheckFinding {
        finding(document.path, clause: document.id, line: line, column: column, endColumn: endColumn, wording, fix: fix)
    }

    /// A finding in the manifest, worded from the catalogue.
    func finding(in manifest: ManifestDocument, line: Int, column: Int = 1, endColumn: Int? = nil,
                 _ wording: Message, fix: CheckFix? = nil) -> CheckFinding {
        finding(manifest.path, clause: nil, line: line, column: column, endColumn: endColumn, wording, fix: fix)
    }

    /// A finding in a clause file.
    func finding(in document: ClauseDocument, line: Int, column: Int = 1, endColumn: Int? = nil,
                 _ message: String, fix: CheckFix? = nil) -> CheckFinding {
        finding(document.path, clause: document.id, line: line, column: column, endColumn: endColumn, message, fix: fix)
    }

    /// A finding in the manifest.
    func finding(in manifest: ManifestDocument, line: Int, column: Int = 1, endColumn: Int? = nil,
                 _ message: String, fix: CheckFix? = nil) -> CheckFinding {
        finding(manifest.path, clause: nil, line: line, column: column, endColumn: endColumn, message, fix: fix)
    }
}
