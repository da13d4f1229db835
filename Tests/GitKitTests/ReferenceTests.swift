import Foundation
import GitKit
import Testing

@Suite("References and compare-and-swap updates")
struct ReferenceTests {
    struct Setup {
        let fixture: GitFixture
        let repository: Repository
        let first, second: OID

        init() throws {
            fixture = try GitFixture()
            _ = try fixture.initRepository()
            try fixture.write("repo/a.md", "1\n")
            first = try fixture.commit("one")
            try fixture.write("repo/a.md", "2\n")
            second = try fixture.commit("two")
            repository = try Repository.open(at: fixture.path("repo"))
        }
    }

    @Test("reference reads direct and symbolic refs, nil when absent")
    func read() throws {
        let s = try Setup()
        #expect(try s.repository.reference("refs/heads/main") == s.second)
        #expect(try s.repository.reference("HEAD") == s.second)
        #expect(try s.repository.reference("refs/heads/deliberation") == nil)
        try s.fixture.git("symbolic-ref", "refs/heads/alias", "refs/heads/main", in: "repo")
        #expect(try s.repository.reference("refs/heads/alias") == s.second)
        // An invalid name is an error, not "absent".
        let error = #expect(throws: GitError.self) { try s.repository.reference("refs/heads/bad..name") }
        #expect(error?.code == .invalidSpec)
    }

    @Test("references(withPrefix:) lists nested names, packed and loose")
    func list() throws {
        let s = try Setup()
        try s.fixture.git("tag", "charter/v0.1", s.first.hex, in: "repo")
        try s.fixture.git("tag", "-a", "charter/drafts/v0.2-rc", "-m", "rc", s.second.hex, in: "repo")
        try s.fixture.git("tag", "charterless", in: "repo")
        try s.fixture.git("pack-refs", "--all", in: "repo")
        try s.fixture.git("tag", "charter/v0.3", in: "repo")    // loose, after packing
        let annotated = try s.fixture.oid(s.fixture.git("rev-parse", "charter/drafts/v0.2-rc", in: "repo"))

        let tags = try s.repository.references(withPrefix: "refs/tags/charter/")
        #expect(tags == [
            "refs/tags/charter/v0.1": s.first,
            "refs/tags/charter/drafts/v0.2-rc": annotated,
            "refs/tags/charter/v0.3": s.second,
        ])
        let partial = try s.repository.references(withPrefix: "refs/tags/charter")
        #expect(Set(partial.keys) == Set(tags.keys).union(["refs/tags/charterless"]))
        #expect(try s.repository.references(withPrefix: "refs/heads/")["refs/heads/main"] == s.second)
        #expect(try s.repository.references(withPrefix: "refs/notes/").isEmpty)
    }

    @Test("CAS: create when absent, move when expected, git sees it")
    func casSuccess() throws {
        let s = try Setup()
        try s.repository.updateReference("refs/heads/deliberation", to: s.first, expected: nil, message: "charter: start")
        #expect(try s.repository.reference("refs/heads/deliberation") == s.first)
        try s.repository.updateReference("refs/heads/deliberation", to: s.second, expected: s.first, message: "charter: record")
        #expect(try s.fixture.git("rev-parse", "deliberation", in: "repo") == s.second.hex)
        // The reflog carries the message.
        #expect(try s.fixture.git("reflog", "-1", "--format=%gs", "deliberation", in: "repo") == "charter: record")
    }

    @Test("CAS: a stale expectation throws .modified and leaves the ref alone")
    func casFailure() throws {
        let s = try Setup()
        let name = "refs/heads/deliberation"
        // Must not exist yet, but does.
        try s.repository.updateReference(name, to: s.first, expected: nil, message: "start")
        let exists = #expect(throws: GitError.self) {
            try s.repository.updateReference(name, to: s.second, expected: nil, message: "racing start")
        }
        #expect(exists?.code == .modified)
        // Someone else moved it meanwhile.
        try s.fixture.git("update-ref", name, s.second.hex, in: "repo")
        let stale = #expect(throws: GitError.self) {
            try s.repository.updateReference(name, to: s.first, expected: s.first, message: "stale")
        }
        #expect(stale?.code == .modified)
        #expect(stale?.operation.contains(name) == true)
        #expect(try s.repository.reference(name) == s.second)
        // Expected a value but it was deleted.
        try s.fixture.git("update-ref", "-d", name, in: "repo")
        let gone = #expect(throws: GitError.self) {
            try s.repository.updateReference(name, to: s.first, expected: s.second, message: "gone")
        }
        #expect(gone?.code == .modified)
        #expect(try s.repository.reference(name) == nil)
    }

    @Test("CAS against a packed ref; deleting a ref")
    func packedAndDelete() throws {
        let s = try Setup()
        try s.fixture.git("branch", "packed", s.first.hex, in: "repo")
        try s.fixture.git("pack-refs", "--all", in: "repo")
        try s.repository.updateReference("refs/heads/packed", to: s.second, expected: s.first, message: "move")
        #expect(try s.fixture.git("rev-parse", "packed", in: "repo") == s.second.hex)
        try s.repository.deleteReference("refs/heads/packed")
        #expect(try s.repository.reference("refs/heads/packed") == nil)
        #expect(try s.fixture.run(["rev-parse", "--verify", "--quiet", "refs/heads/packed"], in: "repo").status != 0)
        let missing = #expect(throws: GitError.self) { try s.repository.deleteReference("refs/heads/packed") }
        #expect(missing?.code == .notFound)
    }

    @Test("a ref to an object that does not exist is refused")
    func missingTarget() throws {
        let s = try Setup()
        let ghost = try #require(OID(hex: "1234567890123456789012345678901234567890"))
        #expect(throws: GitError.self) {
            try s.repository.updateReference("refs/heads/ghost", to: ghost, expected: nil, message: "ghost")
        }
        #expect(try s.repository.reference("refs/heads/ghost") == nil)
    }
}
