import CLibGit2

/// The four kinds of git object.
public enum ObjectKind: Sendable, Hashable {
    case blob, tree, commit, tag

    /// Maps libgit2's object type; `nil` for `GIT_OBJECT_ANY`/`INVALID`/delta types.
    init?(_ type: git_object_t) {
        switch type {
        case GIT_OBJECT_BLOB: self = .blob
        case GIT_OBJECT_TREE: self = .tree
        case GIT_OBJECT_COMMIT: self = .commit
        case GIT_OBJECT_TAG: self = .tag
        default: return nil
        }
    }

    var gitType: git_object_t {
        switch self {
        case .blob: return GIT_OBJECT_BLOB
        case .tree: return GIT_OBJECT_TREE
        case .commit: return GIT_OBJECT_COMMIT
        case .tag: return GIT_OBJECT_TAG
        }
    }
}
