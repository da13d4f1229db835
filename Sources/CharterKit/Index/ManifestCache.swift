import Foundation
import GitKit
import Synchronization

/// Parsed manifests by blob id, kept in `.git/charter/manifests.cache`: a YAML parse of a
/// 500-clause manifest costs milliseconds, and a clause's history reads every manifest version
/// it lived through. Append-only records, each with its own checksum; a damaged record ends
/// the reading (what follows is re-parsed and re-appended). Derived, never the source of truth.
final class ManifestCache: Sendable {
    let url: URL
    /// Byte ranges of the records in the file, by blob id, read once.
    private let state = Mutex<(loaded: Bool, data: Data, ranges: [OID: Range<Int>])>((false, Data(), [:]))

    init(url: URL) { self.url = url }

    static let magic: [UInt8] = Array("CHMAN".utf8) + [0, 0, 1]

    func lookup(_ blob: OID) -> CharterRepository.ParsedManifest? {
        state.withLock { state -> CharterRepository.ParsedManifest? in
            if !state.loaded {
                state.loaded = true
                if let data = try? Data(contentsOf: url) {
                    state.data = data
                    state.ranges = ManifestCache.scan(data)
                }
            }
            guard let range = state.ranges[blob] else { return nil }
            return state.data.withUnsafeBytes { raw in
                var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[range]))
                return ManifestCache.decode(&reader)
            }
        }
    }

    func store(_ blob: OID, _ parsed: CharterRepository.ParsedManifest) {
        var body = ByteWriter()
        ManifestCache.encode(parsed, into: &body)
        var record = ByteWriter()
        record.oid(blob)
        record.u32(UInt32(body.data.count))
        record.bytes(body.data)
        record.u64(ByteWriter.checksum(record.data))
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let handle: FileHandle
            if let existing = try? FileHandle(forWritingTo: url) {
                handle = existing
                try handle.seekToEnd()
            } else {
                FileManager.default.createFile(atPath: url.path, contents: Data(ManifestCache.magic))
                handle = try FileHandle(forWritingTo: url)
                try handle.seekToEnd()
            }
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(record.data))
        } catch {
            return
        }
    }

    /// The valid records of a cache file, up to the first damaged one.
    static func scan(_ data: Data) -> [OID: Range<Int>] {
        data.withUnsafeBytes { raw -> [OID: Range<Int>] in
            var reader = ByteReader(raw)
            guard reader.bytes(magic.count) == magic[...] else { return [:] }
            var ranges: [OID: Range<Int>] = [:]
            while reader.offset < raw.count {
                let start = reader.offset
                guard let blob = reader.oid(), let length = reader.u32() else { break }
                let bodyStart = reader.offset
                guard reader.bytes(Int(length)) != nil, let sum = reader.u64(at: reader.offset),
                      ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: raw[start..<reader.offset])) == sum else { break }
                reader.offset += 8
                ranges[blob] = bodyStart..<(bodyStart + Int(length))
            }
            return ranges
        }
    }

    static func encode(_ parsed: CharterRepository.ParsedManifest, into out: inout ByteWriter) {
        let manifest = parsed.manifest
        out.string(manifest.title)
        out.string(manifest.language)
        out.string(manifest.deliberationBranch)
        out.u32(UInt32(manifest.sections.count))
        for section in manifest.sections {
            out.string(section.title)
            out.u32(UInt32(section.clauses.count))
            for id in section.clauses {
                out.string(id.rawValue)
                out.u32(UInt32(parsed.lines[id] ?? 0))
            }
        }
        out.u32(UInt32(manifest.territories.count))
        for territory in manifest.territories {
            out.string(territory.id)
            out.string(territory.name)
            out.byte(territory.contact == nil ? 0 : 1)
            out.string(territory.contact ?? "")
        }
        out.string(manifest.consensus.kind.rawValue)
        out.byte(manifest.consensus.quorum == nil ? 0 : 1)
        out.u64(UInt64(bitPattern: Int64(manifest.consensus.quorum ?? 0)))
        out.byte(manifest.consensus.threshold == nil ? 0 : 1)
        out.u64((manifest.consensus.threshold ?? 0).bitPattern)
    }

    static func decode(_ reader: inout ByteReader) -> CharterRepository.ParsedManifest? {
        guard let title = reader.string(), let language = reader.string(), let branch = reader.string(),
              let sectionCount = reader.u32() else { return nil }
        var sections: [Section] = []
        var lines: [ClauseID: Int] = [:]
        for _ in 0..<sectionCount {
            guard let sectionTitle = reader.string(), let count = reader.u32() else { return nil }
            var ids: [ClauseID] = []
            ids.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let raw = reader.string(), let id = ClauseID(raw), let line = reader.u32() else { return nil }
                ids.append(id)
                lines[id] = Int(line)
            }
            sections.append(Section(title: sectionTitle, clauses: ids))
        }
        guard let territoryCount = reader.u32() else { return nil }
        var territories: [Territory] = []
        for _ in 0..<territoryCount {
            guard let id = reader.string(), let name = reader.string(), let hasContact = reader.byte(),
                  let contact = reader.string() else { return nil }
            territories.append(Territory(id: id, name: name, contact: hasContact == 1 ? contact : nil))
        }
        guard let kindText = reader.string(), let kind = ConsensusRule.Kind(rawValue: kindText),
              let hasQuorum = reader.byte(), let quorumOffset = Optional(reader.offset), let quorum = reader.u64(at: quorumOffset)
        else { return nil }
        reader.offset += 8
        guard let hasThreshold = reader.byte(), let threshold = reader.u64(at: reader.offset) else { return nil }
        reader.offset += 8
        let rule = ConsensusRule(kind: kind, quorum: hasQuorum == 1 ? Int(Int64(bitPattern: quorum)) : nil,
                                 threshold: hasThreshold == 1 ? Double(bitPattern: threshold) : nil)
        let manifest = Manifest(title: title, language: language, sections: sections, territories: territories,
                                consensus: rule, deliberationBranch: branch)
        return CharterRepository.ParsedManifest(manifest: manifest, lines: lines)
    }
}
