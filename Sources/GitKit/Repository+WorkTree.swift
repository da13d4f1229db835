import CLibGit2
import Foundation

extension Repository {
    /// Brings the work tree and index to `tree` for `paths` (all paths when empty), assuming
    /// they currently match `baseline` (`nil`: the empty tree). Files are written, replaced or
    /// deleted only where they still match the baseline: a touched file with local edits makes
    /// the whole checkout refuse with `.conflict`, nothing changed. Used after committing into
    /// the checked-out branch through libgit2, so that `git status` stays clean. `paths` are
    /// exact paths relative to the work tree (a folder covers what is below it).
    ///
    /// `force`: write `paths` whatever they hold (for a recovery that has checked them itself).
    public func checkout(tree: OID, baseline: OID?, paths: [String], force: Bool = false) throws {
        let operation = paths.isEmpty
            ? "check out tree \(tree.hex)"
            : "check out \(paths.map { "'\($0)'" }.joined(separator: ", ")) from tree \(tree.hex)"
        try withRepository { repository in
            var targetRaw = tree.raw
            let target = try make(operation) { git_tree_lookup(&$0, repository, &targetRaw) }
            defer { git_tree_free(target) }
            var baselineRaw = try (baseline ?? Repository.writeEmptyTree(repository)).raw
            let base = try make(operation) { git_tree_lookup(&$0, repository, &baselineRaw) }
            defer { git_tree_free(base) }

            var options = git_checkout_options()
            try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), operation)
            options.checkout_strategy = force ? GIT_CHECKOUT_FORCE.rawValue : GIT_CHECKOUT_SAFE.rawValue
            if !paths.isEmpty { options.checkout_strategy |= GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue }
            options.baseline = base
            try Repository.withStringArray(paths) { array in
                options.paths = array
                try check(git_checkout_tree(repository, target, &options), operation)
            }
        }
    }

    /// Paths (relative to the work tree, '/'-separated) with uncommitted changes, staged or
    /// not, untracked files included (ignored ones not), limited to `paths` (git pathspecs;
    /// all when empty). Each path appears once, in path order.
    public func status(paths: [String]) throws -> [String] {
        let operation = "read status"
        return try withRepository { repository in
            var options = git_status_options()
            try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), operation)
            options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
            options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue
                | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
                | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
            return try Repository.withStringArray(paths) { array in
                options.pathspec = array
                let list = try make(operation) { git_status_list_new(&$0, repository, &options) }
                defer { git_status_list_free(list) }
                var result: [String] = []
                var seen: Set<String> = []
                for index in 0..<git_status_list_entrycount(list) {
                    guard let entry = git_status_byindex(list, index),
                          entry.pointee.status != GIT_STATUS_CURRENT else { continue }
                    for delta in [entry.pointee.head_to_index, entry.pointee.index_to_workdir] {
                        guard let delta else { continue }
                        for file in [delta.pointee.old_file, delta.pointee.new_file] {
                            guard let rawPath = file.path else { continue }
                            let path = String(cString: rawPath)
                            if seen.insert(path).inserted { result.append(path) }
                        }
                    }
                }
                result.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                return result
            }
        }
    }

    /// Lends `strings` to libgit2 as a `git_strarray` (empty: no entries), freed afterwards.
    static func withStringArray<Result>(_ strings: [String], _ body: (git_strarray) throws -> Result) throws -> Result {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { for pointer in pointers { free(pointer) } }
        if pointers.contains(where: { $0 == nil }) {
            throw GitError(code: .other(-1), message: "out of memory", operation: "copy paths for libgit2")
        }
        return try pointers.withUnsafeMutableBufferPointer { buffer in
            try body(git_strarray(strings: buffer.count > 0 ? buffer.baseAddress : nil, count: buffer.count))
        }
    }
}
