import Foundation
import GitKit
import Testing

@Suite("Revision parsing")
struct RevisionTests {
    /// main: c1 - c2 - c3; feature: c2 - c4; annotated tag charter/v0.1 on c2, lightweight
    /// tag "light" on c1.
    struct History {
        let fixture: GitFixture
        let repository: Repository
        let c1, c2, c3, c4: OID

        init() throws {
            fixture = try GitFixture()
            _ = try fixture.initRepository()
            try fixture.write("repo/a.md", "1\n")
            c1 = try fixture.commit("one")
            try fixture.write("repo/a.md", "2\n")
            c2 = try fixture.commit("two")
            try fixture.git("tag", "-a", "charter/v0.1", "-m", "Version 0.1", in: "repo")
            try fixture.git("tag", "light", c1.hex, in: "repo")
            try fixture.write("repo/a.md", "3\n")
            c3 = try fixture.commit("three")
            try fixture.git("checkout", "-q", "-b", "feature", c2.hex, in: "repo")
            try fixture.write("repo/b.md", "feature\n")
            c4 = try fixture.commit("four")
            try fixture.git("checkout", "-q", "main", in: "repo")
            repository = try Repository.open(at: fixture.path("repo"))
        }
    }

    @Test("HEAD, ancestry, branches, tags, short and full ids")
    func resolves() throws {
        let h = try History()
        let r = h.repository
        #expect(try r.resolveCommit("HEAD") == h.c3)
        #expect(try r.resolveCommit("HEAD~2") == h.c1)
        #expect(try r.resolveCommit("HEAD^") == h.c2)
        #expect(try r.resolveCommit("main") == h.c3)
        #expect(try r.resolveCommit("feature") == h.c4)
        #expect(try r.resolveCommit("refs/heads/feature~1") == h.c2)
        #expect(try r.resolveCommit("charter/v0.1") == h.c2)   // annotated: peeled to the commit
        #expect(try r.resolveCommit("light") == h.c1)
        #expect(try r.resolveCommit(h.c3.short()) == h.c3)
        #expect(try r.resolveCommit(h.c3.short() + "^") == h.c2)
        #expect(try r.resolveCommit(h.c4.hex) == h.c4)
        #expect(try r.resolveCommit(h.c4.short(10) + "~1") == h.c2)
        // Same answers as git itself.
        for revision in ["HEAD~2", "charter/v0.1", "feature^", h.c3.short(5)] {
            let expected = try h.fixture.oid(h.fixture.git("rev-parse", "--verify", revision + "^{commit}", in: "repo"))
            #expect(try r.resolveCommit(revision) == expected)
        }
    }

    @Test("unknown revisions throw .notFound naming the revision")
    func notFound() throws {
        let h = try History()
        for revision in ["nope", "HEAD~10", "deadbeef", "refs/heads/missing"] {
            let error = #expect(throws: GitError.self) { try h.repository.resolveCommit(revision) }
            #expect(error?.code == .notFound, "\(revision): \(String(describing: error))")
            #expect(error?.description.contains("'\(revision)'") == true)
        }
    }

    @Test("malformed revisions and non-commits throw .invalidSpec")
    func invalid() throws {
        let h = try History()
        let blob = try h.fixture.git("rev-parse", "HEAD:a.md", in: "repo")
        for revision in ["", "main..feature", "HEAD^{tree}", blob, "HEAD@{"] {
            let error = #expect(throws: GitError.self) { try h.repository.resolveCommit(revision) }
            #expect(error?.code == .invalidSpec, "\(revision): \(String(describing: error))")
            #expect(error?.operation == "resolve revision '\(revision)'")
        }
    }

    @Test("an abbreviated id shared by two objects throws .ambiguous")
    func ambiguous() throws {
        let h = try History()
        // Find two small blobs whose ids share their first 4 hex digits (the shortest prefix
        // libgit2 accepts), then store both.
        var byPrefix: [String: Data] = [:]
        var pair: (Data, Data, String)?
        var counter = 0
        while pair == nil {
            let data = Data("blob \(counter)\n".utf8)
            counter += 1
            let prefix = String(try Repository.hashBlob(data).hex.prefix(4))
            if let other = byPrefix[prefix] { pair = (other, data, prefix) } else { byPrefix[prefix] = data }
        }
        let (first, second, prefix) = try #require(pair)
        _ = try h.repository.writeBlob(first)
        _ = try h.repository.writeBlob(second)
        let error = #expect(throws: GitError.self) { try h.repository.resolveCommit(prefix) }
        #expect(error?.code == .ambiguous, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("resolve revision '\(prefix)': ") == true)
        // git agrees that it is ambiguous.
        let cli = try h.fixture.run(["rev-parse", "--verify", "--quiet", prefix], in: "repo")
        #expect(cli.status != 0)
    }
}
