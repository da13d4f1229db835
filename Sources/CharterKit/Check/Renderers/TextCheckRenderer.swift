/// `file:line:col: severity [rule] message`, one finding a line, then a summary.
public struct TextCheckRenderer: Sendable {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        var out = ""
        for finding in report.findings {
            out += "\(finding.file):\(finding.line):\(finding.column): \(finding.severity.rawValue) [\(finding.rule)] \(finding.message)\n"
        }
        if !report.fixed.isEmpty {
            out += "fixed \(TextCheckRenderer.count(report.fixed.count, "problem")) in \(TextCheckRenderer.count(report.fixedFiles.count, "file"))\n"
        }
        out += TextCheckRenderer.summary(report) + "\n"
        return out
    }

    /// `2 errors, 1 warning in 18 clauses (2 fixable with --fix)`, or `no problems in 18 clauses`.
    public static func summary(_ report: CheckReport) -> String {
        var scope = count(report.clauses.count, "clause")
        if let base = report.changedSince { scope += " changed since \(base)" }
        if report.source != "working tree" { scope += " at \(report.source)" }
        guard !report.findings.isEmpty else { return "no problems in \(scope)" }
        var text = "\(count(report.errorCount, "error")), \(count(report.warningCount, "warning")) in \(scope)"
        if report.fixableCount > 0 { text += " (\(report.fixableCount) fixable with --fix)" }
        return text
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
