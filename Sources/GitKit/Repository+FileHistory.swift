/// One commit that changed a file, with the path and blob the file had there.
public struct FileRevision: Sendable, Hashable {
    public var commit: OID
    /// The file's path in that commit (it changes across renames).
    public var path: String
    public var blob: OID

    public init(commit: OID, path: String, blob: OID) {
        self.commit = commit
        self.path = path
        self.blob = blob
    }
}

extension Repository {
    /// Every commit reachable from `tip` that changed the file at `path` — on every line of
    /// history, not only the first parent — following it across renames as `git log --follow`
    /// does, parents first.
    ///
    /// A commit is listed when it added the file, or when its content or path differs from its
    /// parent's; a merge only when its content differs from every parent's (a merge that brings
    /// nothing new is skipped, but the lines it joins are all followed). Nil when `tip` has no
    /// file at `path`.
    public func fileHistory(of path: String, from tip: OID) throws -> [FileRevision]? {
        guard let start = try entry(atPath: path, inTree: commit(tip).tree), start.kind == .blob else { return nil }
        var paths: [OID: String] = [tip: path]
        var listed: [FileRevision] = []
        for oid in try walk(from: [tip]) {
            guard let path = paths[oid] else { continue }
            let commit = try self.commit(oid)
            guard let here = try entry(atPath: path, inTree: commit.tree), here.kind == .blob else { continue }
            var before: [(path: String, blob: OID)] = []
            for parent in try commits(commit.parents) {
                var parentPath: String? = path
                var found = try entry(atPath: path, inTree: parent.tree)
                if found?.kind != .blob {
                    parentPath = try renameSource(of: path, from: parent.tree, to: commit.tree)
                    found = try parentPath.flatMap { try entry(atPath: $0, inTree: parent.tree) }
                }
                guard let parentPath, let found, found.kind == .blob else { continue }
                if paths[parent.oid] == nil { paths[parent.oid] = parentPath }
                before.append((parentPath, found.oid))
            }
            let changed: Bool
            if commit.parents.count > 1 {
                changed = !before.contains { $0.blob == here.oid }
            } else {
                changed = before.first.map { $0.blob != here.oid || $0.path != path } ?? true
            }
            if changed { listed.append(FileRevision(commit: oid, path: path, blob: here.oid)) }
        }
        return listed.reversed()
    }
}
