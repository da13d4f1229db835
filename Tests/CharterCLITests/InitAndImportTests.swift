import CharterKit
import Foundation
import TestSupport
import Testing

@Suite("charter init and charter import, end to end")
struct InitAndImportTests {
    @Test func initCreatesASkeletonInANewRepository() throws {
        let scratch = Scratch()
        let cli = CharterCLI(scratch.url)
        let result = try cli.run("init", "--title", "Charte des communs", "--commit")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Committed as"))
        let git = GitCLI(scratch.url)
        #expect(try git("log", "--format=%s").contains("Create the charter « Charte des communs »"))
        #expect(try git("status", "--porcelain").isEmpty)
        #expect(try git("show", "HEAD:charter/charter.yml").contains("title: Charte des communs"))
        #expect(try git("show", "HEAD:charter/clauses/preambule.md").hasPrefix("---\nid: preambule\ntitle: Préambule\n---\n"))
        try git.fsck()
        let list = try cli.run("list")
        #expect(list.status == 0)
        #expect(list.stdout.contains("1. Préambule  [preambule]"))
    }

    @Test func initWithoutCommitWritesFilesAndRefusesASecondTime() throws {
        let workspace = try Workspace()
        let first = try workspace.charter.run("init")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(workspace.read("charter/charter.yml")?.contains("title: Charte") == true)
        #expect((try? workspace.git("rev-parse", "--verify", "HEAD")) == nil, "init without --commit commits nothing")
        let before = try workspace.state()
        let second = try workspace.charter.run("init")
        #expect(second.status == 2)
        #expect(second.stderr.contains("charter/charter.yml: there is already a charter in `charter`"))
        #expect(try workspace.state() == before)
    }

    static let document = """
        # Charte du faire alliance

        Ce texte pose le cadre des alliances.

        # Principes

        ## Nos critères

        L’alliance repose sur la confiance.

        ## La juste place

        Chacun trouve sa place.

        """

    @Test func importSplitsADocumentKeepingBodiesByteForByte() throws {
        let workspace = try Workspace()
        try workspace.write("docs/charte.md", Self.document)
        let result = try workspace.charter.run("import", "docs/charte.md", "--commit")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 clauses in 2 sections"))
        #expect(workspace.read("charter/clauses/nos-criteres.md") == "---\nid: nos-criteres\ntitle: Nos critères\n---\n\nL’alliance repose sur la confiance.\n\n")
        #expect(workspace.read("charter/clauses/preambule.md")?.hasSuffix("\n\nCe texte pose le cadre des alliances.\n\n") == true)
        #expect(try workspace.git("status", "--porcelain", "--", "charter").isEmpty)
        try workspace.git.fsck()
        let list = try workspace.charter.run("list", "--at", "HEAD", "--format", "json")
        let json = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        let ids = (json?["clauses"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["preambule", "nos-criteres", "la-juste-place"])
    }

    @Test func importHistoryReplaysTheDocumentsCommits() throws {
        let workspace = try Workspace()
        try workspace.write("charte.md", "# Charte\n\n## Les territoires\n\nLes territoires sont au cœur de la démarche et du bien commun.\n\n## La confiance\n\nLa confiance est un contrat entre les parties prenantes de l’alliance.\n")
        try workspace.git.commitAll("Premier jet", author: "Claire Martin <claire@example.org>")
        try workspace.write("charte.md", "# Charte\n\n## Les territoires\n\nLes territoires sont au cœur de la démarche et du bien commun.\n\n## La confiance, un contrat\n\nLa confiance est un contrat entre les parties prenantes de l’alliance durable.\n\n## Apprendre ensemble\n\nUne démarche apprenante.\n")
        try workspace.git.commitAll("Atelier de Lyon", author: "Karim Benali <karim@example.org>")
        try workspace.write("notes.txt", "sans rapport\n")
        try workspace.git.commitAll("Notes sans rapport")
        try workspace.write("charte.md", "# Charte\n\n## La confiance, un contrat\n\nLa confiance est un contrat entre les parties prenantes de l’alliance durable.\n\n## Apprendre ensemble\n\nUne démarche apprenante.\n")
        try workspace.git.commitAll("Retrait des territoires", author: "Claire Martin <claire@example.org>")

        let result = try workspace.charter.run("import", "charte.md", "--history")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Replayed 3 revisions"))
        // Original authors, messages and dates, witnessed by git.
        let log = try workspace.git("log", "--format=%an|%s|%ad", "--date=unix", "-3", "--", "charter")
        let lines = log.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.split(separator: "|")[0] } == ["Claire Martin", "Karim Benali", "Claire Martin"])
        #expect(lines.map { $0.split(separator: "|")[1] } == ["Retrait des territoires", "Atelier de Lyon", "Premier jet"])
        let originalDates = try workspace.git("log", "--format=%ad", "--date=unix", "--", "charte.md")
        #expect(lines.map { String($0.split(separator: "|")[2]) } == originalDates.split(separator: "\n").map(String.init))
        #expect(try workspace.git("status", "--porcelain").isEmpty)
        try workspace.git.fsck()

        // The renamed heading kept its id; the log tells the clause's story.
        let clauseLog = try workspace.charter.run("log", "la-confiance")
        #expect(clauseLog.status == 0, "\(clauseLog.stderr)")
        #expect(clauseLog.stdout.contains("retitled « La confiance » → « La confiance, un contrat »"))
        #expect(clauseLog.stdout.contains("text changed (+1/−0 words)"))
        #expect(clauseLog.stdout.contains("moved 2 → 1") || clauseLog.stdout.contains("renumbered 2 → 1"))
        let full = try workspace.charter.run("log")
        #expect(full.stdout.contains("les-territoires: removed"))
        #expect(full.stdout.contains("apprendre-ensemble: added"))
    }

    @Test func importRefusesBadInputAndWritesNothing() throws {
        let workspace = try Workspace()
        try workspace.write("plat.md", "Un texte sans titres.\n")
        try workspace.write("latin1.md", "")
        try Data([0x23, 0x23, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: workspace.url.appendingPathComponent("latin1.md"))
        try workspace.git.commitAll("Documents")
        let before = try workspace.state()

        let flat = try workspace.charter.run("import", "plat.md", "--commit")
        #expect(flat.status == 2)
        #expect(flat.stderr.contains("plat.md: no heading of level 2"))
        let latin = try workspace.charter.run("import", "latin1.md")
        #expect(latin.status == 2)
        #expect(latin.stderr.contains("latin1.md:1: the file is not valid UTF-8"))
        let missing = try workspace.charter.run("import", "absent.md")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("absent.md: cannot read the document"))
        let level = try workspace.charter.run("import", "plat.md", "--level", "9")
        #expect(level.status == 2)
        #expect(level.stderr.contains("--level must be between 1 and 6"))
        #expect(try workspace.state() == before)
    }
}
