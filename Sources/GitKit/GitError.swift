import CLibGit2

/// A failed git operation: a typed code to branch on, libgit2's own message, and what GitKit
/// was doing, so errors shown to people name the revision, reference or path at fault.
public struct GitError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, from libgit2's return code.
    public enum Code: Sendable, Equatable {
        case notFound
        case exists
        case ambiguous
        /// A compare-and-swap lost: the reference changed since it was read (stale expectation).
        case modified
        case conflict
        case locked
        case unbornBranch
        case invalidSpec
        case auth
        case certificate
        case nonFastForward
        /// Any other libgit2 return code, kept as is.
        case other(Int32)

        /// Maps a negative libgit2 return code (`git_error_code`) to a `Code`.
        public init(libgit2 rc: Int32) {
            switch rc {
            case GIT_ENOTFOUND.rawValue: self = .notFound
            case GIT_EEXISTS.rawValue: self = .exists
            case GIT_EAMBIGUOUS.rawValue: self = .ambiguous
            case GIT_EMODIFIED.rawValue: self = .modified
            case GIT_ECONFLICT.rawValue, GIT_EMERGECONFLICT.rawValue: self = .conflict
            case GIT_ELOCKED.rawValue: self = .locked
            case GIT_EUNBORNBRANCH.rawValue: self = .unbornBranch
            case GIT_EINVALIDSPEC.rawValue: self = .invalidSpec
            case GIT_EAUTH.rawValue: self = .auth
            case GIT_ECERTIFICATE.rawValue: self = .certificate
            case GIT_ENONFASTFORWARD.rawValue: self = .nonFastForward
            default: self = .other(rc)
            }
        }
    }

    /// What kind of failure, to branch on.
    public let code: Code
    /// libgit2's message (or GitKit's, for checks made before calling libgit2).
    public let message: String
    /// What was being done, e.g. "resolve revision 'HEAD~3'".
    public let operation: String

    /// Creates an error; GitKit's callers may also use it for git-level failures of their own.
    public init(code: Code, message: String, operation: String) {
        self.code = code
        self.message = message
        self.operation = operation
    }

    /// "<operation>: <message>".
    public var description: String { "\(operation): \(message)" }

    /// Builds the error for a failed libgit2 call from its return code and the thread's last
    /// libgit2 error, which must be read right after the call (it is thread-local and
    /// overwritten by the next failure). The last error is then cleared so a later failure
    /// that sets none cannot pick up a stale message.
    static func fromLibgit2(_ rc: Int32, operation: String) -> GitError {
        var message = ""
        if let last = git_error_last(), let text = last.pointee.message {
            message = String(cString: text)
        }
        git_error_clear()
        if message.isEmpty { message = "libgit2 error \(rc)" }
        return GitError(code: Code(libgit2: rc), message: message, operation: operation)
    }
}
