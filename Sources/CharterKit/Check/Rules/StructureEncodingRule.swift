/// `structure/encoding`: every file is valid UTF-8.
struct StructureEncodingRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/encoding",
        summary: "The manifest and every clause file are valid UTF-8 (nothing else is checked in a file that is not).")

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        let message = "the file is not valid UTF-8 (the first bad byte is on this line): save it as UTF-8"
        if let error = context.manifest.decodeError {
            findings.append(settings.finding(in: context.manifest, line: error.line ?? 1, message))
        }
        for document in context.clauses {
            if let error = document.decodeError {
                findings.append(settings.finding(in: document, line: error.line ?? 1, message))
            }
        }
        return findings
    }
}
