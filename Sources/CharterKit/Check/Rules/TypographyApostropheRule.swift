/// `typography/apostrophe`: one kind of apostrophe, typographic by default.
///
/// Only an apostrophe between two letters is an apostrophe (`l’alliance`,
/// `aujourd’hui`); quotes and primes are left alone.
struct TypographyApostropheRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "typography/apostrophe",
        summary: "Apostrophes between letters are the typographic `’` (U+2019), or the straight `'` (U+0027) with `style: straight`.",
        frenchOnly: true, fixable: true,
        parameters: [
            RuleParameter("style", .choice(["typographic", "straight"]), default: "typographic", "which apostrophe to write"),
        ])

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        let typographic = (settings.text("style") ?? "typographic") == "typographic"
        let wrong: Unicode.Scalar = typographic ? "'" : "\u{2019}"
        let right = typographic ? "’" : "'"
        let message = typographic
            ? Message("check.apostrophe.typographic")
            : Message("check.apostrophe.straight")
        var findings: [CheckFinding] = []
        for document in context.clauses {
            for line in document.lines where line.zone == .title || line.zone == .body {
                let s = line.scalars
                for i in s.indices where s[i] == wrong && line.prose[i] {
                    guard i > 0, i + 1 < s.count, CheckScalars.isLetter(s[i - 1]), CheckScalars.isLetter(s[i + 1]) else { continue }
                    let edit = TextEdit(line: line.number, column: i + 1, endColumn: i + 2, replacement: right)
                    findings.append(settings.finding(in: document, line: line.number, column: i + 1, endColumn: i + 2, message,
                                                     fix: CheckFix("replace with `\(right)`", edits: [edit])))
                }
            }
        }
        return findings
    }
}
