/// The phrases the renderers share, so the terminal, Markdown and HTML forms describe a change in
/// the same words: English by default, the reader's language where the renderer is given one
/// (catalogue keys `cli.diff.`).
enum DiffWording {
    private static func say(_ key: String, count: Int? = nil, _ arguments: [String: String], _ language: Language) -> String {
        MessageCatalogue.text(key, count: count, arguments, in: language)
    }

    private static func say(_ key: String, count: Int? = nil, _ language: Language) -> String {
        MessageCatalogue.text(key, count: count, in: language)
    }

    /// « text »: with no-break spaces inside in French.
    static func quoted(_ text: String, in language: Language = .en) -> String {
        language == .fr ? "«\u{00A0}\(text)\u{00A0}»" : "« \(text) »"
    }

    /// "modified (+12 −3 words), moved 5 → 7", for a clause change.
    static func kinds(_ change: ClauseChange, in language: Language = .en) -> String {
        change.kinds.map { phrase($0, change, in: language) }.joined(separator: ", ")
    }

    static func phrase(_ kind: ClauseChange.Kind, _ change: ClauseChange, in language: Language = .en) -> String {
        switch kind {
        case .added: return say("cli.diff.added", language)
        case .removed: return say("cli.diff.removed", language)
        case .modified:
            let inserted = change.body?.insertedWords ?? 0, deleted = change.body?.deletedWords ?? 0
            return say("cli.diff.modified", count: inserted + deleted,
                       ["inserted": String(inserted), "deleted": String(deleted)], language)
        case .retitled:
            return say("cli.diff.retitled", ["old": change.oldTitle ?? ""], language)
        case .moved:
            switch (change.oldNumber, change.newNumber) {
            case let (old?, new?):
                let sectionChanged = !(change.oldSection ?? "").utf8Equal(to: change.newSection ?? "")
                let sections = ["oldSection": change.oldSection ?? "", "newSection": change.newSection ?? "",
                                "old": String(old), "new": String(new)]
                if old == new { return sectionChanged ? say("cli.diff.movedSection", sections, language) : say("cli.diff.movedInPlace", language) }
                return say(sectionChanged ? "cli.diff.movedNumberSection" : "cli.diff.movedNumber", sections, language)
            case (nil, let new?): return say("cli.diff.movedIn", ["new": String(new)], language)
            case (let old?, nil): return say("cli.diff.movedOut", ["old": String(old)], language)
            case (nil, nil): return say("cli.diff.movedInPlace", language)
            }
        case .renumbered:
            return say("cli.diff.renumbered", ["old": change.oldNumber.map(String.init) ?? "?",
                                               "new": change.newNumber.map(String.init) ?? "?"], language)
        case .fieldsChanged:
            return say("cli.diff.fields", ["fields": change.fields.map(\.key).joined(separator: ", ")], language)
        }
    }

    /// One line per manifest change ("title: « A » → « B »", …).
    static func manifestLines(_ diff: CharterDiff, in language: Language = .en) -> [String] {
        let manifest = diff.manifest, clauses = diff.clauses
        var lines: [String] = []
        if let title = manifest.title {
            lines.append(say("cli.diff.manifest.title", ["old": title.old, "new": title.new], language))
        }
        if let change = manifest.language {
            lines.append(say("cli.diff.manifest.language", ["old": change.old, "new": change.new], language))
        }
        for section in manifest.sections {
            lines.append(sectionLine(section, in: language))
        }
        // A structure change the section and clause lines do not explain.
        if manifest.structure != nil, manifest.sections.isEmpty,
           !clauses.contains(where: { $0.has(.added) || $0.has(.removed) || $0.has(.moved) }) {
            lines.append(say("cli.diff.manifest.structure", language))
        }
        if let territories = manifest.territories {
            lines.append(say("cli.diff.manifest.territories", ["changes": territoryChanges(territories, in: language)], language))
        }
        if let consensus = manifest.consensus {
            lines.append(say("cli.diff.manifest.rule", ["old": rule(consensus.old, in: language), "new": rule(consensus.new, in: language)], language))
        }
        return lines
    }

    static func sectionLine(_ section: SectionChange, in language: Language = .en) -> String {
        let place = (section.newIndex ?? section.oldIndex).map { "\($0 + 1) " } ?? ""
        let title = quoted(section.newTitle ?? section.oldTitle ?? "", in: language)
        let phrases = section.kinds.map { kind -> String in
            switch kind {
            case .added: say("cli.diff.section.added", language)
            case .removed: say("cli.diff.section.removed", language)
            case .retitled: say("cli.diff.section.retitled", ["old": section.oldTitle ?? ""], language)
            case .moved: say("cli.diff.section.moved", ["old": String((section.oldIndex ?? 0) + 1), "new": String((section.newIndex ?? 0) + 1)], language)
            }
        }
        return say("cli.diff.section", ["place": place, "title": title, "changes": phrases.joined(separator: ", ")], language)
    }

    static func territoryChanges(_ change: ValueChange<[Territory]>, in language: Language = .en) -> String {
        let old = Dictionary(change.old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(change.new.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var parts: [String] = []
        for territory in change.new where old[territory.id] == nil { parts.append("+\(territory.id)") }
        for territory in change.old where new[territory.id] == nil { parts.append("−\(territory.id)") }
        for territory in change.new {
            if let before = old[territory.id], before != territory { parts.append("~\(territory.id)") }
        }
        return parts.isEmpty ? say("cli.diff.manifest.order", language) : parts.joined(separator: " ")
    }

    static func rule(_ rule: ConsensusRule, in language: Language = .en) -> String {
        if language != .en { return language.rule(rule) }
        var text = rule.kind.rawValue
        var details: [String] = []
        if let quorum = rule.quorum { details.append("quorum \(quorum)") }
        if let threshold = rule.threshold { details.append("threshold \(threshold)") }
        if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
        return text
    }
}
