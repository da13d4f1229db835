/// `file:line:col: severity [rule] message`, one finding a line, then a summary.
public struct TextCheckRenderer: Sendable {
    /// The language of the findings and of the summary lines (`fixed …`, `2 errors, 1 warning in 18 clauses`).
    public var language: Language

    public init(language: Language = .en) {
        self.language = language
    }

    public func render(_ report: CheckReport) -> String {
        var out = ""
        for finding in report.findings {
            out += "\(finding.file):\(finding.line):\(finding.column): \(finding.severity.rawValue) [\(finding.rule)] \(finding.message(in: language))\n"
        }
        if !report.fixed.isEmpty {
            out += MessageCatalogue.text("cli.check.fixed", [
                "problems": MessageCatalogue.text("cli.check.problems", count: report.fixed.count, in: language),
                "files": MessageCatalogue.text("cli.check.files", count: report.fixedFiles.count, in: language),
            ], in: language) + "\n"
        }
        out += TextCheckRenderer.summary(report, in: language) + "\n"
        return out
    }

    /// `2 errors, 1 warning in 18 clauses (2 fixable with --fix)`, or `no problems in 18 clauses`.
    public static func summary(_ report: CheckReport, in language: Language = .en) -> String {
        func say(_ key: String, count: Int? = nil, _ arguments: [String: String] = [:]) -> String {
            MessageCatalogue.text(key, count: count, arguments, in: language)
        }
        var scope = say("common.clauses", count: report.clauses.count)
        if let base = report.changedSince { scope = say("cli.check.changedSince", count: report.clauses.count, ["clauses": scope, "base": base]) }
        if report.source != "working tree" { scope = say("cli.check.at", ["scope": scope, "source": report.source]) }
        guard !report.findings.isEmpty else { return say("cli.check.clean", ["scope": scope]) }
        var text = say("cli.check.findings", ["errors": say("cli.check.errors", count: report.errorCount),
                                              "warnings": say("cli.check.warnings", count: report.warningCount), "scope": scope])
        if report.fixableCount > 0 { text += " " + say("cli.check.fixable", count: report.fixableCount) }
        return text
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
