/// `references/removed`: no clause still refers to a clause removed since the base revision.
struct ReferenceRemovedRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "references/removed",
        summary: "With `--changed-since REV`: no clause refers to a clause that existed at REV and has been removed since (reported wherever the reference is).",
        scope: .charter)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        guard let base = context.base else { return [] }
        let present = context.clauseIDs
        var findings: [CheckFinding] = []
        for document in context.clauses {
            for line in document.lines where !line.links.isEmpty {
                for link in line.links {
                    guard let reference = ClauseReference(link), !present.contains(reference.id),
                          base.clauseIDs.contains(reference.id) else { continue }
                    findings.append(settings.finding(in: document, line: line.number, column: link.column, endColumn: link.endColumn,
                        Message("check.references.removed", ["id": reference.id, "base": base.label])))
                }
            }
        }
        return findings
    }
}
