/// `structure/manifest`: the manifest's schema (sections, territories, consensus rule…).
struct StructureManifestRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/manifest",
        summary: "The manifest follows its schema: `sections` is a list of sections with `title` and `clauses`, territories and the consensus rule are well formed.")

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        let manifest = context.manifest
        var findings = manifest.problems.map {
            settings.finding(in: manifest, line: $0.line, column: $0.column, $0.message)
        }
        // Whatever the parser used by every other command refuses, and the
        // lenient reading did not already report, is reported here.
        if manifest.decodeError == nil, let error = manifest.parseError,
           error.code != .badYAML, error.code != .invalidUTF8,
           !manifest.reportedLines.contains(error.line ?? 1) {
            findings.append(settings.finding(in: manifest, line: error.line ?? 1, StructureYAMLRule.message(error)))
        }
        return findings
    }
}
