import Foundation
import GitKit
import Testing

/// What a git CLI run printed.
struct GitOutput {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A temporary folder with a real git CLI to build fixture repositories. Identity, dates and
/// configuration are fixed (HOME is the folder itself, no system config), so ids are
/// reproducible and the machine's git configuration never matters to the CLI. Removed when
/// released.
final class GitFixture {
    let root: String
    /// Seconds since the epoch used for the next commit made through `commit`.
    private(set) var clock = 1_700_000_000
    static let authorName = "Alice Auteure"
    static let authorEmail = "alice@example.org"
    static let committerName = "Camille Committer"
    static let committerEmail = "camille@example.org"

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gitkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        // Resolve symlinks (/tmp on macOS) so paths compare equal to libgit2's.
        root = base.resolvingSymlinksInPath().path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// `root/relative`.
    func path(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    var environment: [String: String] {
        let date = "@\(clock) +0100"
        return [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": GitFixture.authorName,
            "GIT_AUTHOR_EMAIL": GitFixture.authorEmail,
            "GIT_COMMITTER_NAME": GitFixture.committerName,
            "GIT_COMMITTER_EMAIL": GitFixture.committerEmail,
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": date,
            "LANG": "C.UTF-8",
            "TZ": "UTC",
        ]
    }

    /// Runs git in `directory` (relative to root) and returns what it printed, whatever its exit.
    func run(_ arguments: [String], in directory: String = "", input: String? = nil) throws -> GitOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: path(directory))
        process.environment = environment
        // Files rather than pipes: no deadlock whatever the output size.
        let id = UUID().uuidString
        let outPath = root + "/.out-\(id)", errPath = root + "/.err-\(id)", inPath = root + "/.in-\(id)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            for file in [outPath, errPath, inPath] { try? FileManager.default.removeItem(atPath: file) }
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        if let input {
            _ = FileManager.default.createFile(atPath: inPath, contents: Data(input.utf8))
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return GitOutput(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Runs git and returns its standard output, trailing newline removed; fails on non-zero exit.
    @discardableResult
    func git(_ arguments: String..., in directory: String = "", input: String? = nil) throws -> String {
        try git(arguments, in: directory, input: input)
    }

    /// `git(_:in:input:)` with the arguments as an array.
    @discardableResult
    func git(_ arguments: [String], in directory: String = "", input: String? = nil) throws -> String {
        let output = try run(arguments, in: directory, input: input)
        guard output.status == 0 else {
            throw FixtureError.gitFailed("git \(arguments.joined(separator: " ")) exited \(output.status): \(output.stderr)")
        }
        var text = output.stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Writes a file (creating folders) below root.
    func write(_ relative: String, _ content: String) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }

    /// `git init -b main` of a work tree at `relative`.
    func initRepository(_ relative: String = "repo", bare: Bool = false) throws -> String {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
        if bare {
            try git("init", "-q", "--bare", "-b", "main", in: relative)
        } else {
            try git("init", "-q", "-b", "main", in: relative)
        }
        return path(relative)
    }

    /// Stages everything in the repository at `repo` and commits it; returns the commit id.
    /// Each commit is one minute after the previous one.
    @discardableResult
    func commit(_ message: String, in repo: String = "repo", allowEmpty: Bool = false) throws -> OID {
        clock += 60
        try git("add", "-A", in: repo)
        if allowEmpty {
            try git("commit", "-q", "--allow-empty", "-m", message, in: repo)
        } else {
            try git("commit", "-q", "-m", message, in: repo)
        }
        return try oid(try git("rev-parse", "HEAD", in: repo))
    }

    /// Advances the clock used for the next git command (dates of merges, tags).
    func tick() { clock += 60 }

    /// Parses a full id printed by git.
    func oid(_ text: String) throws -> OID {
        try #require(OID(hex: text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// `git fsck --strict` finds nothing wrong in the repository at `relative`.
    func expectFsckClean(_ relative: String = "repo", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let output = try run(["fsck", "--strict", "--no-dangling"], in: relative)
        #expect(output.status == 0, "git fsck --strict failed: \(output.stdout) \(output.stderr)", sourceLocation: sourceLocation)
        let warnings = output.stderr.split(separator: "\n").filter { !$0.hasPrefix("notice:") }
        #expect(warnings.isEmpty, "git fsck --strict warned: \(output.stderr)", sourceLocation: sourceLocation)
    }
}

enum FixtureError: Error {
    case gitFailed(String)
}

extension Signature {
    /// A fixed identity for objects GitKit writes in tests.
    static func fixed(_ seconds: Int = 1_700_100_000, offset: Int = 120) -> Signature {
        Signature(name: "Dominique Éditrice", email: "dominique@example.org",
                  date: Date(timeIntervalSince1970: TimeInterval(seconds)), timeZoneOffsetMinutes: offset)
    }
}
