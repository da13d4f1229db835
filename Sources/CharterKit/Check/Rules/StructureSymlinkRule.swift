/// `structure/symlink`: no charter file is a symbolic link.
struct StructureSymlinkRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/symlink",
        summary: "No charter file is a symbolic link: git stores the link, not the text checked through it.")

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        guard !context.symlinks.isEmpty else { return [] }
        var findings: [CheckFinding] = []
        let hint = " — replace the link by the file itself (`cp --remove-destination \"$(readlink FILE)\" FILE`)"
        if context.symlinks.contains(ManifestFile.fileName) {
            findings.append(settings.finding(in: context.manifest, line: 1,
                Message("reliability.symlink", ["path": context.manifest.path]).text(in: .en) + hint))
        }
        for document in context.clauses where context.symlinks.contains("clauses/\(document.fileName)") {
            findings.append(settings.finding(in: document, line: 1,
                Message("reliability.symlink", ["path": document.path]).text(in: .en) + hint))
        }
        return findings
    }
}
