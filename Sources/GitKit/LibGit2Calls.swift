import CLibGit2

// The three helpers every libgit2 call goes through: a negative return code becomes a typed
// `GitError` carrying libgit2's message, read at once (it is thread-local).

/// Throws a `GitError` when a libgit2 call returned a negative code; `operation` is only
/// formatted on failure.
@inline(__always)
func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws {
    if rc < 0 { throw GitError.fromLibgit2(rc, operation: operation()) }
}

/// Unwraps a pointer a successful libgit2 call promised to set.
@inline(__always)
func unwrap<Pointer>(_ pointer: Pointer?, _ operation: @autoclosure () -> String) throws -> Pointer {
    guard let pointer else {
        throw GitError(code: .other(-1), message: "libgit2 reported success but returned nothing", operation: operation())
    }
    return pointer
}

/// Calls a libgit2 constructor (`git_*_lookup`, `git_*_new`, ...) and returns the object it
/// made, or throws with libgit2's message. The caller frees it (`defer`).
@inline(__always)
func make(_ operation: @autoclosure () -> String, _ constructor: (inout OpaquePointer?) -> Int32) throws -> OpaquePointer {
    var object: OpaquePointer?
    try check(constructor(&object), operation())
    return try unwrap(object, operation())
}
