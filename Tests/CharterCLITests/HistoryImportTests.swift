import CharterKit
import Foundation
import TestSupport
import Testing

/// `charter import --history` on generated repositories, with the `git` CLI as the witness.
@Suite("import --history: every line of history, across renames, parents first")
struct HistoryImportTests {
    /// A document's repository (the website that publishes it), built commit by commit.
    final class Site: @unchecked Sendable {
        let scratch = Scratch("charter-site")
        let git: GitCLI
        var minute = 0

        init() throws {
            git = GitCLI(scratch.url)
            try git.initialise()
        }

        /// Commits everything as `author` at the next minute, in the time zone `zone` (`+0200`).
        @discardableResult
        func commit(_ message: String, author: String, zone: String) throws -> String {
            minute += 1
            try git("add", "-A")
            try git.run(["commit", "-q", "-m", message, "--author", author], date: "\(1_767_225_600 + minute * 3_600) \(zone)")
            return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func merge(_ branch: String) throws -> String {
            minute += 1
            try git.run(["merge", "-q", "--no-ff", "--no-edit", branch, "-m", "Merge \(branch)"], date: "\(1_767_225_600 + minute * 3_600) +0000")
            return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func write(_ path: String, _ text: String) throws { try scratch.write(path, text) }

        /// The document with three articles.
        static func document(a: String, b: String, c: String) -> String {
            "# Charte\n\n## Les territoires\n\n\(a)\n\n## La confiance\n\n\(b)\n\n## Apprendre ensemble\n\n\(c)\n"
        }

        /// The witness: `git log -m --follow -- path` (each merge once), minus the merges whose
        /// document is the same as in one of their parents (empty merges).
        func witness(_ path: String) throws -> Set<String> {
            let log = try git("log", "-m", "--follow", "--name-only", "--format=@%H %P", "--", path)
            var listed: [(commit: String, parents: [String], path: String)] = []
            var current: (String, [String])?
            for line in log.split(separator: "\n") {
                if line.hasPrefix("@") {
                    let fields = line.dropFirst().split(separator: " ").map(String.init)
                    current = (fields[0], Array(fields.dropFirst()))
                } else if let entry = current {
                    listed.append((entry.0, entry.1, String(line)))
                    current = nil
                }
            }
            var result = Set<String>()
            for entry in listed where !result.contains(entry.commit) {
                if entry.parents.count > 1 {
                    let blob = try git("rev-parse", "\(entry.commit):\(entry.path)")
                    let same = entry.parents.contains { (try? git("rev-parse", "\($0):\(entry.path)")) == blob }
                    if same { continue }
                }
                result.insert(entry.commit)
            }
            return result
        }
    }

    /// Source commits named by the charter's `Source-Commit:` trailers, oldest first (every
    /// commit of the workspace, including a pure rename's, which changes no charter file).
    static func imported(_ workspace: Workspace) throws -> [String] {
        try workspace.git("log", "--reverse", "--format=%(trailers:key=Source-Commit,valueonly,separator=)")
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func aDocumentRenamedTwiceWithSideBranchesImportsExactlyItsCommitsParentsFirst() throws {
        let site = try Site()
        try site.write("doc.md", Site.document(a: "Les territoires sont au cœur.", b: "La confiance se construit.", c: "Une démarche apprenante."))
        try site.commit("Premier jet", author: "Claire Martin <claire@example.org>", zone: "+0200")
        try site.git("checkout", "-q", "-b", "side")
        try site.write("doc.md", Site.document(a: "Les territoires pionniers sont au cœur.", b: "La confiance se construit.", c: "Une démarche apprenante."))
        try site.commit("Atelier de Lyon", author: "Karim Benali <karim@example.org>", zone: "-0500")
        try site.write("notes.txt", "sans rapport\n")
        try site.commit("Notes", author: "Karim Benali <karim@example.org>", zone: "-0500")
        try site.git("checkout", "-q", "main")
        try site.write("doc.md", Site.document(a: "Les territoires sont au cœur.", b: "La confiance se construit.", c: "Une démarche apprenante et ouverte."))
        try site.commit("Relecture", author: "Claire Martin <claire@example.org>", zone: "+0100")
        try site.merge("side")
        try site.git("mv", "doc.md", "charte.md")
        try site.commit("Renommage", author: "Claire Martin <claire@example.org>", zone: "+0200")
        try site.git("checkout", "-q", "-b", "side2")
        try site.write("charte.md", Site.document(a: "Les territoires pionniers sont au cœur.", b: "La confiance se construit pas à pas.", c: "Une démarche apprenante et ouverte."))
        try site.commit("Atelier de Nantes", author: "Inès Roy <ines@example.org>", zone: "+0530")
        try site.git("checkout", "-q", "main")
        try site.write("autre.txt", "sans rapport\n")
        try site.commit("Sans rapport", author: "Claire Martin <claire@example.org>", zone: "+0200")
        try site.merge("side2")
        try FileManager.default.createDirectory(at: site.scratch.url.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try site.git("mv", "charte.md", "docs/charte.md")
        try site.write("docs/charte.md", Site.document(a: "Les territoires pionniers sont au cœur.", b: "La confiance se construit pas à pas.", c: "Une démarche apprenante, ouverte à tous."))
        try site.commit("Déplacement et relecture", author: "Karim Benali <karim@example.org>", zone: "-0500")

        let workspace = try Workspace()
        let result = try workspace.charter.run("import", "docs/charte.md", "--history", "--source", site.scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let imported = try Self.imported(workspace)
        let expected = try site.witness("docs/charte.md")
        #expect(expected.count == 7)
        #expect(imported.count == 7)
        #expect(Set(imported) == expected)
        #expect(result.stdout.contains("Replayed 7 revisions"))

        // Parents first: no imported commit comes before one of its ancestors.
        for (i, earlier) in imported.enumerated() {
            for later in imported[(i + 1)...] {
                #expect(throws: GitCLIError.self, "\(later) is an ancestor of \(earlier) but was imported after it") {
                    try site.git("merge-base", "--is-ancestor", later, earlier)
                }
            }
        }
        // Author, author date and time zone as in the source; the committer is the importer.
        let charterLog = try workspace.git("log", "--reverse", "--format=%an <%ae> %ad|%cn", "--date=raw")
            .split(separator: "\n").map(String.init)
        for (line, source) in zip(charterLog, imported) {
            let original = try site.git("log", "-1", "--format=%an <%ae> %ad", "--date=raw", source).trimmingCharacters(in: .newlines)
            #expect(line == original + "|Test Éditrice")
        }
        #expect(charterLog.contains { $0.hasPrefix("Inès Roy <ines@example.org> ") && $0.contains(" +0530|") })
        #expect(charterLog.contains { $0.contains(" -0500|") })
        // Each revision names its source path: the document's name at that commit.
        let paths = try workspace.git("log", "--reverse", "--format=%(trailers:key=Source-Path,valueonly,separator=)")
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(paths.first == "doc.md")
        #expect(paths.last == "docs/charte.md")
        #expect(Set(paths) == ["doc.md", "charte.md", "docs/charte.md"])
        #expect(workspace.read("charter/clauses/apprendre-ensemble.md")?.hasSuffix("\n\nUne démarche apprenante, ouverte à tous.\n") == true)
        #expect(try workspace.git("status", "--porcelain").isEmpty)
        try workspace.git.fsck()

        // Later, the document is edited again on two branches: a re-import brings exactly those commits.
        try site.git("checkout", "-q", "-b", "side3")
        try site.write("docs/charte.md", Site.document(a: "Les territoires pionniers sont au cœur de tout.", b: "La confiance se construit pas à pas.", c: "Une démarche apprenante, ouverte à tous."))
        try site.commit("Atelier de Lille", author: "Inès Roy <ines@example.org>", zone: "+0100")
        try site.git("checkout", "-q", "main")
        try site.write("docs/charte.md", Site.document(a: "Les territoires pionniers sont au cœur.", b: "La confiance se construit pas à pas, ensemble.", c: "Une démarche apprenante, ouverte à tous."))
        try site.commit("Relecture finale", author: "Claire Martin <claire@example.org>", zone: "+0100")
        try site.merge("side3")
        let again = try workspace.charter.run("import", "docs/charte.md", "--history", "--source", site.scratch.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("7 source commits were already imported"))
        #expect(again.stdout.contains("Replayed 3 revisions"))
        let all = try Self.imported(workspace)
        #expect(all.count == 10)
        #expect(Set(all) == (try site.witness("docs/charte.md")))
        #expect(Array(all.prefix(7)) == imported)
        #expect(workspace.read("charter/clauses/les-territoires.md")?.hasSuffix("\n\nLes territoires pionniers sont au cœur de tout.\n\n") == true)
        #expect(workspace.read("charter/clauses/la-confiance.md")?.hasSuffix("\n\nLa confiance se construit pas à pas, ensemble.\n\n") == true)
        let nothing = try workspace.charter.run("import", "docs/charte.md", "--history", "--source", site.scratch.path)
        #expect(nothing.status == 0, "\(nothing.stderr)")
        #expect(nothing.stdout.contains("Replayed 0 revisions"))
        #expect(try Self.imported(workspace).count == 10)
    }

    @Test func aCRLFDocumentWithFiftyRevisionsImportsFiftyRevisionsWithTheSourcesSections() throws {
        let workspace = try Workspace()
        var sections = ["Les territoires sont au cœur.", "La confiance se construit.", "Une démarche apprenante."]
        var expected: [[String]] = []
        for revision in 1...50 {
            sections[revision % 3] += " mot\(revision)"
            if revision % 7 == 0 { sections[revision % 3] += "\nUne ligne de plus." }
            let text = Site.document(a: sections[0], b: sections[1], c: sections[2]).replacingOccurrences(of: "\n", with: "\r\n")
            try workspace.write("charte.md", text)
            try workspace.git.commitAll("Révision \(revision)", author: "Claire Martin <claire@example.org>")
            expected.append(sections)
        }
        let result = try workspace.charter.run("import", "charte.md", "--history")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Replayed 50 revisions"))
        #expect(result.stdout.contains("3 clauses in 1 sections"))
        let revisions = try workspace.git("rev-list", "--reverse", "HEAD", "--", "charter").split(separator: "\n").map(String.init)
        #expect(revisions.count == 50)
        let repository = try CharterRepository(discoveringFrom: workspace.url.path)
        for (revision, sections) in zip(revisions, expected) {
            let charter = try repository.charter(.revision(revision))
            #expect(charter.numbered.map(\.clause.id.rawValue) == ["les-territoires", "la-confiance", "apprendre-ensemble"])
            #expect(charter.numbered.map(\.clause.body) == [sections[0] + "\n\n", sections[1] + "\n\n", sections[2] + "\n"])
        }
        // Clause files are written with LF.
        for name in try FileManager.default.contentsOfDirectory(atPath: workspace.url.appendingPathComponent("charter/clauses").path) {
            #expect(workspace.read("charter/clauses/\(name)")?.utf8.contains(13) == false)
        }
    }

    @Test func frontMatterOnlyChangesAreNotClauseChanges() throws {
        let workspace = try Workspace()
        let body = "\n# Charte\n\n## Un\n\nTexte un.\n\n## Deux\n\nTexte deux.\n"
        try workspace.write("page.md", "---\nlayout: page\ntitle: La charte\n---\n" + body)
        try workspace.git.commitAll("Page")
        try workspace.write("page.md", "---\nlayout: default\ntitle: La charte\npermalink: /charte/\n---\n" + body)
        try workspace.git.commitAll("Mise en page")
        let result = try workspace.charter.run("import", "page.md", "--history")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Imported « La charte »: 2 clauses"))
        #expect(result.stdout.contains("Replayed 2 revisions"))
        #expect(try workspace.git("diff", "--stat", "HEAD~1", "HEAD").isEmpty)
        #expect(workspace.read("charter/clauses/un.md") == "---\nid: un\ntitle: Un\n---\n\nTexte un.\n\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("charter/clauses/preambule.md").path))
        let log = try workspace.charter.run("log")
        #expect(log.status == 0, "\(log.stderr)")
    }

    @Test func aHistoryWhoseHeadingLevelChangesImportsAsOneSeriesOfClauses() throws {
        let workspace = try Workspace()
        try workspace.write("charte.md", "# Charte\n\n### Un\n\nTexte un.\n\n### Deux\n\nTexte deux.\n")
        try workspace.git.commitAll("Articles en ###")
        try workspace.write("charte.md", "# Charte\n\n## Un\n\nTexte un.\n\n## Deux\n\nTexte deux, revu.\n")
        try workspace.git.commitAll("Articles en ##")
        let result = try workspace.charter.run("import", "charte.md", "--history")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Replayed 2 revisions"))
        // Each revision is cut at its own article level: the same clauses, only `deux` changed.
        #expect(try workspace.git("diff", "--name-only", "HEAD~1", "HEAD") == "charter/clauses/deux.md\n")
        let log = try workspace.charter.run("log", "deux")
        #expect(log.stdout.contains("text changed (+1/−0 words)"), "\(log.stdout)")
    }

    @Test func aFailedImportLeavesTheRepositoryExactlyAsItWas() throws {
        let workspace = try Workspace()
        let heading = String(repeating: "Une phrase très longue pour un titre d’article ", count: 6)
        try workspace.write("charte.md", "# Charte\n\n## \(heading)\n\nTexte.\n\n## Deux\n\nTexte deux.\n")
        try workspace.write("charter/clauses", "un fichier où le dossier devrait être\n")
        try workspace.git.commitAll("Documents")
        let before = try workspace.state()
        let failed = try workspace.charter.run("import", "charte.md")
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("charter/clauses/"))
        #expect(try workspace.state() == before)
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("charter/charter.yml").path))

        // Without the obstacle, the long heading makes a capped id.
        try workspace.git("rm", "-q", "charter/clauses")
        try workspace.git.commitAll("Sans obstacle")
        let imported = try workspace.charter.run("import", "charte.md", "--format", "json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        let ids = json?["clauses"] as? [String] ?? []
        #expect(ids.count == 2)
        #expect(ids.allSatisfy { $0.count <= 60 })
        #expect(ids.first == "une-phrase-tres-longue-pour-un-titre-d-article-une-phrase")
    }
}
