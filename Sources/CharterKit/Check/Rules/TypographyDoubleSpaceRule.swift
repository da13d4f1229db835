/// `typography/double-space`: one space between words.
struct TypographyDoubleSpaceRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "typography/double-space",
        summary: "Words are separated by one space, not two or more (indentation and line ends are not concerned).",
        fixable: true)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        for document in context.clauses {
            for line in document.lines where line.zone == .title || line.zone == .body {
                let s = line.scalars
                var i = 0
                while i < s.count {
                    guard s[i] == " ", line.prose[i] else { i += 1; continue }
                    var end = i
                    while end < s.count, s[end] == " ", line.prose[end] { end += 1 }
                    defer { i = end }
                    guard end - i >= 2, i > 0, !CheckScalars.isSpace(s[i - 1]), end < s.count, !CheckScalars.isSpace(s[end]) else { continue }
                    let edit = TextEdit(line: line.number, column: i + 1, endColumn: end + 1, replacement: " ")
                    findings.append(settings.finding(in: document, line: line.number, column: i + 1, endColumn: end + 1,
                        Message("check.doubleSpace", count: end - i), fix: CheckFix("leave one space", edits: [edit])))
                }
            }
        }
        return findings
    }
}
