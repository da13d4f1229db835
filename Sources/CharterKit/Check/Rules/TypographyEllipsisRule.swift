/// `typography/ellipsis`: three dots are one character, `…`.
struct TypographyEllipsisRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "typography/ellipsis",
        summary: "Three dots `...` are written as the ellipsis character `…` (U+2026); runs of four or more dots are left alone; `etc...` and `etc…` are written `etc.`.",
        frenchOnly: true, fixable: true)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        for document in context.clauses {
            for line in document.lines where line.zone == .title || line.zone == .body {
                let s = line.scalars
                var i = 0
                while i < s.count {
                    if s[i] == "…", line.prose[i], TypographyEllipsisRule.followsEtc(s, i) {
                        findings.append(etc(line: line, range: i..<(i + 1), document: document, settings: settings))
                        i += 1
                        continue
                    }
                    guard s[i] == ".", line.prose[i] else { i += 1; continue }
                    var end = i
                    while end < s.count, s[end] == ".", line.prose[end] { end += 1 }
                    if end - i == 3, TypographyEllipsisRule.followsEtc(s, i) {
                        findings.append(etc(line: line, range: i..<end, document: document, settings: settings))
                    } else if end - i == 3, !(end < s.count && s[end] == "/"), !(i > 0 && s[i - 1] == ".") {
                        let edit = TextEdit(line: line.number, column: i + 1, endColumn: end + 1, replacement: "…")
                        findings.append(settings.finding(in: document, line: line.number, column: i + 1, endColumn: end + 1,
                            Message("check.ellipsis"), fix: CheckFix("replace with `…`", edits: [edit])))
                    }
                    i = end
                }
            }
        }
        return findings
    }

    /// Whether `s[..<index]` ends with the word `etc` (any case).
    static func followsEtc(_ s: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index >= 3 else { return false }
        let word = String(String.UnicodeScalarView(s[(index - 3)..<index])).lowercased()
        return word == "etc" && (index == 3 || !CheckScalars.isWord(s[index - 4]))
    }

    /// `etc...` or `etc…`: « etc. » takes one period, never an ellipsis.
    private func etc(line: CheckLine, range: Range<Int>, document: ClauseDocument, settings: RuleSettings) -> CheckFinding {
        let edit = TextEdit(line: line.number, column: range.lowerBound + 1, endColumn: range.upperBound + 1, replacement: ".")
        return settings.finding(in: document, line: line.number, column: range.lowerBound + 1, endColumn: range.upperBound + 1,
                                Message("check.ellipsis.etc"), fix: CheckFix("replace with `.`", edits: [edit]))
    }
}
