import CLibGit2

/// What the libgit2 this program runs with can do.
public struct LibGit2Features: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Built thread-safe.
    public static let threads = LibGit2Features(rawValue: Int32(GIT_FEATURE_THREADS.rawValue))
    /// https transport (TLS).
    public static let https = LibGit2Features(rawValue: Int32(GIT_FEATURE_HTTPS.rawValue))
    /// ssh transport.
    public static let ssh = LibGit2Features(rawValue: Int32(GIT_FEATURE_SSH.rawValue))
    /// Sub-second file times in the index.
    public static let nanoseconds = LibGit2Features(rawValue: Int32(GIT_FEATURE_NSEC.rawValue))

    /// The features' names, e.g. ["threads", "https", "ssh"].
    public var names: [String] {
        [(LibGit2Features.threads, "threads"), (.https, "https"), (.ssh, "ssh"), (.nanoseconds, "nsec")]
            .filter { contains($0.0) }.map(\.1)
    }
}

extension Repository {
    /// The libgit2 version, e.g. "1.5.1".
    public static var libgit2Version: String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        _ = git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }

    /// `git_libgit2_features`: whether https and ssh remotes can be reached.
    public static var libgit2Features: LibGit2Features {
        LibGit2Features(rawValue: git_libgit2_features())
    }
}
