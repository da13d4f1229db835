import GitKit

extension CharterRepository {
    /// The revisions of the text branch (first-parent, newest first) that
    /// changed the charter, or only `clause` when given (followed by id, so a
    /// renumbering, a retitling or a move is part of its story).
    ///
    /// Which commits changed which files comes from the history index (one pass over the
    /// history, kept under `.git/charter/` and extended incrementally); only the commits that
    /// changed the charter (or the clause's file or the manifest) are then read and compared.
    ///
    /// In a shallow clone whose history stops before the charter's beginning, throws an error
    /// saying so, with the command that fetches the rest.
    public func history(of clause: ClauseID? = nil, from tip: String = "HEAD", limit: Int? = nil) throws -> [HistoryEntry] {
        do {
            return try historyEntries(of: clause, from: tip, limit: limit)
        } catch let error as GitError where error.code == .notFound && git.isShallow {
            throw shallowHistoryError(error)
        }
    }

    private func historyEntries(of clause: ClauseID?, from tip: String, limit: Int?) throws -> [HistoryEntry] {
        let index = try historyIndex(from: resolveOID(tip))
        let clausePath = clause.map { "clauses/\($0).md" }
        let wanted: Set<Int32> = Set([clausePath, ManifestFile.fileName].compactMap { $0.flatMap { index.pathIndex[$0] } })
        let followed = clausePath.flatMap { index.pathIndex[$0] }
        let versions = clause == nil ? nil : ClauseFileVersions(index)
        var bases: [PlaceholderKey: Charter?] = [:]
        var entries: [HistoryEntry] = []
        for position in index.commits.indices.reversed() {
            let tree = index.trees[position]
            let parentTree = position > 0 ? index.trees[position - 1] : nil
            guard tree != parentTree else { continue }
            if clause != nil, !index.changes(at: position).contains(where: { wanted.contains($0.path) }) { continue }
            let commit = try git.commit(index.commits[position])
            let parent = position > 0 ? index.commits[position - 1] : nil
            let found: HistoryEntry?
            if let clause, let versions {
                let change = followed.flatMap { path in index.changes(at: position).first { $0.path == path } }
                found = try clauseEntry(commit, parent: parent, tree: tree, parentTree: parentTree, clause: clause, change: change,
                                        old: versions.key(position - 1), new: versions.key(position), bases: &bases)
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
    private func entry(_ commit: CommitInfo, parent: OID?, tree: OID?, parentTree: OID?, clause: ClauseID?,
                       fullyRead: Bool = true) throws -> HistoryEntry? {
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
    /// When neither the manifest nor the set of clause files changed, the clause's place is
    /// the same on both sides and only its text is compared. Falls back to the whole charters
    /// when anything cannot be read this way, so errors are reported as the full comparison
    /// reports them.
    private func clauseEntry(_ commit: CommitInfo, parent: OID?, tree: OID?, parentTree: OID?, clause: ClauseID,
                             change: HistoryIndex.Change?, old oldKey: PlaceholderKey?, new newKey: PlaceholderKey?,
                             bases: inout [PlaceholderKey: Charter?]) throws -> HistoryEntry? {
        do {
            func base(_ key: PlaceholderKey?, _ tree: OID?) throws -> Charter {
                guard let key, let tree else { throw LightReading.unavailable }
                if let known = bases[key] {
                    guard let known else { throw LightReading.unavailable }
                    return known
                }
                let made = try? placeholderCharter(tree: tree)
                bases[key] = made
                guard let made else { throw LightReading.unavailable }
                return made
            }
            func real(_ blob: OID?) throws -> Clause? {
                guard let blob else { return nil }
                let parsed = try self.clause(blob: blob, path: "\(clausesPath)/\(clause).md")
                guard parsed.id == clause else { throw LightReading.unavailable }
                return parsed
            }
            let oldBase = try parentTree == nil ? Charter.empty : base(oldKey, parentTree)
            let newBase = try base(newKey, tree)
            if let change, let oldBlob = change.old, let newBlob = change.new, oldKey == newKey,
               let place = newBase.numbered.first(where: { $0.clause.id == clause }) {
                // Same manifest, same clause files: only the clause's own text can differ.
                guard let before = try real(oldBlob), let after = try real(newBlob) else { throw LightReading.unavailable }
                var kinds: [ClauseChange.Kind] = []
                var body: WordDiff?
                if !before.body.utf8Equal(to: after.body) {
                    kinds.append(.modified)
                    body = WordDiff.between(before.body, after.body)
                }
                if !before.title.utf8Equal(to: after.title) { kinds.append(.retitled) }
                let fields = FieldChange.between(before.fields, after.fields)
                if !fields.isEmpty { kinds.append(.fieldsChanged) }
                guard !kinds.isEmpty else { return nil }
                let event = ClauseChange(id: clause, kinds: kinds, oldNumber: place.number, newNumber: place.number,
                                         oldSection: place.sectionTitle, newSection: place.sectionTitle,
                                         oldTitle: before.title, newTitle: after.title, body: body, fields: fields)
                return HistoryEntry(revision: revision(commit), events: [ClauseEvent(event)])
            }
            var old = oldBase, new = newBase
            if parentTree != nil, old.clauses[clause] != nil { old.clauses[clause] = try real(change?.old ?? blob(of: clause, in: parentTree)) }
            if new.clauses[clause] != nil { new.clauses[clause] = try real(change?.new ?? blob(of: clause, in: tree)) }
            let diff = CharterDiff.between(old, new, fromLabel: parent?.short() ?? "", toLabel: commit.oid.short())
            return entry(revision(commit), diff, clause: clause, hasParent: parentTree != nil)
        } catch {
            return try entry(commit, parent: parent, tree: tree, parentTree: parentTree, clause: clause, fullyRead: true)
        }
    }

    private func blob(of clause: ClauseID, in tree: OID?) throws -> OID? {
        guard let tree else { return nil }
        return try git.entry(atPath: "clauses/\(clause).md", inTree: tree)?.oid
    }

    /// The charter in `tree` with every clause a placeholder named by its file (checked as
    /// the whole charter would be: listed, present, valid ids). Throws when it cannot stand
    /// in for the full reading.
    private func placeholderCharter(tree: OID) throws -> Charter {
        var manifest: ParsedManifest?
        var clauses: [String: Clause] = [:]
        for entry in try git.treeEntries(tree) {
            if entry.name == ManifestFile.fileName, entry.kind == .blob {
                manifest = try self.manifest(blob: entry.oid)
            } else if entry.name == "clauses", entry.kind == .tree {
                for file in try clauseFiles(entry.oid) {
                    guard let id = ClauseID(String(file.name.dropLast(3))) else { throw LightReading.unavailable }
                    clauses[file.name] = Clause(id: id, title: "", body: "")
                }
            }
        }
        guard let manifest else { throw LightReading.unavailable }
        return try CharterParser.assemble(directory: directory, manifest: manifest.manifest, lines: manifest.lines, clauses: clauses)
    }

    private enum LightReading: Error { case unavailable }
}

/// Which placeholder charter a commit's side maps to: its manifest blob and the "epoch" of
/// its set of clause files (a number that changes whenever a file is added or removed).
struct PlaceholderKey: Hashable {
    var manifest: OID?
    var epoch: Int
}

/// For each commit of the index: its manifest blob and clause-file epoch.
struct ClauseFileVersions {
    var keys: [PlaceholderKey] = []

    init(_ index: HistoryIndex) {
        let manifestPath = index.pathIndex[ManifestFile.fileName]
        var manifest: OID?
        var epoch = 0
        keys.reserveCapacity(index.count)
        for position in index.commits.indices {
            if index.trees[position] == nil {
                manifest = nil
                epoch += 1
            }
            for change in index.changes(at: position) {
                if change.path == manifestPath {
                    manifest = change.new
                } else if change.old == nil || change.new == nil, index.paths[Int(change.path)].hasPrefix("clauses/") {
                    epoch += 1
                }
            }
            keys.append(PlaceholderKey(manifest: manifest, epoch: epoch))
        }
    }

    func key(_ position: Int) -> PlaceholderKey? {
        position >= 0 && position < keys.count ? keys[position] : nil
    }
}

extension Charter {
    /// No charter at all: what comes before the first revision that has one.
    static let empty = Charter(manifest: Manifest(title: "", sections: []), clauses: [:])
}
