/// Pairs the old sections with the new ones, since sections have no id:
/// first by identical title (in order), then by the most clauses shared, then
/// by standing at the same index. Unpaired sections were added or removed.
struct SectionMatching {
    /// For each old section index, the new section index it became.
    var oldToNew: [Int?]
    /// For each new section index, the old section index it came from.
    var newToOld: [Int?]

    init(_ old: [Section], _ new: [Section]) {
        var oldToNew = [Int?](repeating: nil, count: old.count)
        var newToOld = [Int?](repeating: nil, count: new.count)
        func pair(_ i: Int, _ j: Int) {
            oldToNew[i] = j
            newToOld[j] = i
        }

        // 1. Same title.
        var newByTitle: [[UInt8]: [Int]] = [:]
        for (j, section) in new.enumerated().reversed() {
            newByTitle[Array(section.title.utf8), default: []].append(j)
        }
        for (i, section) in old.enumerated() {
            let key = Array(section.title.utf8)
            if let j = newByTitle[key]?.popLast() { pair(i, j) }
        }

        // 2. Most clauses in common, greedily.
        let unpairedOld = old.indices.filter { oldToNew[$0] == nil }
        let unpairedNew = new.indices.filter { newToOld[$0] == nil }
        if !unpairedOld.isEmpty && !unpairedNew.isEmpty {
            var candidates: [(shared: Int, i: Int, j: Int)] = []
            let newSets = Dictionary(uniqueKeysWithValues: unpairedNew.map { ($0, Set(new[$0].clauses)) })
            for i in unpairedOld {
                for j in unpairedNew {
                    let shared = old[i].clauses.reduce(0) { $0 + (newSets[j]!.contains($1) ? 1 : 0) }
                    if shared > 0 { candidates.append((shared, i, j)) }
                }
            }
            candidates.sort { ($0.shared, -$0.i, -$0.j) > ($1.shared, -$1.i, -$1.j) }
            for candidate in candidates where oldToNew[candidate.i] == nil && newToOld[candidate.j] == nil {
                pair(candidate.i, candidate.j)
            }
        }

        // 3. Same place.
        for i in old.indices where oldToNew[i] == nil && i < new.count && newToOld[i] == nil {
            pair(i, i)
        }

        self.oldToNew = oldToNew
        self.newToOld = newToOld
    }

    /// The section changes, in new order, then the removed sections.
    func changes(_ old: [Section], _ new: [Section]) -> [SectionChange] {
        // Old indices in new order: those outside their longest increasing run moved.
        let kept = newToOld.compactMap { $0 }
        var moved = Set<Int>()
        for change in kept.difference(from: kept.sorted()) {
            if case .insert(_, let element, _) = change { moved.insert(element) }
        }

        var result: [SectionChange] = []
        for (j, section) in new.enumerated() {
            guard let i = newToOld[j] else {
                result.append(SectionChange(kinds: [.added], oldIndex: nil, newIndex: j, oldTitle: nil, newTitle: section.title))
                continue
            }
            var kinds: [SectionChange.Kind] = []
            if !old[i].title.utf8Equal(to: section.title) { kinds.append(.retitled) }
            if moved.contains(i) { kinds.append(.moved) }
            if !kinds.isEmpty {
                result.append(SectionChange(kinds: kinds, oldIndex: i, newIndex: j, oldTitle: old[i].title, newTitle: section.title))
            }
        }
        for (i, section) in old.enumerated() where oldToNew[i] == nil {
            result.append(SectionChange(kinds: [.removed], oldIndex: i, newIndex: nil, oldTitle: section.title, newTitle: nil))
        }
        return result
    }
}
