import Foundation
import GitKit
import Testing

@Suite("Checkout after committing, and status")
struct WorkTreeTests {
    func read(_ fixture: GitFixture, _ path: String) throws -> String {
        try String(contentsOfFile: fixture.path(path), encoding: .utf8)
    }

    @Test("committing into the checked-out branch then checking out the touched paths leaves git status clean")
    func commitThenCheckout() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/charter.yml", "title: Charte\n")
        try fixture.write("repo/clauses/préambule.md", "Préambule\n")
        try fixture.write("repo/clauses/old.md", "Ancien\n")
        try fixture.write("repo/other.md", "Autre\n")
        let head = try fixture.commit("base")
        let repository = try Repository.open(at: fixture.path("repo"))
        let base = try repository.commit(head).tree

        let revised = try repository.writeBlob(Data("Préambule révisé\n".utf8))
        let added = try repository.writeBlob(Data("Nouveau\n".utf8))
        let tree = try repository.updateTree(base, [
            .upsert(path: "clauses/préambule.md", blob: revised),
            .upsert(path: "clauses/titre/nouveau.md", blob: added),
            .remove(path: "clauses/old.md"),
        ])
        let commit = try repository.createCommit(tree: tree, parents: [head], author: .fixed(), committer: .fixed(),
                                                 message: "Réviser le préambule\n")
        try repository.updateReference("refs/heads/main", to: commit, expected: head, message: "charter: revise")
        // Before the checkout, git sees the work tree lagging behind.
        #expect(!(try fixture.git("status", "--porcelain", in: "repo")).isEmpty)

        try repository.checkout(tree: tree, baseline: base,
                                paths: ["clauses/préambule.md", "clauses/titre/nouveau.md", "clauses/old.md"])
        #expect(try fixture.git("status", "--porcelain", in: "repo") == "")
        #expect(try repository.status(paths: []).isEmpty)
        #expect(try read(fixture, "repo/clauses/préambule.md") == "Préambule révisé\n")
        #expect(try read(fixture, "repo/clauses/titre/nouveau.md") == "Nouveau\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("repo/clauses/old.md")))
        #expect(try fixture.git("log", "-1", "--format=%s", in: "repo") == "Réviser le préambule")
        try fixture.expectFsckClean()
    }

    @Test("a touched file with local edits makes checkout refuse with .conflict, changing nothing")
    func refusesLocalEdits() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/clauses/a.md", "A\n")
        try fixture.write("repo/clauses/b.md", "B\n")
        let head = try fixture.commit("base")
        let repository = try Repository.open(at: fixture.path("repo"))
        let base = try repository.commit(head).tree

        try fixture.write("repo/clauses/a.md", "A edited by hand\n")
        let tree = try repository.updateTree(base, [
            .upsert(path: "clauses/a.md", blob: try repository.writeBlob(Data("A from charter\n".utf8))),
            .upsert(path: "clauses/b.md", blob: try repository.writeBlob(Data("B from charter\n".utf8))),
        ])
        let error = #expect(throws: GitError.self) {
            try repository.checkout(tree: tree, baseline: base, paths: ["clauses/a.md", "clauses/b.md"])
        }
        #expect(error?.code == .conflict)
        #expect(try read(fixture, "repo/clauses/a.md") == "A edited by hand\n")
        #expect(try read(fixture, "repo/clauses/b.md") == "B\n")
        #expect(try repository.status(paths: ["clauses"]) == ["clauses/a.md"])

        // Checking out only the untouched path works.
        try repository.checkout(tree: tree, baseline: base, paths: ["clauses/b.md"])
        #expect(try read(fixture, "repo/clauses/b.md") == "B from charter\n")
    }

    @Test("a folder among the paths covers the files below it, and only those")
    func folderPath() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/clauses/a.md", "A\n")
        try fixture.write("repo/clauses-notes.md", "N\n")
        let head = try fixture.commit("base")
        let repository = try Repository.open(at: fixture.path("repo"))
        let base = try repository.commit(head).tree
        let tree = try repository.updateTree(base, [
            .upsert(path: "clauses/a.md", blob: try repository.writeBlob(Data("A2\n".utf8))),
            .upsert(path: "clauses/sub/b.md", blob: try repository.writeBlob(Data("B\n".utf8))),
            .upsert(path: "clauses-notes.md", blob: try repository.writeBlob(Data("N2\n".utf8))),
        ])
        try repository.checkout(tree: tree, baseline: base, paths: ["clauses"])
        #expect(try read(fixture, "repo/clauses/a.md") == "A2\n")
        #expect(try read(fixture, "repo/clauses/sub/b.md") == "B\n")
        #expect(try read(fixture, "repo/clauses-notes.md") == "N\n")
    }

    @Test("the first commit of an unborn repository, checked out in full")
    func firstCommit() throws {
        let fixture = try GitFixture()
        let repository = try Repository.create(at: fixture.path("repo"))
        let tree = try repository.updateTree(nil, [
            .upsert(path: "charter.yml", blob: try repository.writeBlob(Data("title: Charte\n".utf8))),
            .upsert(path: "clauses/préambule.md", blob: try repository.writeBlob(Data("Préambule\n".utf8))),
        ])
        let commit = try repository.createCommit(tree: tree, parents: [], author: .fixed(), committer: .fixed(),
                                                 message: "Initialiser la charte\n")
        try repository.updateReference("refs/heads/main", to: commit, expected: nil, message: "charter: init")
        #expect(try repository.head() == commit)
        try repository.checkout(tree: tree, baseline: nil, paths: [])
        #expect(try fixture.git("status", "--porcelain", in: "repo") == "")
        #expect(try read(fixture, "repo/clauses/préambule.md") == "Préambule\n")
        #expect(try fixture.git("log", "--format=%s", in: "repo") == "Initialiser la charte")
        try fixture.expectFsckClean()
    }

    @Test("status lists staged, modified and untracked paths, limited by pathspecs")
    func status() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/clauses/a.md", "A\n")
        try fixture.write("repo/clauses/b.md", "B\n")
        try fixture.write("repo/notes.md", "N\n")
        try fixture.write("repo/.gitignore", "*.tmp\n")
        _ = try fixture.commit("base")
        let repository = try Repository.open(at: fixture.path("repo"))
        #expect(try repository.status(paths: []).isEmpty)

        try fixture.write("repo/clauses/a.md", "A modified\n")                 // work tree change
        try fixture.write("repo/clauses/b.md", "B staged\n")
        try fixture.git("add", "clauses/b.md", in: "repo")                      // staged change
        try fixture.write("repo/clauses/nouveau/préambule.md", "P\n")           // untracked, in a new folder
        try fixture.write("repo/scratch.tmp", "ignored\n")                      // ignored
        try FileManager.default.removeItem(atPath: fixture.path("repo/notes.md"))   // deleted

        #expect(try repository.status(paths: []) == ["clauses/a.md", "clauses/b.md", "clauses/nouveau/préambule.md", "notes.md"])
        #expect(try repository.status(paths: ["clauses"]) == ["clauses/a.md", "clauses/b.md", "clauses/nouveau/préambule.md"])
        #expect(try repository.status(paths: ["clauses/a.md", "notes.md"]) == ["clauses/a.md", "notes.md"])
        #expect(try repository.status(paths: ["charter.yml"]).isEmpty)
    }

    @Test("a bare repository has no work tree to check out or inspect")
    func bare() throws {
        let fixture = try GitFixture()
        let repository = try Repository.create(at: fixture.path("bare.git"), bare: true)
        let tree = try repository.emptyTree()
        #expect(throws: GitError.self) { try repository.checkout(tree: tree, baseline: nil, paths: []) }
        #expect(throws: GitError.self) { try repository.status(paths: []) }
    }
}
