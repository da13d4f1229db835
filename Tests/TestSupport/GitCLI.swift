import Foundation
import Synchronization

/// The `git` command line, used in tests to build fixtures and as an
/// independent witness of what the engine wrote.
public struct GitCLI: Sendable {
    public let directory: URL
    public let home: String
    /// Author/committer date of the next `commit` (seconds since 2026-01-01, advanced per commit).
    private let clock = Clock()

    public init(_ directory: URL, home: String? = nil) {
        self.directory = directory
        self.home = home ?? directory.path
    }

    public var environment: [String: String] { Shell.environment(home: home) }

    /// Runs git and returns its standard output; throws with stderr when it fails.
    @discardableResult
    public func callAsFunction(_ arguments: String..., input: String? = nil) throws -> String {
        try run(arguments, input: input)
    }

    @discardableResult
    public func run(_ arguments: [String], input: String? = nil, date: String? = nil) throws -> String {
        var extra: [String: String] = [:]
        if let date { extra = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date] }
        let result = try Shell.run(Shell.which("git"), arguments, in: directory,
                                   environment: Shell.environment(home: home, extra: extra), input: input)
        guard result.status == 0 else {
            throw GitCLIError(arguments: arguments, status: result.status, stderr: result.stderr)
        }
        return result.stdout
    }

    /// `git init -b main` in `directory`.
    public func initialise(bare: Bool = false) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try run(["init", "-q", "-b", "main"] + (bare ? ["--bare"] : []))
    }

    /// Adds everything and commits with a date one minute after the previous commit's.
    @discardableResult
    public func commitAll(_ message: String, author: String? = nil) throws -> String {
        try run(["add", "-A"])
        var arguments = ["commit", "-q", "--allow-empty", "-m", message]
        if let author { arguments += ["--author", author] }
        try run(arguments, date: clock.next())
        return try run(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `git fsck --strict`; throws when it reports anything.
    public func fsck() throws {
        try run(["fsck", "--strict", "--no-progress"])
    }

    final class Clock: Sendable {
        private let minutes = Mutex(0)
        func next() -> String {
            let minute = minutes.withLock { value -> Int in
                value += 1
                return value
            }
            return "\(1_767_225_600 + minute * 60) +0000"
        }
    }
}

public struct GitCLIError: Error, CustomStringConvertible {
    public var arguments: [String]
    public var status: Int32
    public var stderr: String
    public var description: String { "git \(arguments.joined(separator: " ")) failed (\(status)): \(stderr)" }
}
