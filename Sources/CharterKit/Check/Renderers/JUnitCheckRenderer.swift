/// JUnit XML: one test suite per rule that ran, one test case per rule ×
/// clause (and the manifest), failed when a finding there is at or above
/// `failOn`; findings below it are listed in the case's `system-out`.
public struct JUnitCheckRenderer: Sendable {
    public var failOn: CheckSeverity

    public init(failOn: CheckSeverity = .error) {
        self.failOn = failOn
    }

    public func render(_ report: CheckReport) -> String {
        var subjects: [(name: String, path: String, clause: String?)] = [(report.manifestPath.split(separator: "/").last.map(String.init) ?? "charter.yml", report.manifestPath, nil)]
        var seen = Set(report.clauses.map(\.id))
        subjects += report.clauses.map { ($0.id, $0.path, $0.id) }
        for finding in report.findings {
            if let clause = finding.clause, seen.insert(clause).inserted { subjects.append((clause, finding.file, clause)) }
        }
        var grouped: [String: [CheckFinding]] = [:]
        for finding in report.findings { grouped["\(finding.rule)\u{0}\(finding.clause ?? "")", default: []].append(finding) }

        var suites = ""
        var totalTests = 0
        var totalFailures = 0
        for rule in report.enabledRules {
            var cases = ""
            var failures = 0
            for subject in subjects {
                let findings = grouped["\(rule)\u{0}\(subject.clause ?? "")"] ?? []
                let failing = findings.filter { $0.severity >= failOn }
                let other = findings.filter { $0.severity < failOn }
                let head = "    <testcase classname=\"\(JUnitCheckRenderer.escape(rule))\" name=\"\(JUnitCheckRenderer.escape(subject.name))\" file=\"\(JUnitCheckRenderer.escape(subject.path))\""
                if failing.isEmpty && other.isEmpty {
                    cases += head + "/>\n"
                    continue
                }
                cases += head + ">\n"
                if !failing.isEmpty {
                    failures += 1
                    let noun = failing.count == 1 ? "problem" : "problems"
                    cases += "      <failure type=\"\(failing[0].severity.rawValue)\" message=\"\(failing.count) \(noun): \(JUnitCheckRenderer.escape(failing[0].message))\">"
                    cases += JUnitCheckRenderer.escape(failing.map(JUnitCheckRenderer.line).joined(separator: "\n"))
                    cases += "</failure>\n"
                }
                if !other.isEmpty {
                    cases += "      <system-out>" + JUnitCheckRenderer.escape(other.map(JUnitCheckRenderer.line).joined(separator: "\n")) + "</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            totalTests += subjects.count
            totalFailures += failures
            suites += "  <testsuite name=\"\(JUnitCheckRenderer.escape(rule))\" tests=\"\(subjects.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            suites += cases
            suites += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"charter check\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\">\n"
            + suites
            + "</testsuites>\n"
    }

    static func line(_ finding: CheckFinding) -> String {
        "\(finding.file):\(finding.line):\(finding.column): \(finding.severity.rawValue) [\(finding.rule)] \(finding.message)"
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot hold are dropped.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            case "\n": out.append(contentsOf: "&#10;".unicodeScalars)
            case "\t", "\r": out.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }
}
