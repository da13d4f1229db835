/// `structure/title`: the charter, each section and each clause have a title.
struct StructureTitleRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/title",
        summary: "The charter, each section and each clause have a non-empty title.")

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        let manifest = context.manifest
        if manifest.text != nil, manifest.yamlError == nil, !manifest.notMapping {
            if let title = manifest.title {
                if title.value == nil || title.isEmpty {
                    findings.append(settings.finding(in: manifest, line: title.line, column: title.column,
                        "the charter's title is empty: give the charter a title"))
                }
            } else {
                findings.append(settings.finding(in: manifest, line: 1, "missing `title`: add `title: <the charter's title>`"))
            }
            for section in manifest.sectionTitles {
                if let field = section.field {
                    if field.value == nil || field.isEmpty {
                        findings.append(settings.finding(in: manifest, line: field.line, column: field.column,
                            "a section has an empty title: give it a title"))
                    }
                } else {
                    findings.append(settings.finding(in: manifest, line: section.line, column: section.column,
                        "a section has no `title:`: give each section a title"))
                }
            }
        }
        for document in context.clauses {
            guard case .closed = document.frontMatter, document.yamlError == nil, !document.notMapping else { continue }
            if let title = document.titleField {
                if title.value == nil || title.isEmpty {
                    findings.append(settings.finding(in: document, line: title.line, column: title.column,
                        "the clause `\(document.id)` has an empty title: give it a title"))
                }
            } else {
                findings.append(settings.finding(in: document, line: 2, "missing `title`: add `title: <title>` to the front matter"))
            }
        }
        return findings
    }
}
