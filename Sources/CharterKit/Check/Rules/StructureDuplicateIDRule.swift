/// `structure/duplicate-id`: each clause and territory is listed once.
struct StructureDuplicateIDRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/duplicate-id",
        summary: "Each clause id is listed once in the manifest's sections, and each territory id once.")

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        let manifest = context.manifest
        var first: [String: Int] = [:]
        for entry in manifest.listed {
            guard let raw = entry.field.value else { continue }
            if let line = first[raw] {
                findings.append(settings.finding(in: manifest, line: entry.field.line, column: entry.field.column,
                    endColumn: entry.field.column + raw.unicodeScalars.count,
                    "clause `\(raw)` is listed twice (first on line \(line)): list each clause once"))
            } else {
                first[raw] = entry.field.line
            }
        }
        var territories: [String: Int] = [:]
        for field in manifest.territories {
            guard let raw = field.value else { continue }
            if let line = territories[raw] {
                findings.append(settings.finding(in: manifest, line: field.line, column: field.column,
                    "territory `\(raw)` is listed twice (first on line \(line)): list each territory once"))
            } else {
                territories[raw] = field.line
            }
        }
        return findings
    }
}
