/// `structure/yaml`: the manifest and each clause's front matter are YAML mappings.
struct StructureYAMLRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/yaml",
        summary: "The manifest and each clause's front matter are valid YAML mappings of `key: value` lines.")

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        let manifest = context.manifest
        if let (error, column) = manifest.yamlError {
            findings.append(settings.finding(in: manifest, line: error.line ?? 1, column: column, StructureYAMLRule.message(error)))
        }
        if manifest.notMapping {
            findings.append(settings.finding(in: manifest, line: 1, "the manifest must be a mapping of `key: value` lines (title, language, sections…)"))
        }
        for document in context.clauses {
            if let (error, column) = document.yamlError {
                findings.append(settings.finding(in: document, line: error.line ?? 1, column: column, StructureYAMLRule.message(error)))
            }
            if document.notMapping {
                findings.append(settings.finding(in: document, line: 2, "the front matter must be `key: value` lines (`id:`, `title:`…)"))
            }
        }
        return findings
    }

    static func message(_ error: CharterError) -> String {
        guard let hint = error.hint else { return error.message }
        return "\(error.message): \(hint)"
    }
}
