/// `text/brackets`: parentheses and square brackets are balanced within a paragraph.
///
/// A `)` that closes nothing after an enumerator (`a)`, `2)`, `iii)`) is an
/// enumeration mark, not an error.
struct TextBracketsRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "text/brackets",
        summary: "Parentheses `( )` and square brackets `[ ]` are balanced and properly nested within each paragraph (and the title).",
        scope: .clause)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        for document in context.clauses {
            var open: [(scalar: Unicode.Scalar, line: Int, column: Int)] = []
            var zone = CheckLine.Zone.title
            func flush() {
                for place in open {
                    let closer = place.scalar == "(" ? ")" : "]"
                    findings.append(settings.finding(in: document, line: place.line, column: place.column, endColumn: place.column + 1,
                        Message("check.brackets.unclosed", ["mark": String(place.scalar), "closer": closer])))
                }
                open.removeAll()
            }
            for line in document.lines where line.zone == .title || line.zone == .body {
                if line.zone != zone || line.isBlank {
                    flush()
                    zone = line.zone
                }
                let s = line.scalars
                for i in s.indices where line.prose[i] {
                    switch s[i] {
                    case "(", "[":
                        open.append((s[i], line.number, i + 1))
                    case ")", "]":
                        let opener: Unicode.Scalar = s[i] == ")" ? "(" : "["
                        if let last = open.last {
                            if last.scalar == opener {
                                open.removeLast()
                            } else {
                                findings.append(settings.finding(in: document, line: line.number, column: i + 1, endColumn: i + 2,
                                    Message("check.brackets.mismatched", ["mark": String(s[i]), "open": String(last.scalar),
                                                                 "line": String(last.line), "column": String(last.column)])))
                                open.removeLast()
                            }
                        } else if s[i] == ")", TextBracketsRule.isEnumerator(s, before: i) {
                            continue
                        } else {
                            findings.append(settings.finding(in: document, line: line.number, column: i + 1, endColumn: i + 2,
                                Message("check.brackets.unopened", ["mark": String(s[i]), "opener": String(opener)])))
                        }
                    default:
                        break
                    }
                }
            }
            flush()
        }
        return findings
    }

    /// `a)`, `2)`, `iv)`: one to three letters or digits after a space or the line's start.
    static func isEnumerator(_ s: [Unicode.Scalar], before index: Int) -> Bool {
        var start = index
        while start > 0, index - start < 4, CheckScalars.isWord(s[start - 1]) { start -= 1 }
        let length = index - start
        guard length >= 1, length <= 3 else { return false }
        return start == 0 || CheckScalars.isSpace(s[start - 1])
    }
}
