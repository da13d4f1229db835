import CLibGit2
import Foundation
import Synchronization

/// Writes many objects at once: blobs, trees and commits go to an in-memory object database
/// (libgit2's `git_mempack`) and reach the disk as one pack file on `flush()`, instead of one
/// compressed loose file each: several times cheaper per object for bulk work (a CSV import of
/// thousands of rows, a generated benchmark history).
///
/// Write through the writer's own methods (`writeBlob`, `updateTree`, `createCommit`): they
/// record what `flush()` packs. `repository` is a second handle on the same repository for
/// reading (it also sees what was buffered); an object written through it directly stays in
/// memory only and is dropped at the next flush. Objects are not on disk until `flush()`
/// returns: move references only after that. Objects left unflushed when the writer is
/// released are dropped (nothing refers to them).
public final class BufferedObjectWriter: Sendable {
    /// A second handle on the repository, to read through (it sees the buffered objects too).
    public let repository: Repository
    /// The mempack backend's address (owned by the second handle's object database, which
    /// outlives every use here); kept as an integer so the value can cross into the lock.
    private let backend: Mutex<UInt>
    /// What was written through this writer's own methods, to pack on `flush()`.
    private let written = Mutex<(objects: [(oid: OID, type: git_object_t, data: Data)], ids: Set<OID>)>(([], []))

    fileprivate init(repository: Repository, backend: UInt) {
        self.repository = repository
        self.backend = Mutex(backend)
    }

    /// Stores a blob in the buffer. Unlike `repository.writeBlob`, it skips libgit2's check
    /// for an existing copy on disk (which re-reads the pack folder whenever the object is
    /// new): a buffered write costs a hash and a copy.
    public func writeBlob(_ data: Data) throws -> OID {
        try writeRaw(data, type: GIT_OBJECT_BLOB)
    }

    /// `Repository.updateTree` writing the new trees straight into the buffer (same result:
    /// git's entry order and format). Existing trees are read through `repository`.
    public func updateTree(_ base: OID?, _ updates: [TreeUpdate]) throws -> OID {
        var operations: [Repository.PathOperation] = []
        operations.reserveCapacity(updates.count)
        for update in updates { operations.append(try Repository.PathOperation(update)) }
        return try apply(base, operations[...], depth: 0) ?? writeRaw(Data(), type: GIT_OBJECT_TREE)
    }

    /// Writes a commit object into the buffer (nothing moves: update the reference after
    /// `flush()`).
    public func createCommit(tree: OID, parents: [OID], author: Signature, committer: Signature, message: String) throws -> OID {
        let buffer: Data = try repository.commitBuffer(tree: tree, parents: parents, author: author, committer: committer, message: message)
        return try writeRaw(buffer, type: GIT_OBJECT_COMMIT)
    }

    private func writeRaw(_ data: Data, type: git_object_t) throws -> OID {
        try backend.withLock { address in
            guard let mempack = UnsafeMutablePointer<git_odb_backend>(bitPattern: address) else {
                throw GitError(code: .other(-1), message: "the buffer is gone", operation: "write a buffered object")
            }
            var oid = git_oid()
            let rc: Int32 = Repository.withBytes(data) { pointer, count in
                let hashed = git_odb_hash(&oid, pointer, count, type)
                if hashed < 0 { return hashed }
                return mempack.pointee.write(mempack, &oid, pointer, count, type)
            }
            try check(rc, "write a buffered object of \(data.count) bytes")
            let id = OID(oid)
            written.withLock { if $0.ids.insert(id).inserted { $0.objects.append((id, type, data)) } }
            return id
        }
    }

    private struct Entry: Sendable {
        var name: [UInt8]
        var mode: UInt32
        var oid: OID
        var isTree: Bool { mode == TreeEntry.fileModeTree }
    }

    /// Applies operations (paths split, from `depth` on) to `base`; nil when the tree ends up empty.
    private func apply(_ base: OID?, _ operations: ArraySlice<Repository.PathOperation>, depth: Int) throws -> OID? {
        var entries: [[UInt8]: Entry] = [:]
        if let base {
            // Read as bytes: no names turned into strings and back.
            let read: [Entry] = try repository.withRepository { repository in
                var raw = base.raw
                let tree = try make("read tree \(base.hex)") { git_tree_lookup(&$0, repository, &raw) }
                defer { git_tree_free(tree) }
                var result: [Entry] = []
                result.reserveCapacity(git_tree_entrycount(tree))
                for index in 0..<git_tree_entrycount(tree) {
                    guard let entry = git_tree_entry_byindex(tree, index), let name = git_tree_entry_name(entry),
                          let oid = OID(git_tree_entry_id(entry)) else { continue }
                    result.append(Entry(name: Array(UnsafeRawBufferPointer(start: name, count: strlen(name))),
                                        mode: UInt32(git_tree_entry_filemode(entry).rawValue), oid: oid))
                }
                return result
            }
            entries.reserveCapacity(read.count + operations.count)
            for entry in read { entries[entry.name] = entry }
        }
        var nestedOrder: [[UInt8]] = []
        var nested: [[UInt8]: [Repository.PathOperation]] = [:]
        for operation in operations {
            let name = Array(operation.components[depth].utf8)
            if operation.components.count == depth + 1 {
                if let blob = operation.blob {
                    entries[name] = Entry(name: name, mode: operation.fileMode, oid: blob)
                } else {
                    entries[name] = nil
                }
            } else {
                if nested[name] == nil { nestedOrder.append(name) }
                nested[name, default: []].append(operation)
            }
        }
        for name in nestedOrder {
            guard let group = nested[name] else { continue }
            let existing = entries[name]
            let existingTree = existing?.isTree == true ? existing?.oid : nil
            if existingTree == nil && group.allSatisfy({ $0.blob == nil }) { continue }
            if let written = try apply(existingTree, group[...], depth: depth + 1) {
                entries[name] = Entry(name: name, mode: TreeEntry.fileModeTree, oid: written)
            } else if existing != nil {
                entries[name] = nil
            }
        }
        guard !entries.isEmpty else { return nil }
        // git's order: names compared bytewise, a tree's name as if followed by '/'.
        let sorted = entries.values.map { ($0.isTree ? $0.name + [0x2F] : $0.name, $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sorted.count * 40)
        for entry in sorted {
            bytes.append(contentsOf: String(entry.mode, radix: 8).utf8)
            bytes.append(0x20)
            bytes.append(contentsOf: entry.name)
            bytes.append(0)
            bytes.append(contentsOf: entry.oid.bytes)
        }
        return try writeRaw(Data(bytes), type: GIT_OBJECT_TREE)
    }

    /// Writes every buffered object to the repository as one pack (with its index) and empties
    /// the buffer. Nothing to write is not an error. The pack holds whole objects, small ones
    /// uncompressed (no deltas either: `git gc` compacts it later) and its index is written here too, from the ids already
    /// known, so nothing is decompressed again.
    public func flush() throws {
        let objects = written.withLock { list -> [(oid: OID, type: git_object_t, data: Data)] in
            defer { list = ([], []) }
            return list.objects
        }
        try backend.withLock { address in
            guard let mempack = UnsafeMutablePointer<git_odb_backend>(bitPattern: address) else { return }
            defer { git_mempack_reset(mempack) }
            guard !objects.isEmpty else { return }
            let (pack, entries, checksum) = try BufferedObjectWriter.pack(objects)
            let index = BufferedObjectWriter.packIndex(entries, packChecksum: checksum)
            let name = checksum.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
            let folder = URL(fileURLWithPath: repository.gitDirectory).appendingPathComponent("objects/pack", isDirectory: true)
            let operation = "write \(objects.count) buffered objects as a pack"
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                // The pack first, then its index: a reader only looks at packs that have one.
                for (data, ext) in [(pack, "pack"), (index, "idx")] {
                    let final = folder.appendingPathComponent("pack-\(name).\(ext)")
                    let temporary = folder.appendingPathComponent("tmp_pack-\(name).\(ext).\(getpid())")
                    try Data(data).write(to: temporary)
                    _ = chmod(temporary.path, 0o444)
                    guard rename(temporary.path, final.path) == 0 else {
                        try? FileManager.default.removeItem(at: temporary)
                        throw GitError(code: .other(-1), message: "cannot move the pack into place", operation: operation)
                    }
                }
            } catch let error as GitError {
                throw error
            } catch {
                throw GitError(code: .other(-1), message: "\(error)", operation: operation)
            }
            // Let this handle see the new pack at once.
            try repository.withRepository { repository in
                let odb = try make(operation) { git_repository_odb(&$0, repository) }
                defer { git_odb_free(odb) }
                try check(git_odb_refresh(odb), operation)
            }
        }
    }

    /// One object of a pack, for its index.
    struct PackEntry {
        var oid: OID
        var offset: UInt64
        var crc: UInt32
    }

    /// A version 2 pack of whole (undeltified) objects, zlib-compressed, with its SHA-1
    /// trailer; also each object's place and CRC-32 for the index.
    static func pack(_ objects: [(oid: OID, type: git_object_t, data: Data)]) throws -> ([UInt8], [PackEntry], [UInt8]) {
        var out: [UInt8] = Array("PACK".utf8)
        for value in [UInt32(2), UInt32(objects.count)] {
            out.append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
        }
        var entries: [PackEntry] = []
        entries.reserveCapacity(objects.count)
        // One deflate stream, reset between objects, with a small hash table (memLevel 1):
        // a reset clears the table, and a default-sized one costs more to clear than a small
        // record costs to compress.
        // Small objects (records, trees of binary ids) are stored without compression: setting
        // zlib to work on each costs more than the bytes saved; large ones at level 1.
        var fast = z_stream(), stored = z_stream()
        guard deflateInit2_(&fast, 1, Z_DEFLATED, 15, 1, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GitError(code: .other(-1), message: "zlib could not start", operation: "write a pack")
        }
        defer { deflateEnd(&fast) }
        guard deflateInit2_(&stored, 0, Z_DEFLATED, 15, 1, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GitError(code: .other(-1), message: "zlib could not start", operation: "write a pack")
        }
        defer { deflateEnd(&stored) }
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        for (oid, type, data) in objects {
            let start = out.count
            var size = data.count
            var header = UInt8(truncatingIfNeeded: (Int(type.rawValue) << 4) | (size & 0x0F))
            size >>= 4
            while size > 0 {
                out.append(header | 0x80)
                header = UInt8(size & 0x7F)
                size >>= 7
            }
            out.append(header)
            let small = data.count < 16_384
            let bound = Int(small ? deflateBound(&stored, uLong(data.count)) : deflateBound(&fast, uLong(data.count))) + 16
            if scratch.count < bound { scratch = [UInt8](repeating: 0, count: bound) }
            func compress(_ stream: inout z_stream) throws -> Int {
                deflateReset(&stream)
                var empty: UInt8 = 0
                return try data.withUnsafeBytes { raw in
                    try withUnsafeMutablePointer(to: &empty) { emptyPointer in
                        try scratch.withUnsafeMutableBufferPointer { buffer in
                            stream.next_in = UnsafeMutablePointer(mutating: raw.bindMemory(to: Bytef.self).baseAddress) ?? emptyPointer
                            stream.avail_in = uInt(data.count)
                            stream.next_out = buffer.baseAddress
                            stream.avail_out = uInt(buffer.count)
                            let rc = deflate(&stream, Z_FINISH)
                            guard rc == Z_STREAM_END else {
                                throw GitError(code: .other(Int32(rc)), message: "zlib could not compress an object", operation: "write a pack")
                            }
                            return buffer.count - Int(stream.avail_out)
                        }
                    }
                }
            }
            let produced = small ? try compress(&stored) : try compress(&fast)
            out.append(contentsOf: scratch[0..<produced])
            let crc = out[start...].withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            entries.append(PackEntry(oid: oid, offset: UInt64(start), crc: crc))
        }
        var hasher = SHA1()
        out.withUnsafeBytes { hasher.update($0) }
        let checksum = hasher.finish()
        out.append(contentsOf: checksum)
        return (out, entries, checksum)
    }

    /// The version 2 index of a pack: fan-out table, sorted ids, CRC-32s, offsets (large ones
    /// in the 64-bit table), the pack's checksum and the index's own.
    static func packIndex(_ entries: [PackEntry], packChecksum: [UInt8]) -> [UInt8] {
        let sorted = entries.sorted { $0.oid < $1.oid }
        var out: [UInt8] = [0xFF, 0x74, 0x4F, 0x63, 0, 0, 0, 2]
        func u32(_ value: UInt32) {
            out.append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
        }
        var fanout = [UInt32](repeating: 0, count: 256)
        for entry in sorted { fanout[Int(entry.oid.bytes[0])] += 1 }
        var running: UInt32 = 0
        for index in 0..<256 {
            running += fanout[index]
            u32(running)
        }
        for entry in sorted { out.append(contentsOf: entry.oid.bytes) }
        for entry in sorted { u32(entry.crc) }
        var large: [UInt64] = []
        for entry in sorted {
            if entry.offset < 0x8000_0000 {
                u32(UInt32(entry.offset))
            } else {
                u32(0x8000_0000 | UInt32(large.count))
                large.append(entry.offset)
            }
        }
        for offset in large {
            u32(UInt32(offset >> 32))
            u32(UInt32(offset & 0xFFFF_FFFF))
        }
        out.append(contentsOf: packChecksum)
        var hasher = SHA1()
        out.withUnsafeBytes { hasher.update($0) }
        out.append(contentsOf: hasher.finish())
        return out
    }
}

extension Repository {
    /// A writer that buffers new objects in memory and writes them as one pack on `flush()`.
    public func bufferedWriter() throws -> BufferedObjectWriter {
        try LibGit2.ensureInitialised()
        let operation = "open a buffered object writer on '\(gitDirectory)'"
        var raw: OpaquePointer?
        try check(git_repository_open(&raw, gitDirectory), operation)
        let pointer = try unwrap(raw, operation)
        var backend: UnsafeMutablePointer<git_odb_backend>?
        var odb: OpaquePointer?
        var rc = git_mempack_new(&backend)
        if rc >= 0 { rc = git_repository_odb(&odb, pointer) }
        // The odb owns the backend once added (freed with the repository).
        if rc >= 0, let odb, let backend { rc = git_odb_add_backend(odb, backend, 999) }
        if let odb { git_odb_free(odb) }
        if rc < 0 {
            let error = GitError.fromLibgit2(rc, operation: operation)
            git_repository_free(pointer)
            throw error
        }
        guard let backend else {
            git_repository_free(pointer)
            throw GitError(code: .other(-1), message: "libgit2 made no in-memory object database", operation: operation)
        }
        let address = UInt(bitPattern: backend)
        return BufferedObjectWriter(repository: Repository(taking: pointer), backend: address)
    }
}
