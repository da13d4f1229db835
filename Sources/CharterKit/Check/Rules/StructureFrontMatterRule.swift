/// `structure/front-matter`: each clause file starts with front matter holding its `id`.
struct StructureFrontMatterRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/front-matter",
        summary: "Each clause file starts with front matter between `---` lines, holding `id`, `title` and optional single-valued fields.",
        fixable: true)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        for document in context.clauses where document.decodeError == nil {
            switch document.frontMatter {
            case .missing:
                findings.append(settings.finding(in: document, line: 1,
                    "a clause file must start with front matter: a line `---`, then `id: \(document.id)` and `title: …`, then `---`"))
                continue
            case .unclosed:
                findings.append(settings.finding(in: document, line: 1,
                    "the front matter opened on line 1 is never closed: add a line `---` after the `title:` line"))
                continue
            case .closed:
                break
            }
            if document.yamlError == nil, !document.notMapping, document.idField == nil {
                let end = (document.lines.first?.scalars.count ?? 3) + 1
                let fix = ClauseID.isValid(document.id)
                    ? CheckFix("add `id: \(document.id)`", edits: [TextEdit(line: 1, column: end, endColumn: end, replacement: "\nid: \(document.id)")])
                    : nil
                findings.append(settings.finding(in: document, line: 2,
                    "missing `id`: add `id: \(document.id)` (the file's name) to the front matter", fix: fix))
            }
            for (key, field) in document.nonScalarFields {
                findings.append(settings.finding(in: document, line: field.line, column: field.column,
                    "`\(key)` must be a single text value, not a list or a mapping"))
            }
            if let error = document.parseError, !document.hasStructuralFacts {
                findings.append(settings.finding(in: document, line: error.line ?? 1, StructureYAMLRule.message(error)))
            }
        }
        return findings
    }
}
