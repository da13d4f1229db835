import Foundation
import GitKit
import Synchronization

/// The deliberation records of a repository: JSON files on their own branch
/// (never checked out), written through libgit2 one commit per recording
/// action, the branch moved by compare-and-swap.
///
/// Layout of the branch's tree:
/// - `workshops/<workshop>/<record-id>.json`: workshop opened, closed, reopened;
/// - `clauses/<clause>/<shard>/<record-id>.json`: comments and retractions,
///   sharded by the id's last two hex digits so no tree grows large;
/// - `imports/<workshop>/<row-key>`: the id of the comment a CSV row made, so
///   importing a file twice records nothing the second time;
/// - `amendments/<amendment-id>/<record-id>.json`: an amendment's proposal,
///   re-basings, adoption, rejection or withdrawal, and the comments and
///   positions on it with their retractions (docs/amendments.md).
public final class DeliberationStore: Sendable {
    let git: Repository
    /// The branch's short name (`deliberation` unless the manifest says otherwise).
    public let branch: String
    private let cache = Mutex<[OID: Record]>([:])
    /// Whether the position index under `.git/charter/` is used (see `CharterRepository`).
    let indexEnabled: Bool

    init(git: Repository, branch: String, indexEnabled: Bool = !CharterRepository.indexDisabled) {
        self.git = git
        self.branch = branch
        self.indexEnabled = indexEnabled
    }

    var reference: String { "refs/heads/\(branch)" }

    /// The branch's tip: the local branch, else the remote-tracking branch a
    /// plain `git clone` made (`refs/remotes/origin/<branch>`).
    func tip() throws -> (oid: OID?, local: Bool) {
        if let local = try git.reference(reference) { return (local, true) }
        for (name, oid) in try git.references(withPrefix: "refs/remotes/") where name.hasSuffix("/\(branch)") {
            return (oid, false)
        }
        return (nil, true)
    }

    /// Whether any deliberation has been recorded (locally or fetched).
    public func exists() throws -> Bool { try tip().oid != nil }

    // MARK: Reading

    /// Every record on the branch, folded.
    /// Every record on the branch, folded; the files that cannot be trusted quarantined
    /// (`Deliberation.quarantined`), never a reason to fail.
    public func load() throws -> Deliberation {
        guard let tip = try tip().oid else { return Deliberation(records: []) }
        let (records, quarantined) = try scan(under: "", in: git.commit(tip).tree)
        if !quarantined.isEmpty { Notices.post(Message("reliability.quarantine.summary", count: quarantined.count)) }
        return Deliberation(records: records, quarantined: quarantined)
    }

    /// The records in the folder `path` of `tree` (recursively), quarantined files left out.
    func records(under path: String, in tree: OID) throws -> [Record] {
        try scan(under: path, in: tree).records
    }

    /// The records in the folder `path` of `tree` (recursively), and the files quarantined.
    func scan(under path: String, in tree: OID) throws -> (records: [Record], quarantined: [QuarantinedRecord]) {
        let folder: OID
        if path.isEmpty {
            folder = tree
        } else {
            guard let entry = try git.entry(atPath: path, inTree: tree), entry.kind == .tree else { return ([], []) }
            folder = entry.oid
        }
        var sifter = RecordSifter()
        try collect(folder, path: path, into: &sifter)
        let records = sifter.finish()
        return (records, sifter.quarantined)
    }

    private func collect(_ tree: OID, path: String, into sifter: inout RecordSifter) throws {
        for entry in try git.treeEntries(tree) {
            let entryPath = path.isEmpty ? entry.name : "\(path)/\(entry.name)"
            if entry.kind == .tree {
                if entryPath != "imports" { try collect(entry.oid, path: entryPath, into: &sifter) }
            } else if entry.kind == .blob, entry.name.hasSuffix(".json") {
                do {
                    sifter.add(try decodedRecord(entry.oid), path: entryPath, blob: entry.oid.hex)
                } catch let error as DecodingError {
                    sifter.unreadable(path: entryPath, blob: entry.oid.hex, error: error)
                }
            }
        }
    }

    /// The record in a blob (cached by blob id); throws `DecodingError` for a file that is not one.
    func decodedRecord(_ blob: OID) throws -> Record {
        if let cached = cache.withLock({ $0[blob] }) { return cached }
        let record = try RecordCodec.decode(try git.blob(blob))
        cache.withLock { $0[blob] = record }
        return record
    }

    func record(_ blob: OID, path: String) throws -> Record {
        if let cached = cache.withLock({ $0[blob] }) { return cached }
        do {
            let record = try RecordCodec.decode(try git.blob(blob))
            cache.withLock { $0[blob] = record }
            return record
        } catch let error as DecodingError {
            throw CharterError(.badInput, file: "\(branch):\(path)", "unreadable deliberation record: \(error)",
                               hint: "the record was written by hand or by a newer charter; restore it with git")
        }
    }

    // MARK: Writing

    /// Appends the records `make` returns as one commit on the branch.
    ///
    /// `make` sees the branch as it is and may throw to refuse (nothing is
    /// written then). When another writer moved the branch first, everything
    /// is read and `make` called again, up to `attempts` times.
    @discardableResult
    public func append(facilitator: Person, message: String, attempts: Int = 200,
                       _ make: (DeliberationSnapshot) throws -> [Event]) throws -> [Record] {
        try append(facilitator: facilitator, describe: { _ in message }, attempts: attempts, make)
    }

    /// `append(facilitator:message:attempts:_:)` with a commit message made
    /// from the events recorded (so it can name what the validation resolved,
    /// e.g. a clause given by its number, or how many rows an import made).
    @discardableResult
    public func append(facilitator: Person, describe: ([Event]) -> String, attempts: Int = 200,
                       _ make: (DeliberationSnapshot) throws -> [Event]) throws -> [Record] {
        var attempt = 0
        while true {
            attempt += 1
            let (tip, isLocal) = try tip()
            let snapshot = try DeliberationSnapshot(store: self, tip: tip)
            let events = try make(snapshot)
            guard !events.isEmpty else { return [] }
            let now = Date()
            var records: [Record] = []
            var updates: [TreeUpdate] = []
            var clock = try snapshot.clock()
            // Many records (an import): buffer the objects in memory and write one pack.
            let buffered = events.count >= DeliberationStore.bufferThreshold ? try git.bufferedWriter() : nil
            func writeBlob(_ data: Data) throws -> OID { try buffered?.writeBlob(data) ?? git.writeBlob(data) }
            for event in events {
                clock = try Record.nextClock(after: clock)
                let record = Record(id: RecordID.make(at: now), clock: clock, recordedAt: now, facilitator: facilitator, event: event)
                records.append(record)
                let data = try RecordCodec.encode(record)
                updates.append(.upsert(path: DeliberationStore.path(of: record), blob: try writeBlob(data)))
                if case .comment(let comment) = event, let key = comment.importKey {
                    updates.append(.upsert(path: "imports/\(comment.workshop)/\(key)",
                                           blob: try writeBlob(Data((record.id.rawValue + "\n").utf8))))
                }
            }
            let tree = try buffered?.updateTree(snapshot.tree, updates) ?? git.updateTree(snapshot.tree, updates)
            let signature = Signature(name: facilitator.name, email: facilitator.email, date: now)
            let message = describe(events)
            let fullMessage = "\(message)\n\n\(DeliberationStore.clockTrailer): \(clock)\n"
            let parents = tip.map { [$0] } ?? []
            let commit = try buffered?.createCommit(tree: tree, parents: parents, author: signature, committer: signature, message: fullMessage)
                ?? git.createCommit(tree: tree, parents: parents, author: signature, committer: signature, message: fullMessage)
            try buffered?.flush()
            do {
                try moveBranch(to: commit, expected: isLocal ? tip : nil, message: "charter: \(message)")
                return records
            } catch let error as GitError where (error.code == .modified || error.code == .locked) && attempt < attempts {
                // Another writer won the race (`modified`), or is moving the branch right now and
                // holds its lock file (`locked`): back off a little and start again from its tip.
                usleep(UInt32.random(in: 200...2_000) * UInt32(min(attempt, 10)))
            } catch let error as GitError where error.code == .modified {
                throw CharterError(.repository, "the \(branch) branch kept moving under \(attempts) attempts; nothing was recorded",
                                   hint: "run the command again")
            } catch let error as GitError where error.code == .locked {
                throw CharterError(.repository, "the \(branch) branch stayed locked through \(attempts) attempts; nothing was recorded",
                                   hint: "if no other charter or git command is running, remove .git/\(reference).lock and run the command again")
            }
        }
    }

    /// Moves the branch (compare-and-swap) holding the writers' process lock: a git lock file
    /// (`refs/heads/deliberation.lock`) found while holding it was left by a process that died
    /// (charter writers only create it under that lock); once it is older than a second (so no
    /// git command is writing it either), it is removed, and said.
    private func moveBranch(to commit: OID, expected: OID?, message: String) throws {
        let lock = try ProcessLock(writerLockURL, wait: true)
        defer { lock?.release() }
        do {
            try git.updateReference(reference, to: commit, expected: expected, message: message)
        } catch let error as GitError where error.code == .locked && lock != nil && removeStaleReferenceLock() {
            try git.updateReference(reference, to: commit, expected: expected, message: message)
        }
    }

    var writerLockURL: URL { CharterRepository.cacheDirectory(git).appendingPathComponent("deliberation-writer.lock") }

    /// The branch's git lock file, relative to the git directory.
    var referenceLockPath: String { "\(reference).lock" }

    /// Removes the branch's git lock file when it is stale (see `StaleLock`); true when it did.
    func removeStaleReferenceLock() -> Bool {
        StaleLock.remove(reference, in: git)
    }

    static let clockTrailer = "Clock"
    /// From this many records in one append, objects are written as one pack.
    static let bufferThreshold = 64

    /// Where a record's file lives on the branch.
    public static func path(of record: Record) -> String {
        switch record.event {
        case .amendmentProposed: return "amendments/\(record.id)/\(record.id).json"
        case .amendmentRebased(let change): return "amendments/\(change.amendment)/\(record.id).json"
        case .amendmentAdopted(let adoption): return "amendments/\(adoption.amendment)/\(record.id).json"
        case .amendmentRejected(let closing), .amendmentWithdrawn(let closing): return "amendments/\(closing.amendment)/\(record.id).json"
        case .comment(let comment) where comment.amendment != nil:
            return "amendments/\(comment.amendment!)/\(record.id).json"
        case .commentRetracted(let retraction) where retraction.amendment != nil:
            return "amendments/\(retraction.amendment!)/\(record.id).json"
        case .workshopOpened(let opening): return "workshops/\(opening.workshop)/\(record.id).json"
        case .workshopClosed(let change), .workshopReopened(let change): return "workshops/\(change.workshop)/\(record.id).json"
        case .comment(let comment): return "clauses/\(comment.clause)/\(record.id.shard)/\(record.id).json"
        case .commentRetracted(let retraction): return "clauses/\(retraction.clause)/\(record.id.shard)/\(record.id).json"
        }
    }
}
