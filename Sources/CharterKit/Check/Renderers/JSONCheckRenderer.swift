import Foundation

/// The JSON form of a check report, schema `charter-check/1` (docs/check.md).
public struct JSONCheckRenderer: Sendable {
    public static let schema = "charter-check/1"

    public init() {}

    struct Document: Encodable {
        struct Summary: Encodable {
            var errors: Int
            var warnings: Int
            var fixable: Int
            var fixed: Int
            var clauses: Int
        }
        var schema: String
        var directory: String
        var source: String
        var changedSince: String?
        var rules: [String]
        var summary: Summary
        var findings: [CheckFinding]
        var fixedFiles: [String]
    }

    public func render(_ report: CheckReport) -> String {
        let document = Document(
            schema: JSONCheckRenderer.schema, directory: report.directory, source: report.source,
            changedSince: report.changedSince, rules: report.enabledRules,
            summary: .init(errors: report.errorCount, warnings: report.warningCount, fixable: report.fixableCount,
                           fixed: report.fixed.count, clauses: report.clauses.count),
            findings: report.findings, fixedFiles: report.fixedFiles)
        return JSONCheckRenderer.encode(document)
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        (try? StableJSON.string(value)) ?? "{}\n"
    }
}
