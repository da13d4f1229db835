/// How many clauses a diff reports for each kind of change (a clause counts
/// once under each of its kinds).
public struct DiffSummary: Hashable, Sendable, Codable, CustomStringConvertible {
    public var added = 0
    public var removed = 0
    public var modified = 0
    public var retitled = 0
    public var moved = 0
    public var renumbered = 0
    public var fieldsChanged = 0

    public init() {}

    public init(_ changes: [ClauseChange]) {
        for change in changes {
            for kind in change.kinds {
                switch kind {
                case .added: added += 1
                case .removed: removed += 1
                case .modified: modified += 1
                case .retitled: retitled += 1
                case .moved: moved += 1
                case .renumbered: renumbered += 1
                case .fieldsChanged: fieldsChanged += 1
                }
            }
        }
    }

    /// The count for one kind.
    public subscript(kind: ClauseChange.Kind) -> Int {
        switch kind {
        case .added: added
        case .removed: removed
        case .modified: modified
        case .retitled: retitled
        case .moved: moved
        case .renumbered: renumbered
        case .fieldsChanged: fieldsChanged
        }
    }

    /// An English sentence, e.g. "3 clauses modified, 1 added, 2 renumbered",
    /// or "no clause changed".
    public var description: String {
        let order: [(ClauseChange.Kind, String)] = [
            (.modified, "modified"), (.added, "added"), (.removed, "removed"), (.retitled, "retitled"),
            (.moved, "moved"), (.renumbered, "renumbered"), (.fieldsChanged, "with fields changed"),
        ]
        var parts: [String] = []
        for (kind, word) in order where self[kind] > 0 {
            let count = self[kind]
            if parts.isEmpty {
                parts.append("\(count) \(count == 1 ? "clause" : "clauses") \(word)")
            } else {
                parts.append("\(count) \(word)")
            }
        }
        return parts.isEmpty ? "no clause changed" : parts.joined(separator: ", ")
    }
}
