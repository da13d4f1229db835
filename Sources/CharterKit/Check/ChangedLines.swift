/// The lines of a file that differ from its version at a base revision: the
/// lines inserted or replaced, by a line diff (Myers) of the two texts.
enum ChangedLines {
    /// 1-based numbers of the lines of `new` that are not in `old`'s common
    /// subsequence; every line when `old` is nil (a new file).
    static func between(_ old: [[Unicode.Scalar]]?, _ new: [[Unicode.Scalar]]) -> Set<Int> {
        guard let old else { return Set(new.indices.map { $0 + 1 }) }
        if old == new { return [] }
        // Intern lines to integers so the diff compares words, not arrays.
        var ids: [[Unicode.Scalar]: Int] = [:]
        func intern(_ line: [Unicode.Scalar]) -> Int {
            if let id = ids[line] { return id }
            ids[line] = ids.count
            return ids.count - 1
        }
        let a = old.map(intern)
        let b = new.map(intern)
        var changed: Set<Int> = []
        for change in b.difference(from: a) {
            if case .insert(let offset, _, _) = change { changed.insert(offset + 1) }
        }
        return changed
    }
}
