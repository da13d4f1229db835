/// GitHub Actions workflow commands: each finding becomes an annotation on
/// its file and line (`::error file=…,line=…,col=…,title=…::message`).
public struct GitHubCheckRenderer: Sendable {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        var out = ""
        for finding in report.findings {
            let command = finding.severity == .error ? "error" : "warning"
            var properties = [
                "file=\(GitHubCheckRenderer.property(finding.file))",
                "line=\(finding.line)",
                "col=\(finding.column)",
            ]
            if let end = finding.endColumn { properties.append("endColumn=\(end)") }
            properties.append("title=\(GitHubCheckRenderer.property("charter check [\(finding.rule)]"))")
            out += "::\(command) \(properties.joined(separator: ","))::\(GitHubCheckRenderer.data(finding.message))\n"
        }
        out += TextCheckRenderer.summary(report) + "\n"
        return out
    }

    /// Escapes a command's message.
    static func data(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// Escapes a command's property value.
    static func property(_ text: String) -> String {
        data(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
