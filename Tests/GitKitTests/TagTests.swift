import Foundation
import GitKit
import Testing

@Suite("Tags")
struct TagTests {
    @Test("createTag writes an annotated tag git reads; an existing name throws .exists unless forced")
    func create() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/a.md", "1\n")
        let first = try fixture.commit("one")
        try fixture.write("repo/a.md", "2\n")
        let second = try fixture.commit("two")
        let repository = try Repository.open(at: fixture.path("repo"))
        let tagger = Signature.fixed(1_700_200_000, offset: 60)

        let tag = try repository.createTag("charter/v0.1", target: first, tagger: tagger, message: "Version 0.1 — « alliance »\n")
        #expect(try repository.reference("refs/tags/charter/v0.1") == tag)
        #expect(try repository.resolveCommit("charter/v0.1") == first)
        #expect(try fixture.git("cat-file", "-t", tag.hex, in: "repo") == "tag")
        #expect(try fixture.git("rev-parse", "charter/v0.1^{commit}", in: "repo") == first.hex)
        #expect(try fixture.git("for-each-ref", "--format=%(taggername)|%(taggeremail)|%(taggerdate:raw)|%(contents:subject)",
                                "refs/tags/charter/v0.1", in: "repo")
                == "Dominique Éditrice|<dominique@example.org>|1700200000 +0100|Version 0.1 — « alliance »")
        #expect(try fixture.git("describe", second.hex, in: "repo") == "charter/v0.1-1-g\(second.short())")

        let again = #expect(throws: GitError.self) {
            try repository.createTag("charter/v0.1", target: second, tagger: tagger, message: "again\n")
        }
        #expect(again?.code == .exists)
        #expect(try repository.resolveCommit("charter/v0.1") == first)
        let forced = try repository.createTag("charter/v0.1", target: second, tagger: tagger, message: "moved\n", force: true)
        #expect(forced != tag)
        #expect(try repository.resolveCommit("charter/v0.1") == second)

        let invalid = #expect(throws: GitError.self) {
            try repository.createTag("bad..name", target: second, tagger: tagger, message: "x\n")
        }
        #expect(invalid?.code == .invalidSpec)
        try fixture.expectFsckClean()
    }

    @Test("tags() lists annotated, lightweight and nested tags with their peeled commits")
    func list() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/a.md", "1\n")
        let first = try fixture.commit("one")
        try fixture.write("repo/a.md", "2\n")
        let second = try fixture.commit("two")
        fixture.tick()
        try fixture.git("tag", "-a", "charter/v0.1", "-m", "Première version\n\nDétails.", first.hex, in: "repo")
        try fixture.git("tag", "light", second.hex, in: "repo")
        try fixture.git("tag", "-a", "outer", "-m", "tag of a tag", "charter/v0.1", in: "repo")
        let repository = try Repository.open(at: fixture.path("repo"))
        let made = try repository.createTag("charter/v0.2", target: second, tagger: .fixed(), message: "Deuxième\n")

        let tags = try repository.tags()
        #expect(tags.map(\.name) == ["charter/v0.1", "charter/v0.2", "light", "outer"])
        let byName = Dictionary(uniqueKeysWithValues: tags.map { ($0.name, $0) })

        let v01 = try #require(byName["charter/v0.1"])
        #expect(v01.oid == (try fixture.oid(fixture.git("rev-parse", "refs/tags/charter/v0.1", in: "repo"))))
        #expect(v01.target == first)
        #expect(v01.message == "Première version\n\nDétails.\n")
        #expect(v01.tagger?.name == GitFixture.committerName)
        #expect(v01.tagger?.date == Date(timeIntervalSince1970: TimeInterval(fixture.clock)))
        #expect(v01.tagger?.timeZoneOffsetMinutes == 60)

        #expect(byName["charter/v0.2"] == TagInfo(name: "charter/v0.2", oid: made, target: second,
                                                   message: "Deuxième\n", tagger: .fixed()))
        #expect(byName["light"] == TagInfo(name: "light", oid: second, target: second, message: nil, tagger: nil))
        let outer = try #require(byName["outer"])
        #expect(outer.target == first)
        #expect(outer.oid != v01.oid)
        #expect(outer.message == "tag of a tag\n")
    }

    @Test("no tags in a fresh repository")
    func none() throws {
        let fixture = try GitFixture()
        let repository = try Repository.create(at: fixture.path("repo"))
        #expect(try repository.tags().isEmpty)
    }
}
