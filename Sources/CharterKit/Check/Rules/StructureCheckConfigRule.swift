/// `structure/check-config`: the manifest's `check:` section is understood.
struct StructureCheckConfigRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/check-config",
        summary: "The manifest's `check:` section names known rules, severities and parameters.")

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        context.manifest.configuration.problems.map {
            settings.finding(in: context.manifest, line: $0.line, column: $0.column, $0.message)
        }
    }
}
