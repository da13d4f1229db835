import GitKit

extension CharterRepository {
    /// The revisions of the text branch (first-parent, newest first) that
    /// changed the charter, or only `clause` when given (followed by id, so a
    /// renumbering, a retitling or a move is part of its story).
    public func history(of clause: ClauseID? = nil, from tip: String = "HEAD", limit: Int? = nil) throws -> [HistoryEntry] {
        let commits = try git.walk(from: [resolveOID(tip)], firstParent: true)
        var entries: [HistoryEntry] = []
        // Each commit is compared with the next one in the list, its first parent.
        var current = try snapshot(commits.first)
        for index in commits.indices {
            let parent = try snapshot(index + 1 < commits.count ? commits[index + 1] : nil)
            defer { current = parent }
            guard let commit = current.commit, current.tree != parent.tree else { continue }
            if let clause, !touches(clause, current, parent) { continue }
            if let entry = try entry(commit, current, parent, clause: clause) {
                entries.append(entry)
                if let limit, entries.count >= limit { break }
            }
        }
        return entries
    }

    /// A commit with its charter folder's tree and the two ids that matter to one clause.
    private struct Snapshot {
        var commit: CommitInfo?
        var tree: OID?
    }

    private func snapshot(_ oid: OID?) throws -> Snapshot {
        guard let oid else { return Snapshot(commit: nil, tree: nil) }
        let commit = try git.commit(oid)
        return Snapshot(commit: commit, tree: try charterTree(commit.tree))
    }

    /// Whether the clause's file or the manifest (which numbers it) differ.
    private func touches(_ clause: ClauseID, _ current: Snapshot, _ parent: Snapshot) -> Bool {
        func id(_ path: String, _ tree: OID?) -> OID? {
            tree.flatMap { try? git.entry(atPath: path, inTree: $0)?.oid }
        }
        let file = "clauses/\(clause).md"
        return id(file, current.tree) != id(file, parent.tree)
            || id(ManifestFile.fileName, current.tree) != id(ManifestFile.fileName, parent.tree)
    }

    private func entry(_ commit: CommitInfo, _ current: Snapshot, _ parent: Snapshot, clause: ClauseID?) throws -> HistoryEntry? {
        let revision = revision(commit)
        let old: Charter, new: Charter
        do {
            old = try parent.tree.map { try charter(tree: $0) } ?? Charter.empty
            new = try current.tree.map { try charter(tree: $0) } ?? Charter.empty
        } catch let error as CharterError {
            return HistoryEntry(revision: revision, events: [], problem: error.description)
        }
        let diff = CharterDiff.between(old, new, fromLabel: parent.commit?.oid.short() ?? "", toLabel: commit.oid.short())
        var changes = diff.clauses
        if let clause {
            changes = changes.filter { $0.id == clause }
            if changes.isEmpty { return nil }
        }
        let manifest = diff.manifest
        var charterChanges: [String] = []
        if clause == nil && parent.tree != nil {
            if manifest.title != nil { charterChanges.append("title") }
            if manifest.language != nil { charterChanges.append("language") }
            if !manifest.sections.isEmpty { charterChanges.append("sections") }
            if manifest.territories != nil { charterChanges.append("territories") }
            if manifest.consensus != nil { charterChanges.append("consensus") }
        }
        if changes.isEmpty && charterChanges.isEmpty { return nil }
        return HistoryEntry(revision: revision, events: changes.map(ClauseEvent.init), charterChanges: charterChanges)
    }
}

extension Charter {
    /// No charter at all: what comes before the first revision that has one.
    static let empty = Charter(manifest: Manifest(title: "", sections: []), clauses: [:])
}
