/// One file that differs between two trees (see `Repository.diffTrees`).
public struct TreeChange: Sendable, Hashable {
    /// Whether the file appeared, disappeared or changed (content or mode).
    public enum Kind: Sendable, Hashable { case added, deleted, modified }

    /// Full path from the compared trees' root, '/'-separated. Only leaves (blobs, and
    /// symlinks/submodules should any exist) appear: trees are recursed into, never listed.
    public var path: String
    /// What happened to the file.
    public var kind: Kind
    /// The blob before; `nil` when added.
    public var oldOID: OID?
    /// The blob after; `nil` when deleted.
    public var newOID: OID?

    /// Builds a value.
    public init(path: String, kind: Kind, oldOID: OID?, newOID: OID?) {
        self.path = path
        self.kind = kind
        self.oldOID = oldOID
        self.newOID = newOID
    }
}
