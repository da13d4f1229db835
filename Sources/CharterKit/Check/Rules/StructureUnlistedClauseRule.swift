/// `structure/unlisted-clause`: every clause file is listed in the manifest.
struct StructureUnlistedClauseRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "structure/unlisted-clause",
        summary: "Every file in `clauses/` is listed in one of the manifest's sections.",
        scope: .charter)

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        let manifest = context.manifest
        guard manifest.structureIsKnown else { return [] }
        let listed = Set(manifest.listed.compactMap(\.field.value))
        return context.clauses.compactMap { document in
            guard !listed.contains(document.id) else { return nil }
            let line = document.idField?.line ?? 1
            return settings.finding(in: document, line: line,
                Message("check.unlistedClause", ["id": document.id, "manifest": manifest.path]))
        }
    }
}
