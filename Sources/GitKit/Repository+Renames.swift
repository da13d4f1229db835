import CLibGit2

extension Repository {
    /// The path `path` of `newTree` had in `oldTree` when git's rename detection (as `git diff -M`,
    /// 50 % similarity) sees it as renamed there; nil when it is not a rename.
    public func renameSource(of path: String, from oldTree: OID, to newTree: OID) throws -> String? {
        try withRepository { repository in
            let operation = "detect renames from \(oldTree.hex) to \(newTree.hex)"
            var oldRaw = oldTree.raw
            var newRaw = newTree.raw
            let old = try make(operation) { git_tree_lookup(&$0, repository, &oldRaw) }
            defer { git_tree_free(old) }
            let new = try make(operation) { git_tree_lookup(&$0, repository, &newRaw) }
            defer { git_tree_free(new) }
            var options = git_diff_options()
            try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), operation)
            let diff = try make(operation) { git_diff_tree_to_tree(&$0, repository, old, new, &options) }
            defer { git_diff_free(diff) }
            var find = git_diff_find_options()
            try check(git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), operation)
            find.flags = GIT_DIFF_FIND_RENAMES.rawValue
            try check(git_diff_find_similar(diff, &find), operation)
            for index in 0..<git_diff_num_deltas(diff) {
                guard let delta = git_diff_get_delta(diff, index), delta.pointee.status == GIT_DELTA_RENAMED,
                      let newPath = delta.pointee.new_file.path, String(cString: newPath) == path,
                      let oldPath = delta.pointee.old_file.path else { continue }
                return String(cString: oldPath)
            }
            return nil
        }
    }
}
