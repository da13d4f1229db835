import Foundation
import GitKit
import Testing
import TestSupport
@testable import CharterKit

@Suite("The union of two deliberation trees")
struct DeliberationUnionTests {
    let scratch = Scratch("union")
    let git: Repository

    init() throws {
        git = try Repository.create(at: scratch.path + "/repo", bare: true)
    }

    func tree(_ files: [String: String]) throws -> OID {
        try git.updateTree(nil, files.sorted { $0.key < $1.key }.map { .upsert(path: $0.key, blob: try git.writeBlob(Data($0.value.utf8))) })
    }

    func files(_ tree: OID) throws -> [String: String] {
        var result: [String: String] = [:]
        for change in try git.diffTrees(nil, tree) {
            result[change.path] = String(decoding: try git.blob(change.newOID!), as: UTF8.self)
        }
        return result
    }

    @Test("records of both sides are kept, whatever the order of the sides; equal subtrees are shared")
    func unionIsSymmetric() throws {
        let common = ["workshops/lyon/0001.json": "open", "clauses/preambule/aa/0002.json": "c2"]
        let a = try tree(common.merging(["clauses/preambule/aa/0003.json": "c3", "clauses/juste-place/01/0004.json": "c4",
                                         "amendments/x/0005.json": "a5"]) { $1 })
        let b = try tree(common.merging(["clauses/preambule/bb/0006.json": "c6", "workshops/nantes/0007.json": "open nantes",
                                         "clauses/preambule/aa/0008.json": "c8"]) { $1 })
        var one = DeliberationUnion(git: git), two = DeliberationUnion(git: git)
        let ab = try one.merge(a, b)
        let ba = try two.merge(b, a)
        #expect(ab == ba)
        #expect(try files(ab).count == 8)
        #expect(try files(ab)["amendments/x/0005.json"] == "a5")
        #expect(one.conflicts.isEmpty && one.importOverlaps.isEmpty)
        #expect(try one.merge(a, a) == a)
        #expect(try one.merge(ab, a) == ab)
    }

    @Test("two contents at one path: both kept, the larger blob renamed beside it, the same on both sides")
    func sameRecordTwoContents() throws {
        let a = try tree(["clauses/preambule/aa/0003.json": "version A"])
        let b = try tree(["clauses/preambule/aa/0003.json": "version B"])
        var one = DeliberationUnion(git: git), two = DeliberationUnion(git: git)
        let ab = try one.merge(a, b)
        #expect(try two.merge(b, a) == ab)
        let merged = try files(ab)
        #expect(Set(merged.values) == ["version A", "version B"])
        #expect(one.conflicts.count == 1)
        let conflict = try #require(one.conflicts.first)
        #expect(conflict.path == "clauses/preambule/aa/0003.json")
        #expect(conflict.renamedPath.hasPrefix("clauses/preambule/aa/0003.conflict-") && conflict.renamedPath.hasSuffix(".json"))
        #expect(conflict.keptBlob < conflict.renamedBlob)
        // Merging again with either side changes nothing more.
        var three = DeliberationUnion(git: git)
        #expect(try three.merge(ab, b) == ab && three.merge(a, ab) == ab)
    }

    @Test("an import key marked on both sides keeps the smaller record id and reports the overlap")
    func importMarkers() throws {
        let a = try tree(["imports/lyon/k1": "01a2-second\n", "clauses/p/01/01a2-second.json": "x"])
        let b = try tree(["imports/lyon/k1": "01a1-first\n", "clauses/p/02/01a1-first.json": "y"])
        var one = DeliberationUnion(git: git), two = DeliberationUnion(git: git)
        let ab = try one.merge(a, b)
        #expect(try two.merge(b, a) == ab)
        let merged = try files(ab)
        #expect(merged["imports/lyon/k1"] == "01a1-first\n")
        #expect(merged.count == 3)
        #expect(one.importOverlaps == [ImportOverlap(path: "imports/lyon/k1", kept: "01a1-first", other: "01a2-second")])
        #expect(one.conflicts.isEmpty)
    }

    @Test("a folder and a file at one name: the folder keeps it, the file moves aside")
    func folderAgainstFile() throws {
        let a = try tree(["clauses/x": "a file"])
        let b = try tree(["clauses/x/01/0001.json": "record"])
        var one = DeliberationUnion(git: git), two = DeliberationUnion(git: git)
        let ab = try one.merge(a, b)
        #expect(try two.merge(b, a) == ab)
        let merged = try files(ab)
        #expect(merged["clauses/x/01/0001.json"] == "record")
        #expect(merged.keys.contains { $0.hasPrefix("clauses/x.conflict-") })
    }
}
