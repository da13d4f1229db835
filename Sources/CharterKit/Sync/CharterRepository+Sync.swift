import Foundation
import GitKit

/// What the libgit2 in use can reach.
public struct GitLibraryInfo: Sendable, Codable, Hashable {
    /// e.g. "1.5.1".
    public var version: String
    /// e.g. ["threads", "https", "ssh"].
    public var features: [String]
    /// Remote kinds `charter sync` can use with it.
    public var transports: [String]
}

extension CharterRepository {
    /// The libgit2 this program runs with, and the transports it offers.
    public static var gitLibrary: GitLibraryInfo {
        let features = Repository.libgit2Features
        var transports = ["local path", "file://"]
        if features.contains(.ssh) { transports.append("ssh") }
        if features.contains(.https) { transports.append("https") }
        transports.append("http")
        return GitLibraryInfo(version: Repository.libgit2Version, features: features.names, transports: transports)
    }

    /// Fetches the text branch, the deliberation branch and `charter/*` tags from a remote,
    /// merges the deliberation histories (a union of records), fast-forwards the text branch
    /// when it can, and pushes back what the remote lacks; when the remote moved between the
    /// fetch and the push, it fetches, merges and pushes again, a bounded number of times.
    ///
    /// Throws a `CharterError` naming the remote when it cannot be reached or refuses the
    /// credentials; the clone is then unchanged.
    public func sync(_ options: SyncOptions = SyncOptions()) throws -> SyncReport {
        guard let remote = try git.remote(named: options.remote) else {
            let known = try git.remoteNames()
            throw CharterError(.remote, Message("cli.sync.error.noRemote", ["remote": options.remote]),
                               hint: known.isEmpty ? Message("cli.sync.error.noRemote.add", ["remote": options.remote])
                                   : Message("cli.sync.error.noRemote.known", ["remotes": known.joined(separator: ", ")]))
        }
        var sync = try SyncRun(repository: self, store: try deliberationStore(), remote: remote, options: options)
        return try sync.run()
    }
}

/// One `sync`: the names it works on and what it found, round after round.
struct SyncRun {
    let git: Repository
    let repository: CharterRepository
    let store: DeliberationStore
    let remote: RemoteInfo
    let options: SyncOptions
    let transfer: TransferOptions

    /// `refs/heads/deliberation` and its remote-tracking `refs/remotes/<remote>/deliberation`.
    let deliberationRef: String
    let deliberationTracking: String
    /// The checked-out branch (nil when HEAD is detached) and its remote-tracking reference.
    let textRef: String?
    let textTracking: String?

    var report: SyncReport
    let startTip: OID?

    static let tagPrefix = "refs/tags/charter/"
    /// Merge commits are made by this fixed identity, dated like the later parent, so that two
    /// clones merging the same pair of tips make the very same commit.
    static let mergeIdentity = (name: "charter sync", email: "sync@charter.invalid")

    init(repository: CharterRepository, store: DeliberationStore, remote: RemoteInfo, options: SyncOptions) throws {
        self.repository = repository
        self.git = repository.git
        self.store = store
        self.remote = remote
        self.options = options
        let progress = options.progress
        transfer = TransferOptions(progress: progress.map { report in
            { @Sendable (step: TransferProgress) in
                let phase: SyncProgress.Phase = switch step.phase {
                case .receiving: .receiving
                case .resolving: .resolving
                case .sending: .sending
                }
                report(SyncProgress(phase: phase, current: step.current, total: step.total, bytes: step.bytes))
            }
        })
        deliberationRef = "refs/heads/\(store.branch)"
        deliberationTracking = "refs/remotes/\(remote.name)/\(store.branch)"
        if let head = try git.headReferenceName(), head.hasPrefix("refs/heads/"), head != deliberationRef {
            textRef = head
            textTracking = "refs/remotes/\(remote.name)/\(head.dropFirst("refs/heads/".count))"
        } else {
            textRef = nil
            textTracking = nil
        }
        startTip = try git.reference(deliberationRef)
        report = SyncReport(
            remote: remote.name, url: remote.url, direction: options.direction,
            deliberation: DeliberationSync(branch: store.branch, outcome: .absent, received: 0, sent: 0, tip: nil,
                                           pushed: false, conflicts: [], importOverlaps: []),
            text: nil, tags: TagSync(fetched: [], pushed: [], differing: []), attempts: 0)
    }

    mutating func run() throws -> SyncReport {
        while true {
            report.attempts += 1
            let references = try contactRemote()
            let remoteDeliberation = references.advertised(deliberationRef)
            if options.direction != .pushOnly, let remoteDeliberation {
                try integrateDeliberation(remoteDeliberation)
            }
            let textUpdate = try syncText(references.advertised(textRef ?? ""))
            try noteTags(references)
            guard options.direction != .fetchOnly else { break }

            var updates: [PushUpdate] = []
            let deliberationUpdate = try deliberationPush(remoteDeliberation)
            if let deliberationUpdate { updates.append(deliberationUpdate) }
            if let textUpdate { updates.append(textUpdate) }
            let tagUpdates = try tagsToPush(references)
            updates += tagUpdates
            if updates.isEmpty { break }
            do {
                try options.beforePush?(report.attempts)
                try remoteCall("push to") { try git.push(remote: remote.name, updates, options: transfer) }
            } catch let error as GitError where error.code == .nonFastForward {
                guard options.direction != .pushOnly else {
                    throw CharterError(.remote, Message("cli.sync.error.behind", ["remote": remote.name, "problem": error.message]),
                                       hint: Message("cli.sync.error.behind.hint", ["remote": remote.name]))
                }
                guard report.attempts < options.attempts else {
                    throw CharterError(.remote, Message("cli.sync.error.racing", count: report.attempts, ["remote": remote.name]),
                                       hint: Message("cli.sync.error.again"))
                }
                // Someone pushed between our fetch and our push: back off a little, then fetch,
                // merge and push again.
                usleep(UInt32.random(in: 20_000...120_000) * UInt32(min(report.attempts, 5)))
                continue
            }
            // The push went through: the remote-tracking references mirror it.
            let tip = try git.reference(deliberationRef)
            if deliberationUpdate != nil, let tip {
                try git.setReference(deliberationTracking, to: tip, message: "charter sync: push")
                report.deliberation.sent += try recordCount(from: remoteDeliberation, to: tip)
                report.deliberation.pushed = true
            }
            if let textUpdate, let textTracking, let tip = try git.reference(textUpdate.source) {
                try git.setReference(textTracking, to: tip, message: "charter sync: push")
                report.text?.state = .pushed
                report.text?.behind = 0
            }
            report.tags.pushed = tagUpdates.map { String($0.source.dropFirst("refs/tags/".count)) }
            break
        }
        let tip = try git.reference(deliberationRef)
        report.deliberation.tip = tip?.hex
        report.deliberation.received = try recordCount(from: startTip, to: tip)
        if report.deliberation.outcome == .absent, tip != nil { report.deliberation.outcome = .upToDate }
        return report
    }

    // MARK: Talking to the remote

    /// Fetches (or, with --push-only, only lists) the remote's references.
    private mutating func contactRemote() throws -> FetchResult {
        if options.direction == .pushOnly {
            return FetchResult(advertised: try remoteCall("read") { try git.remoteReferences(remote: remote.name, options: transfer) })
        }
        var refspecs = ["+\(deliberationRef):\(deliberationTracking)"]
        if let textRef, let textTracking { refspecs.append("+\(textRef):\(textTracking)") }
        refspecs.append("\(SyncRun.tagPrefix)*:\(SyncRun.tagPrefix)*")
        let result = try remoteCall("fetch from") { try git.fetch(remote: remote.name, refspecs: refspecs, options: transfer) }
        for update in result.updated where update.name.hasPrefix(SyncRun.tagPrefix) && update.old == nil {
            report.tags.fetched.append(String(update.name.dropFirst("refs/tags/".count)))
        }
        return result
    }

    /// Runs a network operation, turning its failure into an error that names the remote.
    private func remoteCall<T>(_ verb: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GitError where error.code == .auth {
            throw CharterError(.authentication, Message("cli.sync.error.verbatim", ["problem": error.message]),
                               hint: Message("cli.sync.error.authentication.hint"))
        } catch let error as GitError where error.code == .nonFastForward {
            throw error
        } catch let error as GitError where error.code == .certificate || error.message.contains("hostkey") {
            throw CharterError(.remote, Message("cli.sync.error.\(verb.prefix { $0 != " " }).identity", ["remote": remote.name, "url": remote.url, "problem": error.message]),
                               hint: Message("cli.sync.error.identity.hint"))
        } catch let error as GitError {
            throw CharterError(.remote, Message("cli.sync.error.\(verb.prefix { $0 != " " })", ["remote": remote.name, "url": remote.url, "problem": error.message]),
                               hint: Message("cli.sync.error.unreachable.hint"))
        }
    }

    // MARK: Deliberation

    /// Brings the remote's records into the local branch: a fast-forward when the clone has
    /// nothing new, else a merge commit holding the union. The local branch moves by
    /// compare-and-swap; when a local writer recorded meanwhile, the union is made again.
    private mutating func integrateDeliberation(_ remoteTip: OID) throws {
        for record in try receivedQuarantine(remoteTip) where !report.deliberation.quarantined.contains(record) {
            report.deliberation.quarantined.append(record)
        }
        for _ in 0..<100 {
            let local = try git.reference(deliberationRef)
            let target: OID
            let outcome: DeliberationSync.Outcome
            let localContainsRemote = try local.map { try git.isAncestor(remoteTip, of: $0) } ?? false
            if localContainsRemote {
                if report.deliberation.outcome == .absent { report.deliberation.outcome = .upToDate }
                return
            } else if let local, try !git.isAncestor(local, of: remoteTip) {
                target = try mergeCommit(local, remoteTip)
                outcome = .merged
            } else {
                target = remoteTip
                outcome = .fastForwarded
            }
            do {
                try git.updateReference(deliberationRef, to: target, expected: local,
                                        message: "charter sync: \(outcome == .merged ? "merge" : "fast-forward to") \(remote.name)/\(store.branch)")
                if report.deliberation.outcome != .merged { report.deliberation.outcome = outcome }
                return
            } catch let error as GitError where error.code == .modified {
                continue  // a record was written locally meanwhile: merge again from the new tip
            }
        }
        throw CharterError(.repository, Message("cli.sync.error.branchMoving", ["branch": store.branch]), hint: Message("cli.sync.error.again"))
    }

    /// The record files the remote has and the clone has not (or has otherwise) that cannot
    /// be trusted, checked one by one as the fold checks them.
    private func receivedQuarantine(_ remoteTip: OID) throws -> [QuarantinedRecord] {
        let localTree = try git.reference(deliberationRef).map { try git.commit($0).tree }
        var sifter = RecordSifter()
        for change in try git.diffTrees(localTree, try git.commit(remoteTip).tree)
        where change.kind != .deleted && change.path.hasSuffix(".json") && !change.path.hasPrefix("imports/") {
            guard let blob = change.newOID else { continue }
            do {
                sifter.add(try store.decodedRecord(blob), path: change.path, blob: blob.hex)
            } catch let error as DecodingError {
                sifter.unreadable(path: change.path, blob: blob.hex, error: error)
            }
        }
        _ = sifter.finish()
        return sifter.quarantined
    }

    /// The merge commit of two tips: the union of their trees, parents in id order, the higher
    /// Lamport clock, a fixed identity and the later parent's date — the same commit whichever
    /// clone makes it.
    private mutating func mergeCommit(_ a: OID, _ b: OID) throws -> OID {
        let (first, second) = a < b ? (a, b) : (b, a)
        let one = try git.commit(first), two = try git.commit(second)
        var union = DeliberationUnion(git: git)
        let tree = try union.merge(one.tree, two.tree)
        let clock = max(try DeliberationSnapshot(store: store, tip: first).clock(),
                        try DeliberationSnapshot(store: store, tip: second).clock())
        for conflict in union.conflicts where !report.deliberation.conflicts.contains(conflict) {
            report.deliberation.conflicts.append(conflict)
        }
        for overlap in union.importOverlaps where !report.deliberation.importOverlaps.contains(overlap) {
            report.deliberation.importOverlaps.append(overlap)
        }
        var message = "Merge deliberation records\n\nUnion of \(first.hex) and \(second.hex).\n"
        for conflict in union.conflicts {
            message += "Kept both versions of \(conflict.path): the other is \(conflict.renamedPath).\n"
        }
        for overlap in union.importOverlaps {
            message += "Row \(overlap.path) was imported twice: \(overlap.kept) and \(overlap.other) are both kept.\n"
        }
        message += "\n\(DeliberationStore.clockTrailer): \(clock)\n"
        let date = max(one.committer.date, two.committer.date)
        let signature = Signature(name: SyncRun.mergeIdentity.name, email: SyncRun.mergeIdentity.email, date: date)
        return try git.createCommit(tree: tree, parents: [first, second], author: signature, committer: signature, message: message)
    }

    /// The update that gives the remote the local records, if it lacks any and can take them
    /// as a fast-forward.
    private mutating func deliberationPush(_ remoteTip: OID?) throws -> PushUpdate? {
        guard let local = try git.reference(deliberationRef), local != remoteTip else { return nil }
        if let remoteTip, try !(git.contains(remoteTip) && git.isAncestor(remoteTip, of: local)) {
            report.deliberation.outcome = .remoteAhead  // only with --push-only: otherwise it was merged
            return nil
        }
        return PushUpdate(source: deliberationRef)
    }

    /// Records (JSON files) in `new`'s tree that `old`'s lacks.
    private func recordCount(from old: OID?, to new: OID?) throws -> Int {
        guard let new, old != new else { return 0 }
        let oldTree = try old.map { try git.commit($0).tree }
        return try git.diffTrees(oldTree, git.commit(new).tree)
            .filter { $0.kind == .added && $0.path.hasSuffix(".json") }.count
    }

    // MARK: Text branch

    /// Fast-forwards the checked-out branch when the remote is ahead and the files it changes
    /// have no uncommitted edits; returns the push that fast-forwards the remote when the
    /// clone is ahead. A diverged branch is reported and left to git.
    private mutating func syncText(_ remoteTip: OID?) throws -> PushUpdate? {
        guard let textRef else { return nil }
        let branch = String(textRef.dropFirst("refs/heads/".count))
        let local = try git.reference(textRef)
        var text = TextSync(branch: branch, state: .upToDate, ahead: 0, behind: 0, blockedBy: [], tip: local?.hex)
        defer { report.text = text }
        guard let remoteTip else {
            guard local != nil else { return nil }
            text.state = .remoteMissing
            return options.direction == .fetchOnly ? nil : PushUpdate(source: textRef)
        }
        guard let local else {
            if options.direction == .pushOnly { text.state = .behind; return nil }
            try fastForwardText(from: nil, to: remoteTip, &text)
            return nil
        }
        if local == remoteTip { return nil }
        guard try git.contains(remoteTip) else {  // --push-only: the remote has what we never fetched
            text.state = .behind
            return nil
        }
        let (ahead, behind) = try git.aheadBehind(local, remoteTip)
        text.ahead = ahead
        text.behind = behind
        if behind == 0 {
            text.state = .ahead
            return options.direction == .fetchOnly ? nil : PushUpdate(source: textRef)
        }
        if ahead == 0 {
            if options.direction == .pushOnly { text.state = .behind; return nil }
            try fastForwardText(from: local, to: remoteTip, &text)
            return nil
        }
        text.state = .diverged
        return nil
    }

    /// Moves the text branch from `old` to `new` (compare-and-swap) and brings the index and
    /// work tree along for the files that differ; refuses when any of them has uncommitted
    /// changes, and puts the branch back if the checkout fails.
    private func fastForwardText(from old: OID?, to new: OID, _ text: inout TextSync) throws {
        guard let textRef else { return }
        let oldTree = try old.map { try git.commit($0).tree }
        let newTree = try git.commit(new).tree
        let paths = try git.diffTrees(oldTree, newTree).map(\.path)
        if git.workingDirectory != nil, !paths.isEmpty {
            let dirty = try git.status(paths: paths)
            if !dirty.isEmpty {
                text.state = .behind
                text.blockedBy = dirty
                return
            }
        }
        do {
            try git.updateReference(textRef, to: new, expected: old, message: "charter sync: fast-forward to \(remote.name)/\(text.branch)")
        } catch let error as GitError where error.code == .modified {
            text.state = .behind  // someone committed meanwhile; the next sync sees it
            return
        }
        if git.workingDirectory != nil, !paths.isEmpty {
            do {
                try git.checkout(tree: newTree, baseline: oldTree, paths: paths)
            } catch let error as GitError {
                if let old {
                    try? git.updateReference(textRef, to: old, expected: new, message: "charter sync: undo fast-forward")
                } else {
                    try? git.deleteReference(textRef)
                }
                text.state = .behind
                text.blockedBy = paths
                throw CharterError(.repository, Message("cli.sync.error.checkout", ["remote": remote.name, "branch": text.branch, "problem": error.message]),
                                   hint: Message("cli.sync.error.checkout.hint"))
            }
        }
        text.state = .fastForwarded
        text.behind = 0
        text.tip = new.hex
    }

    // MARK: Tags

    /// Tags whose value differs on the two sides (never changed by sync).
    private mutating func noteTags(_ references: FetchResult) throws {
        let local = try git.references(withPrefix: SyncRun.tagPrefix)
        var differing: [String] = []
        for reference in references.advertised where reference.name.hasPrefix(SyncRun.tagPrefix) {
            if let mine = local[reference.name], mine != reference.oid {
                differing.append(String(reference.name.dropFirst("refs/tags/".count)))
            }
        }
        report.tags.differing = differing.sorted()
    }

    /// Local `charter/*` tags the remote lacks.
    private func tagsToPush(_ references: FetchResult) throws -> [PushUpdate] {
        let remoteNames = Set(references.advertised.map(\.name))
        return try git.references(withPrefix: SyncRun.tagPrefix).keys.sorted()
            .filter { !remoteNames.contains($0) }
            .map { PushUpdate(source: $0) }
    }
}
