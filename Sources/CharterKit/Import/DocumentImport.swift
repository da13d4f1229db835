import Foundation

/// Makes a charter from a Markdown document cut at one heading level.
public enum DocumentImport {
    /// The id given to text that comes before the first cut heading.
    public static let preambleID = ClauseID("preambule")!

    /// Builds the charter; with `previous` (the charter made from the
    /// document's earlier revision), sections keep the ids of the clauses they
    /// continue. Territories and consensus rule are carried over from `previous`.
    public static func charter(from document: MarkdownDocument, title: String?, language: String = "fr",
                               previous: Charter? = nil) -> Charter {
        var sections: [(title: String, body: String)] = []
        var groupOfSection: [Int] = []
        var groupTitles: [String] = []
        let hasPreamble = document.preamble != nil
        for (groupIndex, group) in document.groups.enumerated() {
            groupTitles.append(group.title ?? (language == "fr" ? "Articles" : "Clauses"))
            for part in group.parts {
                sections.append((part.title, part.body))
                groupOfSection.append(groupIndex)
            }
        }
        let previousClauses = previous.map { $0.numbered.map(\.clause).filter { $0.id != preambleID } } ?? []
        let ids = ClauseMatcher.assignIDs(previous: previousClauses, new: sections,
                                          reserved: hasPreamble ? [preambleID.rawValue] : [])
        var clauses: [ClauseID: Clause] = [:]
        var manifestSections: [Section] = []
        if let preamble = document.preamble {
            let body = String(preamble.drop { $0 == "\n" })
            let preambleTitle = previous?.clauses[preambleID]?.title ?? (language == "fr" ? "Préambule" : "Preamble")
            clauses[preambleID] = Clause(id: preambleID, title: preambleTitle, body: body)
            manifestSections.append(Section(title: preambleTitle, clauses: [preambleID]))
        }
        for (groupIndex, groupTitle) in groupTitles.enumerated() {
            var sectionIDs: [ClauseID] = []
            for index in sections.indices where groupOfSection[index] == groupIndex {
                let id = ids[index]
                clauses[id] = Clause(id: id, title: sections[index].title, body: sections[index].body)
                sectionIDs.append(id)
            }
            if !sectionIDs.isEmpty || document.groups[groupIndex].title != nil {
                manifestSections.append(Section(title: groupTitle, clauses: sectionIDs))
            }
        }
        let manifest = Manifest(
            title: title ?? document.title ?? previous?.manifest.title ?? "Charte",
            language: language,
            sections: manifestSections,
            territories: previous?.manifest.territories ?? [],
            consensus: previous?.manifest.consensus ?? ConsensusRule())
        return Charter(manifest: manifest, clauses: clauses)
    }
}
