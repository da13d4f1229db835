/// `structure/heading-level`: headings inside a clause sit below its title and do not skip levels.
struct StructureHeadingLevelRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/heading-level",
        summary: "Headings inside a clause start at `min-level` (the clause title is the level-1 heading), stay at or above `max-level`, and go down one level at a time.",
        defaultSeverity: .warning,
        parameters: [
            RuleParameter("min-level", .integer(minimum: 1), default: "2", "the level of the first heading inside a clause"),
            RuleParameter("max-level", .integer(minimum: 1), default: "6", "the deepest level allowed"),
        ])

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        let minimum = settings.number("min-level") ?? 2
        let maximum = settings.number("max-level") ?? 6
        var findings: [CheckFinding] = []
        for document in context.clauses {
            var previous = minimum - 1
            for line in document.lines[document.bodyRange] where line.zone == .body {
                guard let (level, column) = StructureHeadingLevelRule.heading(line) else { continue }
                let marks = String(repeating: "#", count: level)
                if level < minimum {
                    findings.append(settings.finding(in: document, line: line.number, column: column, endColumn: column + level,
                        "a heading inside a clause starts at level \(minimum) (`\(String(repeating: "#", count: minimum))`), not `\(marks)`: the clause title is the level-1 heading"))
                } else if level > maximum {
                    findings.append(settings.finding(in: document, line: line.number, column: column, endColumn: column + level,
                        "`\(marks)` is deeper than level \(maximum): use at most \(String(repeating: "#", count: maximum))"))
                } else if level > previous + 1 {
                    findings.append(settings.finding(in: document, line: line.number, column: column, endColumn: column + level,
                        "the heading jumps from level \(previous) to level \(level): use `\(String(repeating: "#", count: previous + 1))`"))
                }
                previous = level
            }
        }
        return findings
    }

    /// An ATX heading: its level and the column of its first `#`.
    static func heading(_ line: CheckLine) -> (level: Int, column: Int)? {
        var start = 0
        while start < line.scalars.count, start < 4, line.scalars[start] == " " { start += 1 }
        guard start < 4, start < line.scalars.count, line.scalars[start] == "#", line.prose[start] else { return nil }
        var level = 0
        while start + level < line.scalars.count, line.scalars[start + level] == "#" { level += 1 }
        guard level <= 6 else { return nil }
        let after = start + level
        guard after == line.scalars.count || line.scalars[after] == " " || line.scalars[after] == "\t" else { return nil }
        return (level, start + 1)
    }
}
