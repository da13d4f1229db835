import Foundation
import Testing
@testable import CharterKit

@Suite("docs/check.md documents every rule as it is")
struct CheckDocumentationTests {
    @Test func everyRuleItsSeverityAndItsParameters() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/check.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        for rule in CharterCheck.rules {
            let heading = "#### `\(rule.id)` [\(rule.defaultSeverity.rawValue)"
            #expect(text.contains(heading), "missing: \(heading)")
            guard let start = text.range(of: heading) else { continue }
            let rest = text[start.upperBound...]
            let section = rest[..<(rest.range(of: "\n#")?.lowerBound ?? rest.endIndex)]
            let marks = section.prefix { $0 != "]" }
            #expect(marks.contains("*fr*") == rule.frenchOnly, "\(rule.id): French marker")
            #expect(marks.contains("fixable") == rule.fixable, "\(rule.id): fixable marker")
            for parameter in rule.parameters {
                #expect(section.contains("| `\(parameter.name)` |"), "\(rule.id): parameter \(parameter.name)")
            }
        }
    }
}
