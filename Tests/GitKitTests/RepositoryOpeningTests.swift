import Foundation
import GitKit
import Testing

@Suite("Creating, opening and discovering repositories")
struct RepositoryOpeningTests {
    @Test("create makes a work tree repository on the chosen branch, unborn")
    func createWorkTree() throws {
        let fixture = try GitFixture()
        let repository = try Repository.create(at: fixture.path("new/nested"), initialBranch: "trunk")
        #expect(repository.workingDirectory == fixture.path("new/nested"))
        #expect(repository.gitDirectory == fixture.path("new/nested/.git"))
        #expect(repository.isBare == false)
        #expect(try repository.headReferenceName() == "refs/heads/trunk")
        #expect(try repository.head() == nil)
        #expect(try fixture.git("symbolic-ref", "HEAD", in: "new/nested") == "refs/heads/trunk")

        let again = #expect(throws: GitError.self) { try Repository.create(at: fixture.path("new/nested")) }
        #expect(again?.code == .exists)
    }

    @Test("create bare; open a bare repository")
    func bare() throws {
        let fixture = try GitFixture()
        let created = try Repository.create(at: fixture.path("made.git"), bare: true)
        #expect(created.isBare)
        #expect(created.workingDirectory == nil)
        #expect(created.gitDirectory == fixture.path("made.git"))
        #expect(try created.headReferenceName() == "refs/heads/main")
        #expect(try fixture.git("rev-parse", "--is-bare-repository", in: "made.git") == "true")

        _ = try fixture.initRepository("cli.git", bare: true)
        let opened = try Repository.open(at: fixture.path("cli.git"))
        #expect(opened.isBare)
        #expect(opened.workingDirectory == nil)
        #expect(try opened.head() == nil)
    }

    @Test("open a work tree or its .git folder; an empty (unborn) repository")
    func openUnborn() throws {
        let fixture = try GitFixture()
        let path = try fixture.initRepository()
        for candidate in [path, path + "/.git", path + "/"] {
            let repository = try Repository.open(at: candidate)
            #expect(repository.workingDirectory == path)
            #expect(repository.gitDirectory == path + "/.git")
            #expect(repository.isBare == false)
            #expect(try repository.headReferenceName() == "refs/heads/main")
            #expect(try repository.head() == nil)
        }
    }

    @Test("open refuses a folder that is not a repository, and does not search upwards")
    func openMissing() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/sub/dir/file.txt", "x")
        let error = #expect(throws: GitError.self) { try Repository.open(at: fixture.path("repo/sub")) }
        #expect(error?.code == .notFound)
        #expect(error?.description.contains(fixture.path("repo/sub")) == true)
    }

    @Test("discover from a nested subfolder")
    func discover() throws {
        let fixture = try GitFixture()
        let path = try fixture.initRepository()
        try fixture.write("repo/clauses/deep/préambule.md", "texte\n")
        let head = try fixture.commit("first")
        let repository = try Repository.discover(from: fixture.path("repo/clauses/deep"))
        #expect(repository.workingDirectory == path)
        #expect(try repository.head() == head)

        let outside = #expect(throws: GitError.self) { try Repository.discover(from: fixture.root) }
        #expect(outside?.code == .notFound)
    }

    @Test("HEAD: detached gives no reference name but a commit")
    func detached() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/a.txt", "1\n")
        let first = try fixture.commit("one")
        try fixture.write("repo/a.txt", "2\n")
        _ = try fixture.commit("two")
        try fixture.git("checkout", "-q", "--detach", first.hex, in: "repo")
        let repository = try Repository.open(at: fixture.path("repo"))
        #expect(try repository.headReferenceName() == nil)
        #expect(try repository.head() == first)
    }

    @Test("a repository is Sendable: concurrent reads from many tasks agree")
    func concurrentUse() async throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/a.txt", "1\n")
        let head = try fixture.commit("one")
        let repository = try Repository.open(at: fixture.path("repo"))
        let results = try await withThrowingTaskGroup(of: OID.self) { group in
            for _ in 0..<32 {
                group.addTask { try repository.resolveCommit("HEAD") }
            }
            var all: [OID] = []
            for try await oid in group { all.append(oid) }
            return all
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == head })
    }
}
