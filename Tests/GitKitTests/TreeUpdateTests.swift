import Foundation
import GitKit
import Testing

@Suite("updateTree: nested upserts and removals")
struct TreeUpdateTests {
    /// `git ls-tree -r` of a tree: "mode type oid\tpath" lines, paths unquoted.
    static func listing(_ fixture: GitFixture, _ tree: OID) throws -> [String] {
        try fixture.git("ls-tree", "-r", "-t", "-z", tree.hex, in: "repo")
            .split(separator: "\0").map(String.init)
    }

    @Test("from the empty tree, nested paths create subtrees; git reads the result")
    func fromNothing() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        let repository = try Repository.open(at: fixture.path("repo"))
        let one = try repository.writeBlob(Data("un\n".utf8))
        let two = try repository.writeBlob(Data("deux\n".utf8))
        let tree = try repository.updateTree(nil, [
            .upsert(path: "clauses/préambule.md", blob: one),
            .upsert(path: "clauses/titre-1/article-1.md", blob: two),
            .upsert(path: "charter.yml", blob: two),
            .upsert(path: "bin/run", blob: one, fileMode: 0o100755),
        ])
        let clauses = try #require(try repository.entry(atPath: "clauses", inTree: tree))
        let titre = try #require(try repository.entry(atPath: "clauses/titre-1", inTree: tree))
        let bin = try #require(try repository.entry(atPath: "bin", inTree: tree))
        #expect(try Self.listing(fixture, tree) == [
            "040000 tree \(bin.oid.hex)\tbin",
            "100755 blob \(one.hex)\tbin/run",
            "100644 blob \(two.hex)\tcharter.yml",
            "040000 tree \(clauses.oid.hex)\tclauses",
            "100644 blob \(one.hex)\tclauses/préambule.md",
            "040000 tree \(titre.oid.hex)\tclauses/titre-1",
            "100644 blob \(two.hex)\tclauses/titre-1/article-1.md",
        ])
        // The same content built by git itself has the same id.
        try fixture.write("repo/clauses/préambule.md", "un\n")
        try fixture.write("repo/clauses/titre-1/article-1.md", "deux\n")
        try fixture.write("repo/charter.yml", "deux\n")
        try fixture.write("repo/bin/run", "un\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.path("repo/bin/run"))
        try fixture.git("add", "-A", in: "repo")
        #expect(try fixture.git("write-tree", in: "repo") == tree.hex)
        #expect(try repository.updateTree(nil, []) == (try repository.emptyTree()))
    }

    @Test("on an existing tree: replace, add beside, remove, and drop emptied subtrees")
    func onBase() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/charter.yml", "m\n")
        try fixture.write("repo/clauses/a.md", "a\n")
        try fixture.write("repo/clauses/b.md", "b\n")
        try fixture.write("repo/clauses/deep/only.md", "o\n")
        try fixture.write("repo/notes/x.md", "x\n")
        let head = try fixture.commit("base")
        let repository = try Repository.open(at: fixture.path("repo"))
        let base = try repository.commit(head).tree
        let newA = try repository.writeBlob(Data("a2\n".utf8))
        let c = try repository.writeBlob(Data("c\n".utf8))

        let updated = try repository.updateTree(base, [
            .upsert(path: "clauses/a.md", blob: newA),
            .upsert(path: "clauses/c.md", blob: c),
            .remove(path: "clauses/deep/only.md"),   // leaves clauses/deep empty: dropped
            .remove(path: "notes"),                  // a whole subtree
            .remove(path: "clauses/absent.md"),      // absent: no-op
            .remove(path: "charter.yml/inside"),     // below a file: no-op
        ])
        let paths = try Self.listing(fixture, updated).compactMap { $0.split(separator: "\t").last.map(String.init) }
        #expect(paths == ["charter.yml", "clauses", "clauses/a.md", "clauses/b.md", "clauses/c.md"])
        #expect(try repository.entry(atPath: "clauses/a.md", inTree: updated)?.oid == newA)
        // Untouched entries keep their ids.
        #expect(try repository.entry(atPath: "clauses/b.md", inTree: updated)?.oid
                == (try repository.entry(atPath: "clauses/b.md", inTree: base)?.oid))

        // The same edit through git's index gives the same tree.
        try fixture.write("repo/clauses/a.md", "a2\n")
        try fixture.write("repo/clauses/c.md", "c\n")
        try FileManager.default.removeItem(atPath: fixture.path("repo/clauses/deep"))
        try FileManager.default.removeItem(atPath: fixture.path("repo/notes"))
        try fixture.git("add", "-A", in: "repo")
        #expect(try fixture.git("write-tree", in: "repo") == updated.hex)

        // Removing everything leaves the empty tree.
        let emptied = try repository.updateTree(updated, [.remove(path: "clauses"), .remove(path: "charter.yml")])
        #expect(emptied == (try repository.emptyTree()))
        try fixture.expectFsckClean()
    }

    @Test("order matters: the last update of a path wins; a file can become a folder")
    func ordering() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        let repository = try Repository.open(at: fixture.path("repo"))
        let one = try repository.writeBlob(Data("1\n".utf8))
        let two = try repository.writeBlob(Data("2\n".utf8))
        let tree = try repository.updateTree(nil, [
            .upsert(path: "a.md", blob: one),
            .upsert(path: "a.md", blob: two),
            .upsert(path: "b/x.md", blob: one),
            .remove(path: "b/x.md"),
            .upsert(path: "a-b/c", blob: one),
            .upsert(path: "a/b", blob: one),
        ])
        #expect(try repository.entry(atPath: "a.md", inTree: tree)?.oid == two)
        #expect(try repository.entry(atPath: "b", inTree: tree) == nil)
        #expect(try repository.treeEntries(tree).map(\.name) == ["a-b", "a.md", "a"])

        let file = try repository.updateTree(nil, [.upsert(path: "clause", blob: one)])
        let folder = try repository.updateTree(file, [.upsert(path: "clause/inner.md", blob: two)])
        #expect(try repository.entry(atPath: "clause", inTree: folder)?.kind == .tree)
        #expect(try repository.entry(atPath: "clause/inner.md", inTree: folder)?.oid == two)
        try fixture.expectFsckClean()
    }

    @Test("invalid paths and missing blobs are refused")
    func refusals() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        let repository = try Repository.open(at: fixture.path("repo"))
        let blob = try repository.writeBlob(Data("x".utf8))
        for path in ["", "/abs", "a//b", "a/", "./a", "a/../b", ".git/config", "x/.GIT/y"] {
            let error = #expect(throws: GitError.self) { try repository.updateTree(nil, [.upsert(path: path, blob: blob)]) }
            #expect(error?.code == .invalidSpec, "\(path)")
        }
        let ghost = try #require(OID(hex: "1234567890123456789012345678901234567890"))
        #expect(throws: GitError.self) { try repository.updateTree(nil, [.upsert(path: "a/ghost.md", blob: ghost)]) }
        #expect(throws: GitError.self) { try repository.updateTree(ghost, [.upsert(path: "a.md", blob: blob)]) }
    }
}
