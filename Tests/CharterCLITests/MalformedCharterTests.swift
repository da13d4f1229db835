import Foundation
import TestSupport
import Testing

@Suite("Malformed charters: a clear message, exit 2, nothing written")
struct MalformedCharterTests {
    /// A defect applied to a copy of the bundled charter, and what the error must say.
    struct Defect: Sendable, CustomTestStringConvertible {
        var name: String
        var apply: @Sendable (Workspace) throws -> Void
        var expected: String
        var testDescription: String { name }
    }

    static func edit(_ path: String, _ transform: @escaping @Sendable (String) -> String) -> @Sendable (Workspace) throws -> Void {
        { workspace in try workspace.write(path, transform(workspace.read(path) ?? "")) }
    }

    static let defects: [Defect] = [
        Defect(name: "bad YAML in the manifest",
               apply: edit("charter/charter.yml") { $0.replacingOccurrences(of: "language: fr", with: "language: [fr") },
               expected: "charter/charter.yml:3: invalid YAML"),
        Defect(name: "missing front matter",
               apply: edit("charter/clauses/odd-17.md") { String($0.drop { $0 == "-" }) },
               expected: "charter/clauses/odd-17.md:1: a clause file must start with front matter"),
        Defect(name: "duplicate id in the manifest",
               apply: edit("charter/charter.yml") { $0.replacingOccurrences(of: "[preambule]", with: "[preambule, odd-17]") },
               expected: "charter/charter.yml:7: clause `odd-17` is listed twice (first on line 5)"),
        Defect(name: "id and file name disagree",
               apply: edit("charter/clauses/odd-17.md") { $0.replacingOccurrences(of: "id: odd-17", with: "id: odd-dix-sept") },
               expected: "charter/clauses/odd-17.md:2: the front matter says `id: odd-dix-sept` but the file is named `odd-17.md`"),
        Defect(name: "listed clause missing",
               apply: { workspace in try FileManager.default.removeItem(at: workspace.url.appendingPathComponent("charter/clauses/temps-long.md")) },
               expected: "charter/charter.yml:13: clause `temps-long` is listed but charter/clauses/temps-long.md does not exist"),
        Defect(name: "clause file not listed",
               apply: { workspace in try workspace.write("charter/clauses/orpheline.md", "---\nid: orpheline\ntitle: Orpheline\n---\n\nTexte.\n") },
               expected: "charter/clauses/orpheline.md: clause `orpheline` is not listed in charter/charter.yml"),
        Defect(name: "invalid UTF-8",
               apply: { workspace in
                   var data = Data("---\nid: odd-17\ntitle: ODD\n---\n\nCaf".utf8)
                   data.append(0xE9)
                   try data.write(to: workspace.url.appendingPathComponent("charter/clauses/odd-17.md"))
               },
               expected: "charter/clauses/odd-17.md:6: the file is not valid UTF-8"),
        Defect(name: "empty title",
               apply: edit("charter/clauses/odd-17.md") { text in
                   text.split(separator: "\n", omittingEmptySubsequences: false)
                       .map { $0.hasPrefix("title:") ? "title: \"\"" : String($0) }.joined(separator: "\n")
               },
               expected: "charter/clauses/odd-17.md:3: the clause `odd-17` has an empty title"),
    ]

    @Test(arguments: defects)
    func everyCommandRefusesIt(defect: Defect) throws {
        let workspace = try Workspace.withBundledCharter()
        try defect.apply(workspace)
        let before = try workspace.state()
        for arguments in [["list"], ["show", "preambule"], ["diff"], ["diff", "HEAD"]] {
            let result = try workspace.charter.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains(defect.expected), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("hint:"), "\(arguments): \(result.stderr)")
        }
        #expect(try workspace.state() == before)
        // Committed, the same defect is reported at that revision by log and list --at.
        try workspace.git.commitAll("Défaut : \(defect.name)")
        let atRevision = try workspace.charter.run("list", "--at", "HEAD")
        #expect(atRevision.status == 2)
        #expect(atRevision.stderr.contains(defect.expected), "\(atRevision.stderr)")
        let log = try workspace.charter.run("log", "-n", "1")
        #expect(log.status == 0)
        #expect(log.stdout.contains("the charter could not be read here"))
    }

    @Test func failingCommandsLeaveTheRepositoryAsItWas() throws {
        let workspace = try Workspace.withBundledCharter()
        try Self.defects[0].apply(workspace)
        let before = try workspace.state()
        _ = try workspace.charter.run("init", "--commit")
        _ = try workspace.charter.run("list")
        _ = try workspace.charter.run("import", "charter/clauses/odd-17.md", "--commit")
        #expect(try workspace.state() == before)
        try workspace.git.fsck()
    }
}
