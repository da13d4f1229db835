/// The English phrases the renderers share, so the terminal, Markdown and
/// HTML forms describe a change in the same words.
enum DiffWording {
    static func quoted(_ text: String) -> String { "« \(text) »" }

    /// "modified (+12 −3 words), moved 5 → 7", for a clause change.
    static func kinds(_ change: ClauseChange) -> String {
        change.kinds.map { phrase($0, change) }.joined(separator: ", ")
    }

    static func phrase(_ kind: ClauseChange.Kind, _ change: ClauseChange) -> String {
        switch kind {
        case .added: return "added"
        case .removed: return "removed"
        case .modified:
            let body = change.body
            return "modified (+\(body?.insertedWords ?? 0) −\(body?.deletedWords ?? 0) words)"
        case .retitled:
            return "retitled (was \(quoted(change.oldTitle ?? "")))"
        case .moved:
            switch (change.oldNumber, change.newNumber) {
            case let (old?, new?):
                let sectionChanged = !(change.oldSection ?? "").utf8Equal(to: change.newSection ?? "")
                let sections = "\(quoted(change.oldSection ?? "")) → \(quoted(change.newSection ?? ""))"
                if old == new { return sectionChanged ? "moved from \(sections)" : "moved" }
                return sectionChanged ? "moved \(old) → \(new) (\(sections))" : "moved \(old) → \(new)"
            case (nil, let new?): return "moved into the structure as \(new)"
            case (let old?, nil): return "moved out of the structure (was \(old))"
            case (nil, nil): return "moved"
            }
        case .renumbered:
            return "renumbered \(change.oldNumber.map(String.init) ?? "?") → \(change.newNumber.map(String.init) ?? "?")"
        case .fieldsChanged:
            return "fields changed (\(change.fields.map(\.key).joined(separator: ", ")))"
        }
    }

    /// One line per manifest change ("title: « A » → « B »", …).
    static func manifestLines(_ diff: CharterDiff) -> [String] {
        let manifest = diff.manifest, clauses = diff.clauses
        var lines: [String] = []
        if let title = manifest.title {
            lines.append("title: \(quoted(title.old)) → \(quoted(title.new))")
        }
        if let language = manifest.language {
            lines.append("language: \(language.old) → \(language.new)")
        }
        for section in manifest.sections {
            lines.append(sectionLine(section))
        }
        // A structure change the section and clause lines do not explain.
        if manifest.structure != nil, manifest.sections.isEmpty,
           !clauses.contains(where: { $0.has(.added) || $0.has(.removed) || $0.has(.moved) }) {
            lines.append("structure changed")
        }
        if let territories = manifest.territories {
            lines.append("territories: " + territoryChanges(territories))
        }
        if let consensus = manifest.consensus {
            lines.append("consensus rule: \(rule(consensus.old)) → \(rule(consensus.new))")
        }
        return lines
    }

    static func sectionLine(_ section: SectionChange) -> String {
        let place = (section.newIndex ?? section.oldIndex).map { "\($0 + 1) " } ?? ""
        let title = quoted(section.newTitle ?? section.oldTitle ?? "")
        let phrases = section.kinds.map { kind -> String in
            switch kind {
            case .added: "added"
            case .removed: "removed"
            case .retitled: "retitled (was \(quoted(section.oldTitle ?? "")))"
            case .moved: "moved \((section.oldIndex ?? 0) + 1) → \((section.newIndex ?? 0) + 1)"
            }
        }
        return "section \(place)\(title): \(phrases.joined(separator: ", "))"
    }

    static func territoryChanges(_ change: ValueChange<[Territory]>) -> String {
        let old = Dictionary(change.old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(change.new.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var parts: [String] = []
        for territory in change.new where old[territory.id] == nil { parts.append("+\(territory.id)") }
        for territory in change.old where new[territory.id] == nil { parts.append("−\(territory.id)") }
        for territory in change.new {
            if let before = old[territory.id], before != territory { parts.append("~\(territory.id)") }
        }
        return parts.isEmpty ? "order changed" : parts.joined(separator: " ")
    }

    static func rule(_ rule: ConsensusRule) -> String {
        var text = rule.kind.rawValue
        var details: [String] = []
        if let quorum = rule.quorum { details.append("quorum \(quorum)") }
        if let threshold = rule.threshold { details.append("threshold \(threshold)") }
        if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
        return text
    }
}
