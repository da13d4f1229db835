import Foundation

/// `structure/id`: clause and territory ids are well formed (`[a-z0-9-]+`).
struct StructureIDRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/id",
        summary: "Clause ids (in the manifest, in front matter, as file names) and territory ids are lower-case ASCII letters, digits and dashes.")

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        let manifest = context.manifest
        for entry in manifest.listed {
            guard let raw = entry.field.value, !ClauseID.isValid(raw) else { continue }
            findings.append(settings.finding(in: manifest, line: entry.field.line, column: entry.field.column,
                endColumn: entry.field.column + raw.unicodeScalars.count,
                "`\(raw)` is not a valid clause id: use lower-case ASCII letters, digits and dashes, e.g. `\(StructureIDRule.suggest(raw))`"))
        }
        for field in manifest.territories {
            guard let raw = field.value, !ClauseID.isValid(raw) else { continue }
            findings.append(settings.finding(in: manifest, line: field.line, column: field.column,
                "`\(raw)` is not a valid territory id: use lower-case ASCII letters, digits and dashes, e.g. `\(StructureIDRule.suggest(raw))`"))
        }
        for document in context.clauses where document.decodeError == nil {
            if !ClauseID.isValid(document.id) {
                findings.append(settings.finding(in: document, line: 1,
                    "the file name `\(document.fileName)` is not a clause id: rename it to `\(StructureIDRule.suggest(document.id)).md`"))
            }
            if let field = document.idField {
                if let raw = field.value {
                    if !ClauseID.isValid(raw) {
                        findings.append(settings.finding(in: document, line: field.line, column: field.column,
                            "`\(raw)` is not a valid clause id: use lower-case ASCII letters, digits and dashes, e.g. `\(StructureIDRule.suggest(raw))`"))
                    }
                } else {
                    findings.append(settings.finding(in: document, line: field.line, column: field.column,
                        "`id` must be a single word such as `\(StructureIDRule.suggest(document.id))`"))
                }
            }
        }
        return findings
    }

    /// A well-formed id close to `raw` (lower case, accents dropped, other characters as dashes).
    static func suggest(_ raw: String) -> String {
        let folded = raw.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        for scalar in folded.unicodeScalars {
            if ClauseID.isValid(String(scalar)) {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        let trimmed = result.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "clause-id" : trimmed
    }
}
