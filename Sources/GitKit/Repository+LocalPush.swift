import CLibGit2
import Foundation

extension Repository {
    /// `push` to a repository on this machine: decide every update against the remote's
    /// current references, write the objects they need as one pack into its object folder,
    /// then move each reference by compare-and-swap on the value the decision was made on.
    /// A process killed at any point leaves each remote reference at its old or new value
    /// (and perhaps an unreferenced pack, which `git gc` removes).
    func pushLocal(remoteName: String, url: String, _ updates: [PushUpdate], options: TransferOptions) throws {
        let operation = "push to remote '\(remoteName)' (\(url))"
        let path = RemoteInfo.localPath(resolvedLocalURL(url))
        let target: Repository
        do {
            target = try Repository.open(at: path)
        } catch let error as GitError {
            throw GitError(code: error.code, message: "cannot open the repository at '\(path)': \(error.message)", operation: operation)
        }
        let checkedOut = target.isBare ? nil : try target.headReferenceName()

        var planned: [(update: PushUpdate, new: OID, old: OID?)] = []
        var rejections: [(reference: String, reason: String)] = []
        for update in updates {
            guard let new = try reference(update.source) else {
                throw GitError(code: .notFound, message: "no local reference '\(update.source)'", operation: operation)
            }
            let old = try target.reference(update.destination)
            if old == new { continue }
            if update.destination == checkedOut {
                rejections.append((update.destination, "checked out in the remote's work tree"))
                continue
            }
            if !update.force, let old {
                guard try contains(old), try Repository.isCommit(self, old), try isAncestor(old, of: new) else {
                    rejections.append((update.destination, "non-fast-forward: the remote has commits this repository lacks (fetch first)"))
                    continue
                }
            }
            planned.append((update, new, old))
        }

        if !planned.isEmpty {
            // Objects first: everything the new values reach that the remote's references do not.
            var known = try target.references(withPrefix: "refs/").values.filter { try contains($0) }
            known.append(contentsOf: planned.compactMap(\.old))
            let session = RemoteSession(remoteName: remoteName, url: url, options: options)
            let packFolder = target.gitDirectory + "/objects/pack"
            try withExtendedLifetime(session) {
                try writePack(into: packFolder, including: planned.map(\.new), excluding: known, session: session)
            }
            // References last, each a compare-and-swap.
            for plan in planned {
                do {
                    try target.updateReference(plan.update.destination, to: plan.new, expected: plan.old,
                                               message: "push from \(gitDirectory)")
                } catch let error as GitError where error.code == .modified {
                    rejections.append((plan.update.destination, "moved on the remote meanwhile (fetch first)"))
                }
            }
        }
        if !rejections.isEmpty {
            throw PushRejections(rejections).error(operation)
        }
    }

    /// Writes the objects reachable from `including` but not from `excluding` as a pack (and its
    /// index) into `folder`; nothing when there is nothing to send.
    private func writePack(into folder: String, including: [OID], excluding: [OID], session: RemoteSession) throws {
        let operation = "write a pack into '\(folder)'"
        try withRepository { repository in
            let builder = try make(operation) { git_packbuilder_new(&$0, repository) }
            defer { git_packbuilder_free(builder) }
            let walk = try make(operation) { git_revwalk_new(&$0, repository) }
            defer { git_revwalk_free(walk) }
            try check(git_revwalk_sorting(walk, GIT_SORT_TIME.rawValue), operation)
            for oid in including {
                // Annotated tags: the tag objects themselves, then what they point to.
                var target = oid
                var depth = 0
                while depth < 64, let tagged = try Repository.tagTarget(repository, target) {
                    var raw = target.raw
                    try check(git_packbuilder_insert(builder, &raw, nil), operation)
                    target = tagged
                    depth += 1
                }
                var raw = target.raw
                if try Repository.isCommit(repository, target) {
                    try check(git_revwalk_push(walk, &raw), operation)
                } else {
                    try check(git_packbuilder_insert_recur(builder, &raw, nil), operation)
                }
            }
            for oid in excluding {
                var raw = oid.raw
                if git_revwalk_hide(walk, &raw) < 0 { git_error_clear() }  // not a commit here: nothing to hide
            }
            try check(git_packbuilder_insert_walk(builder, walk), operation)
            guard git_packbuilder_object_count(builder) > 0 else { return }
            try check(git_packbuilder_write(builder, folder, 0, remoteSessionPackWriteProgress,
                                            Unmanaged.passUnretained(session).toOpaque()), operation)
        }
    }

    private static func isCommit(_ repository: Repository, _ oid: OID) throws -> Bool {
        try repository.withRepository { try isCommit($0, oid) }
    }

    private static func isCommit(_ repository: OpaquePointer, _ oid: OID) throws -> Bool {
        var raw = oid.raw
        var object: OpaquePointer?
        let rc = git_object_lookup(&object, repository, &raw, GIT_OBJECT_ANY)
        if rc == GIT_ENOTFOUND.rawValue { git_error_clear(); return false }
        try check(rc, "read object \(oid.hex)")
        defer { git_object_free(object) }
        return git_object_type(object) == GIT_OBJECT_COMMIT
    }

    /// What an annotated tag points to; nil when `oid` is not a tag object.
    private static func tagTarget(_ repository: OpaquePointer, _ oid: OID) throws -> OID? {
        var raw = oid.raw
        var tag: OpaquePointer?
        let rc = git_tag_lookup(&tag, repository, &raw)
        if rc < 0 { git_error_clear(); return nil }
        defer { git_tag_free(tag) }
        return OID(git_tag_target_id(tag))
    }
}
