import Foundation
import GitKit
import Testing

@Suite("Reading and writing commits, trees and blobs")
struct ObjectTests {
    @Test("commit reads ids, parents of a merge, signatures with dates and offsets, raw message")
    func readCommits() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/a.md", "1\n")
        let root = try fixture.commit("Préambule révisé\n\nCorps du message.\n\nAmendment: 01J")
        let rootTime = fixture.clock
        try fixture.git("checkout", "-q", "-b", "feature", in: "repo")
        try fixture.write("repo/b.md", "b\n")
        let side = try fixture.commit("side")
        try fixture.git("checkout", "-q", "main", in: "repo")
        try fixture.write("repo/c.md", "c\n")
        let mainline = try fixture.commit("mainline")
        fixture.tick()
        try fixture.git("merge", "-q", "--no-ff", "-m", "Merge feature", "feature", in: "repo")
        let merge = try fixture.oid(fixture.git("rev-parse", "HEAD", in: "repo"))

        let repository = try Repository.open(at: fixture.path("repo"))
        let info = try repository.commit(root)
        #expect(info.oid == root)
        #expect(info.parents.isEmpty)
        #expect(info.tree == (try fixture.oid(fixture.git("rev-parse", "\(root.hex)^{tree}", in: "repo"))))
        #expect(info.author == Signature(name: GitFixture.authorName, email: GitFixture.authorEmail,
                                         date: Date(timeIntervalSince1970: TimeInterval(rootTime)), timeZoneOffsetMinutes: 60))
        #expect(info.committer.name == GitFixture.committerName)
        #expect(info.committer.email == GitFixture.committerEmail)
        #expect(info.message == "Préambule révisé\n\nCorps du message.\n\nAmendment: 01J\n")
        #expect(info.summary == "Préambule révisé")

        let mergeInfo = try repository.commit(merge)
        #expect(mergeInfo.parents == [mainline, side])
        #expect(mergeInfo.summary == "Merge feature")
        #expect(try repository.commits([root, merge]).map(\.oid) == [root, merge])

        // A tree is not a commit.
        let error = #expect(throws: GitError.self) { try repository.commit(info.tree) }
        #expect(error?.code == .notFound)
        #expect(error?.operation == "read commit \(info.tree.hex)")
        let missing = try #require(OID(hex: "00000000000000000000000000000000000000aa"))
        #expect((#expect(throws: GitError.self) { try repository.commit(missing) })?.code == .notFound)
    }

    @Test("tree entries: files, executables, symlinks, subtrees, non-ASCII names; entry at a nested path")
    func readTrees() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/clauses/préambule.md", "Préambule\n")
        try fixture.write("repo/clauses/deep/article-1.md", "Article 1\n")
        try fixture.write("repo/run.sh", "#!/bin/sh\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.path("repo/run.sh"))
        try FileManager.default.createSymbolicLink(atPath: fixture.path("repo/link"), withDestinationPath: "run.sh")
        try fixture.write("repo/charter.yml", "title: Charte\n")
        let head = try fixture.commit("tree")
        let repository = try Repository.open(at: fixture.path("repo"))
        let tree = try repository.commit(head).tree

        let entries = try repository.treeEntries(tree)
        #expect(entries.map(\.name) == ["charter.yml", "clauses", "link", "run.sh"])
        let byName = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0) })
        #expect(byName["charter.yml"]?.kind == .blob)
        #expect(byName["charter.yml"]?.fileMode == 0o100644)
        #expect(byName["clauses"]?.kind == .tree)
        #expect(byName["clauses"]?.fileMode == 0o040000)
        #expect(byName["link"]?.fileMode == 0o120000)
        #expect(byName["run.sh"]?.fileMode == 0o100755)

        let preamble = try #require(try repository.entry(atPath: "clauses/préambule.md", inTree: tree))
        #expect(preamble.name == "préambule.md")
        #expect(preamble.kind == .blob)
        #expect(preamble.oid == (try fixture.oid(fixture.git("rev-parse", "HEAD:clauses/préambule.md", in: "repo"))))
        #expect(try repository.blob(preamble.oid) == Data("Préambule\n".utf8))
        let deep = try #require(try repository.entry(atPath: "clauses/deep", inTree: tree))
        #expect(deep.kind == .tree)
        #expect(try repository.treeEntries(deep.oid).map(\.name) == ["article-1.md"])
        #expect(try repository.entry(atPath: "clauses/absent.md", inTree: tree) == nil)
        #expect(try repository.entry(atPath: "nowhere/at/all", inTree: tree) == nil)
    }

    @Test("blobs round trip, including empty and binary data; git reads what GitKit wrote")
    func blobs() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        let repository = try Repository.open(at: fixture.path("repo"))
        let text = Data("« Faire alliance » — préambule\n".utf8)
        let binary = Data((0...255).map { UInt8($0) })
        for data in [text, binary, Data()] {
            let oid = try repository.writeBlob(data)
            #expect(oid == (try Repository.hashBlob(data)))
            #expect(try repository.blob(oid) == data)
            #expect(try fixture.git("cat-file", "-t", oid.hex, in: "repo") == "blob")
            #expect(try fixture.git("cat-file", "-s", oid.hex, in: "repo") == "\(data.count)")
        }
        #expect(try fixture.git("cat-file", "-p", (try Repository.hashBlob(text)).hex, in: "repo") + "\n"
                == String(decoding: text, as: UTF8.self))
        try fixture.expectFsckClean()
    }

    @Test("writeTree, emptyTree and createCommit make objects git accepts and reads back")
    func writeCommit() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        let repository = try Repository.open(at: fixture.path("repo"))
        let empty = try repository.emptyTree()
        #expect(empty.hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")

        let clause = try repository.writeBlob(Data("Article premier\n".utf8))
        let manifest = try repository.writeBlob(Data("title: Charte\n".utf8))
        let clauses = try repository.writeTree([TreeEntry(name: "préambule.md", oid: clause, kind: .blob, fileMode: 0o100644)])
        // Given out of order: git's order is applied.
        let root = try repository.writeTree([
            TreeEntry(name: "clauses", oid: clauses, kind: .tree, fileMode: 0o040000),
            TreeEntry(name: "charter.yml", oid: manifest, kind: .blob, fileMode: 0o100644),
        ])
        #expect(try repository.treeEntries(root).map(\.name) == ["charter.yml", "clauses"])

        let author = Signature.fixed(1_700_100_000, offset: 120)
        let committer = Signature(name: "Robot", email: "robot@example.org",
                                  date: Date(timeIntervalSince1970: 1_700_100_500.75), timeZoneOffsetMinutes: -300)
        let first = try repository.createCommit(tree: root, parents: [], author: author, committer: committer,
                                                message: "Première version\n\nAmendment: A1\n")
        let second = try repository.createCommit(tree: empty, parents: [first], author: author, committer: author,
                                                 message: "Vider\n")
        // No ref moved.
        #expect(try repository.head() == nil)
        try repository.updateReference("refs/heads/main", to: second, expected: nil, message: "test")

        let info = try repository.commit(first)
        #expect(info.tree == root)
        #expect(info.author == author)
        #expect(info.committer.date == Date(timeIntervalSince1970: 1_700_100_500))   // whole seconds
        #expect(info.committer.timeZoneOffsetMinutes == -300)
        #expect(info.message == "Première version\n\nAmendment: A1\n")
        #expect(try repository.commit(second).parents == [first])

        let log = try fixture.git("log", "--format=%H|%P|%an|%ae|%ad|%cd|%s", "--date=raw", in: "repo")
        #expect(log.split(separator: "\n").map(String.init) == [
            "\(second.hex)|\(first.hex)|Dominique Éditrice|dominique@example.org|1700100000 +0200|1700100000 +0200|Vider",
            "\(first.hex)||Dominique Éditrice|dominique@example.org|1700100000 +0200|1700100500 -0500|Première version",
        ])
        #expect(try fixture.git("show", "\(first.hex):clauses/préambule.md", in: "repo") == "Article premier")
        #expect(try fixture.git("log", "-1", "--format=%(trailers:key=Amendment,valueonly)", first.hex, in: "repo")
                    .trimmingCharacters(in: .whitespacesAndNewlines) == "A1")
        try fixture.expectFsckClean()
    }

    @Test("bad input is refused with typed errors")
    func refusals() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        let repository = try Repository.open(at: fixture.path("repo"))
        let ghost = try #require(OID(hex: "1234567890123456789012345678901234567890"))
        #expect(throws: GitError.self) {
            try repository.writeTree([TreeEntry(name: "ghost.md", oid: ghost, kind: .blob, fileMode: 0o100644)])
        }
        #expect(throws: GitError.self) {
            try repository.createCommit(tree: ghost, parents: [], author: .fixed(), committer: .fixed(), message: "x\n")
        }
        let blob = try repository.writeBlob(Data("x".utf8))
        #expect(throws: GitError.self) {
            try repository.writeTree([TreeEntry(name: "bad/name", oid: blob, kind: .blob, fileMode: 0o100644)])
        }
        let badSignature = Signature(name: "Evil <name>", email: "e@example.org")
        let tree = try repository.emptyTree()
        let error = #expect(throws: GitError.self) {
            try repository.createCommit(tree: tree, parents: [], author: badSignature, committer: .fixed(), message: "x\n")
        }
        #expect(error?.message.isEmpty == false)
    }
}
