import Foundation
import TestSupport
import Testing

/// The bad-input catalogue (docs/reliability.md, « Bad input »): each case gives charter a
/// malformed charter, a misused command line, a hostile record or an odd repository, and
/// asserts the exit code, that the message names the file, line, record, option or value at
/// fault, and that the repository is byte for byte as it was (refs, HEAD, index, working tree)
/// and `git fsck` clean.
@Suite("reliability: bad-input catalogue")
struct ReliabilityBadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Prepares the copy of the template (a defect committed, a record forged…); runs before the snapshot.
        var setup: @Sendable (URL) throws -> Void = { _ in }
        var arguments: [String]
        var status: Int32 = 2
        /// What the message (standard error, or standard output for check) must name.
        var says: String
        var testDescription: String { name }
    }

    /// The template: the bundled charter committed, workshop `lyon` open with five territories,
    /// one comment recorded. Made once; each case runs on a copy.
    static let template: URL = {
        let scratch = Scratch("charter-bad-input-template")
        let keep = Unmanaged.passRetained(scratch)  // lives as long as the test process
        _ = keep
        let root = scratch.url.appendingPathComponent("repo")
        do {
            let git = GitCLI(root, home: scratch.path)
            try git.initialise()
            try FileManager.default.copyItem(at: CharterCLI.bundledCharter, to: root.appendingPathComponent("charter"))
            try git.commitAll("Charte initiale")
            let charter = CharterCLI(root, home: scratch.path)
            for arguments in [["workshop", "open", "lyon", "--title", "Atelier de Lyon", "--date", "2026-03-14", "--territories",
                               Deliberating.territories.prefix(5).joined(separator: ","), "--facilitator", Deliberating.facilitator],
                              ["comment", "add", "--workshop", "lyon", "--territory", "haut-verdal", "--clause", "juste-place",
                               "--position", "support", "--facilitator", Deliberating.facilitator, "Oui."]] {
                let result = try charter.run(arguments)
                precondition(result.status == 0, "template: \(arguments): \(result.stderr)")
            }
        } catch {
            preconditionFailure("template: \(error)")
        }
        return root
    }()

    // MARK: The catalogue

    static let add = ["comment", "add", "--workshop", "lyon", "--facilitator", Deliberating.facilitator]
    static let open = ["workshop", "open", "w2", "--title", "Atelier 2", "--date", "2026-04-01", "--territories", "haut-verdal"]

    static var cliMisuse: [Case] {
        var cases: [Case] = [
            Case(name: "show an unknown clause", arguments: ["show", "nulle-part"], says: "nulle-part"),
            Case(name: "show clause 99", arguments: ["show", "99"], says: "99"),
            Case(name: "show at an unknown revision", arguments: ["show", "juste-place", "--at", "pas-une-revision"], says: "pas-une-revision"),
            Case(name: "diff from HEAD~99", arguments: ["diff", "HEAD~99"], says: "HEAD~99"),
            Case(name: "diff from an unknown revision", arguments: ["diff", "pas-une-revision", "HEAD"], says: "pas-une-revision"),
            Case(name: "diff in an unknown format", arguments: ["diff", "--format", "xml"], says: "xml"),
            Case(name: "list in an unknown format", arguments: ["list", "--format", "xml"], says: "xml"),
            Case(name: "check in an unknown format", arguments: ["check", "--format", "xml"], says: "xml"),
            Case(name: "status of an unknown workshop", arguments: ["status", "--workshop", "nope"], says: "nope"),
            Case(name: "status at an unknown revision", arguments: ["status", "--at", "pas-une-revision"], says: "pas-une-revision"),
            Case(name: "a repository that does not exist", arguments: ["list", "--repo", "/nonexistent/charter"], says: "/nonexistent/charter"),
            Case(name: "a charter folder that does not exist", arguments: ["list", "--dir", "nulle-part"], says: "nulle-part"),
            Case(name: "workshop opened twice", arguments: ["workshop", "open", "lyon", "--title", "x", "--date", "2026-03-14",
                                                             "--territories", "haut-verdal"], says: "lyon"),
            Case(name: "workshop with an impossible date", arguments: ["workshop", "open", "w2", "--title", "x", "--date", "2026-13-45",
                                                                        "--territories", "haut-verdal"], says: "2026-13-45"),
            Case(name: "workshop with a French date", arguments: ["workshop", "open", "w2", "--title", "x", "--date", "14/03/2026",
                                                                   "--territories", "haut-verdal"], says: "14/03/2026"),
            Case(name: "workshop with an unknown territory", arguments: ["workshop", "open", "w2", "--title", "x", "--date", "2026-03-14",
                                                                          "--territories", "nulle-terre"], says: "nulle-terre"),
            Case(name: "workshop with an invalid id", arguments: ["workshop", "open", "W 2", "--title", "x", "--date", "2026-03-14",
                                                                   "--territories", "haut-verdal"], says: "W 2"),
            Case(name: "workshop without territories", arguments: ["workshop", "open", "w2", "--title", "x", "--date", "2026-03-14"],
                 says: "territories"),
            Case(name: "close an unknown workshop", arguments: ["workshop", "close", "nope"], says: "nope"),
            Case(name: "show an unknown workshop", arguments: ["workshop", "show", "nope"], says: "nope"),
            Case(name: "reopen an open workshop", arguments: ["workshop", "reopen", "lyon", "--reason", "x"], says: "lyon"),
            Case(name: "comment in an unknown workshop", arguments: ["comment", "add", "--workshop", "nope", "--territory", "haut-verdal",
                                                                      "--clause", "juste-place", "--position", "support", ""], says: "nope"),
            Case(name: "comment by an unknown territory", arguments: add + ["--territory", "nulle-terre", "--clause", "juste-place",
                                                                             "--position", "support", ""], says: "nulle-terre"),
            Case(name: "comment by a territory absent from the workshop", arguments: add + ["--territory", "bassin-de-carvignac",
                                                                                             "--clause", "juste-place", "--position", "support", ""],
                 says: "bassin-de-carvignac"),
            Case(name: "comment on an unknown clause", arguments: add + ["--territory", "haut-verdal", "--clause", "nulle-part",
                                                                          "--position", "support", ""], says: "nulle-part"),
            Case(name: "comment on clause 99", arguments: add + ["--territory", "haut-verdal", "--clause", "99", "--position", "support", ""],
                 says: "99"),
            Case(name: "comment with an unknown position", arguments: add + ["--territory", "haut-verdal", "--clause", "juste-place",
                                                                              "--position", "peut-etre", ""], says: "peut-etre"),
            Case(name: "objection without a reason", arguments: add + ["--territory", "haut-verdal", "--clause", "juste-place",
                                                                        "--position", "objection", ""], says: "objection"),
            Case(name: "quote that is not in the clause", arguments: add + ["--territory", "haut-verdal", "--clause", "juste-place",
                                                                             "--quote", "des mots absents", "Hmm."], says: "des mots absents"),
            Case(name: "retract an unknown comment", arguments: ["comment", "retract", "0190aaaa-0000-7000-8000-000000000009",
                                                                  "--reason", "x"], says: "0190aaaa-0000-7000-8000-000000000009"),
            Case(name: "import a missing sheet", arguments: ["comment", "import", "/nonexistent/atelier.csv", "--workshop", "lyon"],
                 says: "/nonexistent/atelier.csv"),
            Case(name: "import into an unknown workshop", setup: { url in try Data("territoire,article,position,commentaire\n".utf8)
                     .write(to: url.deletingLastPathComponent().appendingPathComponent("vide.csv")) },
                 arguments: ["comment", "import", "../vide.csv", "--workshop", "nope"], says: "nope"),
            Case(name: "adopt an unknown amendment", arguments: ["amend", "adopt", "deadbeef"], says: "deadbeef"),
            Case(name: "show an unknown amendment", arguments: ["amend", "show", "deadbeef"], says: "deadbeef"),
            Case(name: "reject an unknown amendment", arguments: ["amend", "reject", "deadbeef", "--reason", "x"], says: "deadbeef"),
            Case(name: "withdraw an unknown amendment", arguments: ["amend", "withdraw", "deadbeef"], says: "deadbeef"),
            Case(name: "release under an unusable name", arguments: ["release", "v..1", "--force"], says: "v..1"),
            Case(name: "release under a name ending in .lock", arguments: ["release", "v1.lock", "--force"], says: "v1.lock"),
            Case(name: "changelog from an unknown version", arguments: ["changelog", "pas-une-version"], says: "pas-une-version"),
        ]
        // Every command refuses an option it does not have, and names it.
        for command in [["list"], ["show", "juste-place"], ["log"], ["diff"], ["status"], ["check"], ["doctor"], ["version"],
                        ["workshop", "open", "w2"], ["workshop", "close", "lyon"], ["workshop", "reopen", "lyon"], ["workshop", "list"],
                        ["workshop", "show", "lyon"], ["comment", "add"], ["comment", "list"], ["comment", "retract", "x"],
                        ["comment", "import", "x.csv"], ["amend", "propose"], ["amend", "list"], ["amend", "show", "x"],
                        ["amend", "adopt", "x"], ["amend", "reject", "x"], ["amend", "withdraw", "x"], ["amend", "rebase", "x"],
                        ["release", "v1"], ["changelog"], ["export"], ["sync"], ["import", "x.md"], ["init"]] {
            // ArgumentParser names a missing required option before an unknown one: that is named then.
            let missing = [["workshop", "open", "w2"]: "--title <title>", ["workshop", "reopen", "lyon"]: "--reason <reason>",
                           ["comment", "add"]: "--workshop <workshop>", ["comment", "retract", "x"]: "--reason <reason>",
                           ["amend", "propose"]: "--territory <territory>", ["comment", "import", "x.csv"]: "--workshop <workshop>",
                           ["amend", "reject", "x"]: "--reason <reason>", ["changelog"]: "<from>", ["export"]: "--out <dir>"]
            cases.append(Case(name: "charter \(command.joined(separator: " ")) --nope", arguments: command + ["--nope"],
                              says: missing[command].map { "Missing expected argument '\($0)'" } ?? "Unknown option '--nope'"))
        }
        // Missing what a command needs.
        for (command, needs) in [(["show"], "clause"), (["workshop", "open"], "id"), (["workshop", "close"], "id"),
                                 (["comment", "retract"], "id"), (["comment", "import"], "file"), (["amend", "adopt"], "amendment"),
                                 (["amend", "show"], "amendment"), (["release"], "version"), (["import"], "document")] {
            cases.append(Case(name: "charter \(command.joined(separator: " ")) without its \(needs)", arguments: command, says: "Missing"))
        }
        return cases
    }

    /// Defects committed on the text branch: every command reading HEAD's charter refuses, naming file and line.
    static var committedDefects: [Case] {
        let defects: [(String, String, @Sendable (URL) throws -> Void)] = [
            ("bad YAML in the manifest", "charter/charter.yml:3", edit("charter/charter.yml") { $0.replacingOccurrences(of: "language: fr", with: "language: [fr") }),
            ("no front matter", "charter/clauses/odd-17.md:1", edit("charter/clauses/odd-17.md") { String($0.drop { $0 == "-" }) }),
            ("unclosed front matter", "charter/clauses/odd-17.md:1", edit("charter/clauses/odd-17.md") { $0.replacingOccurrences(of: "\n---\n", with: "\n") }),
            ("id listed twice", "charter/charter.yml:7", edit("charter/charter.yml") { $0.replacingOccurrences(of: "[preambule]", with: "[preambule, odd-17]") }),
            ("id and file name disagree", "charter/clauses/odd-17.md:2", edit("charter/clauses/odd-17.md") { $0.replacingOccurrences(of: "id: odd-17", with: "id: odd-dix-sept") }),
            ("listed clause missing", "charter/charter.yml:13", { url in try FileManager.default.removeItem(at: url.appendingPathComponent("charter/clauses/temps-long.md")) }),
            ("unlisted clause", "charter/clauses/orpheline.md", { url in try Data("---\nid: orpheline\ntitle: Orpheline\n---\n\nTexte.\n".utf8).write(to: url.appendingPathComponent("charter/clauses/orpheline.md")) }),
            ("invalid UTF-8", "charter/clauses/odd-17.md:6", { url in try (Data("---\nid: odd-17\ntitle: ODD\n---\n\nCaf".utf8) + Data([0xE9])).write(to: url.appendingPathComponent("charter/clauses/odd-17.md")) }),
            ("empty title", "charter/clauses/odd-17.md:3", edit("charter/clauses/odd-17.md") { $0.replacingOccurrences(of: #"title: [^\n]*"#, with: "title: \"\"", options: .regularExpression) }),
            ("invalid clause id", "charter/clauses/odd-17.md:2", edit("charter/clauses/odd-17.md") { $0.replacingOccurrences(of: "id: odd-17", with: "id: ODD 17") }),
            ("bad YAML in front matter", "charter/clauses/odd-17.md:4: invalid YAML", edit("charter/clauses/odd-17.md") { $0.replacingOccurrences(of: #"title: [^\n]*"#, with: "title: [ouvert", options: .regularExpression) }),
            ("manifest missing", "charter", { url in try FileManager.default.removeItem(at: url.appendingPathComponent("charter/charter.yml")) }),
        ]
        var cases: [Case] = []
        for (name, says, apply) in defects {
            let setup: @Sendable (URL) throws -> Void = { url in
                try apply(url)
                let git = GitCLI(url, home: url.deletingLastPathComponent().path)
                try git.commitAll("Défaut : \(name)")
            }
            for arguments in [["list"], ["show", "preambule"], ["status"], ["diff", "HEAD~1", "HEAD"], open, ["release", "v9", "--force"]] {
                cases.append(Case(name: "\(name), committed: charter \(arguments.prefix(2).joined(separator: " "))", setup: setup,
                                  arguments: arguments, says: says))
            }
        }
        return cases
    }

    /// Hand-made records on the deliberation branch: reads go on (exit 0) and say what was quarantined.
    static var hostileRecords: [Case] {
        let comment = "clauses/juste-place"
        let records: [(String, String, String)] = [
            ("bad JSON", "\(comment)/ff/0190aaaa-0000-7000-8000-0000000000ff.json", "{ pas du json"),
            ("an empty file", "\(comment)/fe/0190aaaa-0000-7000-8000-0000000000fe.json", ""),
            ("an unknown kind", "workshops/lyon/0190aaaa-0000-7000-8000-0000000000fd.json",
             #"{"clock": 9, "id": "0190aaaa-0000-7000-8000-0000000000fd", "kind": "workshop-moved", "recordedAt": "2026-01-01T00:00:00Z", "facilitator": {"name": "X", "email": "x@example.org"}}"#),
            ("a negative clock", "workshops/lyon/0190aaaa-0000-7000-8000-0000000000fc.json",
             #"{"clock": -4, "id": "0190aaaa-0000-7000-8000-0000000000fc", "kind": "workshop-closed", "recordedAt": "2026-01-01T00:00:00Z", "facilitator": {"name": "X", "email": "x@example.org"}, "workshop-closed": {"workshop": "lyon"}}"#),
            ("a record at the wrong path", "workshops/lyon/0190aaaa-0000-7000-8000-0000000000fb.json",
             #"{"clock": 9, "id": "0190aaaa-0000-7000-8000-0000000000fa", "kind": "workshop-closed", "recordedAt": "2026-01-01T00:00:00Z", "facilitator": {"name": "X", "email": "x@example.org"}, "workshop-closed": {"workshop": "lyon"}}"#),
        ]
        var cases: [Case] = []
        for (name, path, content) in records {
            let setup: @Sendable (URL) throws -> Void = { url in
                try Forging(git: GitCLI(url, home: url.deletingLastPathComponent().path)).commit([path: content])
            }
            for arguments in [["comment", "list"], ["comment", "list", "--format", "json"], ["workshop", "list"],
                              ["workshop", "show", "lyon"], ["doctor"]] {
                let doctor = arguments == ["doctor"]
                cases.append(Case(name: "\(name) on the branch: charter \(arguments.joined(separator: " "))", setup: setup, arguments: arguments,
                                  status: doctor ? 1 : 0, says: doctor ? path : "1 record quarantined"))
            }
        }
        return cases
    }

    /// Odd repositories.
    static var repositories: [Case] {
        [
            Case(name: "index.lock held: a commit is refused before anything is written", setup: { url in
                     try Data().write(to: url.appendingPathComponent(".git/index.lock"))
                 }, arguments: ["init", "--title", "Autre", "--dir", "autre", "--commit"], says: ".git/index.lock"),
            Case(name: "detached HEAD: committing refused", setup: { url in
                     try GitCLI(url, home: url.deletingLastPathComponent().path)("checkout", "-q", "--detach")
                 }, arguments: ["init", "--title", "Autre", "--dir", "autre", "--commit"], says: "detached"),
            Case(name: "a folder outside any repository", setup: { url in
                     try FileManager.default.createDirectory(at: url.deletingLastPathComponent().appendingPathComponent("vide"), withIntermediateDirectories: true)
                 }, arguments: ["list", "--repo", "../vide"], says: "no git repository"),
        ]
    }

    static let catalogue: [Case] = cliMisuse + committedDefects + hostileRecords + repositories

    static func edit(_ path: String, _ transform: @escaping @Sendable (String) -> String) -> @Sendable (URL) throws -> Void {
        { url in
            let file = url.appendingPathComponent(path)
            try Data(transform(String(decoding: try Data(contentsOf: file), as: UTF8.self)).utf8).write(to: file)
        }
    }

    // MARK: Running a case

    /// Refs, HEAD, the index's bytes and every working-tree file's bytes (shared with the web table).
    static func state(_ url: URL, _ git: GitCLI) throws -> [String] { try RepositorySnapshot.take(url, git) }

    @Test(arguments: catalogue)
    func refusedCleanly(_ badInput: Case) throws {
        let scratch = Scratch("charter-bad-input")
        let url = scratch.url.appendingPathComponent("repo")
        try FileManager.default.copyItem(at: Self.template, to: url)
        try Data("# Un document\n\n## Une partie\n\nTexte.\n".utf8).write(to: scratch.url.appendingPathComponent("doc.md"))
        try badInput.setup(url)
        let git = GitCLI(url, home: scratch.path)
        let before = try Self.state(url, git)
        let result = try CharterCLI(url, home: scratch.path).run(badInput.arguments)
        #expect(result.status == badInput.status, "exit \(result.status): \(result.stderr)\(result.stdout)")
        let said = result.stderr + result.stdout
        #expect(said.contains(badInput.says), "does not name « \(badInput.says) »: \(said)")
        if badInput.status == 2 { #expect(!said.contains("Fatal error"), "\(said)") }
        let after = try Self.state(url, git)
        #expect(after == before, "the repository changed")
        try git.fsck()
    }

    @Test func theCatalogueHasAtLeast150Cases() {
        #expect(Self.catalogue.count >= 150, "\(Self.catalogue.count) cases")
        #expect(Set(Self.catalogue.map(\.name)).count == Self.catalogue.count, "case names repeat")
    }
}
