/// Replays a clause's versions oldest first and keeps, for each sentence, the version that
/// last changed it: a sentence the next version keeps (as the longest common subsequence of
/// the two sentence lists matches it) keeps its origin; any other is new in that version.
/// Pure; `Origin` is whatever names a version.
struct SentenceAttribution<Origin: Sendable>: Sendable {
    private(set) var sentences: [(text: String, origin: Origin)] = []
    private(set) var title: (text: String, origin: Origin)?

    /// The next version of the clause, from `origin`.
    mutating func advance(title newTitle: String, body: String, origin: Origin) {
        if title?.text != newTitle { title = (newTitle, origin) }
        let next = SentenceSplitter.sentences(body)
        let previous = sentences.map(\.text)
        var inserted = Set<Int>(), removed = Set<Int>()
        for change in next.difference(from: previous) {
            switch change {
            case .insert(let offset, _, _): inserted.insert(offset)
            case .remove(let offset, _, _): removed.insert(offset)
            }
        }
        var survivors = sentences.indices.filter { !removed.contains($0) }.makeIterator()
        sentences = next.indices.map { index in
            if !inserted.contains(index), let old = survivors.next() { return (next[index], sentences[old].origin) }
            return (next[index], origin)
        }
    }

    /// The clause file was deleted: what comes back later is new.
    mutating func reset() {
        sentences = []
        title = nil
    }
}
