import CLibGit2
import Foundation

extension Repository {
    /// Reads a commit object.
    public func commit(_ oid: OID) throws -> CommitInfo {
        try withRepository { repository in try Repository.readCommit(repository, oid) }
    }

    /// Reads several commits under one lock: cheaper than one `commit(_:)` call each when
    /// going through a long history.
    public func commits(_ oids: [OID]) throws -> [CommitInfo] {
        try withRepository { repository in
            var result: [CommitInfo] = []
            result.reserveCapacity(oids.count)
            for oid in oids { result.append(try Repository.readCommit(repository, oid)) }
            return result
        }
    }

    /// The contents of a blob.
    public func blob(_ oid: OID) throws -> Data {
        try withRepository { repository in
            var raw = oid.raw
            let blob = try make("read blob \(oid.hex)") { git_blob_lookup(&$0, repository, &raw) }
            defer { git_blob_free(blob) }
            let size = Int(git_blob_rawsize(blob))
            guard size > 0, let content = git_blob_rawcontent(blob) else { return Data() }
            return Data(bytes: content, count: size)
        }
    }

    /// Stores `data` as a blob (a loose object) and returns its id.
    public func writeBlob(_ data: Data) throws -> OID {
        try withRepository { repository in
            var out = git_oid()
            let rc = Repository.withBytes(data) { pointer, count in
                git_blob_create_from_buffer(&out, repository, pointer, count)
            }
            try check(rc, "write blob of \(data.count) bytes")
            return OID(out)
        }
    }

    /// The id git gives `data` as a blob (`git hash-object`), without writing anything.
    public static func hashBlob(_ data: Data) throws -> OID {
        try LibGit2.ensureInitialised()
        var out = git_oid()
        let rc = withBytes(data) { pointer, count in
            git_odb_hash(&out, pointer, count, GIT_OBJECT_BLOB)
        }
        try check(rc, "hash blob of \(data.count) bytes")
        return OID(out)
    }

    /// Writes a commit object (no reference moves: publish it with `updateReference`).
    /// The tree and parents must exist. `message` is stored exactly as given; end it with a
    /// newline, as git does, for the cleanest `git log`.
    public func createCommit(tree: OID, parents: [OID], author: Signature, committer: Signature, message: String) throws -> OID {
        let operation = "create commit of tree \(tree.hex)"
        return try withRepository { repository in
            try author.withGitSignature(operation) { rawAuthor in
                try committer.withGitSignature(operation) { rawCommitter in
                    var out = git_oid()
                    var rawTree = tree.raw
                    let rawParents = UnsafeMutablePointer<git_oid>.allocate(capacity: max(parents.count, 1))
                    defer { rawParents.deallocate() }
                    let parentPointers = UnsafeMutablePointer<UnsafePointer<git_oid>?>.allocate(capacity: max(parents.count, 1))
                    defer { parentPointers.deallocate() }
                    for (index, parent) in parents.enumerated() {
                        (rawParents + index).initialize(to: parent.raw)
                        parentPointers[index] = UnsafePointer(rawParents + index)
                    }
                    try check(git_commit_create_from_ids(&out, repository, nil, rawAuthor, rawCommitter, nil, message,
                                                         &rawTree, parents.count, parentPointers), operation)
                    return OID(out)
                }
            }
        }
    }

    /// The bytes of a commit object as `createCommit` would write it, without writing it.
    func commitBuffer(tree: OID, parents: [OID], author: Signature, committer: Signature, message: String) throws -> Data {
        let operation = "build commit of tree \(tree.hex)"
        return try withRepository { repository in
            try author.withGitSignature(operation) { rawAuthor in
                try committer.withGitSignature(operation) { rawCommitter in
                    var treeRaw = tree.raw
                    let treeObject = try make(operation) { git_tree_lookup(&$0, repository, &treeRaw) }
                    defer { git_tree_free(treeObject) }
                    var parentObjects: [OpaquePointer?] = []
                    defer { for parent in parentObjects { git_commit_free(parent) } }
                    for parent in parents {
                        var raw = parent.raw
                        parentObjects.append(try make("read commit \(parent.hex)") { git_commit_lookup(&$0, repository, &raw) })
                    }
                    var buffer = git_buf()
                    defer { git_buf_dispose(&buffer) }
                    try parentObjects.withUnsafeMutableBufferPointer { pointers in
                        try check(git_commit_create_buffer(&buffer, repository, rawAuthor, rawCommitter, nil, message, treeObject,
                                                           parents.count, pointers.baseAddress), operation)
                    }
                    guard let bytes = buffer.ptr else { return Data() }
                    return Data(bytes: bytes, count: buffer.size)
                }
            }
        }
    }

    static func readCommit(_ repository: OpaquePointer, _ oid: OID) throws -> CommitInfo {
        var raw = oid.raw
        let operation = "read commit \(oid.hex)"
        let commit = try make(operation) { git_commit_lookup(&$0, repository, &raw) }
        defer { git_commit_free(commit) }
        guard let tree = OID(git_commit_tree_id(commit)),
              let author = git_commit_author(commit),
              let committer = git_commit_committer(commit) else {
            throw GitError(code: .other(-1), message: "commit is missing its tree or signatures", operation: operation)
        }
        let count = git_commit_parentcount(commit)
        var parents: [OID] = []
        parents.reserveCapacity(Int(count))
        for index in 0..<count {
            if let parent = OID(git_commit_parent_id(commit, index)) { parents.append(parent) }
        }
        let message = git_commit_message_raw(commit).map { String(cString: $0) } ?? ""
        return CommitInfo(oid: oid, tree: tree, parents: parents,
                          author: Signature(author), committer: Signature(committer), message: message)
    }

    /// Lends `data`'s bytes to a C call, with a valid pointer even when `data` is empty.
    static func withBytes<Result>(_ data: Data, _ body: (UnsafeRawPointer, Int) -> Result) -> Result {
        data.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress, buffer.count > 0 {
                return body(base, buffer.count)
            }
            var empty: UInt8 = 0
            return withUnsafePointer(to: &empty) { body(UnsafeRawPointer($0), 0) }
        }
    }
}
