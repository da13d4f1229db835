/// `typography/trailing-whitespace`: no spaces at the end of a line.
struct TypographyTrailingWhitespaceRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "typography/trailing-whitespace",
        summary: "No line of a clause file (front matter included, fenced code excepted) ends with spaces or tabs; for a line break inside a paragraph, end the line with `\\`.",
        fixable: true)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        for document in context.clauses {
            for line in document.lines where line.zone != .code {
                let s = line.scalars
                var start = s.count
                while start > 0, CheckScalars.isSpace(s[start - 1]) { start -= 1 }
                guard start < s.count else { continue }
                if line.zone == .body, !(start..<s.count).allSatisfy({ line.prose[$0] }) { continue }
                let edit = TextEdit(line: line.number, column: start + 1, endColumn: s.count + 1, replacement: "")
                findings.append(settings.finding(in: document, line: line.number, column: start + 1, endColumn: s.count + 1,
                    Message("check.trailingWhitespace"), fix: CheckFix("remove the trailing whitespace", edits: [edit])))
            }
        }
        return findings
    }
}
