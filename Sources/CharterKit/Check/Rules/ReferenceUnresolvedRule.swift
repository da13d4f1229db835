import Foundation

/// `references/unresolved`: links between clauses name clauses that exist.
///
/// Two forms are references: `[[clause-id]]` (or `[[clause-id|shown text]]`)
/// and a Markdown link to a sibling clause file, `[text](clause-id.md)` (also
/// `./clause-id.md`, with an optional `#anchor`).
struct ReferenceUnresolvedRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "references/unresolved",
        summary: "Every `[[clause-id]]` and every link to `clause-id.md` names a clause of the charter.")

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        let present = context.clauseIDs
        let removed = context.base?.clauseIDs ?? []
        var findings: [CheckFinding] = []
        for document in context.clauses {
            for line in document.lines where !line.links.isEmpty {
                for link in line.links {
                    guard let reference = ClauseReference(link) else { continue }
                    let written = reference.written
                    guard ClauseID.isValid(reference.id) else {
                        findings.append(settings.finding(in: document, line: line.number, column: link.column, endColumn: link.endColumn,
                            Message("check.references.invalid", ["written": written])))
                        continue
                    }
                    guard !present.contains(reference.id), !removed.contains(reference.id) else { continue }
                    let wording = Suggestion.closest(to: reference.id, among: Array(present)).map {
                        Message("check.references.unknown.suggestion", ["written": written, "suggestion": $0])
                    } ?? Message("check.references.unknown", ["written": written])
                    findings.append(settings.finding(in: document, line: line.number, column: link.column, endColumn: link.endColumn, wording))
                }
            }
        }
        return findings
    }
}
