import Foundation
import TestSupport
import Testing

/// Records are untrusted input (docs/reliability.md, « Records »): whatever a file on the
/// deliberation branch holds, no command traps, reads go on, and the bad file is kept but
/// quarantined — out of status and counts, listed by `charter doctor` with the reason.
@Suite("reliability: hostile records")
struct ReliabilityRecordTests {
    static let lyon = Array(Deliberating.territories.prefix(5))

    /// A workshop with two comments on clause 2, and the forger.
    func prepared() throws -> (Deliberating, Forging) {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.lyon)
        try d.comment("lyon", "haut-verdal", "2", "support")
        try d.comment("lyon", "pays-d-ormanges", "2", "objection", "Trop vague.")
        return (d, Forging(git: d.git))
    }

    func commentCount(_ d: Deliberating, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let list = try d.run(["comment", "list", "--format", "json"])
        #expect(list.status == 0, "\(list.stderr)", sourceLocation: sourceLocation)
        return (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.count ?? -1
    }

    func doctor(_ d: Deliberating) throws -> (RunResult, [[String: Any]]) {
        let result = try d.run(["doctor", "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        return (result, report["findings"] as? [[String: Any]] ?? [])
    }

    @Test("a clock of Int64.max, in a record and in the Clock trailer, traps nothing: the record is quarantined, writing goes on")
    func hugeClock() throws {
        let (d, forging) = try prepared()
        let (path, text) = try forging.firstComment()
        let forged = text.replacingOccurrences(of: #""clock" : \d+"#, with: "\"clock\" : 9223372036854775807", options: .regularExpression)
        #expect(forged != text)
        try forging.commit([path: forged], message: "Forged\n\nClock: 9223372036854775807\n")
        let add = try d.run(["comment", "add", "--workshop", "lyon", "--territory", "vallee-de-la-sorgeac", "--clause", "3",
                             "--position", "support", "--facilitator", Deliberating.facilitator, ""])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try commentCount(d) == 2)  // the forged one out, the new one in
        let (result, findings) = try doctor(d)
        #expect(result.status == 1)
        #expect(findings.contains { $0["kind"] as? String == "quarantined-record" && $0["path"] as? String == path })
        let text2 = try d.run(["doctor", "--lang", "en"])
        #expect(text2.stdout.contains("\(path): clock out of range, record quarantined (clock 9223372036854775807"), "\(text2.stdout)")
        // The new record's clock follows the records, not the forged trailer.
        let newest = try forging.paths().filter { $0.hasPrefix("clauses/") }.map { try forging.read($0) }
        #expect(newest.allSatisfy { !$0.contains("9223372036854775808") })
    }

    @Test("bad JSON, an unknown kind, a wrong path and a duplicate id are quarantined; reads go on, exit 0")
    func quarantine() throws {
        let (d, forging) = try prepared()
        let before = try commentCount(d)
        let (path, text) = try forging.firstComment()
        let parts = path.split(separator: "/")
        let shard = String(parts[2])
        let otherShard = shard == "00" ? "01" : "00"
        let wrongPath = "clauses/\(parts[1])/\(otherShard)/\(parts[3])"
        let duplicate = "clauses/juste-place/\(shard)/\(parts[3])"
        let duplicateText = text.replacingOccurrences(of: "\"clause\" : \"\(parts[1])\"", with: "\"clause\" : \"juste-place\"")
        #expect(duplicateText != text)
        try forging.commit([
            "clauses/bien-commun/ff/0190aaaa-0000-7000-8000-0000000000ff.json": "{ this is not json",
            "workshops/lyon/0190aaaa-0000-7000-8000-000000000001.json": """
                {"clock": 3, "id": "0190aaaa-0000-7000-8000-000000000001", "kind": "workshop-moved", "recordedAt": "2026-01-01T00:00:00Z",
                 "facilitator": {"name": "X", "email": "x@example.org"}, "workshop-moved": {}}
                """,
            wrongPath: text,
            duplicate: duplicateText,
        ])
        for arguments in [["status"], ["status", "--format", "json"], ["workshop", "list"], ["workshop", "show", "lyon"],
                          ["comment", "list"], ["log", "bien-commun"], ["amend", "list"]] {
            let read = try d.run(arguments)
            #expect(read.status == 0, "charter \(arguments.joined(separator: " ")): \(read.stderr)")
        }
        // The duplicate pair is out (which one is genuine cannot be told); the wrong-path copy too.
        #expect(try commentCount(d) == before - 1)
        let listed = try d.run(["comment", "list"])
        #expect(listed.stderr.contains("5 records quarantined and left out of the counts"), "\(listed.stderr)")
        let (result, findings) = try doctor(d)
        #expect(result.status == 1)
        let quarantined = Dictionary(uniqueKeysWithValues: findings.filter { $0["kind"] as? String == "quarantined-record" }
            .map { ($0["path"] as? String ?? "", (($0["message"] as? [String: Any])?["key"] as? String) ?? "") })
        #expect(quarantined == [
            "clauses/bien-commun/ff/0190aaaa-0000-7000-8000-0000000000ff.json": "reliability.quarantine.unreadable",
            "workshops/lyon/0190aaaa-0000-7000-8000-000000000001.json": "reliability.quarantine.unreadable",
            wrongPath: "reliability.quarantine.wrong-path",
            duplicate: "reliability.quarantine.duplicate-id",
            path: "reliability.quarantine.duplicate-id",
        ])
        let words = try d.run(["doctor", "--lang", "fr"])
        #expect(words.stdout.contains("identifiant en double"))
        #expect(words.stdout.contains("unknown record kind 'workshop-moved'") || words.stdout.contains("workshop-moved"), "\(words.stdout)")
        // Nothing was deleted: every forged file is still on the branch.
        #expect(Set(try forging.paths()).isSuperset(of: quarantined.keys))
    }

    @Test("status says how many records are quarantined, from the position index as from a fresh build, in both languages")
    func statusSaysQuarantine() throws {
        let (d, forging) = try prepared()
        let clean = try d.run(["status"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(!clean.stderr.contains("quarantined"), "\(clean.stderr)")
        // A bad record arrives after the index was built: the index update sees it.
        try forging.commit(["clauses/bien-commun/ff/0190aaaa-0000-7000-8000-0000000000ff.json": "{ this is not json"])
        let one = try d.run(["status"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stderr.contains("1 record quarantined and left out of the counts (`charter doctor` lists it)"), "\(one.stderr)")
        // One outside clauses/ (not indexed) is counted too.
        try forging.commit(["workshops/lyon/0190aaaa-0000-7000-8000-000000000001.json": "[1, 2"])
        let two = try d.run(["status", "--format", "json"])
        #expect(two.status == 0, "\(two.stderr)")
        #expect(two.stderr.contains("2 records quarantined"), "\(two.stderr)")
        // A fresh index says the same, in French too.
        let caches = try FileManager.default.contentsOfDirectory(at: d.git.directory.appendingPathComponent(".git/charter"), includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("positions-") }
        #expect(!caches.isEmpty)
        for cache in caches { try FileManager.default.removeItem(at: cache) }
        let french = try d.run(["status", "--lang", "fr"])
        #expect(french.status == 0, "\(french.stderr)")
        #expect(french.stderr.contains("2 enregistrements en quarantaine, hors des comptes"), "\(french.stderr)")
        // The counts leave them out: the same two comments as before.
        #expect(try commentCount(d) == 2)
    }

    @Test("a stale deliberation.lock left by a dead process no longer blocks writing: it is removed, and said")
    func staleLock() throws {
        let (d, _) = try prepared()
        let lock = d.workspace.url.appendingPathComponent(".git/refs/heads/deliberation.lock")
        try Data("0000000000000000000000000000000000000000\n".utf8).write(to: lock)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: lock.path)
        let doctor = try d.run(["doctor"])
        #expect(doctor.status == 1 && doctor.stdout.contains("lock .git/refs/heads/deliberation.lock"), "\(doctor.stdout)")
        let add = try d.run(["comment", "add", "--workshop", "lyon", "--territory", "vallee-de-la-sorgeac", "--clause", "3",
                             "--position", "support", "--facilitator", Deliberating.facilitator, ""])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stderr.contains("removed the stale lock .git/refs/heads/deliberation.lock"), "\(add.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        #expect(try d.run(["doctor"]).status == 0)
    }

    @Test("sync reports the records it received that are quarantined, per remote, and integrates them (nothing dropped)")
    func syncReportsQuarantine() throws {
        let (d, forging) = try prepared()
        let scratch = Scratch("charter-sync-clone")
        let clone = scratch.url.appendingPathComponent("clone")
        try GitCLI(scratch.url).run(["clone", "-q", "--no-single-branch", "file://\(d.workspace.url.path)", clone.path])
        let badPath = "clauses/bien-commun/ff/0190aaaa-0000-7000-8000-0000000000ff.json"
        try forging.commit([badPath: "{ \"clock\": 1e999 }"])
        let charter = CharterCLI(clone, home: scratch.path)
        let sync = try charter.run(["sync", "--fetch-only"])
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stderr.contains("warning: from origin: \(badPath): unreadable record, quarantined"), "\(sync.stderr)")
        let json = try charter.run(["sync", "--fetch-only", "--format", "json"])
        #expect(json.status == 0)
        let local = try GitCLI(clone, home: scratch.path)("ls-tree", "-r", "--name-only", "deliberation")
        #expect(local.contains(badPath))
        let doctor = try charter.run(["doctor", "--format", "json"])
        #expect(doctor.stdout.contains(badPath))
    }

    @Test("a tag lock left by a killed release no longer blocks the next release: it is removed, and said")
    func staleTagLock() throws {
        let (d, _) = try prepared()
        let lock = d.workspace.url.appendingPathComponent(".git/refs/tags/charter/v1.lock")
        try FileManager.default.createDirectory(at: lock.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: lock)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: lock.path)
        let release = try d.run(["release", "v1", "--force"])
        #expect(release.status == 0, "\(release.stderr)")
        #expect(release.stderr.contains("removed the stale lock .git/refs/tags/charter/v1.lock"), "\(release.stderr)")
        #expect(try d.git("tag", "--list", "charter/*") == "charter/v1\n")
        try d.git.fsck()
    }
}
