/// One problem found by `charter check`: which rule, how serious, where, what
/// to change, and (where the change is mechanical) the fix.
///
/// Lines are file lines (1-based, front matter included); columns are
/// 1-based and counted in Unicode code points (scalars), not bytes or UTF-16
/// units. `endColumn` is exclusive, as in SARIF.
public struct CheckFinding: Hashable, Sendable, Codable {
    /// The rule's id, e.g. `typography/nbsp`.
    public var rule: String
    public var severity: CheckSeverity
    /// Path from the repository root, e.g. `charter/clauses/juste-place.md`.
    public var file: String
    public var line: Int
    public var column: Int
    /// The column just after the flagged text, on `line`; nil when the
    /// finding is about a place rather than a span.
    public var endColumn: Int?
    /// What is wrong and what to change, in English (JSON, SARIF, GitHub and JUnit reports).
    public var message: String
    /// The same, by catalogue key (`check.…`), for the reader's language; nil for the
    /// findings whose wording is not yet in the catalogue (they read in English).
    public var wording: Message?
    /// The clause the finding belongs to (its file name's id), nil for the manifest.
    public var clause: String?
    /// The mechanical fix, when there is one.
    public var fix: CheckFix?

    public init(rule: String, severity: CheckSeverity, file: String, line: Int, column: Int = 1, endColumn: Int? = nil,
                message: String, clause: String? = nil, fix: CheckFix? = nil) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.endColumn = endColumn
        self.message = message
        self.clause = clause
        self.fix = fix
    }

    /// A finding worded from the catalogue: `message` is its English text.
    public init(rule: String, severity: CheckSeverity, file: String, line: Int, column: Int = 1, endColumn: Int? = nil,
                _ wording: Message, clause: String? = nil, fix: CheckFix? = nil) {
        self.init(rule: rule, severity: severity, file: file, line: line, column: column, endColumn: endColumn,
                  message: wording.text(in: .en), clause: clause, fix: fix)
        self.wording = wording
    }

    /// What is wrong and what to change, in `language`.
    public func message(in language: Language) -> String {
        wording?.text(in: language) ?? message
    }

    /// The reports keep their English `message` and their schema: the wording is not encoded.
    enum CodingKeys: String, CodingKey {
        case rule, severity, file, line, column, endColumn, message, clause, fix
    }

    /// Reading order: file, line, column, rule.
    static func ordered(_ a: CheckFinding, _ b: CheckFinding) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        return a.rule < b.rule
    }
}

/// A mechanical fix: edits to the finding's file.
public struct CheckFix: Hashable, Sendable, Codable {
    /// What the fix does, e.g. "insert a no-break space (U+00A0)".
    public var description: String
    public var edits: [TextEdit]

    public init(_ description: String, edits: [TextEdit]) {
        self.description = description
        self.edits = edits
    }
}

/// Replaces the code points `column..<endColumn` of one line (1-based,
/// `endColumn` exclusive; equal columns insert) with `replacement`.
public struct TextEdit: Hashable, Sendable, Codable {
    public var line: Int
    public var column: Int
    public var endColumn: Int
    public var replacement: String

    public init(line: Int, column: Int, endColumn: Int, replacement: String) {
        self.line = line
        self.column = column
        self.endColumn = endColumn
        self.replacement = replacement
    }
}
