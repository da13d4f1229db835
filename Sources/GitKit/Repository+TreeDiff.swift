import CLibGit2
import Foundation

extension Repository {
    /// The files that differ between two trees (`nil`: the empty tree), recursively, in git's
    /// path order (byte order of the full paths), as `git diff-tree -r --no-renames` lists them.
    /// A file whose mode alone changed is `.modified`; a file replaced by a folder of the same
    /// name is a deletion plus additions. Compares entry ids level by level and never opens a
    /// subtree whose id is the same on both sides, which keeps per-commit diffs over long
    /// histories cheap (libgit2's diff machinery is several times slower).
    public func diffTrees(_ old: OID?, _ new: OID?) throws -> [TreeChange] {
        if old == new { return [] }
        return try withRepository { repository in
            var differ = TreeDiffer(repository: repository)
            try differ.compare(old, new)
            return differ.changes
        }
    }
}

/// The recursive tree comparison behind `Repository.diffTrees`, inside one locked body.
private struct TreeDiffer {
    let repository: OpaquePointer
    var changes: [TreeChange] = []
    /// UTF-8 bytes of the folder being compared, with its trailing '/'.
    var prefix: [UInt8] = []

    init(repository: OpaquePointer) {
        self.repository = repository
    }

    mutating func compare(_ old: OID?, _ new: OID?) throws {
        let oldTree = try old.map(load)
        defer { if let oldTree { git_tree_free(oldTree) } }
        let newTree = try new.map(load)
        defer { if let newTree { git_tree_free(newTree) } }

        let oldCount = oldTree.map { git_tree_entrycount($0) } ?? 0
        let newCount = newTree.map { git_tree_entrycount($0) } ?? 0
        var i = 0, j = 0
        while i < oldCount || j < newCount {
            let a = i < oldCount ? oldTree.flatMap { git_tree_entry_byindex($0, i) } : nil
            let b = j < newCount ? newTree.flatMap { git_tree_entry_byindex($0, j) } : nil
            switch TreeDiffer.order(a, b) {
            case .before:
                if let a { try removed(a) }
                i += 1
            case .after:
                if let b { try added(b) }
                j += 1
            case .same:
                if let a, let b { try matched(a, b) }
                i += 1
                j += 1
            }
        }
    }

    private mutating func removed(_ entry: OpaquePointer) throws {
        if isTree(entry) {
            try descend(into: entry) { try $0.compare(OID(git_tree_entry_id(entry)), nil) }
        } else {
            append(entry, kind: .deleted, old: OID(git_tree_entry_id(entry)), new: nil)
        }
    }

    private mutating func added(_ entry: OpaquePointer) throws {
        if isTree(entry) {
            try descend(into: entry) { try $0.compare(nil, OID(git_tree_entry_id(entry))) }
        } else {
            append(entry, kind: .added, old: nil, new: OID(git_tree_entry_id(entry)))
        }
    }

    /// Same name and both trees or both leaves.
    private mutating func matched(_ a: OpaquePointer, _ b: OpaquePointer) throws {
        guard let idA = git_tree_entry_id(a), let idB = git_tree_entry_id(b) else { return }
        let sameID = memcmp(idA, idB, OID.byteCount) == 0
        if isTree(a) {
            if !sameID {
                try descend(into: a) { try $0.compare(OID(idA), OID(idB)) }
            }
        } else if !sameID || git_tree_entry_filemode(a) != git_tree_entry_filemode(b) {
            append(b, kind: .modified, old: OID(idA), new: OID(idB))
        }
    }

    private mutating func descend(into entry: OpaquePointer, _ body: (inout TreeDiffer) throws -> Void) throws {
        let saved = prefix.count
        if let name = git_tree_entry_name(entry) {
            prefix.append(contentsOf: UnsafeRawBufferPointer(start: name, count: strlen(name)))
        }
        prefix.append(UInt8(ascii: "/"))
        defer { prefix.removeSubrange(saved...) }
        try body(&self)
    }

    private mutating func append(_ entry: OpaquePointer, kind: TreeChange.Kind, old: OID?, new: OID?) {
        var bytes = prefix
        if let name = git_tree_entry_name(entry) {
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: name, count: strlen(name)))
        }
        changes.append(TreeChange(path: String(decoding: bytes, as: UTF8.self), kind: kind, oldOID: old, newOID: new))
    }

    private func load(_ oid: OID) throws -> OpaquePointer {
        var raw = oid.raw
        return try make("read tree \(oid.hex)") { git_tree_lookup(&$0, repository, &raw) }
    }

    private func isTree(_ entry: OpaquePointer) -> Bool {
        git_tree_entry_type(entry) == GIT_OBJECT_TREE
    }

    private enum Order { case before, same, after }

    /// git's tree order: names compared bytewise, a tree's name as if followed by '/'. A
    /// missing entry (one side exhausted) sorts last. Same name but one tree and one leaf is
    /// not `.same`: they are different paths.
    private static func order(_ a: OpaquePointer?, _ b: OpaquePointer?) -> Order {
        guard let a else { return .after }
        guard let b else { return .before }
        guard let nameA = git_tree_entry_name(a), let nameB = git_tree_entry_name(b) else { return .same }
        let lengthA = strlen(nameA), lengthB = strlen(nameB)
        let common = min(lengthA, lengthB)
        let compared = memcmp(nameA, nameB, common)
        if compared != 0 { return compared < 0 ? .before : .after }
        let treeA = git_tree_entry_type(a) == GIT_OBJECT_TREE
        let treeB = git_tree_entry_type(b) == GIT_OBJECT_TREE
        let nextA: UInt8 = common < lengthA ? UInt8(bitPattern: nameA[common]) : (treeA ? UInt8(ascii: "/") : 0)
        let nextB: UInt8 = common < lengthB ? UInt8(bitPattern: nameB[common]) : (treeB ? UInt8(ascii: "/") : 0)
        if nextA != nextB { return nextA < nextB ? .before : .after }
        return .same
    }
}

/// One commit of a first-parent history with what it changed below a folder.
public struct CommitChanges: Sendable, Hashable {
    /// The commit.
    public var commit: OID
    /// Its first parent; `nil` for a root commit.
    public var parent: OID?
    /// The folder's tree in this commit; `nil` when the folder is absent.
    public var tree: OID?
    /// The files below the folder that differ from the first parent's (paths relative to the
    /// folder), as `diffTrees` lists them; empty when the folder's tree id is the same.
    public var changes: [TreeChange]

    public init(commit: OID, parent: OID?, tree: OID?, changes: [TreeChange]) {
        self.commit = commit
        self.parent = parent
        self.tree = tree
        self.changes = changes
    }
}

extension Repository {
    /// The first-parent history from `tip`, newest first, down to the commit just after `stop`
    /// (or to the root commit when `stop` is nil or never met), each commit with the files it
    /// changed below `folder` ('/'-separated, relative to the root; "." or "" for the whole
    /// tree). One locked pass: each commit and folder tree is read once, equal subtrees are
    /// skipped by id, so the cost is that of `git log --first-parent --raw` over the range.
    ///
    /// When `stop` is given but is not on the first-parent chain, the whole chain down to the
    /// root is returned: callers tell the two apart by the last element's `parent`.
    public func firstParentChanges(from tip: OID, until stop: OID? = nil, under folder: String) throws -> [CommitChanges] {
        let trimmed = folder.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.joined(separator: "/")
        return try withRepository { repository in
            var differ = TreeDiffer(repository: repository)
            func commitFacts(_ oid: OID) throws -> (parent: OID?, tree: OID?) {
                var raw = oid.raw
                let commit = try make("read commit \(oid.hex)") { git_commit_lookup(&$0, repository, &raw) }
                defer { git_commit_free(commit) }
                let parent = git_commit_parentcount(commit) > 0 ? OID(git_commit_parent_id(commit, 0)) : nil
                guard let root = OID(git_commit_tree_id(commit)) else {
                    throw GitError(code: .other(-1), message: "commit has no tree", operation: "read commit \(oid.hex)")
                }
                if trimmed.isEmpty { return (parent, root) }
                var rootRaw = root.raw
                let tree = try make("read tree \(root.hex)") { git_tree_lookup(&$0, repository, &rootRaw) }
                defer { git_tree_free(tree) }
                var entry: OpaquePointer?
                let rc = git_tree_entry_bypath(&entry, tree, trimmed)
                if rc == GIT_ENOTFOUND.rawValue {
                    git_error_clear()
                    return (parent, nil)
                }
                try check(rc, "read '\(trimmed)' in tree \(root.hex)")
                guard let entry else { return (parent, nil) }
                defer { git_tree_entry_free(entry) }
                guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return (parent, nil) }
                return (parent, OID(git_tree_entry_id(entry)))
            }

            var result: [CommitChanges] = []
            var current: OID? = tip
            var facts = try commitFacts(tip)
            while let oid = current {
                let parentFacts: (parent: OID?, tree: OID?)? = try facts.parent.map(commitFacts)
                let parentTree = parentFacts?.tree
                var changes: [TreeChange] = []
                if parentTree != facts.tree {
                    differ.changes.removeAll(keepingCapacity: true)
                    try differ.compare(parentTree, facts.tree)
                    changes = differ.changes
                }
                result.append(CommitChanges(commit: oid, parent: facts.parent, tree: facts.tree, changes: changes))
                if let parent = facts.parent, parent != stop, let parentFacts {
                    current = parent
                    facts = parentFacts
                } else {
                    current = nil
                }
            }
            return result
        }
    }
}
