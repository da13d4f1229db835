import Foundation
import GitKit
import Testing

@Suite("OID")
struct OIDTests {
    let sample = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"   // the empty blob

    @Test("parses full hex ids only, either case, and prints lowercase")
    func parsing() throws {
        let oid = try #require(OID(hex: sample))
        #expect(oid.hex == sample)
        #expect(oid.description == sample)
        #expect(OID(hex: sample.uppercased()) == oid)
        #expect(OID(hex: "e69de29") == nil)
        #expect(OID(hex: sample + "0") == nil)
        #expect(OID(hex: String(sample.dropLast()) + "g") == nil)
        #expect(OID(hex: "") == nil)
        #expect(OID(hex: String(repeating: "é", count: 20)) == nil)
    }

    @Test("short ids, bytes round trip, ordering follows the hex form")
    func shortBytesOrder() throws {
        let oid = try #require(OID(hex: sample))
        #expect(oid.short() == "e69de29")
        #expect(oid.short(12) == "e69de29bb2d1")
        #expect(oid.short(100) == sample)
        #expect(oid.bytes.count == 20)
        #expect(OID(bytes: oid.bytes) == oid)
        #expect(OID(bytes: [1, 2, 3]) == nil)

        let hexes = ["0000000000000000000000000000000000000001",
                     "00000000000000000000000000000000000000ff",
                     "0000000000000001000000000000000000000000",
                     "1000000000000000000000000000000000000000",
                     "ffffffffffffffffffffffffffffffffffffffff"]
        let oids = try hexes.reversed().map { try #require(OID(hex: $0)) }
        #expect(oids.sorted().map(\.hex) == hexes)
        #expect(Set(oids).count == hexes.count)
    }

    @Test("Codable as a hex string")
    func codable() throws {
        let oid = try #require(OID(hex: sample))
        let json = try JSONEncoder().encode(["id": oid])
        #expect(String(decoding: json, as: UTF8.self) == "{\"id\":\"\(sample)\"}")
        #expect(try JSONDecoder().decode([String: OID].self, from: json)["id"] == oid)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([String: OID].self, from: Data("{\"id\":\"abc\"}".utf8))
        }
    }

    @Test("hashBlob gives git's blob ids without writing")
    func hashBlob() throws {
        let fixture = try GitFixture()
        let text = "Préambule\n\nLes territoires « pionniers » s'engagent.\n"
        try fixture.write("sample.md", text)
        let expected = try fixture.oid(fixture.git("hash-object", "sample.md"))
        #expect(try Repository.hashBlob(Data(text.utf8)) == expected)
        #expect(try Repository.hashBlob(Data()).hex == sample)
    }
}
