/// `structure/missing-clause`: every clause the manifest lists has its file.
struct StructureMissingClauseRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/missing-clause",
        summary: "Every clause listed in the manifest has its file `clauses/<id>.md`.",
        scope: .charter)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        let manifest = context.manifest
        guard manifest.structureIsKnown else { return [] }
        let present = context.clauseIDs
        var reported: Set<String> = []
        var findings: [CheckFinding] = []
        for entry in manifest.listed {
            guard let raw = entry.field.value, ClauseID.isValid(raw), !present.contains(raw), reported.insert(raw).inserted else { continue }
            let path = CharterFiles.join(context.directory, "clauses/\(raw).md")
            findings.append(settings.finding(in: manifest, line: entry.field.line, column: entry.field.column,
                endColumn: entry.field.column + raw.unicodeScalars.count,
                Message("check.missingClause", ["id": raw, "path": path])))
        }
        return findings
    }
}
