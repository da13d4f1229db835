/// `typography/nbsp`: French punctuation's no-break spaces.
///
/// A no-break space goes before `;` `:` `!` `?` and `»`, and after `«`. Not
/// flagged: the punctuation at the start of a line, `:` between digits
/// (`14:30`), the second mark of `?!`, `!` opening an image `![…]`, a mark
/// right after an opening bracket (`(?)`), and `«` at the end of a line.
struct TypographyNBSPRule: CheckRule {
    static func wantsSpaceBefore(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ";", ":", "!", "?", "»": return true
        default: return false
        }
    }

    let descriptor = RuleDescriptor(
        id: "typography/nbsp",
        summary: "A no-break space (U+00A0, or the narrow U+202F) before `; : ! ?` and `»`, and after `«`.",
        frenchOnly: true, fixable: true,
        parameters: [
            RuleParameter("space", .choice(["U+00A0", "U+202F", "any"]), default: "U+00A0",
                          "the space wanted: U+00A0 (no-break space), U+202F (narrow no-break space), or any (either is accepted; fixes insert U+00A0)"),
        ])

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        let choice = settings.text("space") ?? "U+00A0"
        let wanted: Unicode.Scalar = choice == "U+202F" ? CheckScalars.narrowNoBreakSpace : CheckScalars.noBreakSpace
        let acceptsBoth = choice == "any"
        let spaceName = wanted == CheckScalars.narrowNoBreakSpace ? "narrow no-break space (U+202F)" : "no-break space (U+00A0)"
        var findings: [CheckFinding] = []
        for document in context.clauses {
            for line in document.lines where line.zone == .title || line.zone == .body {
                let s = line.scalars
                for i in s.indices where line.prose[i] {
                    let c = s[i]
                    if TypographyNBSPRule.wantsSpaceBefore(c) {
                        if c == "!", i + 1 < s.count, s[i + 1] == "[" { continue }
                        if i > 0, c == "?" || c == "!", s[i - 1] == "?" || s[i - 1] == "!" { continue }
                        if c == ":", i > 0, i + 1 < s.count, CheckScalars.isDigit(s[i - 1]), CheckScalars.isDigit(s[i + 1]) { continue }
                        if let finding = before(mark: c, at: i, line: line, document: document, wanted: wanted,
                                                acceptsBoth: acceptsBoth, spaceName: spaceName, settings: settings) {
                            findings.append(finding)
                        }
                    } else if c == "«" {
                        if let finding = after(mark: c, end: i + 1, line: line, document: document, wanted: wanted,
                                               acceptsBoth: acceptsBoth, spaceName: spaceName, settings: settings) {
                            findings.append(finding)
                        }
                    }
                }
                // `&laquo;` and `&raquo;` are guillemets too.
                for (start, entity) in line.entities.sorted(by: { $0.key < $1.key }) {
                    let finding: CheckFinding?
                    switch entity.scalar {
                    case "«":
                        finding = after(mark: "«", end: entity.end, line: line, document: document, wanted: wanted,
                                        acceptsBoth: acceptsBoth, spaceName: spaceName, settings: settings)
                    case "»", ":", ";", "!", "?":
                        finding = before(mark: entity.scalar, at: start, line: line, document: document, wanted: wanted,
                                         acceptsBoth: acceptsBoth, spaceName: spaceName, settings: settings)
                    default:
                        finding = nil
                    }
                    if let finding { findings.append(finding) }
                }
            }
        }
        return findings
    }

    /// The finding for the space before the mark at `i`, nil when it is right. A character
    /// reference standing for a space (`&nbsp;`, `&#8239;`) counts as that space.
    private func before(mark c: Unicode.Scalar, at i: Int, line: CheckLine, document: ClauseDocument, wanted: Unicode.Scalar,
                        acceptsBoth: Bool, spaceName: String, settings: RuleSettings) -> CheckFinding? {
        let s = line.scalars
        var start = i
        while start > 0, CheckScalars.isSpace(s[start - 1]) { start -= 1 }
        guard start > 0 else { return nil }
        if start == i, let entity = line.entity(endingAt: i) {
            if CheckScalars.isSpace(entity.scalar) {
                return judgeEntity(entity.start..<i, scalar: entity.scalar, mark: c, before: true, line: line, document: document,
                                   wanted: wanted, acceptsBoth: acceptsBoth, spaceName: spaceName, settings: settings)
            }
            if entity.scalar == "«" { return nil }
        }
        if start == i, "([{«/".unicodeScalars.contains(s[i - 1]) { return nil }
        return judge(run: start..<i, mark: c, before: true, line: line, document: document,
                     wanted: wanted, acceptsBoth: acceptsBoth, spaceName: spaceName, settings: settings)
    }

    /// The finding for the space after a `«` that ends before `end`, nil when it is right.
    private func after(mark c: Unicode.Scalar, end markEnd: Int, line: CheckLine, document: ClauseDocument, wanted: Unicode.Scalar,
                       acceptsBoth: Bool, spaceName: String, settings: RuleSettings) -> CheckFinding? {
        let s = line.scalars
        var end = markEnd
        while end < s.count, CheckScalars.isSpace(s[end]) { end += 1 }
        guard end < s.count else { return nil }
        if end == markEnd, let entity = line.entities[end], CheckScalars.isSpace(entity.scalar) {
            return judgeEntity(end..<entity.end, scalar: entity.scalar, mark: c, before: false, line: line, document: document,
                               wanted: wanted, acceptsBoth: acceptsBoth, spaceName: spaceName, settings: settings)
        }
        return judge(run: markEnd..<end, mark: c, before: false, line: line, document: document,
                     wanted: wanted, acceptsBoth: acceptsBoth, spaceName: spaceName, settings: settings)
    }

    /// A space written as a character reference: right when it stands for the wanted space; else
    /// the fix replaces the reference with that space.
    private func judgeEntity(_ range: Range<Int>, scalar: Unicode.Scalar, mark: Unicode.Scalar, before: Bool, line: CheckLine,
                             document: ClauseDocument, wanted: Unicode.Scalar, acceptsBoth: Bool, spaceName: String,
                             settings: RuleSettings) -> CheckFinding? {
        if scalar == wanted || (acceptsBoth && CheckScalars.isNoBreakSpace(scalar)) { return nil }
        let edit = TextEdit(line: line.number, column: range.lowerBound + 1, endColumn: range.upperBound + 1, replacement: String(wanted))
        let side = before ? "before" : "after"
        return settings.finding(in: document, line: line.number, column: range.lowerBound + 1, endColumn: range.upperBound + 1,
                                Message("check.nbsp.use.\(TypographyNBSPRule.kind(wanted)).\(side)", ["mark": String(mark), "found": CheckScalars.name(scalar)]),
                                fix: CheckFix("use \(CheckScalars.name(wanted))", edits: [edit]))
    }

    /// The finding for the spaces `run` next to `mark`, nil when they are right.
    private func judge(run: Range<Int>, mark: Unicode.Scalar, before: Bool, line: CheckLine, document: ClauseDocument,
                       wanted: Unicode.Scalar, acceptsBoth: Bool, spaceName: String, settings: RuleSettings) -> CheckFinding? {
        let spaces = Array(line.scalars[run])
        if spaces.count == 1, spaces[0] == wanted || (acceptsBoth && CheckScalars.isNoBreakSpace(spaces[0])) { return nil }
        // The fix never touches text outside prose (a code span, a URL).
        guard run.allSatisfy({ line.prose[$0] }) else { return nil }
        let markColumn = (before ? run.upperBound : run.lowerBound - 1) + 1
        let side = before ? "before" : "after"
        let edit = TextEdit(line: line.number, column: run.lowerBound + 1, endColumn: run.upperBound + 1, replacement: String(wanted))
        let message: Message
        let fixText: String
        if spaces.isEmpty {
            message = Message("check.nbsp.insert.\(TypographyNBSPRule.kind(wanted)).\(side)", ["mark": String(mark)])
            fixText = "insert a \(spaceName)"
        } else if spaces.count == 1, CheckScalars.isNoBreakSpace(spaces[0]) {
            message = Message("check.nbsp.use.\(TypographyNBSPRule.kind(wanted)).\(side)", ["mark": String(mark), "found": CheckScalars.name(spaces[0])])
            fixText = "use \(CheckScalars.name(wanted))"
        } else {
            message = Message("check.nbsp.replace.\(TypographyNBSPRule.kind(wanted)).\(side)", ["mark": String(mark)])
            fixText = "use \(CheckScalars.name(wanted))"
        }
        let column = before ? run.lowerBound + 1 : markColumn
        let endColumn = before ? markColumn + 1 : max(run.upperBound + 1, markColumn + 1)
        return settings.finding(in: document, line: line.number, column: column, endColumn: endColumn,
                                message, fix: CheckFix(fixText, edits: [edit]))
    }

    /// The catalogue's name of the wanted space (`check.nbsp.<what>.<kind>.<side>`).
    static func kind(_ wanted: Unicode.Scalar) -> String {
        wanted == CheckScalars.narrowNoBreakSpace ? "narrow" : "nbsp"
    }
}
