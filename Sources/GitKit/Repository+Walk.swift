import CLibGit2

extension Repository {
    /// The commits reachable from `tips` but not from `hiding`, in topological order with
    /// newer commits first among independent ones (git's `--topo-order --date-order`), or
    /// oldest first when `reverse`. `firstParent` follows only first parents (the history of
    /// the branch itself, merges seen as single steps).
    public func walk(from tips: [OID], hiding: [OID] = [], firstParent: Bool = false, reverse: Bool = false) throws -> [OID] {
        if tips.isEmpty { return [] }
        return try withRepository { repository in
            let walker = try make("start a history walk") { git_revwalk_new(&$0, repository) }
            defer { git_revwalk_free(walker) }
            var sorting = GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue
            if reverse { sorting |= GIT_SORT_REVERSE.rawValue }
            try check(git_revwalk_sorting(walker, sorting), "set the walk's order")
            if firstParent {
                try check(git_revwalk_simplify_first_parent(walker), "restrict the walk to first parents")
            }
            for tip in tips {
                var raw = tip.raw
                try check(git_revwalk_push(walker, &raw), "walk from \(tip.hex)")
            }
            for hidden in hiding {
                var raw = hidden.raw
                try check(git_revwalk_hide(walker, &raw), "hide \(hidden.hex) from the walk")
            }
            var result: [OID] = []
            var raw = git_oid()
            while true {
                let rc = git_revwalk_next(&raw, walker)
                if rc == GIT_ITEROVER.rawValue { break }
                try check(rc, "walk history from \(tips.map(\.hex).joined(separator: ", "))")
                result.append(OID(raw))
            }
            return result
        }
    }
}
