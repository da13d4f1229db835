import Foundation
import TestSupport
import Testing
@testable import CharterKit

/// A bare remote and clones of it, one per territory's laptop. The editors' clone put the
/// charter and an open workshop there with `charter sync`.
struct SyncNetwork {
    struct Clone {
        let name: String
        let url: URL
        let git: GitCLI
        let charter: CharterCLI
    }

    static let territories = ["vallee-de-la-sorgeac", "haut-verdal", "ile-de-keraven"]
    let scratch = Scratch("charter-sync")
    let remote: GitCLI
    let editors: Clone

    init() throws {
        remote = GitCLI(scratch.url.appendingPathComponent("remote.git"))
        try remote.initialise(bare: true)
        let folder = try scratch.folder("redaction")
        editors = Clone(name: "redaction", url: folder, git: GitCLI(folder), charter: CharterCLI(folder))
        try editors.git.initialise()
        try FileManager.default.copyItem(at: CharterCLI.bundledCharter, to: folder.appendingPathComponent("charter"))
        try editors.git.commitAll("Charte initiale")
        try editors.git("remote", "add", "origin", "../remote.git")
        try run(editors, "workshop", "open", "lyon", "--title", "Atelier de Lyon", "--date", "2026-03-14",
                "--territories", SyncNetwork.territories.joined(separator: ","))
        try run(editors, "sync")
    }

    /// `git clone` of the remote: what a territory's facilitator starts from.
    func clone(_ name: String) throws -> Clone {
        try GitCLI(scratch.url).run(["clone", "-q", "remote.git", name])
        let folder = scratch.url.appendingPathComponent(name)
        return Clone(name: name, url: folder, git: GitCLI(folder), charter: CharterCLI(folder))
    }

    /// Runs charter in a clone and requires success.
    @discardableResult
    func run(_ clone: Clone, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try clone.charter.run(arguments)
        #expect(result.status == 0, "charter \(arguments.joined(separator: " ")) in \(clone.name): \(result.stderr)",
                sourceLocation: sourceLocation)
        return result.stdout
    }

    func comment(_ clone: Clone, _ territory: String, on clause: String, _ text: String, position: String = "support",
                 workshop: String = "lyon") throws {
        try run(clone, "comment", "add", "--workshop", workshop, "--territory", territory, "--clause", clause,
                "--position", position, text)
    }

    /// `git ls-tree -r deliberation`: every record file with its blob id.
    func deliberationTree(_ git: GitCLI) throws -> String {
        try git("ls-tree", "-r", "deliberation")
    }

    static func recordPaths(_ tree: String) -> [String] {
        tree.split(separator: "\n").compactMap { line in
            line.split(separator: "\t").last.map(String.init)
        }.filter { $0.hasSuffix(".json") }
    }

    /// Starts `charter <arguments>` in a clone without waiting; output goes to files in `logs`.
    func start(_ clone: Clone, _ arguments: [String]) throws -> Process {
        let logs = try scratch.folder("logs")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CharterCLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = clone.url
        process.environment = Shell.environment(home: clone.url.path)
        process.standardInput = FileHandle.nullDevice
        let out = logs.appendingPathComponent("\(clone.name)-\(UUID().uuidString.prefix(6)).log")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// A CSV sheet of `count` supports by the three territories on the first clauses.
    static func sheet(_ count: Int, tag: String) -> String {
        let clauses = ["preambule", "bien-commun", "envie-alliance", "odd-17", "interdependances"]
        var lines = ["territoire,article,position,commentaire"]
        for row in 0..<count {
            lines.append("\(territories[row % 3]),\(clauses[row % clauses.count]),support,\(tag) \(row)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func importSheet(_ clone: Clone, rows: Int, tag: String) throws {
        let file = try scratch.write("sheets/\(clone.name)-\(tag).csv", SyncNetwork.sheet(rows, tag: tag))
        try run(clone, "comment", "import", file.path, "--workshop", "lyon")
    }
}

@Suite("charter sync: deliberation histories merged as a union, over a shared remote", .serialized)
struct SyncTests {
    static let t = SyncNetwork.territories

    @Test("three territories record offline, sync in different orders and repeatedly, and converge")
    func threeTerritoriesConverge() throws {
        let net = try SyncNetwork()
        let clones = try ["sorgeac", "verdal", "keraven"].map { try net.clone($0) }
        // Offline, each at the same clause of the same workshop, one more clause each, and two
        // territories open a workshop of their own.
        for (index, clone) in clones.enumerated() {
            try net.comment(clone, Self.t[index], on: "preambule", "hors ligne \(clone.name)")
            try net.comment(clone, Self.t[index], on: "bien-commun", "réserve \(clone.name)", position: "reservation")
        }
        // Amendments (another folder of the branch) travel the same way.
        try net.run(clones[0], "amend", "propose", "--territory", Self.t[0], "--workshop", "lyon",
                    "--rationale", "redondant", "--delete", "odd-17")
        try net.run(clones[2], "amend", "propose", "--territory", Self.t[2], "--workshop", "lyon",
                    "--rationale", "à déplacer", "--move", "temps-long", "--after", "preambule")
        try net.run(clones[1], "workshop", "open", "nantes", "--title", "Nantes", "--date", "2026-04-02", "--territories", Self.t[1])
        try net.run(clones[2], "workshop", "open", "lille", "--title", "Lille", "--date", "2026-04-03", "--territories", Self.t[2])
        for index in [1, 0, 2] { try net.run(clones[index], "sync") }
        // Offline again, the same clause, then sync in another order.
        for (index, clone) in clones.enumerated() {
            try net.comment(clone, Self.t[index], on: "preambule", "deuxième tour \(clone.name)", position: "objection")
        }
        for index in [2, 1, 0] { try net.run(clones[index], "sync") }
        // And once more each, then everyone until quiet.
        try net.comment(clones[0], Self.t[0], on: "preambule", "troisième tour")
        for index in [0, 2, 1, 0, 2] { try net.run(clones[index], "sync") }

        let remoteTree = try net.deliberationTree(net.remote)
        let records = SyncNetwork.recordPaths(remoteTree)
        #expect(records.count == 1 + 6 + 2 + 2 + 3 + 1)
        #expect(records.filter { $0.hasPrefix("amendments/") }.count == 2)
        #expect(Set(records.map { ($0 as NSString).lastPathComponent }).count == records.count, "a record id appears twice")
        #expect(!remoteTree.contains(".conflict-"))
        let tip = try net.remote("rev-parse", "deliberation")
        for clone in clones + [net.editors] where clone.name != "redaction" {
            #expect(try net.deliberationTree(clone.git) == remoteTree, "\(clone.name) differs from the remote")
            #expect(try clone.git("rev-parse", "deliberation") == tip)
            #expect(try clone.git("status", "--porcelain").isEmpty)
            try clone.git.fsck()
            let comments = try net.run(clone, "comment", "list", "--format", "csv")
            #expect(comments.split(separator: "\r\n").count == 1 + 10)
            let amendments = try net.run(clone, "amend", "list")
            #expect(amendments.contains("delete odd-17") && amendments.contains("move temps-long"), "\(amendments)")
        }
        try net.remote.fsck()
        // The editors, who were away all along, get everything in one sync.
        let output = try net.run(net.editors, "sync")
        #expect(output.contains("received 14 records"))
        #expect(try net.deliberationTree(net.editors.git) == remoteTree)
        try net.editors.git.fsck()
        // The clock orders every replica alike: the latest merge carries the highest clock.
        let message = try net.remote("log", "-1", "--format=%B", "deliberation")
        #expect(message.contains("Clock: "))
    }

    @Test("two clones merging each other's records make the very same merge commit")
    func deterministicMerge() throws {
        let net = try SyncNetwork()
        let x = try net.clone("x"), y = try net.clone("y")
        try net.comment(x, Self.t[0], on: "preambule", "côté x")
        try net.comment(y, Self.t[1], on: "preambule", "côté y")
        // Each fetches straight from the other, then merges: opposite sides, same inputs.
        try x.git("remote", "add", "voisin", "../y")
        try y.git("remote", "add", "voisin", "../x")
        try net.run(x, "sync", "voisin", "--fetch-only")
        try net.run(y, "sync", "voisin", "--fetch-only")
        let merged = try x.git("rev-parse", "deliberation")
        #expect(try y.git("rev-parse", "deliberation") == merged)
        #expect(try x.git("rev-list", "--parents", "-n", "1", "deliberation").split(separator: " ").count == 3)
        // Pushing both then changes nothing more: the remote takes the one commit.
        try net.run(x, "sync")
        let output = try net.run(y, "sync")
        #expect(output.contains("Deliberation (deliberation): up to date."), "\(output)")
        #expect(try net.remote("rev-parse", "deliberation") == merged)
    }

    @Test("clones pushing at the same moment all end up on the remote")
    func simultaneousPushes() throws {
        let net = try SyncNetwork()
        let clones = try ["a", "b", "c"].map { try net.clone($0) }
        for clone in clones { try net.importSheet(clone, rows: 30, tag: clone.name) }
        let processes = try clones.map { try net.start($0, ["sync"]) }
        for process in processes { process.waitUntilExit() }
        for (clone, process) in zip(clones, processes) {
            #expect(process.terminationStatus == 0, "sync in \(clone.name) failed; see its log")
        }
        let records = SyncNetwork.recordPaths(try net.deliberationTree(net.remote))
        #expect(records.count == 1 + 90)
        try net.remote.fsck()
        for clone in clones { try net.run(clone, "sync") }
        for clone in clones {
            #expect(try net.deliberationTree(clone.git) == (try net.deliberationTree(net.remote)))
        }
    }

    @Test("a push refused because the remote moved meanwhile is fetched, merged and pushed again")
    func retriesWhenTheRemoteMoves() throws {
        let net = try SyncNetwork()
        let ours = try net.clone("ours"), theirs = try net.clone("theirs")
        try net.comment(ours, Self.t[0], on: "preambule", "de notre côté")
        try net.comment(theirs, Self.t[1], on: "preambule", "de leur côté")
        let other = theirs.charter
        var options = SyncOptions()
        options.beforePush = { round in
            if round == 1 { _ = try other.run("sync") }  // they push between our fetch and our push
        }
        let report = try CharterRepository(discoveringFrom: ours.url.path).sync(options)
        #expect(report.attempts == 2)
        #expect(report.deliberation.outcome == .merged)
        #expect(report.deliberation.pushed)
        let records = SyncNetwork.recordPaths(try net.deliberationTree(net.remote))
        #expect(records.count == 3)
        #expect(try net.remote("rev-parse", "deliberation") == (try ours.git("rev-parse", "deliberation")))
    }

    @Test("a sync killed mid-push loses nothing and duplicates nothing once run again")
    func killedMidPush() throws {
        let net = try SyncNetwork()
        let clone = try net.clone("laptop")
        try net.importSheet(clone, rows: 1500, tag: "gros atelier")
        let before = try net.remote("rev-parse", "deliberation")
        let local = try clone.git("rev-parse", "deliberation")
        let packs = net.remote.directory.appendingPathComponent("objects/pack")

        let process = try net.start(clone, ["sync"])
        // Kill it while the pack is being written into the remote (libgit2's temporary pack file).
        var killed = false
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: packs.path)) ?? []
            if names.contains(where: { $0.hasPrefix("pack_git2_") }) {
                kill(process.processIdentifier, SIGKILL)
                killed = true
                break
            }
            usleep(200)
        }
        process.waitUntilExit()
        #expect(killed, "the sync finished before it could be killed mid-push")
        // The remote's branch is at its old tip or the new one, never in between.
        let after = try net.remote("rev-parse", "deliberation")
        #expect(after == before || after == local)
        try net.remote.fsck()

        try net.run(clone, "sync")
        let tree = try net.deliberationTree(net.remote)
        let records = SyncNetwork.recordPaths(tree)
        #expect(records.count == 1 + 1500)
        #expect(Set(records).count == records.count)
        #expect(!tree.contains(".conflict-"))
        #expect(try net.deliberationTree(clone.git) == tree)
        #expect(try net.remote("rev-parse", "deliberation") == (try clone.git("rev-parse", "deliberation")))
        try net.remote.fsck()
        try clone.git.fsck()
        // Another clone reads them all.
        let fresh = try net.clone("fresh")
        let listed = try net.run(fresh, "comment", "list", "--format", "csv")
        #expect(listed.split(separator: "\r\n").count == 1 + 1500)
    }

    @Test("the text branch is fast-forwarded, never merged; charter tags go both ways")
    func textBranchAndTags() throws {
        let net = try SyncNetwork()
        let clone = try net.clone("territoire")
        // The editors revise a clause and tag a version: the clone fast-forwards, work tree included.
        try net.editors.git("tag", "-a", "charter/v0.1", "-m", "v0.1")
        try net.editors.git.commitAll("Rien")
        let clause = "charter/clauses/preambule.md"
        try net.editors.git.run(["rm", "-q", "charter/clauses/charte-vivante.md"])
        var text = try #require(FileManager.default.contents(atPath: net.editors.url.appendingPathComponent(clause).path))
        text.append(Data("\nUne phrase ajoutée.\n".utf8))
        try text.write(to: net.editors.url.appendingPathComponent(clause))
        let revised = try net.editors.git.commitAll("Révision du préambule")
        let output = try net.run(net.editors, "sync")
        #expect(output.contains("Text (main): pushed."))
        #expect(output.contains("pushed charter/v0.1"))

        let synced = try net.run(clone, "sync")
        #expect(synced.contains("Text (main): fast-forwarded"), "\(synced)")
        #expect(synced.contains("fetched charter/v0.1"))
        #expect(try clone.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines) == revised)
        #expect(try clone.git("status", "--porcelain").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: clone.url.appendingPathComponent("charter/clauses/charte-vivante.md").path))
        #expect(String(decoding: try Data(contentsOf: clone.url.appendingPathComponent(clause)), as: UTF8.self).contains("Une phrase ajoutée."))

        // Both sides commit to the text: sync says so and leaves main alone; deliberation still flows.
        try Data("local\n".utf8).write(to: clone.url.appendingPathComponent("NOTES.md"))
        let localCommit = try clone.git.commitAll("Notes locales")
        try Data("éditeurs\n".utf8).write(to: net.editors.url.appendingPathComponent("EDITORS.md"))
        try net.editors.git.commitAll("Notes des éditeurs")
        try net.run(net.editors, "sync")
        try net.comment(clone, Self.t[0], on: "preambule", "sur le texte révisé")
        try clone.git("tag", "-a", "charter/v0.2-territoire", "-m", "proposition")
        let diverged = try net.run(clone, "sync")
        #expect(diverged.contains("diverged from origin/main (1 local, 1 remote commit)"), "\(diverged)")
        #expect(diverged.contains("pushed charter/v0.2-territoire"))
        #expect(try clone.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines) == localCommit)
        #expect(try net.remote("rev-parse", "deliberation") == (try clone.git("rev-parse", "deliberation")))
        #expect(try net.remote("tag", "--list", "charter/*").contains("charter/v0.2-territoire"))
    }

    @Test("--fetch-only pushes nothing, --push-only fetches nothing")
    func oneWay() throws {
        let net = try SyncNetwork()
        let clone = try net.clone("territoire")
        try net.comment(clone, Self.t[0], on: "preambule", "à envoyer")
        let before = try net.remote("rev-parse", "deliberation")
        try net.run(clone, "sync", "--fetch-only")
        #expect(try net.remote("rev-parse", "deliberation") == before)
        let json = try net.run(clone, "sync", "--push-only", "--format", "json")
        let report = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((report?["deliberation"] as? [String: Any])?["sent"] as? Int == 1)
        #expect(try net.remote("rev-parse", "deliberation") == (try clone.git("rev-parse", "deliberation")))
        // The editors record too; a push-only sync from the clone cannot fast-forward the remote.
        try net.comment(net.editors, Self.t[1], on: "preambule", "côté rédaction")
        try net.run(net.editors, "sync")
        try net.comment(clone, Self.t[0], on: "preambule", "encore")
        let result = try clone.charter.run("sync", "--push-only")
        #expect(result.stdout.contains("the remote has records this clone lacks"), "\(result.stdout) \(result.stderr)")
        #expect(try clone.git("rev-parse", "refs/remotes/origin/deliberation") != (try net.remote("rev-parse", "deliberation")))
        #expect(try clone.charter.run("sync", "--push-only", "--fetch-only").status == 2)
    }

    @Test("an unreachable remote and a refused credential give clear errors and change nothing")
    func failuresLeaveTheCloneAlone() throws {
        let net = try SyncNetwork()
        let clone = try net.clone("territoire")
        try net.comment(clone, Self.t[0], on: "preambule", "hors ligne")
        let workspace = Snapshot(clone.git)
        let before = try workspace.state()

        let port = try UnauthorizedServer.closedPort()
        try clone.git("remote", "add", "injoignable", "ssh://git@127.0.0.1:\(port)/charte.git")
        let unreachable = try clone.charter.run("sync", "injoignable")
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("cannot fetch from remote `injoignable`"), "\(unreachable.stderr)")
        #expect(unreachable.stderr.contains("127.0.0.1"))

        let server = try UnauthorizedServer()
        try clone.git("remote", "add", "garde", server.url())
        let refused = try clone.charter.run(["sync", "garde"], environment: ["GIT_USERNAME": "animatrice", "GIT_PASSWORD": "faux"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("authentication to remote 'garde'"), "\(refused.stderr)")
        #expect(refused.stderr.contains("GIT_USERNAME/GIT_PASSWORD (refused)"))
        #expect(refused.stderr.contains("git credential helper (gave no credential)"))

        let missing = try clone.charter.run("sync", "nulle-part")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no remote `nulle-part`"))

        try clone.git("remote", "remove", "injoignable")
        try clone.git("remote", "remove", "garde")
        #expect(try workspace.state() == before)
    }

    @Test("plain git carries the deliberation branch; charter reads a plain clone's remote-tracking branch")
    func plainGit() throws {
        let net = try SyncNetwork()
        try net.comment(net.editors, Self.t[0], on: "preambule", "par la rédaction")
        try net.run(net.editors, "sync")
        // A plain clone: no local deliberation branch, yet charter reads origin/deliberation.
        let clone = try net.clone("git-seul")
        #expect(throws: GitCLIError.self) { try clone.git("rev-parse", "--verify", "-q", "refs/heads/deliberation") }
        #expect(try net.run(clone, "comment", "list").contains("par la rédaction"))
        // Recording then pushing with git alone, as docs/sync.md says.
        try net.comment(clone, Self.t[1], on: "preambule", "poussé avec git")
        try clone.git("push", "-q", "origin", "deliberation")
        try net.editors.git("fetch", "-q", "origin", "deliberation:deliberation")
        #expect(try net.run(net.editors, "comment", "list").contains("poussé avec git"))
    }
}

@Suite("charter version")
struct VersionTests {
    @Test("--version stays short; --version --verbose and version --verbose report libgit2 and its transports")
    func verbose() throws {
        let scratch = Scratch("charter-version")
        let cli = CharterCLI(scratch.url)
        let short = try cli.run("--version")
        #expect(short.status == 0 && short.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "charter 0.1.0")
        for arguments in [["--version", "--verbose"], ["version", "--verbose"]] {
            let long = try cli.run(arguments)
            #expect(long.status == 0)
            #expect(long.stdout.contains("libgit2 1."), "\(long.stdout)")
            #expect(long.stdout.contains("features: threads"))
            #expect(long.stdout.contains("transports: local path, file://"))
        }
    }
}

/// The state a failed sync must leave untouched: refs, index and work tree, HEAD.
struct Snapshot {
    let git: GitCLI
    init(_ git: GitCLI) { self.git = git }

    func state() throws -> String {
        let refs = try git("for-each-ref", "--format=%(refname) %(objectname)")
        let status = try git("status", "--porcelain", "--untracked-files=all")
        let head = try git("rev-parse", "HEAD")
        return [refs, status, head].joined(separator: "\n")
    }
}
