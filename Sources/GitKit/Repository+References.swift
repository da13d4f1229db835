import CLibGit2

extension Repository {
    /// The branch HEAD names, e.g. "refs/heads/main", even when that branch has no commit yet;
    /// `nil` when HEAD is detached.
    public func headReferenceName() throws -> String? {
        try withRepository { repository in
            let head = try make("read HEAD") { git_reference_lookup(&$0, repository, "HEAD") }
            defer { git_reference_free(head) }
            guard git_reference_type(head) == GIT_REFERENCE_SYMBOLIC,
                  let target = git_reference_symbolic_target(head) else { return nil }
            return String(cString: target)
        }
    }

    /// The commit HEAD points to; `nil` while the branch is unborn (no commit yet).
    public func head() throws -> OID? {
        try withRepository { repository in
            var raw = git_oid()
            let rc = git_reference_name_to_id(&raw, repository, "HEAD")
            if rc == GIT_ENOTFOUND.rawValue || rc == GIT_EUNBORNBRANCH.rawValue {
                git_error_clear()
                return nil
            }
            try check(rc, "resolve HEAD")
            return OID(raw)
        }
    }

    /// Resolves a revision as git does ("HEAD~2", "main", a tag such as "charter/v0.1", a short
    /// or full id, "abc123^") and peels it to a commit. Throws `.notFound`, `.ambiguous` or
    /// `.invalidSpec` (also when it names something that is not a commit), naming the revision.
    public func resolveCommit(_ revision: String) throws -> OID {
        let operation = "resolve revision '\(revision)'"
        if revision.isEmpty {
            throw GitError(code: .invalidSpec, message: "empty revision", operation: operation)
        }
        return try withRepository { repository in
            let object = try make(operation) { git_revparse_single(&$0, repository, revision) }
            defer { git_object_free(object) }
            var commit: OpaquePointer?
            let rc = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
            if rc < 0 {
                let error = GitError.fromLibgit2(rc, operation: operation)
                let code: GitError.Code = (rc == GIT_EPEEL.rawValue || error.code == .invalidSpec) ? .invalidSpec : error.code
                throw GitError(code: code, message: error.message, operation: operation)
            }
            let peeled = try unwrap(commit, operation)
            defer { git_object_free(peeled) }
            return try unwrap(OID(git_object_id(peeled)), operation)
        }
    }

    /// The id a reference points to, following symbolic references ("HEAD"); `nil` when the
    /// reference does not exist (or is symbolic to an unborn branch). `name` is the full name,
    /// e.g. "refs/heads/deliberation".
    public func reference(_ name: String) throws -> OID? {
        try withRepository { repository in
            var raw = git_oid()
            let rc = git_reference_name_to_id(&raw, repository, name)
            if rc == GIT_ENOTFOUND.rawValue {
                git_error_clear()
                return nil
            }
            try check(rc, "read reference '\(name)'")
            return OID(raw)
        }
    }

    /// Every reference whose full name starts with `prefix` (e.g. "refs/tags/charter/"),
    /// keyed by full name, symbolic ones followed. Annotated tags map to the tag object's id.
    public func references(withPrefix prefix: String) throws -> [String: OID] {
        try withRepository { repository in
            var result: [String: OID] = [:]
            for (name, oid) in try Repository.listReferences(repository, prefix: prefix) {
                result[name] = oid
            }
            return result
        }
    }

    /// Moves (or creates) `name` to `new` only if it still points to `expected`
    /// (compare-and-swap); `expected == nil` means the reference must not exist yet. When the
    /// reference is not as expected (someone else moved, created or deleted it), throws
    /// `.modified`: re-read it and retry. `message` goes to the reflog.
    public func updateReference(_ name: String, to new: OID, expected old: OID?, message: String) throws {
        let operation = "update reference '\(name)' from \(old?.hex ?? "(absent)") to \(new.hex)"
        try withRepository { repository in
            var newRaw = new.raw
            var reference: OpaquePointer?
            let rc: Int32
            if let old {
                var oldRaw = old.raw
                rc = git_reference_create_matching(&reference, repository, name, &newRaw, 1, &oldRaw, message)
            } else {
                rc = git_reference_create(&reference, repository, name, &newRaw, 0, message)
            }
            if let reference { git_reference_free(reference) }
            guard rc < 0 else { return }
            let error = GitError.fromLibgit2(rc, operation: operation)
            // A lost race shows as "already exists" (expected absent), "not found" (expected a
            // value, but it was deleted) or "modified" (another value): all are a stale CAS.
            let lostRace = rc == GIT_EMODIFIED.rawValue
                || (old == nil && rc == GIT_EEXISTS.rawValue)
                || (old != nil && rc == GIT_ENOTFOUND.rawValue)
            throw lostRace ? GitError(code: .modified, message: error.message, operation: operation) : error
        }
    }

    /// Deletes a reference by full name; throws `.notFound` when it does not exist.
    public func deleteReference(_ name: String) throws {
        try withRepository { repository in
            let reference = try make("delete reference '\(name)'") { git_reference_lookup(&$0, repository, name) }
            defer { git_reference_free(reference) }
            try check(git_reference_delete(reference), "delete reference '\(name)'")
        }
    }

    /// Full names and ids (symbolic refs followed) of the references under `prefix`, in name
    /// order. Asks libgit2 for the narrowest folder glob that covers the prefix, then filters.
    static func listReferences(_ repository: OpaquePointer, prefix: String) throws -> [(String, OID)] {
        let operation = "list references under '\(prefix)'"
        let iterator: OpaquePointer
        if let slash = prefix.lastIndex(of: "/") {
            // Ref names cannot contain glob characters, so the folder part is a literal; "/**"
            // at the end matches everything below it, at any depth.
            let glob = String(prefix[...slash]) + "**"
            iterator = try make(operation) { git_reference_iterator_glob_new(&$0, repository, glob) }
        } else {
            iterator = try make(operation) { git_reference_iterator_new(&$0, repository) }
        }
        defer { git_reference_iterator_free(iterator) }

        var found: [(String, OID)] = []
        while true {
            var reference: OpaquePointer?
            let rc = git_reference_next(&reference, iterator)
            if rc == GIT_ITEROVER.rawValue { break }
            try check(rc, operation)
            let current = try unwrap(reference, operation)
            defer { git_reference_free(current) }
            guard let rawName = git_reference_name(current) else { continue }
            let name = String(cString: rawName)
            guard name.hasPrefix(prefix) else { continue }
            if git_reference_type(current) == GIT_REFERENCE_DIRECT {
                if let oid = OID(git_reference_target(current)) { found.append((name, oid)) }
            } else {
                var resolved: OpaquePointer?
                let rc = git_reference_resolve(&resolved, current)
                if rc == GIT_ENOTFOUND.rawValue { git_error_clear(); continue }  // dangling symbolic ref
                try check(rc, "resolve reference '\(name)'")
                let direct = try unwrap(resolved, operation)
                defer { git_reference_free(direct) }
                if let oid = OID(git_reference_target(direct)) { found.append((name, oid)) }
            }
        }
        found.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        return found
    }
}
