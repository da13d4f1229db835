/// One entry of a tree object: a file (blob), a subtree, a symlink (blob with mode 0o120000)
/// or a submodule (commit with mode 0o160000).
public struct TreeEntry: Sendable, Hashable {
    /// The name within its tree (one path component).
    public var name: String
    /// The id of the blob, tree or commit (submodule) it names.
    public var oid: OID
    /// The kind of object named.
    public var kind: ObjectKind
    /// git's mode: 0o100644 (file), 0o100755 (executable), 0o040000 (tree),
    /// 0o120000 (symlink), 0o160000 (submodule).
    public var fileMode: UInt32

    /// Builds an entry; `fileMode` must agree with `kind` for git to accept it.
    public init(name: String, oid: OID, kind: ObjectKind, fileMode: UInt32) {
        self.name = name
        self.oid = oid
        self.kind = kind
        self.fileMode = fileMode
    }

    /// Mode of a regular file.
    public static let fileModeBlob: UInt32 = 0o100644
    /// Mode of an executable file.
    public static let fileModeExecutable: UInt32 = 0o100755
    /// Mode of a subtree.
    public static let fileModeTree: UInt32 = 0o040000
    /// Mode of a symbolic link.
    public static let fileModeLink: UInt32 = 0o120000
    /// Mode of a submodule (gitlink).
    public static let fileModeCommit: UInt32 = 0o160000
}
