import Foundation

/// Gives the sections of a new revision of a document the ids of the clauses
/// they continue: same title first, then similar text at a similar place, so a
/// renamed heading keeps its id.
public enum ClauseMatcher {
    /// The similarity (0…1) needed to carry an id over to a retitled section.
    public static let threshold = 0.5

    /// `previous` in reading order; returns one id per new section, in order.
    public static func assignIDs(previous: [Clause], new sections: [(title: String, body: String)], reserved: Set<String> = []) -> [ClauseID] {
        var assigned = [ClauseID?](repeating: nil, count: sections.count)
        var used = Set<ClauseID>()
        // 1. Same title, when the title is unambiguous on both sides.
        let previousByTitle = Dictionary(grouping: previous, by: \.title)
        let newTitleCounts = Dictionary(sections.map { ($0.title, 1) }, uniquingKeysWith: +)
        for (index, section) in sections.enumerated() {
            guard newTitleCounts[section.title] == 1, let candidates = previousByTitle[section.title], candidates.count == 1 else { continue }
            assigned[index] = candidates[0].id
            used.insert(candidates[0].id)
        }
        // 2. Similar text, with a bonus for the same position.
        let previousWords = previous.map { words($0.body) }
        var pairs: [(score: Double, new: Int, old: Int)] = []
        for (index, section) in sections.enumerated() where assigned[index] == nil {
            let sectionWords = words(section.body)
            for (oldIndex, clause) in previous.enumerated() where !used.contains(clause.id) {
                var score = jaccard(sectionWords, previousWords[oldIndex])
                if oldIndex == index { score += 0.15 }
                if score >= threshold { pairs.append((score, index, oldIndex)) }
            }
        }
        for pair in pairs.sorted(by: { ($0.score, $1.new) > ($1.score, $0.new) }) {
            let id = previous[pair.old].id
            guard assigned[pair.new] == nil, !used.contains(id) else { continue }
            assigned[pair.new] = id
            used.insert(id)
        }
        // 3. New ids for new sections.
        var taken = Set(used.map(\.rawValue)).union(reserved).union(previous.map(\.id.rawValue))
        return sections.indices.map { index in
            if let id = assigned[index] { return id }
            let slug = Slug.unique(sections[index].title, taken: taken)
            taken.insert(slug)
            return ClauseID(slug) ?? ClauseID("clause")!
        }
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}
