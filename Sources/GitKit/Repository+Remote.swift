import CLibGit2
import Foundation

extension Repository {
    /// The names of the configured remotes, sorted.
    public func remoteNames() throws -> [String] {
        try withRepository { repository in
            var names = git_strarray()
            try check(git_remote_list(&names, repository), "list remotes")
            defer { git_strarray_dispose(&names) }
            var result: [String] = []
            for index in 0..<names.count {
                if let name = names.strings[index] { result.append(String(cString: name)) }
            }
            return result.sorted()
        }
    }

    /// The remote called `name`; nil when there is none.
    public func remote(named name: String) throws -> RemoteInfo? {
        try withRepository { repository in
            var raw: OpaquePointer?
            let rc = git_remote_lookup(&raw, repository, name)
            if rc == GIT_ENOTFOUND.rawValue || rc == GIT_EINVALIDSPEC.rawValue {
                git_error_clear()
                return nil
            }
            try check(rc, "read remote '\(name)'")
            let remote = try unwrap(raw, "read remote '\(name)'")
            defer { git_remote_free(remote) }
            return RemoteInfo(name: name, url: git_remote_url(remote).map { String(cString: $0) } ?? "",
                              pushURL: git_remote_pushurl(remote).map { String(cString: $0) })
        }
    }

    /// Adds a remote with git's default fetch refspec (`+refs/heads/*:refs/remotes/<name>/*`).
    public func addRemote(_ name: String, url: String) throws {
        try withRepository { repository in
            let remote = try make("add remote '\(name)' (\(url))") { git_remote_create(&$0, repository, name, url) }
            git_remote_free(remote)
        }
    }

    /// The references the remote advertises (without peeled `^{}` entries), without
    /// downloading anything.
    public func remoteReferences(remote name: String, options: TransferOptions = TransferOptions()) throws -> [RemoteReference] {
        let operation = "list the references of remote '\(name)'"
        return try withRemote(name, operation, options: options) { remote, session in
            var connect = git_remote_connect_options()
            try check(git_remote_connect_options_init(&connect, UInt32(GIT_REMOTE_CONNECT_OPTIONS_VERSION)), operation)
            connect.callbacks = try session.callbacks(operation)
            try session.check(git_remote_connect_ext(remote, GIT_DIRECTION_FETCH, &connect), operation)
            defer { git_remote_disconnect(remote) }
            let heads = try Repository.advertised(remote, operation)
            session.succeeded()
            return heads
        }
    }

    /// Fetches `refspecs` (e.g. "+refs/heads/main:refs/remotes/origin/main",
    /// "refs/tags/charter/*:refs/tags/charter/*") from the remote called `name`: objects first,
    /// then the local references the refspecs map the advertised ones to. As with git, a forced
    /// refspec (`+`) moves its destination whatever it was; a plain one creates a missing
    /// destination, fast-forwards a branch, and otherwise leaves the local reference alone
    /// (reported in `kept`): a local tag is never overwritten. No tags are followed beyond the
    /// refspecs, and FETCH_HEAD is not written. (libgit2 1.5's own reference update ignores
    /// the difference, so GitKit applies the refspecs itself.)
    @discardableResult
    public func fetch(remote name: String, refspecs: [String], options: TransferOptions = TransferOptions()) throws -> FetchResult {
        let operation = "fetch from remote '\(name)'"
        return try withRemote(name, operation, options: options) { remote, session in
            var connect = git_remote_connect_options()
            try check(git_remote_connect_options_init(&connect, UInt32(GIT_REMOTE_CONNECT_OPTIONS_VERSION)), operation)
            connect.callbacks = try session.callbacks(operation)
            try session.check(git_remote_connect_ext(remote, GIT_DIRECTION_FETCH, &connect), operation)
            defer { git_remote_disconnect(remote) }
            let heads = try Repository.advertised(remote, operation)

            var fetchOptions = git_fetch_options()
            try check(git_fetch_options_init(&fetchOptions, UInt32(GIT_FETCH_OPTIONS_VERSION)), operation)
            fetchOptions.callbacks = try session.callbacks(operation)
            fetchOptions.prune = GIT_FETCH_NO_PRUNE
            fetchOptions.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
            try Repository.withStringArray(refspecs) { array in
                var specs = array
                try session.check(git_remote_download(remote, &specs, &fetchOptions), operation)
            }
            session.succeeded()
            guard let repository = git_remote_owner(remote) else { return FetchResult(advertised: heads) }
            return try Repository.applyFetched(repository, heads, refspecs: refspecs, reflog: "charter: fetch \(name)", operation)
        }
    }

    /// Moves local references as `refspecs` map the advertised `heads` (objects already here).
    private static func applyFetched(_ repository: OpaquePointer, _ heads: [RemoteReference], refspecs: [String],
                                     reflog: String, _ operation: String) throws -> FetchResult {
        var result = FetchResult(advertised: heads)
        for text in refspecs {
            let spec = try make("parse refspec '\(text)'") { git_refspec_parse(&$0, text, 1) }
            defer { git_refspec_free(spec) }
            let force = git_refspec_force(spec) != 0
            for head in heads where git_refspec_src_matches(spec, head.name) != 0 {
                var buffer = git_buf()
                defer { git_buf_dispose(&buffer) }
                try check(git_refspec_transform(&buffer, spec, head.name), "map '\(head.name)' through '\(text)'")
                guard let raw = buffer.ptr else { continue }
                let destination = String(cString: raw)
                var current = git_oid()
                let rc = git_reference_name_to_id(&current, repository, destination)
                let old: OID? = rc == 0 ? OID(current) : nil
                if rc < 0 { git_error_clear() }
                if old == head.oid { continue }
                var newRaw = head.oid.raw
                var reference: OpaquePointer?
                if let old, !force {
                    var oldRaw = old.raw
                    let fastForward = !destination.hasPrefix("refs/tags/")
                        && git_graph_descendant_of(repository, &newRaw, &oldRaw) == 1
                    if !fastForward {
                        git_error_clear()
                        result.kept.append(ReferenceUpdate(name: destination, old: old, new: head.oid))
                        continue
                    }
                    try check(git_reference_create_matching(&reference, repository, destination, &newRaw, 1, &oldRaw, reflog),
                              "\(operation): update '\(destination)'")
                } else {
                    try check(git_reference_create(&reference, repository, destination, &newRaw, 1, reflog),
                              "\(operation): update '\(destination)'")
                }
                if let reference { git_reference_free(reference) }
                result.updated.append(ReferenceUpdate(name: destination, old: old, new: head.oid))
            }
        }
        return result
    }

    /// Pushes local references to the remote called `name`: objects first, then each remote
    /// reference. A non-forced update the remote cannot fast-forward (it moved to something
    /// this repository does not contain) throws `.nonFastForward`, naming the reference; fetch,
    /// integrate and push again.
    ///
    /// A remote on this machine (a path or `file://`) is written directly: the objects as one
    /// pack in its object folder, then each reference by compare-and-swap on the value the
    /// decision was made on. (libgit2's own local transport moves remote references without
    /// that check, so two concurrent pushes could silently drop one's commits.) Other remotes
    /// go through libgit2's transports (ssh, https), whose servers check the old value.
    public func push(remote name: String, _ updates: [PushUpdate], options: TransferOptions = TransferOptions()) throws {
        guard !updates.isEmpty else { return }
        guard let info = try remote(named: name) else {
            throw GitError(code: .notFound, message: "no such remote", operation: "push to remote '\(name)'")
        }
        let url = info.pushURL ?? info.url
        if RemoteInfo.isLocal(url) {
            try pushLocal(remoteName: name, url: url, updates, options: options)
            return
        }
        let operation = "push to remote '\(name)'"
        try withRemote(name, operation, options: options) { remote, session in
            var pushOptions = git_push_options()
            try check(git_push_options_init(&pushOptions, UInt32(GIT_PUSH_OPTIONS_VERSION)), operation)
            pushOptions.callbacks = try session.callbacks(operation)
            let rc = try Repository.withStringArray(updates.map(\.refspec)) { array -> Int32 in
                var specs = array
                return git_remote_push(remote, &specs, &pushOptions)
            }
            if rc == GIT_ENONFASTFORWARD.rawValue {
                let error = GitError.fromLibgit2(rc, operation: operation)
                throw GitError(code: .nonFastForward, message: error.message, operation: operation)
            }
            try session.check(rc, operation)
            session.succeeded()
            if !session.rejections.isEmpty {
                throw PushRejections(session.rejections).error(operation)
            }
        }
    }

    /// Moves (or creates) `name` to `new` whatever it pointed to (remote-tracking references,
    /// which only mirror what a remote said).
    public func setReference(_ name: String, to new: OID, message: String) throws {
        try withRepository { repository in
            var raw = new.raw
            let reference = try make("set reference '\(name)' to \(new.hex)") {
                git_reference_create(&$0, repository, name, &raw, 1, message)
            }
            git_reference_free(reference)
        }
    }

    /// Runs `body` with the looked-up remote and a session for its callbacks, kept alive
    /// (and the remote freed) around it, inside one locked body.
    private func withRemote<Result: Sendable>(_ name: String, _ operation: String, options: TransferOptions,
                                              _ body: (OpaquePointer, RemoteSession) throws -> Result) throws -> Result {
        try withRepository { repository in
            var raw: OpaquePointer?
            let rc = git_remote_lookup(&raw, repository, name)
            if rc == GIT_ENOTFOUND.rawValue || rc == GIT_EINVALIDSPEC.rawValue {
                git_error_clear()
                throw GitError(code: .notFound, message: "no such remote", operation: operation)
            }
            try check(rc, operation)
            let remote = try unwrap(raw, operation)
            defer { git_remote_free(remote) }
            let url = git_remote_url(remote).map { String(cString: $0) } ?? name
            // A relative path is relative to the work tree's root, as for git, not to the
            // folder the command runs in.
            let resolved = resolvedLocalURL(url)
            if resolved != url {
                try check(git_remote_set_instance_url(remote, resolved), operation)
                try check(git_remote_set_instance_pushurl(remote, resolvedLocalURL(git_remote_pushurl(remote).map { String(cString: $0) } ?? url)),
                          operation)
            }
            let session = RemoteSession(remoteName: name, url: url, options: options)
            return try withExtendedLifetime(session) { try body(remote, session) }
        }
    }

    /// A local remote's relative path made absolute from the work tree's root (the git folder
    /// for a bare repository); any other URL unchanged.
    func resolvedLocalURL(_ url: String) -> String {
        guard RemoteInfo.isLocal(url), !url.hasPrefix("file://"), !url.hasPrefix("/") else { return url }
        let base = URL(fileURLWithPath: workingDirectory ?? gitDirectory, isDirectory: true)
        return base.appendingPathComponent(url).standardizedFileURL.path
    }

    /// The heads a connected remote advertised, peeled entries left out.
    private static func advertised(_ remote: OpaquePointer, _ operation: String) throws -> [RemoteReference] {
        var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
        var count = 0
        try check(git_remote_ls(&heads, &count, remote), operation)
        var result: [RemoteReference] = []
        guard let heads else { return result }
        for index in 0..<count {
            guard let head = heads[index], let rawName = head.pointee.name else { continue }
            let name = String(cString: rawName)
            if name.hasSuffix("^{}") { continue }
            result.append(RemoteReference(name: name, oid: OID(head.pointee.oid)))
        }
        return result
    }
}

/// References a remote refused, turned into one error: `.nonFastForward` when every refusal is
/// the remote having moved on (fetch first), another code otherwise.
struct PushRejections {
    var rejections: [(reference: String, reason: String)]

    init(_ rejections: [(reference: String, reason: String)]) {
        self.rejections = rejections
    }

    static func isStale(_ reason: String) -> Bool {
        let text = reason.lowercased()
        return ["non-fast-forward", "fetch first", "stale", "failed to lock", "failed to update", "moved"].contains { text.contains($0) }
    }

    func error(_ operation: String) -> GitError {
        let message = "the remote refused " + rejections.map { "\($0.reference) (\($0.reason))" }.joined(separator: ", ")
        let stale = rejections.allSatisfy { PushRejections.isStale($0.reason) }
        return GitError(code: stale ? .nonFastForward : .other(GIT_ERROR.rawValue), message: message, operation: operation)
    }
}
