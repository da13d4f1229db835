import CLibGit2

extension Repository {
    /// The entries of one tree (one level, git's order).
    public func treeEntries(_ tree: OID) throws -> [TreeEntry] {
        try withRepository { repository in
            var raw = tree.raw
            let object = try make("read tree \(tree.hex)") { git_tree_lookup(&$0, repository, &raw) }
            defer { git_tree_free(object) }
            let count = git_tree_entrycount(object)
            var entries: [TreeEntry] = []
            entries.reserveCapacity(count)
            for index in 0..<count {
                if let entry = TreeEntry(git_tree_entry_byindex(object, index)) { entries.append(entry) }
            }
            return entries
        }
    }

    /// The entry at a '/'-separated path below `tree` ("clauses/preambule.md"); `nil` when
    /// nothing is there.
    public func entry(atPath path: String, inTree tree: OID) throws -> TreeEntry? {
        try withRepository { repository in
            let operation = "read '\(path)' in tree \(tree.hex)"
            var raw = tree.raw
            let object = try make(operation) { git_tree_lookup(&$0, repository, &raw) }
            defer { git_tree_free(object) }
            var found: OpaquePointer?
            let rc = git_tree_entry_bypath(&found, object, path)
            if rc == GIT_ENOTFOUND.rawValue {
                git_error_clear()
                return nil
            }
            try check(rc, operation)
            let entry = try unwrap(found, operation)
            defer { git_tree_entry_free(entry) }
            return TreeEntry(entry)
        }
    }

    /// Writes one tree level from `entries` (any order; git's order is applied). The objects
    /// named must exist and match their modes. A repeated name keeps the last entry.
    public func writeTree(_ entries: [TreeEntry]) throws -> OID {
        try withRepository { repository in
            let builder = try make("create tree builder") { git_treebuilder_new(&$0, repository, nil) }
            defer { git_treebuilder_free(builder) }
            for entry in entries {
                var raw = entry.oid.raw
                try check(git_treebuilder_insert(nil, builder, entry.name, &raw, git_filemode_t(entry.fileMode)),
                          "add '\(entry.name)' (\(entry.oid.hex), mode \(String(entry.fileMode, radix: 8))) to a tree")
            }
            var out = git_oid()
            try check(git_treebuilder_write(&out, builder), "write tree of \(entries.count) entries")
            return OID(out)
        }
    }

    /// Writes the empty tree (4b825dc…) and returns its id.
    public func emptyTree() throws -> OID {
        try withRepository { repository in try Repository.writeEmptyTree(repository) }
    }

    /// Applies `updates` to `base` (`nil`: the empty tree) and writes every tree that changed,
    /// returning the new root. Nested paths create the subtrees they need; a subtree left
    /// empty is dropped; removing an absent path is a no-op. Updates apply in order, so a later
    /// update of the same path wins. Only the subtrees on updated paths are read.
    /// Throws `.invalidSpec` for a path with an empty, "." , ".." or ".git" component.
    public func updateTree(_ base: OID?, _ updates: [TreeUpdate]) throws -> OID {
        var operations: [PathOperation] = []
        operations.reserveCapacity(updates.count)
        for update in updates {
            operations.append(try PathOperation(update))
        }
        let pending = operations
        return try withRepository { repository in
            if let written = try Repository.applyUpdates(repository, base: base, pending, depth: 0) {
                return written
            }
            return try Repository.writeEmptyTree(repository)
        }
    }

    static func writeEmptyTree(_ repository: OpaquePointer) throws -> OID {
        let builder = try make("create tree builder") { git_treebuilder_new(&$0, repository, nil) }
        defer { git_treebuilder_free(builder) }
        var out = git_oid()
        try check(git_treebuilder_write(&out, builder), "write the empty tree")
        return OID(out)
    }

    /// One `TreeUpdate` with its path split into components.
    struct PathOperation: Sendable {
        var components: [String]
        var blob: OID?          // nil: remove
        var fileMode: UInt32

        init(_ update: TreeUpdate) throws {
            let path = update.path
            let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            for component in components where component.isEmpty || component == "." || component == ".."
                || component.lowercased() == ".git" {
                throw GitError(code: .invalidSpec,
                               message: "a path must be relative, '/'-separated, without empty, '.', '..' or '.git' parts",
                               operation: "update tree path '\(path)'")
            }
            self.components = components
            switch update {
            case .upsert(_, let blob, let fileMode):
                self.blob = blob
                self.fileMode = fileMode
            case .remove:
                self.blob = nil
                self.fileMode = 0
            }
        }
    }

    /// Applies the operations (paths relative to this level, from component `depth` on) to
    /// the tree `base`; returns the written tree, or `nil` when it ends up empty.
    static func applyUpdates(_ repository: OpaquePointer, base: OID?, _ operations: [PathOperation], depth: Int) throws -> OID? {
        let builder: OpaquePointer
        if let base {
            var raw = base.raw
            let tree = try make("read tree \(base.hex)") { git_tree_lookup(&$0, repository, &raw) }
            defer { git_tree_free(tree) }
            builder = try make("create tree builder") { git_treebuilder_new(&$0, repository, tree) }
        } else {
            builder = try make("create tree builder") { git_treebuilder_new(&$0, repository, nil) }
        }
        defer { git_treebuilder_free(builder) }

        // Leaves of this level, in order; deeper operations grouped by their subtree name,
        // groups in order of first appearance.
        var subtreeNames: [String] = []
        var subtreeOperations: [String: [PathOperation]] = [:]
        for operation in operations {
            let name = operation.components[depth]
            let path = operation.components.joined(separator: "/")
            if operation.components.count == depth + 1 {
                if let blob = operation.blob {
                    var raw = blob.raw
                    try check(git_treebuilder_insert(nil, builder, name, &raw, git_filemode_t(operation.fileMode)),
                              "put \(blob.hex) (mode \(String(operation.fileMode, radix: 8))) at '\(path)'")
                } else if git_treebuilder_get(builder, name) != nil {
                    try check(git_treebuilder_remove(builder, name), "remove '\(path)'")
                }
            } else {
                if subtreeOperations[name] == nil { subtreeNames.append(name) }
                subtreeOperations[name, default: []].append(operation)
            }
        }

        for name in subtreeNames {
            guard let nested = subtreeOperations[name] else { continue }
            var existingTree: OID?
            var existing = false
            if let entry = git_treebuilder_get(builder, name) {
                existing = true
                if git_tree_entry_type(entry) == GIT_OBJECT_TREE { existingTree = OID(git_tree_entry_id(entry)) }
            }
            // Only removals below something that is not a tree: nothing to do.
            if existingTree == nil && nested.allSatisfy({ $0.blob == nil }) { continue }
            if let written = try applyUpdates(repository, base: existingTree, nested, depth: depth + 1) {
                var raw = written.raw
                try check(git_treebuilder_insert(nil, builder, name, &raw, GIT_FILEMODE_TREE),
                          "put subtree \(written.hex) at '\(nested[0].components[...depth].joined(separator: "/"))'")
            } else if existing {
                try check(git_treebuilder_remove(builder, name),
                          "remove emptied subtree '\(nested[0].components[...depth].joined(separator: "/"))'")
            }
        }

        guard git_treebuilder_entrycount(builder) > 0 else { return nil }
        var out = git_oid()
        try check(git_treebuilder_write(&out, builder), "write tree")
        return OID(out)
    }
}

extension TreeEntry {
    /// Copies a libgit2 tree entry; `nil` for an entry of an unknown type.
    init?(_ entry: OpaquePointer?) {
        guard let entry,
              let rawName = git_tree_entry_name(entry),
              let oid = OID(git_tree_entry_id(entry)),
              let kind = ObjectKind(git_tree_entry_type(entry)) else { return nil }
        self.init(name: String(cString: rawName), oid: oid, kind: kind,
                  fileMode: UInt32(git_tree_entry_filemode(entry).rawValue))
    }
}

extension Repository {
    /// Visits every blob below `tree` (recursively, in git's order) under one lock, lending its
    /// path and bytes to `body` without copying them: the way to read many small files (every
    /// deliberation record) at the cost of libgit2's reads alone. Top-level entries named in
    /// `skipping` are not entered. `body` must not call back into this repository.
    public func forEachBlob(under tree: OID, skipping: Set<String> = [],
                            _ body: (_ path: String, _ oid: OID, _ bytes: UnsafeRawBufferPointer) throws -> Void) throws {
        try withRepository { repository in
            func visit(_ oid: OID, prefix: String, top: Bool) throws {
                var raw = oid.raw
                let object = try make("read tree \(oid.hex)") { git_tree_lookup(&$0, repository, &raw) }
                defer { git_tree_free(object) }
                for index in 0..<git_tree_entrycount(object) {
                    guard let entry = git_tree_entry_byindex(object, index), let rawName = git_tree_entry_name(entry),
                          let id = OID(git_tree_entry_id(entry)) else { continue }
                    let name = String(cString: rawName)
                    let path = prefix.isEmpty ? name : "\(prefix)/\(name)"
                    switch git_tree_entry_type(entry) {
                    case GIT_OBJECT_TREE:
                        if top && skipping.contains(name) { continue }
                        try visit(id, prefix: path, top: false)
                    case GIT_OBJECT_BLOB:
                        var blobRaw = id.raw
                        let blob = try make("read blob \(id.hex)") { git_blob_lookup(&$0, repository, &blobRaw) }
                        defer { git_blob_free(blob) }
                        let size = Int(git_blob_rawsize(blob))
                        try body(path, id, UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: size))
                    default:
                        continue
                    }
                }
            }
            try visit(tree, prefix: "", top: true)
        }
    }
}
