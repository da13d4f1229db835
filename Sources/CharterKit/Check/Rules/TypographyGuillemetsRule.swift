/// `typography/guillemets`: « and » come in pairs.
struct TypographyGuillemetsRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "typography/guillemets",
        summary: "Every `«` is closed by a `»` in the same clause (the title on its own), and every `»` closes a `«`.",
        frenchOnly: true, scope: .clause)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        for document in context.clauses {
            for zone in [CheckLine.Zone.title, .body] {
                var open: [(line: Int, column: Int)] = []
                for line in document.lines where line.zone == zone {
                    // Guillemets typed as characters or as `&laquo;` / `&raquo;`, in reading order.
                    var marks: [(index: Int, scalar: Unicode.Scalar)] = line.scalars.indices
                        .filter { line.prose[$0] && (line.scalars[$0] == "«" || line.scalars[$0] == "»") }
                        .map { ($0, line.scalars[$0]) }
                    marks += line.entities.filter { $0.value.scalar == "«" || $0.value.scalar == "»" }.map { ($0.key, $0.value.scalar) }
                    for mark in marks.sorted(by: { $0.index < $1.index }) {
                        let i = mark.index
                        if mark.scalar == "«" {
                            open.append((line.number, i + 1))
                        } else if open.popLast() == nil {
                            findings.append(settings.finding(in: document, line: line.number, column: i + 1, endColumn: i + 2,
                                Message("check.guillemets.unopened")))
                        }
                    }
                }
                for place in open {
                    findings.append(settings.finding(in: document, line: place.line, column: place.column, endColumn: place.column + 1,
                        Message("check.guillemets.unclosed")))
                }
            }
        }
        return findings
    }
}
