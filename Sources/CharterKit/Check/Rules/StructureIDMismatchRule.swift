/// `structure/id-mismatch`: a clause's front-matter id is its file's name.
struct StructureIDMismatchRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/id-mismatch",
        summary: "A clause's `id` in its front matter equals its file name (`clauses/<id>.md`).")

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        context.clauses.compactMap { document in
            guard let field = document.idField, let raw = field.value, ClauseID.isValid(raw), raw != document.id else { return nil }
            return settings.finding(in: document, line: field.line, column: field.column,
                endColumn: field.column + raw.unicodeScalars.count,
                "the front matter says `id: \(raw)` but the file is named `\(document.fileName)`: rename the file to `\(raw).md` or change its id to `\(document.id)`")
        }
    }
}
