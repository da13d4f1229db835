import Foundation
import GitKit

/// Two versions of a record at the same path: both kept, the other one renamed.
public struct SyncConflict: Hashable, Sendable, Codable {
    /// The path both sides used, e.g. `clauses/preambule/3f/<id>.json`.
    public var path: String
    /// The blob kept at `path` (the smaller id of the two).
    public var keptBlob: String
    /// Where the other version now lives: `<name>.conflict-<blob>.json` beside it.
    public var renamedPath: String
    /// The other version's blob.
    public var renamedBlob: String
}

/// The same CSV row imported on two clones: both comments are kept, the marker
/// `imports/<workshop>/<key>` names one of them.
public struct ImportOverlap: Hashable, Sendable, Codable {
    /// The marker's path.
    public var path: String
    /// The record id the marker keeps (the smaller of the two markers' contents).
    public var kept: String
    /// The other record id: its comment stays recorded (retract it if it is a duplicate).
    public var other: String
}

/// The union of two deliberation trees, for merging two replicas' histories.
///
/// Records are immutable files at unique paths, so the union of two trees is the union of
/// their paths. The function is symmetric — `merge(a, b)` and `merge(b, a)` write the same
/// tree — so two clones merging the same pair of histories agree, whichever runs it. It only
/// opens subtrees whose ids differ, which keeps a merge cheap however many records there are.
/// It knows nothing of record kinds: any folder on the branch is merged the same way.
///
/// Two different files at one path should never happen (ids are unique). If it does, nothing
/// is dropped: the blob with the smaller id keeps the path and the other moves beside it as
/// `<name>.conflict-<blob id>.json`, and a conflict is reported. A folder and a file at one
/// name: the folder keeps it, the file is renamed the same way. The one exception is
/// `imports/<workshop>/<key>`, a marker naming the comment a CSV row made: the same row
/// imported offline on two clones gives two markers for one key; the one with the smaller
/// content (the earlier record id) wins and an `ImportOverlap` is reported, while both
/// comments stay recorded.
struct DeliberationUnion {
    let git: Repository
    private(set) var conflicts: [SyncConflict] = []
    private(set) var importOverlaps: [ImportOverlap] = []

    init(git: Repository) {
        self.git = git
    }

    /// The union of the trees `a` and `b`, written to the object database.
    mutating func merge(_ a: OID, _ b: OID) throws -> OID {
        let tree = try merge(a, b, path: "")
        conflicts.sort { ($0.path, $0.renamedPath) < ($1.path, $1.renamedPath) }
        importOverlaps.sort { $0.path < $1.path }
        return tree
    }

    private mutating func merge(_ a: OID, _ b: OID, path: String) throws -> OID {
        if a == b { return a }
        // Every distinct entry wanting each name (the same object under two modes counts once,
        // with the smaller mode, so the result does not depend on the order of the sides).
        var groups: [String: [TreeEntry]] = [:]
        for entry in try git.treeEntries(a) + git.treeEntries(b) {
            var group = groups[entry.name, default: []]
            if let index = group.firstIndex(where: { $0.oid == entry.oid && $0.kind == entry.kind }) {
                group[index].fileMode = min(group[index].fileMode, entry.fileMode)
            } else {
                group.append(entry)
            }
            groups[entry.name] = group
        }
        // Two folders at one name: their union.
        for name in groups.keys.sorted() {
            let folders = groups[name]!.filter { $0.kind == .tree }
            guard folders.count == 2 else { continue }
            let merged = try merge(folders[0].oid, folders[1].oid, path: join(path, name))
            groups[name] = groups[name]!.filter { $0.kind != .tree }
                + [TreeEntry(name: name, oid: merged, kind: .tree, fileMode: TreeEntry.fileModeTree)]
        }
        // Names claimed twice: one entry keeps the name, the others move aside (or, for import
        // markers, give way). Renamed entries may collide again: repeat until every name has one.
        let isImports = path == "imports" || path.hasPrefix("imports/")
        var pending = groups.keys.filter { groups[$0]!.count > 1 }.sorted()
        while let name = pending.popLast() {
            let group = groups[name]!
            guard group.count > 1 else { continue }
            let winner = try choose(group, importMarker: isImports)
            groups[name] = [winner]
            for loser in group where loser != winner {
                let fullPath = join(path, name)
                if isImports && loser.kind != .tree && winner.kind != .tree {
                    importOverlaps.append(ImportOverlap(path: fullPath, kept: try recordID(winner), other: try recordID(loser)))
                    continue
                }
                let renamed = DeliberationUnion.conflictName(name, loser.oid)
                conflicts.append(SyncConflict(path: fullPath, keptBlob: winner.oid.hex,
                                              renamedPath: join(path, renamed), renamedBlob: loser.oid.hex))
                var target = groups[renamed, default: []]
                if !target.contains(where: { $0.oid == loser.oid && $0.kind == loser.kind }) {
                    target.append(TreeEntry(name: renamed, oid: loser.oid, kind: loser.kind, fileMode: loser.fileMode))
                    groups[renamed] = target
                    if target.count > 1 { pending.append(renamed) }
                }
            }
        }
        return try git.writeTree(groups.values.map { $0[0] })
    }

    /// Which entry keeps a contested name: a folder; else for an import marker the smaller
    /// content, for anything else the smaller blob id.
    private func choose(_ group: [TreeEntry], importMarker: Bool) throws -> TreeEntry {
        if let folder = group.first(where: { $0.kind == .tree }) { return folder }
        if importMarker {
            var best = group[0]
            var bestData = try git.blob(best.oid)
            for entry in group.dropFirst() {
                let data = try git.blob(entry.oid)
                if data.lexicographicallyPrecedes(bestData) || (data == bestData && entry.oid < best.oid) {
                    best = entry
                    bestData = data
                }
            }
            return best
        }
        return group.min { $0.oid < $1.oid }!
    }

    private func recordID(_ marker: TreeEntry) throws -> String {
        String(decoding: try git.blob(marker.oid), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `<id>.json` → `<id>.conflict-<blob>.json`; other names get the suffix at the end.
    static func conflictName(_ name: String, _ blob: OID) -> String {
        if name.hasSuffix(".json") { return "\(name.dropLast(5)).conflict-\(blob.hex).json" }
        return "\(name).conflict-\(blob.hex)"
    }

    private func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path)/\(name)"
    }
}
