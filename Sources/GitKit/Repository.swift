import CLibGit2
import Foundation
import Synchronization

/// A git repository opened through libgit2.
///
/// libgit2 objects must not be used by two threads at once, so the `git_repository*` lives in a
/// `Mutex`: every call locks it, creates and frees the libgit2 objects it needs inside that one
/// locked body, and returns only plain values (`OID`, `CommitInfo`, ...). That makes the type
/// `Sendable` as checked by the compiler. Resolve refs once per command and pass ids around:
/// each call is cheap, but not free.
public final class Repository: Sendable {
    private let handle: Mutex<OpaquePointer>

    /// The repository's git directory (`.../.git`, or the bare repository itself): absolute,
    /// without trailing slash.
    public let gitDirectory: String
    /// The work tree's root: absolute, without trailing slash; `nil` for a bare repository.
    public let workingDirectory: String?
    /// Whether the repository has no work tree.
    public let isBare: Bool

    init(taking pointer: sending OpaquePointer) {
        gitDirectory = Repository.trimmedPath(git_repository_path(pointer)) ?? ""
        workingDirectory = Repository.trimmedPath(git_repository_workdir(pointer))
        isBare = git_repository_is_bare(pointer) != 0
        handle = Mutex(pointer)
    }

    deinit {
        handle.withLock { git_repository_free($0) }
    }

    /// Creates a repository at `path` (creating missing folders) whose HEAD names
    /// `refs/heads/<initialBranch>`. Throws `.exists` when a repository is already there
    /// (open it instead): re-initialising would silently ignore `initialBranch`.
    public static func create(at path: String, bare: Bool = false, initialBranch: String = "main") throws -> Repository {
        try LibGit2.ensureInitialised()
        let operation = "create \(bare ? "bare " : "")repository at '\(path)'"
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), operation)
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        let created: String = try initialBranch.withCString { branch in
            options.initial_head = branch
            var raw: OpaquePointer?
            try check(git_repository_init_ext(&raw, path, &options), operation)
            let repository = try unwrap(raw, operation)
            defer { git_repository_free(repository) }
            return trimmedPath(git_repository_path(repository)) ?? path
        }
        // Re-opened by path so the handle kept in the mutex shares no region with `options`.
        return try openHandle(created, operation)
    }

    /// Opens the repository whose work tree, `.git` folder or bare folder is exactly `path`
    /// (no search upwards: see `discover(from:)`).
    public static func open(at path: String) throws -> Repository {
        try LibGit2.ensureInitialised()
        let operation = "open repository at '\(path)'"
        return try openHandle(path, operation)
    }

    /// Opens the repository containing `path`, searching upwards from it as git does (so any
    /// subfolder of a work tree works). Throws `.notFound` when there is none.
    public static func discover(from path: String) throws -> Repository {
        try LibGit2.ensureInitialised()
        let operation = "find a git repository containing '\(path)'"
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check(git_repository_discover(&buffer, path, 0, nil), operation)
        guard let found = buffer.ptr else {
            throw GitError(code: .notFound, message: "no repository found", operation: operation)
        }
        return try openHandle(String(cString: found), operation)
    }

    private static func openHandle(_ path: String, _ operation: String) throws -> Repository {
        var raw: OpaquePointer?
        try check(git_repository_open(&raw, path), operation)
        guard let raw else {
            throw GitError(code: .other(-1), message: "libgit2 opened no repository", operation: operation)
        }
        return Repository(taking: raw)
    }

    /// Runs `body` with the locked `git_repository*`. libgit2 objects made in `body` must be
    /// freed before it returns; only values leave it.
    @inline(__always)
    func withRepository<Result: Sendable>(_ body: (OpaquePointer) throws -> Result) throws -> Result {
        try handle.withLock { repository in try body(repository) }
    }

    private static func trimmedPath(_ raw: UnsafePointer<CChar>?) -> String? {
        guard let raw else { return nil }
        var path = String(cString: raw)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
