import CLibGit2

/// Process-wide libgit2 set-up: initialised once, lazily, before the first repository or
/// object-id computation, with caches tuned for charter-sized trees.
enum LibGit2 {
    /// Largest tree libgit2 keeps in its object cache. The default (4 KiB) is smaller than a
    /// 200-clause tree (~7 KiB), which would then be re-read on every step of a walk.
    static let treeCacheLimit = 1 << 20

    /// Runs `git_libgit2_init` exactly once per process (Swift globals initialise lazily and
    /// thread-safely) and applies the cache limit. Its cost (~4 ms) is paid on first use.
    private static let initialisation: Result<Void, GitError> = {
        let rc = git_libgit2_init()
        if rc < 0 { return .failure(GitError.fromLibgit2(rc, operation: "initialise libgit2")) }
        let limit = charter_git_set_cache_object_limit(GIT_OBJECT_TREE, treeCacheLimit)
        if limit < 0 { return .failure(GitError.fromLibgit2(limit, operation: "raise libgit2's tree cache limit")) }
        return .success(())
    }()

    /// Ensures libgit2 is initialised; cheap after the first call. Throws if it could not be.
    @inline(__always)
    static func ensureInitialised() throws {
        try initialisation.get()
    }
}
