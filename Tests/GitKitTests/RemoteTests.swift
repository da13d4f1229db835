import Foundation
import GitKit
import Testing
import TestSupport

@Suite("Remotes: fetch, push, merge base, credentials")
struct RemoteTests {
    /// A bare remote holding two commits of `main`, a work tree `repo` cloned from it by git,
    /// and an empty repository `other` with `origin` pointing at the remote.
    struct Setup {
        let fixture: GitFixture
        let first, second: OID

        init() throws {
            fixture = try GitFixture()
            _ = try fixture.initRepository("remote.git", bare: true)
            _ = try fixture.initRepository()
            try fixture.write("repo/a.md", "1\n")
            first = try fixture.commit("one")
            try fixture.write("repo/a.md", "2\n")
            second = try fixture.commit("two")
            try fixture.git("remote", "add", "origin", fixture.path("remote.git"), in: "repo")
            try fixture.git("push", "-q", "origin", "main", in: "repo")
            _ = try fixture.initRepository("other")
            try fixture.git("remote", "add", "origin", "file://" + fixture.path("remote.git"), in: "other")
        }

        func open(_ relative: String) throws -> Repository { try Repository.open(at: fixture.path(relative)) }
        func remoteRef(_ name: String) throws -> String {
            try fixture.git("rev-parse", "--verify", "-q", name, in: "remote.git")
        }
    }

    @Test("remotes are listed and read, nil when absent; local URLs are told apart")
    func remotes() throws {
        let s = try Setup()
        let repository = try s.open("other")
        #expect(try repository.remoteNames() == ["origin"])
        #expect(try repository.remote(named: "origin")?.url == "file://" + s.fixture.path("remote.git"))
        #expect(try repository.remote(named: "upstream") == nil)
        try repository.addRemote("upstream", url: "ssh://git@example.org/charte.git")
        #expect(try repository.remoteNames() == ["origin", "upstream"])
        #expect(RemoteInfo.isLocal("/srv/charte.git") && RemoteInfo.isLocal("file:///srv/charte.git") && RemoteInfo.isLocal("../charte"))
        #expect(!RemoteInfo.isLocal("git@example.org:charte.git") && !RemoteInfo.isLocal("https://example.org/charte.git"))
    }

    @Test("fetch brings the objects and moves only the refspecs' destinations; it reports what was advertised")
    func fetch() throws {
        let s = try Setup()
        let repository = try s.open("other")
        let fetched = try repository.fetch(remote: "origin", refspecs: ["+refs/heads/main:refs/remotes/origin/main",
                                                                       "+refs/heads/deliberation:refs/remotes/origin/deliberation"])
        #expect(fetched.advertised("refs/heads/main") == s.second)
        #expect(fetched.updated == [ReferenceUpdate(name: "refs/remotes/origin/main", old: nil, new: s.second)])
        #expect(!FileManager.default.fileExists(atPath: s.fixture.path("other/.git/FETCH_HEAD")))
        #expect(try repository.reference("refs/remotes/origin/main") == s.second)
        #expect(try repository.reference("refs/remotes/origin/deliberation") == nil)  // absent there: nothing, no error
        #expect(try repository.commit(s.first).summary == "one")
        #expect(try repository.remoteReferences(remote: "origin").map(\.name).contains("refs/heads/main"))
        try s.fixture.expectFsckClean("other")
    }

    @Test("push fast-forwards a local remote, creates new refs and tags, and refuses a non-fast-forward")
    func push() throws {
        let s = try Setup()
        let repository = try s.open("repo")
        try s.fixture.write("repo/a.md", "3\n")
        let third = try s.fixture.commit("three")
        try s.fixture.git("branch", "deliberation", s.first.hex, in: "repo")
        try s.fixture.git("tag", "-a", "charter/v1", "-m", "v1", third.hex, in: "repo")
        try repository.push(remote: "origin", [PushUpdate(source: "refs/heads/main"), PushUpdate(source: "refs/heads/deliberation"),
                                               PushUpdate(source: "refs/tags/charter/v1")])
        #expect(try s.remoteRef("refs/heads/main") == third.hex)
        #expect(try s.remoteRef("refs/heads/deliberation") == s.first.hex)
        #expect(try s.remoteRef("refs/tags/charter/v1^{commit}") == third.hex)
        try s.fixture.expectFsckClean("remote.git")

        // The remote moves to a commit this repository lacks: a plain push is refused, nothing moves.
        try s.fixture.git("clone", "-q", s.fixture.path("remote.git"), "elsewhere")
        try s.fixture.write("elsewhere/b.md", "x\n")
        let theirs = try s.fixture.commit("theirs", in: "elsewhere")
        try s.fixture.git("push", "-q", "origin", "main", in: "elsewhere")
        try s.fixture.write("repo/a.md", "4\n")
        try s.fixture.commit("four")
        let error = #expect(throws: GitError.self) { try repository.push(remote: "origin", [PushUpdate(source: "refs/heads/main")]) }
        #expect(error?.code == .nonFastForward)
        #expect(error?.message.contains("refs/heads/main") == true)
        #expect(try s.remoteRef("refs/heads/main") == theirs.hex)
        // Forced, it goes.
        try repository.push(remote: "origin", [PushUpdate(source: "refs/heads/main", force: true)])
        #expect(try s.remoteRef("refs/heads/main") == (try repository.reference("refs/heads/main"))?.hex)
    }

    @Test("merge base, ancestry and ahead/behind counts")
    func graph() throws {
        let s = try Setup()
        try s.fixture.git("switch", "-q", "-c", "side", s.first.hex, in: "repo")
        try s.fixture.write("repo/b.md", "b\n")
        let side = try s.fixture.commit("side")
        let repository = try s.open("repo")
        #expect(try repository.mergeBase(side, s.second) == s.first)
        #expect(try repository.isAncestor(s.first, of: s.second))
        #expect(try !repository.isAncestor(side, of: s.second))
        #expect(try repository.aheadBehind(side, s.second) == (1, 1))
        #expect(try repository.contains(side))
        #expect(try !repository.contains(OID(hex: String(repeating: "1", count: 40))!))
        try s.fixture.git("switch", "-q", "--orphan", "alone", in: "repo")
        try s.fixture.write("repo/c.md", "c\n")
        let alone = try s.fixture.commit("alone")
        #expect(try repository.mergeBase(alone, s.second) == nil)
    }

    @Test("libgit2's version and features are reported")
    func features() {
        #expect(Repository.libgit2Version.split(separator: ".").count == 3)
        #expect(Repository.libgit2Features.contains(.threads))
        #expect(Repository.libgit2Features.names.contains("threads"))
    }

    @Test("an unreachable remote fails with libgit2's reason and changes nothing")
    func unreachable() throws {
        let s = try Setup()
        let port = try UnauthorizedServer.closedPort()
        try s.fixture.git("remote", "add", "away", "http://127.0.0.1:\(port)/charte.git", in: "other")
        let repository = try s.open("other")
        let error = #expect(throws: GitError.self) {
            try repository.fetch(remote: "away", refspecs: ["+refs/heads/main:refs/remotes/away/main"])
        }
        #expect(error?.code != .auth)
        #expect(error?.operation.contains("away") == true)
        #expect(try repository.references(withPrefix: "refs/").isEmpty)
    }

    @Test("a refused credential is offered once per source, then the error names the remote and what was tried")
    func authentication() throws {
        let s = try Setup()
        let server = try UnauthorizedServer()
        try s.fixture.git("remote", "add", "guarded", server.url(), in: "other")
        let repository = try s.open("other")
        var environment = s.fixture.environment
        environment["GIT_USERNAME"] = "facilitatrice"
        environment["GIT_PASSWORD"] = "wrong"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        let options = TransferOptions(environment: environment)
        let error = #expect(throws: GitError.self) {
            try repository.fetch(remote: "guarded", refspecs: ["+refs/heads/main:refs/remotes/guarded/main"], options: options)
        }
        #expect(error?.code == .auth)
        #expect(error?.message.contains("'guarded'") == true)
        #expect(error?.message.contains("GIT_USERNAME/GIT_PASSWORD (refused)") == true)
        #expect(error?.message.contains("git credential helper") == true)
        #expect(try repository.references(withPrefix: "refs/").isEmpty)
    }
}

extension RemoteTests {
    @Test("a non-forced tag refspec never overwrites a local tag that differs")
    func tagsKept() throws {
        let s = try Setup()
        try s.fixture.git("tag", "charter/v1", s.second.hex, in: "repo")
        try s.fixture.git("tag", "charter/v0", s.first.hex, in: "repo")
        try s.fixture.git("push", "-q", "origin", "charter/v1", "charter/v0", in: "repo")
        let repository = try s.open("other")
        try repository.fetch(remote: "origin", refspecs: ["+refs/heads/main:refs/remotes/origin/main"])
        try repository.updateReference("refs/tags/charter/v1", to: s.first, expected: nil, message: "local")
        let fetched = try repository.fetch(remote: "origin", refspecs: ["refs/tags/charter/*:refs/tags/charter/*"])
        #expect(fetched.kept.map(\.name) == ["refs/tags/charter/v1"])
        #expect(try repository.reference("refs/tags/charter/v1") == s.first)
        #expect(try repository.reference("refs/tags/charter/v0") == s.first)
    }
}

extension RemoteTests {
    @Test("a relative path is taken from the work tree's root, as git does, whatever the current folder")
    func relativeURL() throws {
        let s = try Setup()
        try s.fixture.git("remote", "add", "near", "../remote.git", in: "repo")
        let repository = try s.open("repo")
        let fetched = try repository.fetch(remote: "near", refspecs: ["+refs/heads/main:refs/remotes/near/main"])
        #expect(fetched.advertised("refs/heads/main") == s.second)
        try s.fixture.git("branch", "relative", s.first.hex, in: "repo")
        try repository.push(remote: "near", [PushUpdate(source: "refs/heads/relative")])
        #expect(try s.remoteRef("refs/heads/relative") == s.first.hex)
    }
}
