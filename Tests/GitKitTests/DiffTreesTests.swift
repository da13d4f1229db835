import Foundation
import GitKit
import Testing

@Suite("diffTrees against git diff-tree")
struct DiffTreesTests {
    static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// `git diff-tree -r --no-renames -z` of two trees as TreeChanges (a type change counts as
    /// a modification, as GitKit reports it).
    static func gitDiff(_ fixture: GitFixture, _ old: OID?, _ new: OID?) throws -> [TreeChange] {
        let output = try fixture.git("diff-tree", "-r", "--no-renames", "-z", old?.hex ?? emptyTree, new?.hex ?? emptyTree, in: "repo")
        return try parseRaw(output.split(separator: "\0", omittingEmptySubsequences: false).map(String.init))
    }

    /// Parses `--raw` records given as alternating header / path fields.
    static func parseRaw(_ fields: [String]) throws -> [TreeChange] {
        var changes: [TreeChange] = []
        var index = 0
        while index + 1 < fields.count {
            let header = fields[index].split(separator: " ")
            guard header.count == 5, header[0].hasPrefix(":") else { index += 1; continue }
            let old = OID(hex: String(header[2])).flatMap { $0.hex == String(repeating: "0", count: 40) ? nil : $0 }
            let new = OID(hex: String(header[3])).flatMap { $0.hex == String(repeating: "0", count: 40) ? nil : $0 }
            let kind: TreeChange.Kind
            switch header[4] {
            case "A": kind = .added
            case "D": kind = .deleted
            case "M", "T": kind = .modified
            default: throw FixtureError.gitFailed("unexpected status \(header[4])")
            }
            changes.append(TreeChange(path: fields[index + 1], kind: kind, oldOID: old, newOID: new))
            index += 2
        }
        return changes
    }

    @Test("every step of a hand-made history: nested, renamed, non-ASCII, mode and type changes")
    func handMadeHistory() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        var commits: [OID] = []
        try fixture.write("repo/charter.yml", "title: Charte\n")
        try fixture.write("repo/clauses/préambule.md", "Préambule\n")
        try fixture.write("repo/clauses/titre-1/article-1.md", "Article 1\n")
        try fixture.write("repo/clauses/titre-1/article-2.md", "Article 2\n")
        try fixture.write("repo/a.txt", "a\n")
        try fixture.write("repo/a/b", "ab\n")
        try fixture.write("repo/a-b", "a-b\n")
        try fixture.write("repo/a0", "a0\n")
        try fixture.write("repo/unchanged/deep/file.md", "same\n")
        commits.append(try fixture.commit("initial"))

        try fixture.write("repo/clauses/préambule.md", "Préambule révisé\n")       // modify
        try fixture.write("repo/clauses/titre-2/article-3.md", "Article 3\n")      // add in a new folder
        try FileManager.default.removeItem(atPath: fixture.path("repo/a0"))       // delete
        commits.append(try fixture.commit("edit"))

        try fixture.git("mv", "clauses/titre-1/article-2.md", "clauses/titre-2/article-2.md", in: "repo")   // rename
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.path("repo/a.txt"))
        commits.append(try fixture.commit("move and chmod"))

        try FileManager.default.removeItem(atPath: fixture.path("repo/a"))        // folder a/ -> file a
        try fixture.write("repo/a", "now a file\n")
        try FileManager.default.removeItem(atPath: fixture.path("repo/a-b"))      // file a-b -> folder a-b/
        try fixture.write("repo/a-b/c.md", "c\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.path("repo/link"), withDestinationPath: "a.txt")
        commits.append(try fixture.commit("type changes"))

        try FileManager.default.removeItem(atPath: fixture.path("repo/clauses"))  // drop a whole tree
        commits.append(try fixture.commit("drop clauses"))

        let repository = try Repository.open(at: fixture.path("repo"))
        let trees = try commits.map { try repository.commit($0).tree }
        var previous: OID?
        for tree in trees {
            let ours = try repository.diffTrees(previous, tree)
            #expect(!ours.isEmpty)
            #expect(ours == (try Self.gitDiff(fixture, previous, tree)))
            // And the other way round.
            #expect(try repository.diffTrees(tree, previous) == (try Self.gitDiff(fixture, tree, previous)))
            previous = tree
        }
        // Spot checks of the shape.
        let edit = try repository.diffTrees(trees[0], trees[1])
        #expect(edit.map(\.path) == ["a0", "clauses/préambule.md", "clauses/titre-2/article-3.md"])
        #expect(edit.map(\.kind) == [.deleted, .modified, .added])
        #expect(edit[0].newOID == nil && edit[0].oldOID != nil)
        #expect(edit[2].oldOID == nil && edit[2].newOID != nil)
        let chmod = try repository.diffTrees(trees[1], trees[2]).first { $0.path == "a.txt" }
        #expect(chmod?.kind == .modified && chmod?.oldOID == chmod?.newOID)
        #expect(try repository.diffTrees(trees[3], trees[3]).isEmpty)
        #expect(try repository.diffTrees(nil, nil).isEmpty)
        #expect(try repository.diffTrees(nil, trees[0]).map(\.path)
                == (try fixture.git("ls-tree", "-r", "--name-only", "-z", trees[0].hex, in: "repo")
                        .split(separator: "\0").map(String.init)))
    }

    @Test("subtrees whose id did not change are never read")
    func skipsEqualSubtrees() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.write("repo/shared/inner/file.md", "same\n")
        try fixture.write("repo/top.md", "1\n")
        let first = try fixture.commit("one")
        try fixture.write("repo/top.md", "2\n")
        let second = try fixture.commit("two")
        let shared = try fixture.git("rev-parse", "HEAD:shared", in: "repo")
        let (oldTree, newTree) = (try fixture.oid(fixture.git("rev-parse", "\(first.hex)^{tree}", in: "repo")),
                                  try fixture.oid(fixture.git("rev-parse", "\(second.hex)^{tree}", in: "repo")))
        // Remove the shared subtree's object: reading it would fail.
        let objectPath = fixture.path("repo/.git/objects/\(shared.prefix(2))/\(shared.dropFirst(2))")
        try FileManager.default.removeItem(atPath: objectPath)
        let repository = try Repository.open(at: fixture.path("repo"))
        #expect(throws: GitError.self) { try repository.treeEntries(try fixture.oid(shared)) }
        let changes = try repository.diffTrees(oldTree, newTree)
        #expect(changes.map(\.path) == ["top.md"])
    }

    @Test("a generated history of 300 commits with merges matches git log --raw, commit by commit")
    func generatedHistory() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.git("fast-import", "--quiet", in: "repo", input: Self.fastImportStream(commits: 300))
        let log = try fixture.git("-c", "core.quotePath=false", "log", "--format=commit %H", "--raw", "-r", "--no-renames",
                                  "--no-abbrev", "--root", "--first-parent", "--diff-merges=first-parent", "main", in: "repo")
        // commit id -> git's changes.
        var expected: [(OID, [TreeChange])] = []
        for line in log.split(separator: "\n") {
            if line.hasPrefix("commit ") {
                expected.append((try fixture.oid(String(line.dropFirst(7))), []))
            } else if line.hasPrefix(":") {
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                let parsed = try Self.parseRaw([parts[0], parts[1]])
                expected[expected.count - 1].1.append(contentsOf: parsed)
            }
        }
        #expect(expected.count == 300)

        let repository = try Repository.open(at: fixture.path("repo"))
        let head = try repository.resolveCommit("main")
        let walked = try repository.walk(from: [head], firstParent: true)
        #expect(walked == expected.map(\.0))
        let started = ContinuousClock.now
        var total = 0
        for ((oid, changes), info) in zip(expected, try repository.commits(walked)) {
            let parentTree = try info.parents.first.map { try repository.commit($0).tree }
            let ours = try repository.diffTrees(parentTree, info.tree)
            total += ours.count
            #expect(ours == changes, "commit \(oid.hex)")
        }
        let elapsed = ContinuousClock.now - started
        #expect(total > 300)
        #expect(elapsed < .seconds(2), "300 tree diffs took \(elapsed)")
    }

    /// A deterministic fast-import stream: a main line of `commits` commits touching nested,
    /// non-ASCII and look-alike paths, with a side branch merged in every 40 commits.
    static func fastImportStream(commits: Int) -> String {
        var random = SplitMix(seed: 42)
        let paths = ["charter.yml", "a.txt", "a/b.md", "a-b", "a0", "t", "clauses/préambule.md",
                     "clauses/titre-1/article-1.md", "clauses/titre-1/article-2.md", "clauses/titre-2/article-3.md",
                     "clauses/titre-2/sub/article-4.md", "clauses/titre-2/sub/article-5.md",
                     "deliberation/01/x.json", "deliberation/02/y.json", "zz/ω.md"]
        var stream = ""
        var mark = 0
        var time = 1_700_000_000
        var mainMark = 0
        var sideMark = 0
        func data(_ text: String) -> String { "data \(text.utf8.count)\n\(text)\n" }
        func commit(branch: String, from: Int, merge: Int?, operations: String) -> Int {
            mark += 1
            time += 60
            var text = "commit refs/heads/\(branch)\nmark :\(mark)\n"
            text += "author A <a@example.org> \(time) +0000\ncommitter A <a@example.org> \(time) +0000\n"
            text += data("commit \(mark)")
            if from > 0 { text += "from :\(from)\n" }
            if let merge { text += "merge :\(merge)\n" }
            stream += text + operations + "\n"
            return mark
        }
        func randomOperations(count: Int) -> String {
            var text = ""
            for _ in 0..<count {
                let path = paths[Int(random.next() % UInt64(paths.count))]
                switch random.next() % 10 {
                case 0, 1: text += "D \(path)\n"
                case 2: text += "M 100755 inline \(path)\n" + data("exec \(random.next() % 3)")
                default: text += "M 100644 inline \(path)\n" + data("v\(random.next() % 5)")
                }
            }
            // A file turned into a folder and back now and then.
            if random.next() % 15 == 0 { text += "M 100644 inline t/inner.md\n" + data("inner") }
            if random.next() % 15 == 0 { text += "D t\nM 100644 inline t\n" + data("t file") }
            return text
        }
        for index in 0..<commits {
            if index > 0 && index % 40 == 0 && sideMark > 0 {
                mainMark = commit(branch: "main", from: mainMark, merge: sideMark, operations: randomOperations(count: 1))
                continue
            }
            if index % 40 == 5 {
                sideMark = commit(branch: "side", from: mainMark, merge: nil, operations: randomOperations(count: 3))
                sideMark = commit(branch: "side", from: sideMark, merge: nil, operations: randomOperations(count: 3))
            }
            let initial = index == 0 ? paths.map { "M 100644 inline \($0)\n" + data("init \($0)") }.joined() : ""
            mainMark = commit(branch: "main", from: mainMark, merge: nil,
                              operations: initial + randomOperations(count: 1 + Int(random.next() % 4)))
        }
        return stream
    }
}

/// A small deterministic pseudo-random generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
