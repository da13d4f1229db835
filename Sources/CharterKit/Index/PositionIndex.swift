import Foundation
import GitKit

/// Every comment on a clause reduced to what the status matrix needs (clause, territory,
/// workshop, the clause blob it was made on, position, clock, id), and every retraction: a
/// derived cache of the deliberation branch kept in `.git/charter/positions-<branch>.cache`,
/// keyed by the branch tip and its tree. When the branch moves, only the record files added
/// since are read (a tree diff); anything else (a file removed or rewritten, a damaged or
/// missing cache) rebuilds it from every record. Never the source of truth.
struct PositionIndex: Sendable {
    struct Row: Sendable {
        var clock: Int64
        /// The record id's 16 bytes: byte order is the order of its text form.
        var id: (UInt64, UInt64)
        var clause: UInt32
        var territory: UInt32
        var workshop: UInt32
        var blob: UInt32
        /// 0: none (a question or remark), then `Position.allCases` order + 1.
        var position: UInt8
    }

    struct Retraction: Sendable {
        var comment: (UInt64, UInt64)
        var clock: Int64
        var id: (UInt64, UInt64)
    }

    var tip: OID?
    var tree: OID?
    /// How many record files below `clauses/` were quarantined when the index was built (an
    /// incremental update never quarantines: it rebuilds instead), so that `status` can say so.
    var quarantined: UInt32 = 0
    var strings: [String] = []
    var stringIndex: [String: UInt32] = [:]
    var rows: [Row] = []
    var retractions: [Retraction] = []

    mutating func intern(_ text: String) -> UInt32 {
        if let known = stringIndex[text] { return known }
        let index = UInt32(strings.count)
        strings.append(text)
        stringIndex[text] = index
        return index
    }

    static func idBytes(_ id: RecordID) -> (UInt64, UInt64) {
        var high: UInt64 = 0, low: UInt64 = 0, nibbles = 0
        for byte in id.rawValue.utf8 where byte != UInt8(ascii: "-") {
            let value = UInt64(byte <= 0x39 ? byte - 0x30 : byte - 0x61 + 10)
            if nibbles < 16 { high = high << 4 | value } else { low = low << 4 | value }
            nibbles += 1
        }
        return (high, low)
    }

    /// The 8-4-4-4-12 text of an id kept as two integers.
    static func idText(_ id: (UInt64, UInt64)) -> RecordID {
        let digits: StaticString = "0123456789abcdef"
        let text = String(unsafeUninitializedCapacity: 36) { buffer in
            digits.withUTF8Buffer { table in
                var position = 0
                for nibble in 0..<32 {
                    if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                        buffer[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    let word = nibble < 16 ? id.0 : id.1
                    let shift = UInt64(60 - 4 * (nibble % 16))
                    buffer[position] = table[Int((word >> shift) & 0xF)]
                    position += 1
                }
                return position
            }
        }
        return RecordID(uncheckedRawValue: text)
    }

    /// Adds a record (others than clause comments and retractions are not needed here).
    mutating func add(_ record: Record) {
        switch record.event {
        case .comment(let comment) where comment.amendment == nil:
            let position: UInt8 = comment.position.map { UInt8(Position.allCases.firstIndex(of: $0)! + 1) } ?? 0
            rows.append(Row(clock: Int64(record.clock), id: PositionIndex.idBytes(record.id), clause: intern(comment.clause.rawValue),
                            territory: intern(comment.territory), workshop: intern(comment.workshop), blob: intern(comment.blob),
                            position: position))
        case .commentRetracted(let retraction):
            retractions.append(Retraction(comment: PositionIndex.idBytes(retraction.comment), clock: Int64(record.clock),
                                          id: PositionIndex.idBytes(record.id)))
        default:
            break
        }
    }

    /// A record id as a hashable key.
    struct IDKey: Hashable {
        var high: UInt64
        var low: UInt64
        init(_ id: (UInt64, UInt64)) { (high, low) = id }
    }

    static func precedes(_ a: (Int64, (UInt64, UInt64)), _ b: (Int64, (UInt64, UInt64))) -> Bool {
        (a.0, a.1.0, a.1.1) < (b.0, b.1.0, b.1.1)
    }

    // MARK: File format
    //   "CHPOS\0\0\3", tip flag + id, tree flag + id, u32 quarantined count, u32 string count, strings (u32 length + bytes),
    //   u32 row count, rows (i64 clock, 2 × u64 id, 4 × u32, u8 position), u32 retraction count,
    //   retractions (2 × u64, i64, 2 × u64), u64 checksum of all before. Little-endian.

    static let magic: [UInt8] = Array("CHPOS".utf8) + [0, 0, 3]

    func encoded() -> Data {
        var out = ByteWriter()
        out.data.reserveCapacity(64 + rows.count * 41 + retractions.count * 40 + strings.count * 48)
        out.bytes(PositionIndex.magic)
        out.optionalOID(tip)
        out.optionalOID(tree)
        out.u32(quarantined)
        out.u32(UInt32(strings.count))
        for string in strings { out.string(string) }
        out.u32(UInt32(rows.count))
        for row in rows {
            out.u64(UInt64(bitPattern: row.clock))
            out.u64(row.id.0)
            out.u64(row.id.1)
            out.u32(row.clause)
            out.u32(row.territory)
            out.u32(row.workshop)
            out.u32(row.blob)
            out.byte(row.position)
        }
        out.u32(UInt32(retractions.count))
        for retraction in retractions {
            out.u64(retraction.comment.0)
            out.u64(retraction.comment.1)
            out.u64(UInt64(bitPattern: retraction.clock))
            out.u64(retraction.id.0)
            out.u64(retraction.id.1)
        }
        let sum = out.data.withUnsafeBytes { PositionIndex.checksum($0) }
        out.u64(sum)
        return Data(out.data)
    }

    /// A fast checksum: 64-bit words folded with a multiply (the tail byte-wise).
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(raw.count)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        while offset < raw.count {
            hash = (hash ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        return hash
    }

    static func decode(_ data: Data) -> PositionIndex? {
        data.withUnsafeBytes { raw -> PositionIndex? in
            guard raw.count > 16 else { return nil }
            var reader = ByteReader(raw)
            guard checksum(UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 8)])) == reader.u64(at: raw.count - 8),
                  reader.bytes(magic.count) == magic[...], let tip = reader.optionalOID(), let tree = reader.optionalOID(),
                  let quarantined = reader.u32(), let stringCount = reader.u32() else { return nil }
            var index = PositionIndex()
            index.tip = tip
            index.tree = tree
            index.quarantined = quarantined
            index.strings.reserveCapacity(Int(stringCount))
            for _ in 0..<stringCount {
                guard let string = reader.string() else { return nil }
                index.stringIndex[string] = UInt32(index.strings.count)
                index.strings.append(string)
            }
            guard let rowCount = reader.u32(), reader.offset + Int(rowCount) * 41 <= raw.count else { return nil }
            index.rows.reserveCapacity(Int(rowCount))
            var offset = reader.offset
            func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
            for _ in 0..<rowCount {
                let row = Row(clock: Int64(bitPattern: u64(offset)), id: (u64(offset + 8), u64(offset + 16)),
                              clause: u32(offset + 24), territory: u32(offset + 28), workshop: u32(offset + 32), blob: u32(offset + 36),
                              position: raw[offset + 40])
                guard row.clause < stringCount, row.territory < stringCount, row.workshop < stringCount, row.blob < stringCount,
                      row.position <= UInt8(Position.allCases.count) else { return nil }
                index.rows.append(row)
                offset += 41
            }
            reader.offset = offset
            guard let retractionCount = reader.u32(), reader.offset + Int(retractionCount) * 40 == raw.count - 8 else { return nil }
            offset = reader.offset
            for _ in 0..<retractionCount {
                index.retractions.append(Retraction(comment: (u64(offset), u64(offset + 8)), clock: Int64(bitPattern: u64(offset + 16)),
                                                    id: (u64(offset + 24), u64(offset + 32))))
                offset += 40
            }
            return index
        }
    }
}


extension DeliberationStore {
    var positionIndexURL: URL {
        CharterRepository.cacheDirectory(git).appendingPathComponent("positions-\(branch.replacingOccurrences(of: "/", with: "%")).cache")
    }

    /// The position index at the branch's tip: read, brought up to date from the records
    /// added since, or rebuilt; saved when it changed. With `CHARTER_NO_INDEX=1`, built in
    /// memory from every record.
    func positionIndex() throws -> PositionIndex {
        guard let tip = try tip().oid else { return PositionIndex() }
        let tree = try git.commit(tip).tree
        if !indexEnabled { return try buildPositionIndex(tip: tip, tree: tree) }
        let url = positionIndexURL
        if let data = try? Data(contentsOf: url), var index = PositionIndex.decode(data), let oldTree = index.tree {
            if index.tip == tip { return index }
            if let updated = try? update(&index, from: oldTree, to: tree) , updated {
                index.tip = tip
                index.tree = tree
                save(index.encoded(), to: url)
                return index
            }
        }
        let index = try buildPositionIndex(tip: tip, tree: tree)
        save(index.encoded(), to: url)
        return index
    }

    /// Adds the records that appeared between two trees; false when something else changed
    /// (a record removed or rewritten), which calls for a rebuild.
    private func update(_ index: inout PositionIndex, from old: OID, to new: OID) throws -> Bool {
        var added: [Record] = []
        for change in try git.diffTrees(old, new) {
            guard change.path.hasSuffix(".json"), !change.path.hasPrefix("imports/") else { continue }
            guard change.path.hasPrefix("clauses/") else {
                // Outside the index (workshops, amendments…): only the quarantine count is kept, so
                // anything but a sound record added calls for a rebuild that recounts.
                guard change.kind == .added, let blob = change.newOID,
                      let record = try? decodedRecord(blob), RecordSifter.check(record, path: change.path) == nil else { return false }
                continue
            }
            guard change.kind == .added, let blob = change.newOID else { return false }
            // A file to quarantine, or an id seen twice: the rebuild sorts them out.
            guard let record = try? decodedRecord(blob), RecordSifter.check(record, path: change.path) == nil else { return false }
            added.append(record)
        }
        if !added.isEmpty {
            var known = Set(index.rows.map { PositionIndex.IDKey($0.id) })
            known.formUnion(index.retractions.map { PositionIndex.IDKey($0.id) })
            for record in added where !known.insert(PositionIndex.IDKey(PositionIndex.idBytes(record.id))).inserted { return false }
        }
        for record in added { index.add(record) }
        return true
    }

    /// Reads every record file below `clauses/` in one pass over the objects; files that cannot
    /// be trusted are left out, as the fold leaves them out (`RecordSifter`).
    private func buildPositionIndex(tip: OID, tree: OID) throws -> PositionIndex {
        var index = PositionIndex()
        index.tip = tip
        index.tree = tree
        // Records outside `clauses/` are not indexed, but those quarantined are counted.
        var elsewhere = 0
        for entry in try git.treeEntries(tree) where entry.kind == .tree && entry.name != "clauses" && entry.name != "imports" {
            elsewhere += try scan(under: entry.name, in: tree).quarantined.count
        }
        index.quarantined = UInt32(clamping: elsewhere)
        guard let folder = try git.entry(atPath: "clauses", inTree: tree), folder.kind == .tree else { return index }
        var sifter = RecordSifter()
        try git.forEachBlob(under: folder.oid) { path, oid, bytes in
            guard path.hasSuffix(".json") else { return }
            if let record = RecordCodec.decodeFast(bytes) {
                sifter.add(record, path: "clauses/\(path)", blob: oid.hex)
            } else {
                // Files the fast reader leaves to JSONDecoder.
                do {
                    sifter.add(try RecordCodec.decode(Data(bytes)), path: "clauses/\(path)", blob: oid.hex)
                } catch {
                    sifter.unreadable(path: "clauses/\(path)", blob: oid.hex, error: error)
                }
            }
        }
        for record in sifter.finish() { index.add(record) }
        index.quarantined = UInt32(clamping: elsewhere + sifter.quarantined.count)
        return index
    }

    private func save(_ data: Data, to url: URL) {
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

extension CharterRepository {
    /// The status matrix at HEAD over every recorded position, from the position index: the
    /// same answer as the fold over every record (`status()` without arguments), reading only
    /// what changed since the index was last brought up to date.
    func indexedStatus() throws -> StatusMatrix {
        let store = try deliberationStore()
        let index = try store.positionIndex()
        if index.quarantined > 0 { Notices.post(Message("reliability.quarantine.summary", count: Int(index.quarantined))) }
        let oid = try resolveOID("HEAD")
        let commit = try git.commit(oid)
        let text = try charter(atCommit: commit, label: "HEAD")
        let judge = try CurrencyJudge(repository: self, commit: commit, charter: text)
        let verdicts = EditorialVerdicts(url: cacheDirectory.appendingPathComponent("editorial.cache"))
        judge.remember(verdicts.load())
        defer { verdicts.append(judge.newVerdicts) }
        let scope = text.manifest.territories
        let stringCount = index.strings.count
        var slotOf = [Int32](repeating: -1, count: stringCount)
        for (offset, territory) in scope.enumerated() {
            if let known = index.stringIndex[territory.id] { slotOf[Int(known)] = Int32(offset) }
        }
        // A comment is retracted when a retraction of it comes after it in (clock, id) order
        // (the fold applies a retraction to a comment it has already seen).
        struct Key: Hashable { var high: UInt64; var low: UInt64 }
        var latestRetraction: [Key: (Int64, (UInt64, UInt64))] = [:]
        var maybeRetracted = [Bool](repeating: false, count: 1 << 16)
        for retraction in index.retractions {
            let key = Key(high: retraction.comment.0, low: retraction.comment.1)
            maybeRetracted[Int(retraction.comment.1 & 0xFFFF)] = true
            if let existing = latestRetraction[key], !PositionIndex.precedes(existing, (retraction.clock, retraction.id)) { continue }
            latestRetraction[key] = (retraction.clock, retraction.id)
        }
        // Each cell (clause, territory) keeps its latest position that counts (made on the
        // current text or one editorially equal), else its latest. Made on the current blob is
        // an integer comparison; the editorial judgment (parsing an older text) is made only in
        // cells whose latest position is on an older text, for the positions later than the
        // cell's latest current one.
        var currentBlob = [Int32](repeating: -1, count: stringCount)
        for (id, oid) in judge.blobs {
            if let clauseIndex = index.stringIndex[id.rawValue], let blobIndex = index.stringIndex[oid.hex] {
                currentBlob[Int(clauseIndex)] = Int32(blobIndex)
            }
        }
        let rows = index.rows
        func later(_ a: Int32, than b: Int32) -> Bool {
            b < 0 || PositionIndex.precedes((rows[Int(b)].clock, rows[Int(b)].id), (rows[Int(a)].clock, rows[Int(a)].id))
        }
        // Cells are numbered clause by clause (in order of first appearance) × territory slot.
        let slots = max(scope.count, 1)
        var clauseNumber = [Int32](repeating: -1, count: stringCount)
        var clauseOfNumber: [UInt32] = []
        var bestCurrent: [Int32] = []
        var bestOverall: [Int32] = []
        var eligible: [(position: Int32, cell: Int32)] = []
        eligible.reserveCapacity(rows.count)
        for position in rows.indices {
            let row = rows[position]
            guard row.position != 0 else { continue }
            let slot = slotOf[Int(row.territory)]
            guard slot >= 0 else { continue }
            if maybeRetracted[Int(row.id.1 & 0xFFFF)], let latest = latestRetraction[Key(high: row.id.0, low: row.id.1)],
               PositionIndex.precedes((row.clock, row.id), latest) { continue }
            var number = clauseNumber[Int(row.clause)]
            if number < 0 {
                number = Int32(clauseOfNumber.count)
                clauseNumber[Int(row.clause)] = number
                clauseOfNumber.append(row.clause)
                bestCurrent.append(contentsOf: repeatElement(-1, count: slots))
                bestOverall.append(contentsOf: repeatElement(-1, count: slots))
            }
            let cell = Int(number) * slots + Int(slot)
            let here = Int32(position)
            eligible.append((here, Int32(cell)))
            if later(here, than: bestOverall[cell]) { bestOverall[cell] = here }
            if currentBlob[Int(row.clause)] == Int32(row.blob), later(here, than: bestCurrent[cell]) { bestCurrent[cell] = here }
        }
        // Currency per (clause, blob), judged once: kept by blob (a blob is one clause's text;
        // should two clauses name the same blob, the second goes through a dictionary).
        var memoClause = [Int32](repeating: -1, count: stringCount)
        var memoCurrency = [Currency?](repeating: nil, count: stringCount)
        var otherCurrencies: [UInt64: Currency] = [:]
        func currency(_ row: PositionIndex.Row) -> Currency {
            let blob = Int(row.blob)
            if memoClause[blob] == Int32(row.clause), let known = memoCurrency[blob] { return known }
            let key = UInt64(row.clause) << 32 | UInt64(row.blob)
            if memoClause[blob] >= 0, let known = otherCurrencies[key] { return known }
            let judged = ClauseID(index.strings[Int(row.clause)]).map { judge.currency(clause: $0, blob: index.strings[blob]) } ?? .stale
            if memoClause[blob] < 0 {
                memoClause[blob] = Int32(row.clause)
                memoCurrency[blob] = judged
            } else {
                otherCurrencies[key] = judged
            }
            return judged
        }
        // In cells whose latest position is not on the current text: the latest newer than
        // the cell's latest current one that counts.
        var bestCounting = [Int32](repeating: -1, count: bestOverall.count)
        for (position, cell) in eligible {
            let slot = Int(cell)
            guard bestOverall[slot] != bestCurrent[slot], later(position, than: bestCurrent[slot]),
                  later(position, than: bestCounting[slot]), currency(rows[Int(position)]).counts else { continue }
            bestCounting[slot] = position
        }
        // The winners become the matrix's cells, rows in reading order, each row's status
        // from its cells: what `StatusMatrix.build` does with the winners it selects.
        var cellsByClause: [UInt32: [String: PositionCell]] = [:]
        for cell in bestOverall.indices where bestOverall[cell] >= 0 {
            let position: Int32
            let judged: Currency
            if bestCounting[cell] >= 0 {
                position = bestCounting[cell]
                judged = currency(rows[Int(position)])
            } else if bestCurrent[cell] >= 0 {
                position = bestCurrent[cell]
                judged = .current
            } else {
                position = bestOverall[cell]
                judged = .stale
            }
            let row = rows[Int(position)]
            let territory = index.strings[Int(row.territory)]
            cellsByClause[row.clause, default: [:]][territory] = PositionCell(
                territory: territory, position: Position.allCases[Int(row.position) - 1], currency: judged,
                comment: PositionIndex.idText(row.id), workshop: index.strings[Int(row.workshop)])
        }
        let rule = text.manifest.consensus
        let scopeIDs = scope.map(\.id)
        let matrixRows = text.numbered.map { entry -> StatusMatrix.Row in
            let cells = index.stringIndex[entry.clause.id.rawValue].flatMap { cellsByClause[$0] } ?? [:]
            let status = ConsensusEvaluator.status(of: Array(cells.values), scope: scopeIDs, rule: rule)
            return StatusMatrix.Row(clause: entry.clause.id, number: entry.number, title: entry.clause.title, status: status, cells: cells)
        }
        return StatusMatrix(revision: commit.oid.hex, workshop: nil, rule: rule, territories: scope, rows: matrixRows)
    }
}

/// Whether two clause texts differ only editorially, by blob ids: a pure function of the two
/// texts, so kept for good in `.git/charter/editorial.cache` (append-only records of two ids,
/// the verdict and a checksum; reading stops at the first damaged record).
struct EditorialVerdicts {
    let url: URL
    static let recordSize = 20 + 20 + 1 + 8

    func load() -> [(old: String, new: String, equivalent: Bool)] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        return data.withUnsafeBytes { raw in
            var result: [(old: String, new: String, equivalent: Bool)] = []
            var offset = 0
            while offset + EditorialVerdicts.recordSize <= raw.count {
                let record = UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + EditorialVerdicts.recordSize - 8)])
                let sum = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + EditorialVerdicts.recordSize - 8, as: UInt64.self))
                guard ByteWriter.checksum(record) == sum, let old = OID(bytes: UnsafeRawBufferPointer(rebasing: record[0..<20])),
                      let new = OID(bytes: UnsafeRawBufferPointer(rebasing: record[20..<40])), record[40] <= 1 else { break }
                result.append((old.hex, new.hex, record[40] == 1))
                offset += EditorialVerdicts.recordSize
            }
            return result
        }
    }

    func append(_ verdicts: [(old: String, new: String, equivalent: Bool)]) {
        guard !verdicts.isEmpty else { return }
        var out = ByteWriter()
        for (old, new, equivalent) in verdicts {
            guard let oldID = OID(hex: old), let newID = OID(hex: new) else { continue }
            var record = ByteWriter()
            record.oid(oldID)
            record.oid(newID)
            record.byte(equivalent ? 1 : 0)
            out.bytes(record.data)
            out.u64(ByteWriter.checksum(record.data))
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: url.path) { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            // Keep whole records only: a torn earlier write is cut off first.
            let size = try handle.seekToEnd()
            let whole = size - size % UInt64(EditorialVerdicts.recordSize)
            if whole != size { try handle.truncate(atOffset: whole) }
            try handle.write(contentsOf: Data(out.data))
        } catch {
            return
        }
    }
}
