import Foundation
import GitKit
import Testing

@Suite("History walks")
struct WalkTests {
    /// c1 - c2 - c3 ------ m - c4   (main)
    ///         \          /
    ///          f1 - f2 -'          (feature)
    struct Setup {
        let fixture: GitFixture
        let repository: Repository
        let c1, c2, f1, f2, c3, m, c4: OID

        init() throws {
            fixture = try GitFixture()
            _ = try fixture.initRepository()
            try fixture.write("repo/main.md", "1\n")
            c1 = try fixture.commit("c1")
            try fixture.write("repo/main.md", "2\n")
            c2 = try fixture.commit("c2")
            try fixture.git("checkout", "-q", "-b", "feature", in: "repo")
            try fixture.write("repo/feature.md", "1\n")
            f1 = try fixture.commit("f1")
            try fixture.write("repo/feature.md", "2\n")
            f2 = try fixture.commit("f2")
            try fixture.git("checkout", "-q", "main", in: "repo")
            try fixture.write("repo/main.md", "3\n")
            c3 = try fixture.commit("c3")
            fixture.tick()
            try fixture.git("merge", "-q", "--no-ff", "-m", "merge feature", "feature", in: "repo")
            m = try fixture.oid(fixture.git("rev-parse", "HEAD", in: "repo"))
            try fixture.write("repo/main.md", "4\n")
            c4 = try fixture.commit("c4")
            repository = try Repository.open(at: fixture.path("repo"))
        }

        func revList(_ arguments: String...) throws -> [OID] {
            try fixture.git(["rev-list"] + arguments, in: "repo").split(separator: "\n").map { try fixture.oid(String($0)) }
        }
    }

    @Test("all ancestors, newest first, as git rev-list --date-order")
    func full() throws {
        let s = try Setup()
        let walked = try s.repository.walk(from: [s.c4])
        #expect(walked == [s.c4, s.m, s.c3, s.f2, s.f1, s.c2, s.c1])
        #expect(walked == (try s.revList("--date-order", "HEAD")))
        #expect(try s.repository.walk(from: [s.c4], reverse: true) == walked.reversed())
    }

    @Test("first parent follows the branch itself over the merge")
    func firstParent() throws {
        let s = try Setup()
        let walked = try s.repository.walk(from: [s.c4], firstParent: true)
        #expect(walked == [s.c4, s.m, s.c3, s.c2, s.c1])
        #expect(walked == (try s.revList("--first-parent", "HEAD")))
        #expect(try s.repository.walk(from: [s.c4], firstParent: true, reverse: true) == [s.c1, s.c2, s.c3, s.m, s.c4])
    }

    @Test("hiding ancestors, several tips, no tips")
    func hidingAndTips() throws {
        let s = try Setup()
        #expect(try s.repository.walk(from: [s.m], hiding: [s.c3]) == [s.m, s.f2, s.f1])
        #expect(try s.repository.walk(from: [s.m], hiding: [s.c3]) == (try s.revList("--date-order", s.m.hex, "^" + s.c3.hex)))
        #expect(try s.repository.walk(from: [s.c4], hiding: [s.c4]).isEmpty)
        #expect(Set(try s.repository.walk(from: [s.c3, s.f2])) == [s.c3, s.f2, s.f1, s.c2, s.c1])
        #expect(try s.repository.walk(from: []).isEmpty)
        let ghost = try #require(OID(hex: "1234567890123456789012345678901234567890"))
        #expect(throws: GitError.self) { try s.repository.walk(from: [ghost]) }
    }
}
