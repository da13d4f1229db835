import GitKit

extension CharterRepository {
    /// The revisions of the text branch (first-parent, newest first) that
    /// changed the charter, or only `clause` when given (followed by id, so a
    /// renumbering, a retitling or a move is part of its story).
    ///
    /// Which commits changed which files comes from the history index (one pass over the
    /// history, kept under `.git/charter/` and extended incrementally); only the commits that
    /// changed the charter (or the clause's file or the manifest) are then read and compared.
    public func history(of clause: ClauseID? = nil, from tip: String = "HEAD", limit: Int? = nil) throws -> [HistoryEntry] {
        let index = try historyIndex(from: resolveOID(tip))
        let clausePath = clause.map { "clauses/\($0).md" }
        let wanted: Set<Int32> = Set([clausePath, ManifestFile.fileName].compactMap { $0.flatMap { index.pathIndex[$0] } })
        var entries: [HistoryEntry] = []
        for position in index.commits.indices.reversed() {
            let tree = index.trees[position]
            let parentTree = position > 0 ? index.trees[position - 1] : nil
            guard tree != parentTree else { continue }
            if clause != nil, !index.changes(at: position).contains(where: { wanted.contains($0.path) }) { continue }
            let commit = try git.commit(index.commits[position])
            let parent = position > 0 ? index.commits[position - 1] : nil
            let found: HistoryEntry?
            if let clause {
                found = try clauseEntry(commit, parent: parent, tree: tree, parentTree: parentTree, clause: clause)
            } else {
                found = try entry(commit, parent: parent, tree: tree, parentTree: parentTree, clause: nil)
            }
            if let found {
                entries.append(found)
                if let limit, entries.count >= limit { break }
            }
        }
        return entries
    }

    /// What one commit did to the charter (or to one clause), from the two whole charters.
    private func entry(_ commit: CommitInfo, parent: OID?, tree: OID?, parentTree: OID?, clause: ClauseID?) throws -> HistoryEntry? {
        let revision = revision(commit)
        let old: Charter, new: Charter
        do {
            old = try parentTree.map { try charter(tree: $0) } ?? Charter.empty
            new = try tree.map { try charter(tree: $0) } ?? Charter.empty
        } catch let error as CharterError {
            return HistoryEntry(revision: revision, events: [], problem: error.description)
        }
        let diff = CharterDiff.between(old, new, fromLabel: parent?.short() ?? "", toLabel: commit.oid.short())
        return entry(revision, diff, clause: clause, hasParent: parentTree != nil)
    }

    private func entry(_ revision: Revision, _ diff: CharterDiff, clause: ClauseID?, hasParent: Bool) -> HistoryEntry? {
        var changes = diff.clauses
        if let clause {
            changes = changes.filter { $0.id == clause }
            if changes.isEmpty { return nil }
        }
        let manifest = diff.manifest
        var charterChanges: [String] = []
        if clause == nil && hasParent {
            if manifest.title != nil { charterChanges.append("title") }
            if manifest.language != nil { charterChanges.append("language") }
            if !manifest.sections.isEmpty { charterChanges.append("sections") }
            if manifest.territories != nil { charterChanges.append("territories") }
            if manifest.consensus != nil { charterChanges.append("consensus") }
        }
        if changes.isEmpty && charterChanges.isEmpty { return nil }
        return HistoryEntry(revision: revision, events: changes.map(ClauseEvent.init), charterChanges: charterChanges)
    }

    /// What one commit did to one clause, reading only that clause's two texts and the
    /// manifests: the other clauses stand in as identical placeholders (same ids, so the
    /// numbering, the moves and the manifest's checks are those of the whole charters).
    /// Falls back to the whole charters when anything cannot be read this way, so errors are
    /// reported as the full comparison reports them.
    private func clauseEntry(_ commit: CommitInfo, parent: OID?, tree: OID?, parentTree: OID?, clause: ClauseID) throws -> HistoryEntry? {
        do {
            let old = try parentTree.map { try lightCharter(tree: $0, keeping: clause) } ?? Charter.empty
            let new = try tree.map { try lightCharter(tree: $0, keeping: clause) } ?? Charter.empty
            let diff = CharterDiff.between(old, new, fromLabel: parent?.short() ?? "", toLabel: commit.oid.short())
            return entry(revision(commit), diff, clause: clause, hasParent: parentTree != nil)
        } catch {
            return try entry(commit, parent: parent, tree: tree, parentTree: parentTree, clause: clause)
        }
    }

    /// The charter in `tree` with only `clause` read; every other clause file is a placeholder
    /// named by its file. Throws when the light reading cannot stand in for the full one.
    private func lightCharter(tree: OID, keeping clause: ClauseID) throws -> Charter {
        var manifest: ParsedManifest?
        var clauses: [String: Clause] = [:]
        for entry in try git.treeEntries(tree) {
            if entry.name == ManifestFile.fileName, entry.kind == .blob {
                manifest = try self.manifest(blob: entry.oid)
            } else if entry.name == "clauses", entry.kind == .tree {
                let followed = "\(clause).md"
                for file in try clauseFiles(entry.oid) {
                    if file.name == followed {
                        clauses[file.name] = try self.clause(blob: file.oid, path: "\(clausesPath)/\(file.name)")
                    } else {
                        guard let id = ClauseID(String(file.name.dropLast(3))) else { throw LightReading.unavailable }
                        clauses[file.name] = Clause(id: id, title: "", body: "")
                    }
                }
            }
        }
        guard let manifest else { throw LightReading.unavailable }
        return try CharterParser.assemble(directory: directory, manifest: manifest.manifest, lines: manifest.lines, clauses: clauses)
    }

    private enum LightReading: Error { case unavailable }
}

extension Charter {
    /// No charter at all: what comes before the first revision that has one.
    static let empty = Charter(manifest: Manifest(title: "", sections: []), clauses: [:])
}
