import CLibGit2

extension Repository {
    /// Creates the annotated tag `refs/tags/<name>` on `target` and returns the tag object's
    /// id. Throws `.exists` when the tag exists and `force` is false.
    public func createTag(_ name: String, target: OID, tagger: Signature, message: String, force: Bool = false) throws -> OID {
        let operation = "create tag '\(name)' on \(target.hex)"
        return try withRepository { repository in
            var raw = target.raw
            let object = try make(operation) { git_object_lookup(&$0, repository, &raw, GIT_OBJECT_ANY) }
            defer { git_object_free(object) }
            return try tagger.withGitSignature(operation) { rawTagger in
                var out = git_oid()
                try check(git_tag_create(&out, repository, name, object, rawTagger, message, force ? 1 : 0), operation)
                return OID(out)
            }
        }
    }

    /// Every tag under `refs/tags/`, annotated or lightweight, by name (byte order).
    public func tags() throws -> [TagInfo] {
        try withRepository { repository in
            var result: [TagInfo] = []
            for (fullName, oid) in try Repository.listReferences(repository, prefix: "refs/tags/") {
                let name = String(fullName.dropFirst("refs/tags/".count))
                result.append(try Repository.readTag(repository, name: name, oid: oid))
            }
            return result
        }
    }

    /// Reads what `refs/tags/<name>` points to: an annotation (peeled through any chain of tag
    /// objects) or, for a lightweight tag, the commit itself.
    private static func readTag(_ repository: OpaquePointer, name: String, oid: OID) throws -> TagInfo {
        let operation = "read tag '\(name)'"
        var raw = oid.raw
        let object = try make(operation) { git_object_lookup(&$0, repository, &raw, GIT_OBJECT_ANY) }
        defer { git_object_free(object) }
        guard git_object_type(object) == GIT_OBJECT_TAG else {
            return TagInfo(name: name, oid: oid, target: oid, message: nil, tagger: nil)
        }
        // A git_tag is a git_object: the same pointer.
        let message = git_tag_message(object).map { String(cString: $0) } ?? ""
        let tagger = git_tag_tagger(object).map { Signature($0) }
        var target = try unwrap(OID(git_tag_target_id(object)), operation)
        // Tags of tags: follow the chain (bounded, in case of a corrupt loop).
        var depth = 0
        while depth < 64 {
            var targetRaw = target.raw
            var inner: OpaquePointer?
            let rc = git_tag_lookup(&inner, repository, &targetRaw)
            if rc < 0 { git_error_clear(); break }   // not a tag: the peeled target
            guard let inner else { break }
            defer { git_tag_free(inner) }
            guard let next = OID(git_tag_target_id(inner)) else { break }
            target = next
            depth += 1
        }
        return TagInfo(name: name, oid: oid, target: target, message: message, tagger: tagger)
    }
}
