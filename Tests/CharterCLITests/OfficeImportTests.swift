import Foundation
import TestSupport
import Testing

/// `charter import charte.docx|odt` through pandoc (Debian's `pandoc`, installed by `make deps`).
@Suite("import of .docx and .odt documents")
struct OfficeImportTests {
    static let markdown = """
        # Charte du faire alliance

        Un préambule.

        ## Nos critères

        L’alliance repose sur la *confiance* et le **respect**.

        -   les territoires
        -   les entreprises

        ## La juste place

        Chacun trouve sa place[^1].

        1.  premier
        2.  second

        [^1]: Une note.

        """

    /// Clause ids, titles and texts (spaces and blank lines aside) as `charter list --format json` and the files give them.
    static func clauses(_ workspace: Workspace) throws -> [String] {
        let list = try workspace.charter.run("list", "--format", "json")
        let json = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        return (json?["clauses"] as? [[String: Any]] ?? []).map { clause in
            let id = clause["id"] as? String ?? ""
            let file = workspace.read("charter/clauses/\(id).md") ?? ""
            let words = file.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return "\(id)|\(clause["title"] as? String ?? "")|\(words)"
        }
    }

    @Test(arguments: ["docx", "odt"])
    func anOfficeDocumentWrittenByPandocImportsBackToTheSameClauses(format: String) throws {
        let original = try Workspace()
        try original.write("charte.md", Self.markdown)
        let fromMarkdown = try original.charter.run("import", "charte.md")
        #expect(fromMarkdown.status == 0, "\(fromMarkdown.stderr)")
        let expected = try Self.clauses(original)
        #expect(expected.count == 3)

        let workspace = try Workspace()
        try workspace.write("charte.md", Self.markdown)
        let converted = try Shell.run(Shell.which("pandoc"), ["charte.md", "-o", "charte.\(format)"], in: workspace.url,
                                      environment: Shell.environment(home: workspace.url.path))
        #expect(converted.status == 0, "\(converted.stderr)")
        try FileManager.default.removeItem(at: workspace.url.appendingPathComponent("charte.md"))
        let result = try workspace.charter.run("import", "charte.\(format)", "--commit")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.clauses(workspace) == expected)
        // Emphasis, lists and footnotes survive as Markdown.
        let criteres = workspace.read("charter/clauses/nos-criteres.md") ?? ""
        #expect(criteres.contains("*confiance*") && criteres.contains("**respect**"))
        #expect(criteres.contains("-   les territoires") || criteres.contains("- les territoires"))
        let place = workspace.read("charter/clauses/la-juste-place.md") ?? ""
        #expect(place.contains("[^1]") && place.contains("[^1]: Une note."))
    }

    @Test func withoutPandocTheErrorNamesThePackageAndNothingIsWritten() throws {
        let workspace = try Workspace()
        try Data("PK not really a docx".utf8).write(to: workspace.url.appendingPathComponent("charte.docx"))
        try workspace.git.commitAll("Document")
        let before = try workspace.state()
        let result = try workspace.charter.run(["import", "charte.docx"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("charte.docx: pandoc is needed to read .docx and .odt files"))
        #expect(result.stderr.contains("`pandoc` package"))
        #expect(try workspace.state() == before)
        let broken = try workspace.charter.run("import", "charte.docx")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("charte.docx: pandoc could not read the document"))
        #expect(try workspace.state() == before)
    }
}
