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
        Expected(file: "jekyll-charte.md", title: EXPECTED_JEKYLL_TITLE,
                 clauses: EXPECTED_JEKYLL_CLAUSES, titles: EXPECTED_JEKYLL_TITLES, findings: EXPECTED_JEKYLL_FINDINGS),
        Expected(file: "hugo-page.md", title: EXPECTED_HUGO_TITLE,
                 clauses: EXPECTED_HUGO_CLAUSES, titles: EXPECTED_HUGO_TITLES, findings: EXPECTED_HUGO_FINDINGS),
        Expected(file: "crlf-reglement.md", title: EXPECTED_CRLF_TITLE,
                 clauses: EXPECTED_CRLF_CLAUSES, titles: EXPECTED_CRLF_TITLES, findings: EXPECTED_CRLF_FINDINGS),
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
            #expect(!clause.body.contains("layout:") && !clause.body.hasPrefix("+++") && !clause.body.contains("draft ="))
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
