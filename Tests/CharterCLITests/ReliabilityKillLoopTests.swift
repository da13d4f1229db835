import Foundation
import TestSupport
import Testing

/// SIGKILL at random moments of the commands that write (docs/reliability.md, « Crashes »):
/// after at most one further charter command, every repository is consistent and every
/// command can run again. `CHARTER_KILL_RUNS` runs each (20 by default, 100 in `make reliability`).
@Suite("reliability: kill loops", .serialized)
struct ReliabilityKillLoopTests {
    /// The state a reader sees: what `git` says, never what charter says of itself.
    struct Witness {
        let git: GitCLI
        var porcelain: String { (try? git("status", "--porcelain", "--untracked-files=all")) ?? "?" }
        func trailer(_ key: String) -> String {
            ((try? git("log", "-1", "--format=%(trailers:key=\(key),valueonly)", "main")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var intentLeft: Bool { FileManager.default.fileExists(atPath: git.directory.appendingPathComponent(".git/charter/adoption-intent.json").path) }
    }

    static func report(_ name: String, _ counts: [String: Int]) {
        print("kill loop \(name): " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    @Test("amend adopt killed at random moments: adopted with its record, index and working tree, or not at all")
    func adoption() throws {
        let repo = try Amending()
        let text = repo.edited("juste-place", "ni instrumentalisé, ni effacé", "jamais instrumentalisé ni effacé")
        let id = try repo.propose("haut-verdal", ["--workshop", "lyon", "--clause", "juste-place", "--text-file", repo.input("juste.md", text)])
        let fullID = (try repo.show(id)["amendment"] as? [String: Any])?["id"] as? String ?? "?"
        var loop = KillLoop(template: repo.workspace.url)
        let adopt = ["amend", "adopt", id, "--force", "--editor", Amending.editor]
        let (whole, duration) = try loop.timed(adopt, in: try loop.copy("measure"))
        #expect(whole.status == 0, "\(whole.stderr)")
        let startup = try loop.startup()
        var counts: [String: Int] = [:]
        for run in 0..<KillLoop.runs {
            let directory = try loop.copy("run-\(run)")
            let witness = Witness(git: GitCLI(directory, home: loop.scratch.path))
            let killed = try loop.killed(adopt, in: directory, from: startup, until: duration + duration / 5)
            counts[killed ? "killed" : "finished", default: 0] += 1
            // One charter command (any: they all open the repository the same way).
            let after = try CharterCLI(directory, home: loop.scratch.path).run(["amend", "list", "--format", "json"])
            #expect(after.status == 0, "run \(run): \(after.stderr)")
            if after.stderr.contains("completed the interrupted adoption") { counts["completed", default: 0] += 1 }
            if after.stderr.contains("undid the interrupted adoption") { counts["undone", default: 0] += 1 }
            let list = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]] ?? []
            let status = list.first { $0["shortID"] as? String == id }?["status"] as? String
            let onBranch = witness.trailer("Amendment") == fullID
            counts[onBranch ? "adopted" : "not adopted", default: 0] += 1
            #expect(onBranch == (status == "adopted"), "run \(run): text branch \(onBranch), record \(status ?? "none")")
            #expect(witness.porcelain.isEmpty, "run \(run): \(witness.porcelain)")
            #expect(!witness.intentLeft, "run \(run)")
            try witness.git.fsck()
            if !onBranch {
                // Nothing blocks a second try: no lock or intent left in the way.
                let again = try CharterCLI(directory, home: loop.scratch.path).run(adopt)
                #expect(again.status == 0, "run \(run): \(again.stderr)")
                #expect(witness.trailer("Amendment") == fullID && witness.porcelain.isEmpty, "run \(run)")
            }
            try? FileManager.default.removeItem(at: directory)
        }
        Self.report("amend adopt", counts)
    }

    @Test("release killed at random moments: the tag is there or not, and a second try works")
    func release() throws {
        let repo = try Amending()
        var loop = KillLoop(template: repo.workspace.url, seed: KillLoop.seed &+ 1)
        let release = ["release", "v1", "--force"]
        let (whole, duration) = try loop.timed(release, in: try loop.copy("measure"))
        #expect(whole.status == 0, "\(whole.stderr)")
        let startup = try loop.startup()
        var counts: [String: Int] = [:]
        for run in 0..<KillLoop.runs {
            let directory = try loop.copy("run-\(run)")
            let git = GitCLI(directory, home: loop.scratch.path)
            let killed = try loop.killed(release, in: directory, from: startup, until: duration + duration / 5)
            counts[killed ? "killed" : "finished", default: 0] += 1
            let after = try CharterCLI(directory, home: loop.scratch.path).run(["list"])
            #expect(after.status == 0, "run \(run): \(after.stderr)")
            let tagged = (try? git("rev-parse", "--verify", "-q", "refs/tags/charter/v1")) != nil
            counts[tagged ? "released" : "not released", default: 0] += 1
            if !tagged {
                let again = try CharterCLI(directory, home: loop.scratch.path).run(release)
                #expect(again.status == 0, "run \(run): \(again.stderr)")
            }
            #expect(try git("status", "--porcelain").isEmpty)
            try git.fsck()
            try? FileManager.default.removeItem(at: directory)
        }
        Self.report("release", counts)
    }

    @Test("workshop close killed at random moments: closed or open, and a second try works")
    func workshopClose() throws {
        let repo = try Amending()
        var loop = KillLoop(template: repo.workspace.url, seed: KillLoop.seed &+ 2)
        let close = ["workshop", "close", "lyon"]
        let (whole, duration) = try loop.timed(close, in: try loop.copy("measure"))
        #expect(whole.status == 0, "\(whole.stderr)")
        let startup = try loop.startup()
        var counts: [String: Int] = [:]
        for run in 0..<KillLoop.runs {
            let directory = try loop.copy("run-\(run)")
            let charter = CharterCLI(directory, home: loop.scratch.path)
            let killed = try loop.killed(close, in: directory, from: startup, until: duration + duration / 5)
            counts[killed ? "killed" : "finished", default: 0] += 1
            let after = try charter.run(["workshop", "list", "--format", "json"])
            #expect(after.status == 0, "run \(run): \(after.stderr)")
            let workshops = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]] ?? []
            let open = workshops.first?["isOpen"] as? Bool
            counts[open == false ? "closed" : "open", default: 0] += 1
            if open != false {
                let again = try charter.run(close)
                #expect(again.status == 0, "run \(run): \(again.stderr)")
            }
            let git = GitCLI(directory, home: loop.scratch.path)
            #expect(try git("status", "--porcelain").isEmpty)
            try git.fsck()
            try? FileManager.default.removeItem(at: directory)
        }
        Self.report("workshop close", counts)
    }

    @Test("comment import killed at random moments: every row or none, and a second try records the rest")
    func commentImport() throws {
        let repo = try Amending()
        let rows = Amending.territories.prefix(5).enumerated().map { index, territory in
            "\(territory),\(index + 2),soutien,Avis \(index)"
        }
        let sheet = try repo.input("atelier.csv", (["territoire,article,position,commentaire"] + rows).joined(separator: "\n") + "\n")
        var loop = KillLoop(template: repo.workspace.url, seed: KillLoop.seed &+ 3)
        let importing = ["comment", "import", sheet, "--workshop", "lyon"]
        let (whole, duration) = try loop.timed(importing, in: try loop.copy("measure"))
        #expect(whole.status == 0, "\(whole.stderr)")
        let startup = try loop.startup()
        var counts: [String: Int] = [:]
        for run in 0..<KillLoop.runs {
            let directory = try loop.copy("run-\(run)")
            let charter = CharterCLI(directory, home: loop.scratch.path)
            let killed = try loop.killed(importing, in: directory, from: startup, until: duration + duration / 5)
            counts[killed ? "killed" : "finished", default: 0] += 1
            func recorded() throws -> Int {
                let list = try charter.run(["comment", "list", "--format", "json"])
                #expect(list.status == 0, "run \(run): \(list.stderr)")
                return (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.count ?? -1
            }
            let count = try recorded()
            #expect(count == 0 || count == rows.count, "run \(run): \(count) of \(rows.count) rows recorded")
            counts[count == rows.count ? "imported" : "not imported", default: 0] += 1
            let again = try charter.run(importing)
            #expect(again.status == 0, "run \(run): \(again.stderr)")
            #expect(try recorded() == rows.count, "run \(run)")
            let git = GitCLI(directory, home: loop.scratch.path)
            #expect(try git("status", "--porcelain").isEmpty)
            try git.fsck()
            try? FileManager.default.removeItem(at: directory)
        }
        Self.report("comment import", counts)
    }
}
