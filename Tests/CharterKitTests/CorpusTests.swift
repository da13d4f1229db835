import Foundation
import Testing
@testable import CharterKit

/// Real-world-shaped documents (Tests/CharterKitTests/Corpus): Jekyll and Hugo pages with
/// entities and front matter, a CRLF file with a BOM, long and bold headings, reference links,
/// nested lists, quoted headings. Import and check are asserted exactly; `--fix` must be
/// idempotent and keep every file's structure.
@Suite("The corpus of real-world-shaped documents")
struct CorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var title: String
        var clauses: [String]
        var titles: [String]
        var findings: [String]
        var testDescription: String { file }
    }

    static let cases: [Expected] = [
        Expected(file: "jekyll-charte.md", title: "Charte du faire alliance\u{A0}: le texte",
                 clauses: ["preambule", "le-mode-de-gestion-repose-sur-la-confiance", "les-liens-et-le-code"],
                 titles: ["Préambule", "Le mode de gestion repose sur la confiance.", "Les liens et le code"],
                 // « les territoires ; », « etc... », « Pourquoi pas ? »: the text's own mistakes. The
                 // entities, reference links, autolinks, inline HTML, code and front matter raise nothing.
                 findings: ["le-mode-de-gestion-repose-sur-la-confiance.md:9:18 typography/nbsp",
                            "le-mode-de-gestion-repose-sur-la-confiance.md:10:41 typography/ellipsis",
                            "les-liens-et-le-code.md:8:13 typography/nbsp"]),
        Expected(file: "hugo-page.md", title: "Charte de l’alliance",
                 clauses: ["faire-alliance", "les-territoires-pionniers-s-engagent-a-partager-leurs",
                           "l-article-sur-la-juste-place-le-role-de-chacun"],
                 titles: ["« Faire alliance »",
                          "Les territoires pionniers s’engagent à partager leurs retours d’expérience, leurs réussites comme leurs difficultés, avec l’ensemble des partenaires de l’alliance, afin que chacun puisse apprendre des autres et que la démarche progresse au bénéfice de tous les habitants",
                          "L'article sur la juste place & le rôle de chacun"],
                 // The quoted heading's plain spaces inside « », `L'article`, `place:` and `c'est`.
                 findings: ["faire-alliance.md:3:8 typography/nbsp", "faire-alliance.md:3:24 typography/nbsp",
                            "l-article-sur-la-juste-place-le-role-de-chacun.md:3:9 typography/apostrophe",
                            "l-article-sur-la-juste-place-le-role-de-chacun.md:6:23 typography/nbsp",
                            "l-article-sur-la-juste-place-le-role-de-chacun.md:6:26 typography/apostrophe"]),
        Expected(file: "crlf-reglement.md", title: "Règlement des ateliers",
                 clauses: ["preambule", "article-premier", "article-deux"],
                 titles: ["Préambule", "Article premier", "Article deux"],
                 findings: []),
    ]

    static func files(_ name: String) throws -> CharterFiles {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        let source = try SourceDocument(data, file: name)
        let charter = try #require(source.charter(level: nil, title: nil))
        return CharterFiles(rendering: charter, directory: "charter")
    }

    static func describe(_ findings: [CheckFinding]) -> [String] {
        findings.map { "\($0.file.replacingOccurrences(of: "charter/clauses/", with: "")):\($0.line):\($0.column) \($0.rule)" }
    }

    @Test(arguments: cases)
    func importGivesExactlyTheseClausesAndCheckExactlyTheseFindings(expected: Expected) throws {
        let files = try Self.files(expected.file)
        let charter = try CharterParser.parse(files)
        #expect(charter.manifest.title == expected.title)
        #expect(charter.numbered.map(\.clause.id.rawValue) == expected.clauses)
        #expect(charter.numbered.map(\.clause.title) == expected.titles)
        for clause in charter.clauses.values {
            #expect(!clause.body.contains("permalink") && !clause.body.contains("+++") && !clause.body.contains("draft ="))
            #expect(!clause.body.utf8.contains(13))
        }
        let report = try CharterCheck.run(CheckInput(files: files))
        #expect(Self.describe(report.findings) == expected.findings)
    }

    @Test(arguments: cases)
    func fixIsIdempotentAndKeepsEveryFilesStructure(expected: Expected) throws {
        let files = try Self.files(expected.file)
        let fixed = try CharterCheck.fix(CheckInput(files: files))
        #expect(fixed.report.findings.allSatisfy { $0.fix == nil })
        let again = try CharterCheck.fix(CheckInput(files: fixed.files))
        #expect(again.changed.isEmpty)
        let before = try CharterParser.parse(files)
        let after = try CharterParser.parse(fixed.files)
        #expect(after.numbered.map(\.clause.id) == before.numbered.map(\.clause.id))
        #expect(after.manifest.sections.count == before.manifest.sections.count)
        for (name, data) in files.clauseFiles {
            let fixedData = try #require(fixed.files.clauseFiles[name])
            #expect(FixedStructure(clause: fixedData, name: name, path: name) == FixedStructure(clause: data, name: name, path: name))
            let text = String(decoding: fixedData, as: UTF8.self)
            #expect(!text.contains("\u{A0}\u{A0}") && !text.contains("&nbsp;\u{A0}") && !text.contains("\u{A0}&nbsp;"))
        }
    }
}
