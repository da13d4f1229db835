import CLibGit2
import Foundation

/// The floor of the library we build on: minimal loops written straight against libgit2, with
/// no Swift types in between. `charter-bench floor KIND REPO [ARG]` runs one as its own process,
/// so it pays the same start-up as the `charter` command it is compared with.
enum Floor {
    static func check(_ rc: Int32, _ what: String) {
        if rc < 0 {
            let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "error \(rc)"
            FileHandle.standardError.write(Data("floor: \(what): \(message)\n".utf8))
            exit(2)
        }
    }

    static func open(_ path: String) -> OpaquePointer {
        check(git_libgit2_init(), "init")
        var repository: OpaquePointer?
        check(git_repository_open(&repository, path), "open \(path)")
        return repository!
    }

    /// Subtree (or blob) id at `path` below `tree`, nil when absent.
    static func entryID(_ tree: OpaquePointer, _ path: String) -> git_oid? {
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        return git_tree_entry_id(entry).pointee
    }

    static func same(_ a: git_oid?, _ b: git_oid?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case var (x?, y?): return git_oid_equal(&x, &y) != 0
        default: return false
        }
    }

    /// Counts the files that differ between two trees, recursing only into subtrees whose ids
    /// differ (both trees sorted by name: a merge walk).
    static func diffCount(_ repository: OpaquePointer, _ a: git_oid?, _ b: git_oid?) -> Int {
        if same(a, b) { return 0 }
        var ta: OpaquePointer?, tb: OpaquePointer?
        if var a { check(git_tree_lookup(&ta, repository, &a), "tree") }
        if var b { check(git_tree_lookup(&tb, repository, &b), "tree") }
        defer { if let ta { git_tree_free(ta) }; if let tb { git_tree_free(tb) } }
        let na = ta.map { git_tree_entrycount($0) } ?? 0, nb = tb.map { git_tree_entrycount($0) } ?? 0
        var i = 0, j = 0, count = 0
        while i < na || j < nb {
            let ea = i < na ? git_tree_entry_byindex(ta, i) : nil
            let eb = j < nb ? git_tree_entry_byindex(tb, j) : nil
            let order: Int32
            if let ea, let eb { order = strcmp(git_tree_entry_name(ea), git_tree_entry_name(eb)) } else { order = ea == nil ? 1 : -1 }
            func visit(_ e: OpaquePointer, old: Bool) {
                if git_tree_entry_type(e) == GIT_OBJECT_TREE {
                    let id = git_tree_entry_id(e).pointee
                    count += old ? diffCount(repository, id, nil) : diffCount(repository, nil, id)
                } else { count += 1 }
            }
            if order < 0 { visit(ea!, old: true); i += 1 } else if order > 0 { visit(eb!, old: false); j += 1 } else {
                let ida = git_tree_entry_id(ea!).pointee, idb = git_tree_entry_id(eb!).pointee
                if !same(ida, idb) {
                    if git_tree_entry_type(ea!) == GIT_OBJECT_TREE && git_tree_entry_type(eb!) == GIT_OBJECT_TREE {
                        count += diffCount(repository, ida, idb)
                    } else { count += 1 }
                }
                i += 1; j += 1
            }
        }
        return count
    }

    /// Revwalk (first parent) from HEAD; for each commit, the folder's tree id compared with
    /// its parent's and, when different, the changed files counted. Returns (commits, changes).
    static func historyWalk(_ repository: OpaquePointer, folder: String) -> (Int, Int) {
        var walk: OpaquePointer?
        check(git_revwalk_new(&walk, repository), "revwalk")
        defer { git_revwalk_free(walk) }
        git_revwalk_simplify_first_parent(walk)
        check(git_revwalk_push_head(walk), "push HEAD")
        var oid = git_oid()
        var commits = 0, changes = 0
        var previous: (commit: git_oid, tree: git_oid?)?
        func folderTree(_ commitID: inout git_oid) -> (git_oid?, git_oid?) {
            var commit: OpaquePointer?
            check(git_commit_lookup(&commit, repository, &commitID), "commit")
            defer { git_commit_free(commit) }
            var tree: OpaquePointer?
            check(git_commit_tree(&tree, commit), "tree")
            defer { git_tree_free(tree) }
            let parent = git_commit_parentcount(commit) > 0 ? git_commit_parent_id(commit, 0).pointee : nil
            return (entryID(tree!, folder), parent)
        }
        // Newest first: each commit's folder tree is compared with the next one's (its parent).
        while git_revwalk_next(&oid, walk) == 0 {
            commits += 1
            let (tree, _) = folderTree(&oid)
            if let previous { changes += diffCount(repository, tree, previous.tree) }
            previous = (oid, tree)
        }
        if let previous { changes += diffCount(repository, nil, previous.tree) }
        return (commits, changes)
    }

    /// Revwalk from HEAD listing the commits whose blob at `path` differs from the parent's
    /// (what `git log -- path` answers on a linear history).
    static func pathWalk(_ repository: OpaquePointer, path: String) -> [String] {
        var walk: OpaquePointer?
        check(git_revwalk_new(&walk, repository), "revwalk")
        defer { git_revwalk_free(walk) }
        git_revwalk_simplify_first_parent(walk)
        check(git_revwalk_push_head(walk), "push HEAD")
        var oid = git_oid()
        var result: [String] = []
        var previous: (commit: git_oid, blob: git_oid?)?
        while git_revwalk_next(&oid, walk) == 0 {
            var commit: OpaquePointer?
            check(git_commit_lookup(&commit, repository, &oid), "commit")
            var tree: OpaquePointer?
            check(git_commit_tree(&tree, commit), "tree")
            let blob = entryID(tree!, path)
            git_tree_free(tree)
            git_commit_free(commit)
            if var previous, !same(previous.blob, blob) { result.append(hex(&previous.commit)) }
            previous = (oid, blob)
        }
        if var previous, previous.blob != nil { result.append(hex(&previous.commit)) }
        return result
    }

    static func hex(_ oid: inout git_oid) -> String {
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, 41, &oid)
        return String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Reads every blob below the branch's tree (recursively), touching each byte count: the
    /// least a cold `status` must do. Returns (blobs, bytes).
    static func readRecords(_ repository: OpaquePointer, branch: String) -> (Int, Int) {
        var tip = git_oid()
        check(git_reference_name_to_id(&tip, repository, branch), "resolve \(branch)")
        var commit: OpaquePointer?
        check(git_commit_lookup(&commit, repository, &tip), "commit")
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        check(git_commit_tree(&tree, commit), "tree")
        defer { git_tree_free(tree) }
        var blobs = 0, bytes = 0
        func visit(_ tree: OpaquePointer, skipImports: Bool) {
            for index in 0..<git_tree_entrycount(tree) {
                let entry = git_tree_entry_byindex(tree, index)!
                var id = git_tree_entry_id(entry).pointee
                if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                    if skipImports, String(cString: git_tree_entry_name(entry)) == "imports" { continue }
                    var sub: OpaquePointer?
                    check(git_tree_lookup(&sub, repository, &id), "tree")
                    visit(sub!, skipImports: false)
                    git_tree_free(sub)
                } else {
                    var blob: OpaquePointer?
                    check(git_blob_lookup(&blob, repository, &id), "blob")
                    bytes += Int(git_blob_rawsize(blob))
                    if let content = git_blob_rawcontent(blob) { bytes += Int(content.load(as: UInt8.self) & 1) }
                    git_blob_free(blob)
                    blobs += 1
                }
            }
        }
        visit(tree!, skipImports: true)
        return (blobs, bytes)
    }

    /// `charter-bench floor KIND REPO [ARG]`: prints the result on one line.
    static func main(_ arguments: [String]) {
        let repository = open(arguments[1])
        // The same tree-cache limit the engine sets (a 500-entry tree is larger than libgit2's 4 KiB default).
        _ = charter_git_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20)
        switch arguments[0] {
        case "history":
            let (commits, changes) = historyWalk(repository, folder: arguments.count > 2 ? arguments[2] : "charter")
            print("\(commits) \(changes)")
        case "path":
            print(pathWalk(repository, path: arguments[2]).joined(separator: "\n"))
        case "records":
            let (blobs, bytes) = readRecords(repository, branch: arguments.count > 2 ? arguments[2] : "refs/heads/deliberation")
            print("\(blobs) \(bytes)")
        default:
            FileHandle.standardError.write(Data("floor: unknown kind \(arguments[0])\n".utf8))
            exit(2)
        }
    }
}

func git_repository_free_shim(_ repository: OpaquePointer) { git_repository_free(repository) }

func libgit2Version() -> String {
    var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
    git_libgit2_version(&major, &minor, &revision)
    return "\(major).\(minor).\(revision)"
}
