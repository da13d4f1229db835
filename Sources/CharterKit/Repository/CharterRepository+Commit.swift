import Foundation
import GitKit

/// One commit to make on the text branch: files of the charter folder to
/// write (new contents) or delete (nil), with its message and people.
public struct TextCommit: Sendable {
    /// Paths relative to the charter folder, e.g. `clauses/juste-place.md`.
    public var files: [String: Data?]
    public var message: String
    public var author: Person?
    public var authorDate: Date?
    public var committer: Person?
    public var committerDate: Date?
    /// The author's offset from UTC in minutes (an imported commit keeps its own); nil: UTC.
    public var authorTimeZoneOffsetMinutes: Int?

    public init(files: [String: Data?], message: String, author: Person? = nil, authorDate: Date? = nil,
                committer: Person? = nil, committerDate: Date? = nil, authorTimeZoneOffsetMinutes: Int? = nil) {
        self.files = files
        self.message = message
        self.author = author
        self.authorDate = authorDate
        self.committer = committer
        self.committerDate = committerDate
        self.authorTimeZoneOffsetMinutes = authorTimeZoneOffsetMinutes
    }
}

extension CharterRepository {
    /// Commits a series of changes on top of the checked-out branch, moving
    /// the branch once at the end (compare-and-swap on its old value) and
    /// bringing the index and working tree along, so `git status` stays clean.
    ///
    /// Refuses, changing nothing, when a touched file has uncommitted edits or
    /// the branch moved meanwhile.
    @discardableResult
    public func commit(_ series: [TextCommit]) throws -> [Revision] {
        try commit(series, expecting: nil)
    }

    /// `commit(_:)`, refusing (changing nothing) unless the branch is still at `expected`:
    /// for changes computed from that revision, such as an amendment merged onto it.
    func commit(_ series: [TextCommit], expecting expected: OID?) throws -> [Revision] {
        guard let prepared = try prepareCommit(series, expecting: expected) else { return [] }
        try publish(prepared)
        return try prepared.made.map { try revision(git.commit($0)) }
    }

    /// Writes the commits of `series` as objects, moving nothing: `publish` then moves the
    /// branch. Refuses, changing nothing, as `commit(_:)` does.
    func prepareCommit(_ series: [TextCommit], expecting expected: OID?) throws -> PreparedCommit? {
        guard !series.isEmpty else { return nil }
        guard let branch = try git.headReferenceName() else {
            throw CharterError(.repository, "HEAD is detached: there is no branch to commit to",
                               hint: "check out a branch first (`git switch main`)")
        }
        let start = try git.head()
        if let expected, start != expected {
            throw CharterError(.repository, "\(branch) moved while the change was being prepared; nothing was changed",
                               hint: "run the command again")
        }
        let startTree = try start.map { try git.commit($0).tree }
        let touched = Set(series.flatMap { $0.files.keys }).map(repositoryPath).sorted()
        if git.workingDirectory != nil {
            try requireNoIndexLock()
            let dirty = try git.status(paths: touched)
            if !dirty.isEmpty {
                throw CharterError(.repository, "uncommitted changes in \(dirty.joined(separator: ", ")) would be overwritten",
                                   hint: "commit or stash them first (`git stash`), then run the command again")
            }
        }
        let identity = try? git.defaultSignature()
        var parent = start
        var tree = startTree
        var made: [OID] = []
        for change in series {
            var updates: [TreeUpdate] = []
            for path in change.files.keys.sorted() {
                if let data = change.files[path] ?? nil {
                    updates.append(.upsert(path: repositoryPath(path), blob: try git.writeBlob(data)))
                } else {
                    updates.append(.remove(path: repositoryPath(path)))
                }
            }
            let newTree = try git.updateTree(tree, updates)
            var author = try signature(change.author, change.authorDate, fallback: identity)
            if let offset = change.authorTimeZoneOffsetMinutes { author.timeZoneOffsetMinutes = offset }
            let committer = try signature(change.committer, change.committerDate, fallback: identity ?? author)
            let oid = try git.createCommit(tree: newTree, parents: parent.map { [$0] } ?? [],
                                           author: author, committer: committer, message: change.message)
            made.append(oid)
            parent = oid
            tree = newTree
        }
        guard let tip = parent, let tipTree = tree else { return nil }
        return PreparedCommit(branch: branch, start: start, startTree: startTree, tip: tip, tipTree: tipTree, touched: touched,
                              made: made, summary: String(series.last?.message.split(separator: "\n").first ?? ""))
    }

    /// Moves the branch to the prepared commits, the index and working tree first: whatever
    /// the moment of a crash, they never hold text older than the branch. When the branch
    /// cannot move (it moved meanwhile), the index and working tree are put back.
    func publish(_ prepared: PreparedCommit) throws {
        let hasWorkTree = git.workingDirectory != nil
        if hasWorkTree {
            do {
                try git.checkout(tree: prepared.tipTree, baseline: prepared.startTree, paths: prepared.touched)
            } catch let error as GitError {
                throw CharterError.wrapping(error, Message("reliability.failed.checkout", ["paths": prepared.touched.joined(separator: ", ")]))
            }
        }
        FaultPoint.hit("commit.after-checkout")
        do {
            try git.updateReference(prepared.branch, to: prepared.tip, expected: prepared.start, message: "charter: \(prepared.summary)")
        } catch {
            if hasWorkTree {
                try? git.checkout(tree: prepared.startTree ?? git.emptyTree(), baseline: prepared.tipTree, paths: prepared.touched)
            }
            if let error = error as? GitError, error.code == .modified {
                throw CharterError(.repository, "\(prepared.branch) moved while the commit was being made; nothing was changed",
                                   hint: "run the command again")
            }
            if let error = error as? GitError {
                throw CharterError.wrapping(error, Message("reliability.failed.move-branch", ["branch": prepared.branch]))
            }
            throw error
        }
    }

    /// Puts the branch, index and working tree back where `publish` found them (compare-and-swap:
    /// only when the branch is still at the prepared tip).
    func unpublish(_ prepared: PreparedCommit) throws {
        guard let start = prepared.start else {
            throw CharterError(.repository, "\(prepared.branch) had no commit before", hint: "")
        }
        try git.updateReference(prepared.branch, to: start, expected: prepared.tip, message: "charter: undo \(prepared.summary)")
        if git.workingDirectory != nil {
            try git.checkout(tree: prepared.startTree ?? git.emptyTree(), baseline: prepared.tipTree, paths: prepared.touched)
        }
    }

    /// Refuses when another git process holds the index (`.git/index.lock`): charter would
    /// otherwise write the working tree and fail on the index halfway.
    func requireNoIndexLock() throws {
        let lock = URL(fileURLWithPath: git.gitDirectory).appendingPathComponent("index.lock")
        if FileManager.default.fileExists(atPath: lock.path) {
            throw CharterError(.repository, file: ".git/index.lock", Message("reliability.index-locked"),
                               hint: Message("reliability.index-locked.hint"))
        }
    }

    func signature(_ person: Person?, _ date: Date?, fallback: Signature?) throws -> Signature {
        if let person {
            return Signature(name: person.name, email: person.email, date: date ?? Date())
        }
        guard var fallback else {
            throw CharterError(.repository, "no identity to sign the commit with",
                               hint: "set one with `git config user.name \"Name\"` and `git config user.email you@example.org`")
        }
        if let date { fallback.date = date }
        return fallback
    }

    /// A path relative to the repository root for a path relative to the charter folder.
    func repositoryPath(_ path: String) -> String {
        directory == "." ? path : "\(directory)/\(path)"
    }
}

/// Commits written as objects but not yet on their branch: what `publish` moves the branch to.
struct PreparedCommit: Sendable {
    var branch: String
    var start: OID?
    var startTree: OID?
    var tip: OID
    var tipTree: OID
    /// Paths relative to the repository root.
    var touched: [String]
    var made: [OID]
    var summary: String
}
