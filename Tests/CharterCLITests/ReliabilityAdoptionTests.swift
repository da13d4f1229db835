import Foundation
import TestSupport
import Testing

/// Adoption as one unit (docs/reliability.md, « Adoption »): a failure changes nothing; a crash
/// at each named moment is completed or undone by the next command, which says which.
@Suite("reliability: adoption as one unit")
struct ReliabilityAdoptionTests {
    /// A repository with an amendment ready to adopt with --force; its short and full ids.
    func prepared() throws -> (Amending, String, String) {
        let repo = try Amending()
        let text = repo.edited("juste-place", "ni instrumentalisé, ni effacé", "jamais instrumentalisé ni effacé")
        let id = try repo.propose("haut-verdal", ["--workshop", "lyon", "--clause", "juste-place", "--text-file", repo.input("juste.md", text)])
        let fullID = (try repo.show(id)["amendment"] as? [String: Any])?["id"] as? String ?? "?"
        return (repo, id, fullID)
    }

    func adoptionTrailer(_ repo: Amending) throws -> String {
        try repo.log("%(trailers:key=Amendment,valueonly)")
    }

    @Test("with .git/index.lock held, adoption refuses before touching anything and names the lock")
    func indexLocked() throws {
        let (repo, id, fullID) = try prepared()
        let lock = repo.workspace.url.appendingPathComponent(".git/index.lock")
        try Data().write(to: lock)
        let before = try repo.workspace.state()
        let refused = try repo.run(["amend", "adopt", id, "--force"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains(".git/index.lock: another git process is using the index"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was changed"))
        try FileManager.default.removeItem(at: lock)
        #expect(try repo.workspace.state() == before)
        #expect(try repo.statuses()[id] == "proposed")
        let french = try repo.run(["amend", "adopt", id, "--force", "--lang", "fr"])
        #expect(french.status == 0, "\(french.stderr)")
        #expect(try adoptionTrailer(repo) == fullID)
        #expect(try repo.git("status", "--porcelain").isEmpty)
    }

    @Test("killed at each moment of an adoption, the next command completes or undoes it and says so",
          arguments: [("adopt.after-intent", false), ("commit.after-checkout", false), ("adopt.after-branch", true),
                      ("adopt.after-record", true)])
    func killedAt(_ point: String, _ adopted: Bool) throws {
        let (repo, id, fullID) = try prepared()
        let head = try repo.log("%H")
        let killed = try repo.workspace.charter.run(["amend", "adopt", id, "--force"], environment: ["CHARTER_FAULT": point])
        #expect(killed.status == 9 || killed.status == 137, "\(point): \(killed.status) \(killed.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.workspace.url.appendingPathComponent(".git/charter/adoption-intent.json").path))
        // doctor sees it and does not repair it unasked.
        let doctor = try repo.run(["doctor"])
        #expect(doctor.status == 1 && doctor.stdout.contains("interrupted adoption of amendment \(id)"), "\(doctor.stdout)")
        // Any command: here a reading one.
        let next = try repo.run(["amend", "list", "--format", "json"])
        #expect(next.status == 0, "\(next.stderr)")
        let said = adopted ? "completed the interrupted adoption of amendment \(id)" : "undid the interrupted adoption of amendment \(id)"
        #expect(next.stderr.contains(said), "\(point): \(next.stderr)")
        #expect(try repo.statuses()[id] == (adopted ? "adopted" : "proposed"))
        #expect(try adoptionTrailer(repo) == (adopted ? fullID : ""))
        if !adopted { #expect(try repo.log("%H") == head) }
        #expect(try repo.git("status", "--porcelain", "--untracked-files=all").isEmpty)
        try repo.git.fsck()
        #expect(try repo.run(["doctor"]).status == 0)
        if !adopted {
            #expect(try repo.run(["amend", "adopt", id, "--force"]).status == 0)
            #expect(try adoptionTrailer(repo) == fullID)
        }
    }

    @Test("a recovery never overwrites an edit made after the crash: it stops and names the file")
    func recoveryKeepsEdits() throws {
        let (repo, id, _) = try prepared()
        _ = try repo.workspace.charter.run(["amend", "adopt", id, "--force"], environment: ["CHARTER_FAULT": "commit.after-checkout"])
        try repo.workspace.write("charter/clauses/juste-place.md", "Mes propres mots.\n")
        let next = try repo.run(["amend", "list"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("charter/clauses/juste-place.md: an interrupted adoption touches this file, which was edited since"),
                "\(next.stderr)")
        #expect(repo.workspace.read("charter/clauses/juste-place.md") == "Mes propres mots.\n")
        #expect(try repo.run(["doctor"]).status == 1)
    }
}
