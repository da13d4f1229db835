/// `text/length`: a clause stays short enough to be debated.
struct TextLengthRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "text/length",
        summary: "A clause's body has at most `max-words` words (a word is a run of characters between spaces holding a letter or a digit; code and addresses do not count).",
        defaultSeverity: .warning, scope: .clause,
        parameters: [RuleParameter("max-words", .integer(minimum: 1), default: "400", "the most words a clause may have")])

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        let maximum = settings.number("max-words") ?? 400
        var findings: [CheckFinding] = []
        for document in context.clauses {
            var count = 0
            var over: (line: Int, column: Int)?
            for line in document.lines[document.bodyRange] where line.zone == .body {
                let s = line.scalars
                var i = 0
                while i < s.count {
                    guard line.prose[i], !CheckScalars.isSpace(s[i]) else { i += 1; continue }
                    let start = i
                    var hasWord = false
                    while i < s.count, line.prose[i], !CheckScalars.isSpace(s[i]) {
                        if CheckScalars.isWord(s[i]) { hasWord = true }
                        i += 1
                    }
                    guard hasWord else { continue }
                    count += 1
                    if count == maximum + 1 { over = (line.number, start + 1) }
                }
            }
            if let over {
                findings.append(settings.finding(in: document, line: over.line, column: over.column,
                    Message("check.length", ["id": document.id, "count": String(count), "maximum": String(maximum)])))
            }
        }
        return findings
    }
}
