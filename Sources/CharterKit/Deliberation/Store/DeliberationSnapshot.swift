import Foundation
import GitKit

/// The deliberation branch at one tip, read lazily: what a writer checks
/// before recording (workshop state, earlier imports, the clock).
public struct DeliberationSnapshot: Sendable {
    let store: DeliberationStore
    let tip: OID?
    let tree: OID?

    init(store: DeliberationStore, tip: OID?) throws {
        self.store = store
        self.tip = tip
        self.tree = try tip.map { try store.git.commit($0).tree }
    }

    /// The workshop as its records say, nil when it was never opened.
    public func workshop(_ id: String) throws -> Workshop? {
        guard let tree, ClauseID.isValid(id) else { return nil }
        return Deliberation(records: try store.records(under: "workshops/\(id)", in: tree)).workshops[id]
    }

    /// The comment made by an earlier import of the same row, if any.
    public func importedComment(workshop: String, key: String) throws -> Bool {
        guard let tree else { return false }
        return try store.git.entry(atPath: "imports/\(workshop)/\(key)", inTree: tree) != nil
    }

    /// The row keys of every earlier import into a workshop, read in one pass:
    /// an import checks each of its rows against them. (Looking each row up by
    /// path re-read the whole `imports/<workshop>` tree every time, and once that
    /// tree outgrew libgit2's tree cache an import became quadratic: 10,000 rows
    /// into a workshop holding 20,000 took a minute.)
    public func importKeys(workshop: String) throws -> Set<String> {
        guard let tree, let folder = try store.git.entry(atPath: "imports/\(workshop)", inTree: tree), folder.kind == .tree else {
            return []
        }
        return Set(try store.git.treeEntries(folder.oid).map(\.name))
    }

    /// The comment with this id (found through its shard), with its retraction if any.
    public func comment(_ id: RecordID) throws -> RecordedComment? {
        if let onAmendment = try amendmentComment(id) { return onAmendment }
        guard let tree, let clauses = try store.git.entry(atPath: "clauses", inTree: tree) else { return nil }
        for clause in try store.git.treeEntries(clauses.oid) where clause.kind == .tree {
            let shard = "clauses/\(clause.name)/\(id.shard)"
            guard try store.git.entry(atPath: "\(shard)/\(id).json", inTree: tree) != nil else { continue }
            return Deliberation(records: try store.records(under: "clauses/\(clause.name)", in: tree)).comment(id)
        }
        return nil
    }

    /// The highest Lamport clock on the branch: the tip commit's `Clock:`
    /// trailer, or (for a tip written by other tools) the highest clock of any record.
    public func clock() throws -> Int {
        guard let tip, let tree else { return 0 }
        let message = try store.git.commit(tip).message
        for line in message.split(separator: "\n").reversed() where line.hasPrefix("\(DeliberationStore.clockTrailer): ") {
            // A trailer is read like a record: a value out of range (hand-made, or received
            // from a broken replica) is ignored, and the records say the clock instead.
            if let value = Int(line.dropFirst(DeliberationStore.clockTrailer.count + 2)), value >= 0, value <= Record.maxClock {
                return value
            }
            break
        }
        return try store.records(under: "", in: tree).map(\.clock).max() ?? 0
    }
}
