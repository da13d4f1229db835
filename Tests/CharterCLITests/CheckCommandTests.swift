import Foundation
import TestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("charter check, end to end: exit codes, formats, --fix, --at, --changed-since, --gate")
struct CheckCommandTests {
    /// The bundled charter, committed, then `clause` rewritten with `body` in the working tree.
    static func workspace(_ clause: String = "juste-place", body: String? = nil) throws -> Workspace {
        let workspace = try Workspace.withBundledCharter()
        if let body { try workspace.write("charter/clauses/\(clause).md", "---\nid: \(clause)\ntitle: Titre\n---\n\n\(body)") }
        return workspace
    }

    @Test func theBundledCharterPassesAndABrokenOneExitsOne() throws {
        let workspace = try Self.workspace()
        let clean = try workspace.charter.run("check", "charter/")
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout == "no problems in 18 clauses\n")

        try workspace.write("charter/clauses/juste-place.md", "---\nid: juste-place\ntitle: Titre\n---\n\n## Un\n\n#### Trois\n")
        let warning = try workspace.charter.run("check")
        #expect(warning.status == 0, "a warning is below the default --fail-on error")
        #expect(warning.stdout.contains("charter/clauses/juste-place.md:8:1: warning [structure/heading-level] the heading jumps from level 2 to level 4"))
        #expect(try workspace.charter.run("check", "--fail-on", "warning").status == 1)

        try workspace.write("charter/clauses/juste-place.md", "---\nid: juste-place\ntitle: Titre\n---\n\nTexte : fin.\n")
        let broken = try workspace.charter.run("check", "charter")
        #expect(broken.status == 1)
        #expect(broken.stdout == """
            charter/clauses/juste-place.md:6:6: error [typography/nbsp] replace the space before `:` with a no-break space (U+00A0)
            1 error, 0 warnings in 18 clauses (1 fixable with --fix)

            """)
    }

    @Test func theCheckThatCannotRunExitsTwoAndSaysWhy() throws {
        let workspace = try Self.workspace()
        let nothing = try workspace.charter.run("check", "--dir", "ailleurs")
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("no charter here: `ailleurs/charter.yml` is missing"))
        let both = try workspace.charter.run("check", "--fix", "--at", "HEAD")
        #expect(both.status == 2)
        #expect(both.stderr.contains("--fix edits the working tree"))
        let revision = try workspace.charter.run("check", "--changed-since", "nulle-part")
        #expect(revision.status == 2)
        #expect(revision.stderr.contains("unknown revision `nulle-part`"))
    }

    @Test func fixRepairsTheWorkingTreeOnceAndNeverTouchesCode() throws {
        let workspace = try Self.workspace(body: "Voici  : l'idée... et `l'idée : ...` puis « mot».  \n")
        let fixed = try workspace.charter.run("check", "--fix")
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(fixed.stdout == "fixed 7 problems in 1 file\nno problems in 18 clauses\n")
        let text = workspace.read("charter/clauses/juste-place.md")
        #expect(text == "---\nid: juste-place\ntitle: Titre\n---\n\nVoici\u{A0}: l’idée… et `l'idée : ...` puis «\u{A0}mot\u{A0}».\n")
        let again = try workspace.charter.run("check", "--fix")
        #expect(again.stdout == "no problems in 18 clauses\n")
        #expect(workspace.read("charter/clauses/juste-place.md") == text)
        #expect(try workspace.git("status", "--porcelain") == " M charter/clauses/juste-place.md\n")
    }

    @Test func atChecksARevisionAndChangedSinceOnlyTheChangedLines() throws {
        let workspace = try Self.workspace(body: "Ancien : faute.\n")
        try workspace.git.commitAll("Une faute")
        try workspace.write("charter/clauses/juste-place.md", "---\nid: juste-place\ntitle: Titre\n---\n\nAncien : faute.\n\nNouveau : faute.\n")
        try FileManager.default.removeItem(at: workspace.url.appendingPathComponent("charter/clauses/odd-17.md"))
        try workspace.write("charter/charter.yml", (workspace.read("charter/charter.yml") ?? "").replacingOccurrences(of: "odd-17, ", with: ""))
        try workspace.write("charter/clauses/preambule.md", (workspace.read("charter/clauses/preambule.md") ?? "") + "\nVoir [[odd-17]].\n")

        let pull = try workspace.charter.run("check", "--changed-since", "HEAD", "--format", "json")
        #expect(pull.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(pull.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["rule"]!) \($0["file"]!):\($0["line"]!)" } == [
            "typography/nbsp charter/clauses/juste-place.md:8",
            "references/removed charter/clauses/preambule.md:10",
        ])
        #expect((json["changedSince"] as? String)?.hasPrefix("HEAD (") == true)

        let atHead = try workspace.charter.run("check", "--at", "HEAD")
        #expect(atHead.status == 1)
        #expect(atHead.stdout.contains("charter/clauses/juste-place.md:6:7: error [typography/nbsp]"))
        #expect(!atHead.stdout.contains(":8:"))
        #expect(atHead.stdout.contains("in 18 clauses at HEAD ("))
    }

    @Test func theReleaseGateNeverPassesSilently() throws {
        let workspace = try Self.workspace()
        let absent = try workspace.charter.run("check", "--gate", "release")
        #expect(absent.status == 2)
        #expect(absent.stderr.contains("branch `deliberation`, which this repository does not have"))
        #expect(absent.stderr.contains("git fetch origin deliberation:deliberation"))
        #expect(try workspace.charter.run("check", "--gate", "publication").status == 2)
    }

    @Test func theReleaseGateReadsTheDeliberation() throws {
        let workspace = try Workspace.withBundledCharter()
        let charter = workspace.charter
        let clauses = try charter.run("list", "--format", "json")
        let ids = ((try JSONSerialization.jsonObject(with: Data(clauses.stdout.utf8)) as? [String: Any])?["clauses"] as? [[String: Any]])?
            .compactMap { $0["id"] as? String } ?? []
        #expect(ids.count == 18)
        #expect(try charter.run("workshop", "open", "tours", "--title", "Atelier de Tours", "--date", "2026-02-02",
                                "--territories", "haut-verdal,ile-de-keraven").status == 0)
        // Nothing discussed yet: every clause blocks.
        let undiscussed = try charter.run("check", "--gate", "release")
        #expect(undiscussed.status == 1)
        #expect(undiscussed.stdout.contains("charter/clauses/odd-17.md:1:1: error [gate/release] clause 4 has not been discussed at any workshop since its text last changed"))
        // Every clause discussed, one objection: only the objection blocks.
        let rows = ids.map { "haut-verdal;\($0);adhésion;;" } + ["ile-de-keraven;odd-17;objection;Trop abstrait pour nos communes.;"]
        try workspace.write("retours.csv", "territoire;article;position;commentaire;citation\n" + rows.joined(separator: "\n") + "\n")
        #expect(try charter.run("comment", "import", "retours.csv", "--workshop", "tours").status == 0)
        let objection = try charter.run("check", "--gate", "release")
        #expect(objection.status == 1)
        #expect(objection.stdout.contains("[gate/release] clause 4 is under objection from ile-de-keraven"))
        #expect(!objection.stdout.contains("has not been discussed"))
        // The objection lifted: the gate passes.
        #expect(try charter.run("comment", "add", "--workshop", "tours", "--territory", "ile-de-keraven", "--clause", "odd-17",
                                "--position", "support").status == 0)
        let clean = try charter.run("check", "--gate", "release")
        #expect(clean.status == 0, "\(clean.stdout)")
        // A clause rewritten since: it must be discussed again.
        let path = "charter/clauses/temps-long.md"
        try workspace.write(path, (workspace.read(path) ?? "").replacingOccurrences(of: "Le temps long", with: "La durée"))
        try workspace.git.commitAll("Réécriture")
        let changed = try charter.run("check", "--gate", "release")
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("charter/clauses/temps-long.md:1:1: error [gate/release] clause 17 has not been discussed"))
    }

    @Test func machineReadableFormats() throws {
        let workspace = try Self.workspace(body: "Texte : fin, voir [[nulle-part]].\n")
        let github = try workspace.charter.run("check", "--format", "github")
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix(
            "::error file=charter/clauses/juste-place.md,line=6,col=6,endColumn=8,title=charter check [typography/nbsp]::replace the space before `:`"))

        let junit = try workspace.charter.run("check", "--format", "junit", "--output", "report.xml")
        #expect(junit.status == 1)
        #expect(junit.stdout == "2 errors, 0 warnings in 18 clauses (1 fixable with --fix)\n")
        let document = try XMLDocument(contentsOf: workspace.url.appendingPathComponent("report.xml"))
        #expect(try document.nodes(forXPath: "//testcase").count == 26 * 19)  // 26 rules (structure/symlink added) × 19 files
        #expect(try document.nodes(forXPath: "//testcase[failure]/@name").compactMap(\.stringValue) == ["juste-place", "juste-place"])

        let sarif = try workspace.charter.run("check", "--format", "sarif")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = Set(try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results.allSatisfy { rules.contains($0["ruleId"] as? String ?? "") })
    }
}
