/// `typography/ellipsis`: three dots are one character, `…`.
struct TypographyEllipsisRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "typography/ellipsis",
        summary: "Three dots `...` are written as the ellipsis character `…` (U+2026); runs of four or more dots are left alone.",
        frenchOnly: true, fixable: true)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        for document in context.clauses {
            for line in document.lines where line.zone == .title || line.zone == .body {
                let s = line.scalars
                var i = 0
                while i < s.count {
                    guard s[i] == ".", line.prose[i] else { i += 1; continue }
                    var end = i
                    while end < s.count, s[end] == ".", line.prose[end] { end += 1 }
                    if end - i == 3, !(end < s.count && s[end] == "/"), !(i > 0 && s[i - 1] == ".") {
                        let edit = TextEdit(line: line.number, column: i + 1, endColumn: end + 1, replacement: "…")
                        findings.append(settings.finding(in: document, line: line.number, column: i + 1, endColumn: end + 1,
                            "write the ellipsis `…` (U+2026) instead of three dots", fix: CheckFix("replace with `…`", edits: [edit])))
                    }
                    i = end
                }
            }
        }
        return findings
    }
}
