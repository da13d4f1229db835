/// Where to read a charter from: the files on disk or a revision of the
/// repository (anything git understands: `HEAD~2`, `charter/v0.1`, a short id).
public enum CharterSource: Hashable, Sendable, CustomStringConvertible {
    case workingTree
    case revision(String)

    public var description: String {
        switch self {
        case .workingTree: return "working tree"
        case .revision(let spec): return spec
        }
    }
}
