import Foundation
import Testing
@testable import CharterKit

@Suite("Reading real source documents: encodings, line endings, front matter, titles and ids")
struct SourceDocumentTests {
    static let lf = "# Charte\n\nIntroduction.\n\n## Nos critères\n\nLa confiance.\nLe respect.\n\n## La juste place\n\nChacun.\n"

    static func encoded(_ text: String, endings: String, bom: Bool) -> Data {
        let converted = text.replacingOccurrences(of: "\n", with: endings)
        return (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(converted.utf8)
    }

    @Test(arguments: [("\n", false, SourceText.LineEndings.lf), ("\r\n", false, .crlf), ("\r", false, .cr),
                      ("\r\n", true, .crlf), ("\n", true, .lf)])
    func everyLineEndingReadsTheSame(endings: String, bom: Bool, kind: SourceText.LineEndings) throws {
        let source = try SourceText(Self.encoded(Self.lf, endings: endings, bom: bom), file: "charte.md")
        #expect(source.text == Self.lf)
        #expect(source.lineEndings == kind)
        #expect(source.encoding == (bom ? .utf8WithBOM : .utf8))
        let document = try #require(try SourceDocument(Self.encoded(Self.lf, endings: endings, bom: bom), file: "charte.md").markdown(level: nil))
        #expect(document.parts.map(\.title) == ["Nos critères", "La juste place"])
        #expect(document.parts[0].body == "La confiance.\nLe respect.\n\n")
    }

    @Test func mixedLineEndingsAreNamedAndRead() throws {
        let source = try SourceText(Data("a\r\nb\nc\rd".utf8), file: "m.md")
        #expect(source.text == "a\nb\nc\nd")
        #expect(source.lineEndings == .mixed)
    }

    @Test func utf16WithAByteOrderMarkIsConvertedAndLatin1IsRefusedWithItsLine() throws {
        var little = Data([0xFF, 0xFE])
        var big = Data([0xFE, 0xFF])
        for unit in "## Café\r\n\r\nÀ bientôt.\r\n".utf16 {
            little += Data([UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big += Data([UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        for (data, encoding) in [(little, SourceText.Encoding.utf16LittleEndian), (big, .utf16BigEndian)] {
            let source = try SourceText(data, file: "u.md")
            #expect(source.text == "## Café\n\nÀ bientôt.\n")
            #expect(source.encoding == encoding)
        }
        let latin1 = Data("Ligne un.\n".utf8) + Data([0x43, 0x61, 0x66, 0xE9, 0x0A])
        #expect {
            try SourceText(latin1, file: "latin1.md")
        } throws: { error in
            let error = error as? CharterError
            return error?.line == 2 && error?.description.contains("not valid UTF-8") == true
                && error?.description.contains("iconv -f latin1 -t utf-8") == true
        }
    }

    @Test func yamlFrontMatterIsNeverClauseTextAndGivesTheTitle() throws {
        let text = "---\r\nlayout: page\r\ntitle: >-\r\n  La charte\r\n  du **faire** alliance\r\npermalink: /charte/\r\n---\r\n\r\n## Un\r\n\r\nTexte.\r\n"
        let source = try SourceDocument(Data(text.utf8), file: "page.md")
        let frontMatter = try #require(source.frontMatter)
        #expect(frontMatter.format == .yaml)
        #expect(frontMatter.keys == ["layout", "title", "permalink"])
        #expect(frontMatter.title == "La charte du faire alliance")
        let charter = try #require(source.charter(level: nil, title: nil))
        #expect(charter.manifest.title == "La charte du faire alliance")
        #expect(charter.manifest.clauseOrder.map(\.rawValue) == ["un"])
        #expect(try #require(source.charter(level: nil, title: "Donné")).manifest.title == "Donné")
    }

    @Test func tomlFrontMatterIsRecognised() throws {
        let source = try SourceDocument(Data("+++\ntitle = \"Charte de l\\u2019alliance\"\ndraft = false\n[params]\nx = 1\n+++\n\n## Un\n\nTexte.\n".utf8), file: "h.md")
        #expect(source.frontMatter?.format == .toml)
        #expect(source.frontMatter?.keys == ["title", "draft"])
        #expect(source.frontMatter?.title == "Charte de l’alliance")
        #expect(source.body == "\n## Un\n\nTexte.\n")
    }

    @Test func aThematicBreakIsNotFrontMatterButBrokenFrontMatterIsAnError() throws {
        let rule = try SourceDocument(Data("---\nUn texte.\n---\n\n## Un\n\nx\n".utf8), file: "r.md")
        #expect(rule.frontMatter == nil)
        #expect {
            try SourceDocument(Data("---\ntitle: [non fermé\nlayout: page\n---\n\n## Un\n".utf8), file: "bad.md")
        } throws: { error in
            (error as? CharterError)?.file == "bad.md" && (error as? CharterError)?.code == .badYAML
        }
    }

    @Test(arguments: [
        ("Le mode de gestion repose sur la **confiance**.", "Le mode de gestion repose sur la confiance."),
        ("L&rsquo;alliance &laquo;&nbsp;ouverte&nbsp;&raquo;", "L’alliance «\u{A0}ouverte\u{A0}»"),
        ("Un [lien](https://exemple.org) et `du code`", "Un lien et du code"),
        ("__Souligné__ et snake_case et *italique*", "Souligné et snake_case et italique"),
        ("<span id=\"anchor\"></span>Titre", "Titre"),
        ("Échappé \\*vraiment\\*", "Échappé *vraiment*"),
        ("[Texte][ref] ~~barré~~", "Texte barré"),
    ])
    func headingsBecomePlainTitles(heading: String, title: String) {
        #expect(PlainTitle.make(heading) == title)
    }

    @Test func idsAreCappedAtAWordBoundaryAndUnique() {
        let long = String(repeating: "Les territoires pionniers partagent leurs retours ", count: 5)
        let slug = Slug.make(long)
        #expect(slug.count <= Slug.maximumLength)
        #expect(slug == "les-territoires-pionniers-partagent-leurs-retours-les")
        #expect(Slug.make(String(repeating: "a", count: 300)).count == Slug.maximumLength)
        let charter = DocumentImport.charter(from: MarkdownDocument("## \(long)\n\nUn.\n\n## \(long)\n\nDeux.\n", level: 2), title: "T")
        #expect(charter.manifest.clauseOrder.map(\.rawValue) == [slug, slug + "-2"])
    }

    @Test func theArticleLevelIsTwoOrElseTheShallowestUsedTwice() {
        #expect(MarkdownDocument.articleLevel(of: "# Titre\n\n## A\n\n## B\n") == 2)
        #expect(MarkdownDocument.articleLevel(of: "# Charte\n\n# Partie\n\n## A\n\n## B\n\n### a\n\n### b\n\n### c\n") == 2)
        #expect(MarkdownDocument.articleLevel(of: "# Titre\n\n### A\n\n### B\n") == 3)
        #expect(MarkdownDocument.articleLevel(of: "# A\n\n# B\n\n### a\n") == 1)
        #expect(MarkdownDocument.articleLevel(of: "# Titre\n\n## Seul\n") == 2)
        #expect(MarkdownDocument.articleLevel(of: "Pas de titre.\n```\n## code\n## code\n```\n") == nil)
    }

    @Test func sourceTrailersAreAddedAndReadBack() {
        let plain = SourceTrailers.message("Relecture\n", commit: "abc", path: "docs/charte.md")
        #expect(plain == "Relecture\n\nSource-Commit: abc\nSource-Path: docs/charte.md\n")
        let signed = SourceTrailers.message("Relecture\n\nSigned-off-by: A <a@x>\n", commit: "abc", path: "c.md")
        #expect(signed == "Relecture\n\nSigned-off-by: A <a@x>\nSource-Commit: abc\nSource-Path: c.md\n")
        #expect(SourceTrailers.sourceCommits(in: signed) == ["abc"])
    }
}
