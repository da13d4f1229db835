/// The summary line of a diff in the reader's language (« 3 clauses modifiées, 1 ajoutée »).
extension DiffSummary {
    public func text(in language: Language) -> String {
        let order: [(ClauseChange.Kind, String)] = [
            (.modified, "modified"), (.added, "added"), (.removed, "removed"), (.retitled, "retitled"),
            (.moved, "moved"), (.renumbered, "renumbered"), (.fieldsChanged, "fields"),
        ]
        var parts: [String] = []
        for (kind, word) in order where self[kind] > 0 {
            let key = parts.isEmpty ? "cli.diff.summary.first.\(word)" : "cli.diff.summary.\(word)"
            parts.append(MessageCatalogue.text(key, count: self[kind], in: language))
        }
        return parts.isEmpty ? MessageCatalogue.text("cli.diff.summary.none", in: language) : parts.joined(separator: ", ")
    }
}
