/// One edit applied by `Repository.updateTree`. Paths are '/'-separated and relative to the
/// tree's root; nested paths create the subtrees they need.
public enum TreeUpdate: Sendable, Hashable {
    /// Adds or replaces the file at `path` with `blob`.
    case upsert(path: String, blob: OID, fileMode: UInt32 = 0o100644)
    /// Removes the entry at `path` (a file or a whole subtree); removing an absent path does
    /// nothing. A subtree left empty is removed too.
    case remove(path: String)

    /// The path the update is about.
    public var path: String {
        switch self {
        case .upsert(let path, _, _), .remove(let path): return path
        }
    }
}
