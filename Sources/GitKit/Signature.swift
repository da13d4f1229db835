import CLibGit2
import Foundation

/// Who did something in git, and when: the author, committer or tagger line of an object.
/// git keeps whole seconds and the writer's UTC offset in minutes; both round-trip.
public struct Signature: Sendable, Hashable {
    /// Display name, e.g. "Dominique Éditrice".
    public var name: String
    /// Address, without angle brackets.
    public var email: String
    /// The instant; sub-second precision is dropped (rounded down) when written to git.
    public var date: Date
    /// The writer's offset from UTC in minutes (e.g. 60 for +0100), kept for display.
    public var timeZoneOffsetMinutes: Int

    /// A signature; by default now, in UTC.
    public init(name: String, email: String, date: Date = Date(), timeZoneOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.date = date
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }

    /// Copies a libgit2 signature.
    init(_ raw: UnsafePointer<git_signature>) {
        let signature = raw.pointee
        self.name = signature.name.map { String(cString: $0) } ?? ""
        self.email = signature.email.map { String(cString: $0) } ?? ""
        self.date = Date(timeIntervalSince1970: TimeInterval(signature.when.time))
        self.timeZoneOffsetMinutes = Int(signature.when.offset)
    }

    /// Seconds since the epoch as git stores them.
    var gitTime: git_time_t {
        git_time_t(date.timeIntervalSince1970.rounded(.down))
    }

    /// Lends a libgit2 signature built from this value to `body`, freeing it afterwards.
    /// libgit2 refuses names or emails that are empty or contain '<' or '>'.
    func withGitSignature<Result>(
        _ operation: @autoclosure () -> String,
        _ body: (UnsafePointer<git_signature>) throws -> Result
    ) throws -> Result {
        var raw: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&raw, name, email, gitTime, Int32(clamping: timeZoneOffsetMinutes)), operation())
        guard let raw else {
            throw GitError(code: .other(-1), message: "libgit2 returned no signature", operation: operation())
        }
        defer { git_signature_free(raw) }
        return try body(raw)
    }
}
