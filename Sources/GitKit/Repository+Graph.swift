import CLibGit2

extension Repository {
    /// The best common ancestor of two commits (`git merge-base`); nil when their histories
    /// share nothing.
    public func mergeBase(_ a: OID, _ b: OID) throws -> OID? {
        try withRepository { repository in try Repository.mergeBase(repository, a, b) }
    }

    static func mergeBase(_ repository: OpaquePointer, _ a: OID, _ b: OID) throws -> OID? {
        var out = git_oid()
        var rawA = a.raw, rawB = b.raw
        let rc = git_merge_base(&out, repository, &rawA, &rawB)
        if rc == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try check(rc, "find the merge base of \(a.hex) and \(b.hex)")
        return OID(out)
    }

    /// Whether `ancestor` is `commit` or one of its ancestors.
    public func isAncestor(_ ancestor: OID, of commit: OID) throws -> Bool {
        if ancestor == commit { return true }
        return try withRepository { repository in
            var rawCommit = commit.raw, rawAncestor = ancestor.raw
            let rc = git_graph_descendant_of(repository, &rawCommit, &rawAncestor)
            try check(rc, "tell whether \(commit.hex) descends from \(ancestor.hex)")
            return rc == 1
        }
    }

    /// How many commits `local` has that `upstream` lacks, and the other way round
    /// (`git rev-list --left-right --count local...upstream`).
    public func aheadBehind(_ local: OID, _ upstream: OID) throws -> (ahead: Int, behind: Int) {
        try withRepository { repository in
            var ahead = 0, behind = 0
            var rawLocal = local.raw, rawUpstream = upstream.raw
            try check(git_graph_ahead_behind(&ahead, &behind, repository, &rawLocal, &rawUpstream),
                      "count the commits between \(local.hex) and \(upstream.hex)")
            return (ahead, behind)
        }
    }

    /// Whether the object database holds `oid` (of any kind).
    public func contains(_ oid: OID) throws -> Bool {
        try withRepository { repository in
            let odb = try make("open the object database") { git_repository_odb(&$0, repository) }
            defer { git_odb_free(odb) }
            var raw = oid.raw
            return git_odb_exists(odb, &raw) == 1
        }
    }
}
