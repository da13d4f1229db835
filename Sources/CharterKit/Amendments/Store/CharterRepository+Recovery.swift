import Foundation
import GitKit

/// What became of an adoption found half-done.
public enum AdoptionRecovery: String, Sendable, Codable {
    /// The text branch had moved: the record, index and working tree were brought along.
    case completed
    /// The text branch had not moved: the index and working tree were put back.
    case undone
    /// Someone moved the branch elsewhere since: the adoption never reached it; the intent was dropped.
    case abandoned
}

extension CharterRepository {
    /// Whether an adoption was interrupted (its intent is still there and no charter process
    /// is working on it).
    public func hasInterruptedAdoption() -> Bool {
        FileManager.default.fileExists(atPath: AdoptionIntent.url(git).path) && !ProcessLock.isHeld(AdoptionIntent.lockURL(git))
    }

    /// Completes or undoes an adoption that a crash (or a kill) interrupted, as its intent says,
    /// and says which (a `Notices` message too). Nil when there is none, or when a live charter
    /// process is adopting right now.
    ///
    /// The branch still at its old tip: the adoption did not happen; the touched paths are put
    /// back to the old text. The branch at the adoption commit (or past it): the adoption
    /// happened; its record is written if missing, and the touched paths brought to the new
    /// text. A path is overwritten only when it holds the old or the new text (what charter
    /// itself wrote): anything else is someone's edit, and recovery stops, naming it.
    @discardableResult
    public func recoverInterruptedAdoption() throws -> AdoptionRecovery? {
        guard FileManager.default.fileExists(atPath: AdoptionIntent.url(git).path),
              let lock = try ProcessLock(AdoptionIntent.lockURL(git), wait: false) else { return nil }
        defer { lock.release() }
        guard let intent = try AdoptionIntent.read(git) else { return nil }
        guard let start = OID(hex: intent.start), let startTree = OID(hex: intent.startTree),
              let commit = OID(hex: intent.commit), let commitTree = OID(hex: intent.commitTree) else {
            throw CharterError(.badInput, file: ".git/charter/adoption-intent.json",
                               Message("reliability.intent.unreadable", ["reason": "an object id is not 40 hex digits"]),
                               hint: Message("reliability.intent.unreadable.hint"))
        }
        removeStaleLocks(left: intent)
        let tip = try git.reference(intent.branch)
        let outcome: AdoptionRecovery
        if tip == start {
            try restore(intent.paths, to: startTree, from: [startTree, commitTree])
            outcome = .undone
        } else if let tip, tip == commit || (try? git.isAncestor(commit, of: tip)) == true {
            try recordAdoptionIfMissing(intent)
            if tip == commit { try restore(intent.paths, to: commitTree, from: [startTree, commitTree]) }
            outcome = .completed
        } else {
            outcome = .abandoned
        }
        AdoptionIntent.remove(git)
        Notices.post(Message("reliability.recovered.\(outcome.rawValue)", ["amendment": Amendment.shortID(intent.adoption.amendment),
                                                                          "commit": String(intent.commit.prefix(7))]))
        return outcome
    }

    private func recordAdoptionIfMissing(_ intent: AdoptionIntent) throws {
        let store = try deliberationStore()
        let book = AmendmentBook(try store.load())
        guard let amendment = try? book.resolve(intent.adoption.amendment.rawValue) else { return }
        if amendment.adoption != nil { return }
        try recordAdoption(amendment, store: store, person: intent.editor, intent.adoption)
    }

    /// Brings `paths` (index and working tree) to `target`, after checking that each holds the
    /// content of one of `known` trees (or is absent where that tree lacks it).
    private func restore(_ paths: [String], to target: OID, from known: [OID]) throws {
        guard let root = git.workingDirectory, !paths.isEmpty else { return }
        for path in paths {
            let onDisk = FileManager.default.contents(atPath: "\(root)/\(path)")
            var explained = false
            for tree in known {
                let entry = try git.entry(atPath: path, inTree: tree)
                switch (entry, onDisk) {
                case (nil, nil): explained = true
                case (let entry?, let data?) where entry.kind == .blob: explained = try git.blob(entry.oid) == data
                default: break
                }
                if explained { break }
            }
            guard explained else {
                throw CharterError(.repository, file: path, Message("reliability.recovery.edited"),
                                   hint: Message("reliability.recovery.edited.hint"))
            }
        }
        do {
            try git.checkout(tree: target, baseline: nil, paths: paths, force: true)
        } catch {
            throw CharterError.wrapping(error, Message("reliability.failed.checkout", ["paths": paths.joined(separator: ", ")]))
        }
    }

    /// Git lock files the interrupted adoption's process left: removed when that process is
    /// dead and the lock is no older than its intent (so it is that process's, not another's).
    private func removeStaleLocks(left intent: AdoptionIntent) {
        guard !ProcessLock.isAlive(intent.pid) else { return }
        let manager = FileManager.default
        let since = (try? manager.attributesOfItem(atPath: AdoptionIntent.url(git).path)[.modificationDate] as? Date)
            .flatMap { $0 } ?? .distantFuture
        for name in ["index.lock", "\(intent.branch).lock"] {
            let path = "\(git.gitDirectory)/\(name)"
            guard let modified = (try? manager.attributesOfItem(atPath: path)[.modificationDate]) as? Date,
                  modified.addingTimeInterval(1) >= since else { continue }
            if (try? manager.removeItem(atPath: path)) != nil {
                Notices.post(Message("reliability.lock.removed", ["path": ".git/\(name)", "pid": String(intent.pid)]))
            }
        }
    }
}
