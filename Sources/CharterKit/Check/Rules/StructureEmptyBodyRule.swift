/// `structure/empty-body`: every clause has text.
struct StructureEmptyBodyRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/empty-body",
        summary: "Every clause has a body: some text after its front matter (comments alone do not count).",
        defaultSeverity: .warning, scope: .clause)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        context.clauses.compactMap { document in
            guard case .closed(let fence) = document.frontMatter else { return nil }
            let lines = document.lines[document.bodyRange]
            let hasText = lines.contains { line in
                line.zone == .code || line.scalars.indices.contains { line.prose[$0] && !CheckScalars.isSpace(line.scalars[$0]) }
            }
            guard !hasText else { return nil }
            let line = document.bodyStartLine <= document.lines.count ? document.bodyStartLine : fence
            return settings.finding(in: document, line: line,
                Message("check.emptyBody", ["id": document.id]))
        }
    }
}
