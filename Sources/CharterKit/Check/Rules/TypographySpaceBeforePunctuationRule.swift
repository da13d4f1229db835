/// `typography/space-before-punctuation`: no space before a comma or a period.
struct TypographySpaceBeforePunctuationRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "typography/space-before-punctuation",
        summary: "No space before `,` or `.` (a period starting `...` or a number such as `.5` is left alone).",
        fixable: true)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        for document in context.clauses {
            for line in document.lines where line.zone == .title || line.zone == .body {
                let s = line.scalars
                for i in s.indices where (s[i] == "," || s[i] == ".") && line.prose[i] {
                    if s[i] == ".", i + 1 < s.count, s[i + 1] == "." || CheckScalars.isDigit(s[i + 1]) { continue }
                    var start = i
                    while start > 0, CheckScalars.isSpace(s[start - 1]), line.prose[start - 1] { start -= 1 }
                    guard start < i, start > 0, !CheckScalars.isSpace(s[start - 1]) else { continue }
                    let edit = TextEdit(line: line.number, column: start + 1, endColumn: i + 1, replacement: "")
                    findings.append(settings.finding(in: document, line: line.number, column: start + 1, endColumn: i + 2,
                        Message("check.spaceBeforePunctuation", ["mark": String(s[i])]), fix: CheckFix("remove the space", edits: [edit])))
                }
            }
        }
        return findings
    }
}
