import Foundation
import GitKit

/// The first-parent history of the text branch with, for each commit, the files it changed in
/// the charter folder: the one pass every clause's history is read from.
///
/// It is a derived cache, never the source of truth: kept under `.git/charter/` in a file
/// keyed by the tip commit it was built from (and the charter folder), extended from that tip
/// by walking only the new commits, rebuilt from scratch when missing, unreadable, corrupt (a
/// header and a checksum are verified) or when the branch was rewritten. Set
/// `CHARTER_NO_INDEX=1` to compute it in memory without reading or writing any file.
struct HistoryIndex: Sendable {
    /// One changed file of the charter folder.
    struct Change: Sendable, Hashable {
        /// Index into `paths`.
        var path: Int32
        var old: OID?
        var new: OID?
    }

    /// Commits oldest first: the first-parent chain ending at `tip`.
    var commits: [OID] = []
    /// The charter folder's tree at each commit.
    var trees: [OID?] = []
    /// `changes[changeStart[i]..<changeStart[i + 1]]` are commit i's changes.
    var changeStart: [Int32] = [0]
    var changes: [Change] = []
    /// Paths relative to the charter folder, each once.
    var paths: [String] = []
    var pathIndex: [String: Int32] = [:]

    var tip: OID? { commits.last }
    var count: Int { commits.count }

    func changes(at index: Int) -> ArraySlice<Change> {
        changes[Int(changeStart[index])..<Int(changeStart[index + 1])]
    }

    /// Appends commits given newest first (as `firstParentChanges` returns them).
    mutating func append(newestFirst walked: [CommitChanges]) {
        commits.reserveCapacity(commits.count + walked.count)
        for step in walked.reversed() {
            commits.append(step.commit)
            trees.append(step.tree)
            for change in step.changes {
                let index: Int32
                if let known = pathIndex[change.path] {
                    index = known
                } else {
                    index = Int32(paths.count)
                    paths.append(change.path)
                    pathIndex[change.path] = index
                }
                changes.append(Change(path: index, old: change.oldOID, new: change.newOID))
            }
            changeStart.append(Int32(changes.count))
        }
    }

    /// The position of `commit` in the chain, if it is on it.
    func position(of commit: OID) -> Int? {
        // Most queries start at the tip.
        if commits.last == commit { return commits.count - 1 }
        return commits.lastIndex(of: commit)
    }

    /// The chain cut at `position` (that commit becomes the tip).
    func prefix(through position: Int) -> HistoryIndex {
        var cut = HistoryIndex()
        cut.commits = Array(commits[...position])
        cut.trees = Array(trees[...position])
        cut.changeStart = Array(changeStart[...(position + 1)])
        cut.changes = Array(changes[..<Int(changeStart[position + 1])])
        cut.paths = paths
        cut.pathIndex = pathIndex
        return cut
    }

    // MARK: File format
    //
    //   "CHIDX\0\0\1"  magic and format version (8 bytes)
    //   u32 length + UTF-8 bytes: the charter folder it describes
    //   u32 commit count, u32 path count, u32 change count
    //   paths: u32 length + UTF-8 bytes each
    //   per commit: 20-byte id, 1-byte tree flag + 20-byte tree id, u32 change count
    //   per change: u32 path index, 1-byte flags (1: old present, 2: new present), 20 + 20 bytes
    //   u64 checksum (FNV-1a, 64-bit) of everything before it
    // Integers are little-endian.

    static let magic: [UInt8] = Array("CHIDX".utf8) + [0, 0, 1]

    func encoded(directory: String) -> Data {
        var out = ByteWriter()
        out.bytes(HistoryIndex.magic)
        out.string(directory)
        out.u32(UInt32(commits.count))
        out.u32(UInt32(paths.count))
        out.u32(UInt32(changes.count))
        for path in paths { out.string(path) }
        for index in commits.indices {
            out.oid(commits[index])
            out.optionalOID(trees[index])
            out.u32(UInt32(changeStart[index + 1] - changeStart[index]))
        }
        for change in changes {
            out.u32(UInt32(change.path))
            out.byte((change.old == nil ? 0 : 1) | (change.new == nil ? 0 : 2))
            out.oid(change.old ?? ByteWriter.zero)
            out.oid(change.new ?? ByteWriter.zero)
        }
        out.u64(ByteWriter.checksum(out.data))
        return Data(out.data)
    }

    /// Reads an index file; nil when it is not one, was made for another folder, or is damaged.
    static func decode(_ data: Data, directory: String) -> HistoryIndex? {
        data.withUnsafeBytes { raw -> HistoryIndex? in
            var reader = ByteReader(raw)
            guard raw.count > magic.count + 8,
                  ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 8)])) == reader.u64(at: raw.count - 8),
                  reader.bytes(magic.count) == magic[...],
                  reader.string() == directory,
                  let commitCount = reader.u32(), let pathCount = reader.u32(), let changeCount = reader.u32()
            else { return nil }
            var index = HistoryIndex()
            index.paths.reserveCapacity(Int(pathCount))
            for _ in 0..<pathCount {
                guard let path = reader.string() else { return nil }
                index.pathIndex[path] = Int32(index.paths.count)
                index.paths.append(path)
            }
            index.commits.reserveCapacity(Int(commitCount))
            index.trees.reserveCapacity(Int(commitCount))
            index.changeStart.reserveCapacity(Int(commitCount) + 1)
            var total: Int32 = 0
            for _ in 0..<commitCount {
                guard let commit = reader.oid(), let tree = reader.optionalOID(), let count = reader.u32() else { return nil }
                index.commits.append(commit)
                index.trees.append(tree)
                total += Int32(count)
                index.changeStart.append(total)
            }
            guard total == Int32(changeCount) else { return nil }
            index.changes.reserveCapacity(Int(changeCount))
            for _ in 0..<changeCount {
                guard let path = reader.u32(), path < pathCount, let flags = reader.byte(),
                      let old = reader.oid(), let new = reader.oid() else { return nil }
                index.changes.append(Change(path: Int32(path), old: flags & 1 != 0 ? old : nil, new: flags & 2 != 0 ? new : nil))
            }
            guard reader.offset == raw.count - 8 else { return nil }
            return index
        }
    }
}

extension CharterRepository {
    /// Whether derived caches are off (`CHARTER_NO_INDEX=1`): every query computes from git.
    static var indexDisabled: Bool {
        ProcessInfo.processInfo.environment["CHARTER_NO_INDEX"].map { !$0.isEmpty && $0 != "0" } ?? false
    }

    /// The folder holding the derived caches.
    var cacheDirectory: URL { CharterRepository.cacheDirectory(git) }

    static func cacheDirectory(_ git: Repository) -> URL {
        URL(fileURLWithPath: git.gitDirectory, isDirectory: true).appendingPathComponent("charter", isDirectory: true)
    }

    var historyIndexURL: URL {
        let name = directory == "." ? "root" : directory.replacingOccurrences(of: "/", with: "%")
        return cacheDirectory.appendingPathComponent("history-\(name).idx")
    }

    /// The first-parent history from `tip` with the charter files each commit changed: from
    /// the index (extended or rebuilt as needed, then saved), or computed afresh when the
    /// index is disabled.
    func historyIndex(from tip: OID) throws -> HistoryIndex {
        if !indexEnabled {
            var index = HistoryIndex()
            index.append(newestFirst: try git.firstParentChanges(from: tip, under: directory))
            return index
        }
        let url = historyIndexURL
        if let data = try? Data(contentsOf: url), var index = HistoryIndex.decode(data, directory: directory),
           let indexed = index.tip {
            if let position = index.position(of: tip) {
                return position == index.count - 1 ? index : index.prefix(through: position)
            }
            // Walk only what is new since the indexed tip.
            let walked = try git.firstParentChanges(from: tip, until: indexed, under: directory)
            if let oldest = walked.last, oldest.parent == indexed {
                index.append(newestFirst: walked)
                save(index.encoded(directory: directory), to: url)
                return index
            }
            // The branch was rewritten (or another branch asked): `walked` is the whole chain.
            var rebuilt = HistoryIndex()
            rebuilt.append(newestFirst: walked)
            save(rebuilt.encoded(directory: directory), to: url)
            return rebuilt
        }
        var index = HistoryIndex()
        index.append(newestFirst: try git.firstParentChanges(from: tip, under: directory))
        save(index.encoded(directory: directory), to: url)
        return index
    }

    /// Writes a cache file atomically (a temporary file renamed over it); a cache that cannot
    /// be written is only a slower next command, never an error.
    func save(_ data: Data, to url: URL) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max))")
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            return
        }
    }
}

/// Little-endian writing for the cache files.
struct ByteWriter {
    var data: [UInt8] = []
    static let zero = OID(bytes: [UInt8](repeating: 0, count: 20))!

    mutating func byte(_ value: UInt8) { data.append(value) }
    mutating func bytes<S: Sequence>(_ values: S) where S.Element == UInt8 { data.append(contentsOf: values) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        data.append(contentsOf: value.utf8)
    }
    mutating func oid(_ value: OID) { data.append(contentsOf: value.bytes) }
    mutating func optionalOID(_ value: OID?) {
        byte(value == nil ? 0 : 1)
        oid(value ?? ByteWriter.zero)
    }

    /// FNV-1a (64-bit), eight bytes at a time folded in.
    static func checksum<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// Little-endian reading for the cache files; every read is bounds-checked.
struct ByteReader {
    let raw: UnsafeRawBufferPointer
    var offset = 0

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    mutating func byte() -> UInt8? {
        guard offset < raw.count else { return nil }
        defer { offset += 1 }
        return raw[offset]
    }

    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, offset + count <= raw.count else { return nil }
        defer { offset += count }
        return ArraySlice(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)]))
    }

    mutating func u32() -> UInt32? {
        guard offset + 4 <= raw.count else { return nil }
        defer { offset += 4 }
        return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    func u64(at position: Int) -> UInt64? {
        guard position >= 0, position + 8 <= raw.count else { return nil }
        return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    mutating func string() -> String? {
        guard let length = u32(), let bytes = bytes(Int(length)) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    mutating func oid() -> OID? {
        guard offset + 20 <= raw.count else { return nil }
        defer { offset += 20 }
        return OID(bytes: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + 20)]))
    }

    mutating func optionalOID() -> OID?? {
        guard let flag = byte(), let oid = oid() else { return nil }
        return .some(flag == 0 ? nil : oid)
    }
}

/// One revision of the first-parent history with the charter files it changed.
public struct IndexedRevision: Sendable, Hashable {
    /// The commit id.
    public var id: String
    /// The files of the charter folder that differ from the first parent (all of them for the
    /// first revision that has the folder), paths relative to the folder, in path order.
    public var files: [IndexedFileChange]
}

/// A file of the charter folder changed by a revision: blob ids before and after (nil when
/// absent), as `git log --raw` shows them.
public struct IndexedFileChange: Sendable, Hashable {
    public var path: String
    public var oldBlob: String?
    public var newBlob: String?
}

extension CharterRepository {
    /// Every revision of the first-parent history from `tip`, oldest first, with the charter
    /// files it changed: the history index's content (built, extended or read as needed).
    public func indexedHistory(from tip: String = "HEAD") throws -> [IndexedRevision] {
        let index = try historyIndex(from: resolveOID(tip))
        return index.commits.indices.map { position in
            IndexedRevision(id: index.commits[position].hex, files: index.changes(at: position).map {
                IndexedFileChange(path: index.paths[Int($0.path)], oldBlob: $0.old?.hex, newBlob: $0.new?.hex)
            })
        }
    }
}
