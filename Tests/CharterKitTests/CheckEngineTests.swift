import Foundation
import Testing
@testable import CharterKit

@Suite("charter check engine: broken charters, prose, columns, fixes, pull-request mode, settings")
struct CheckEngineTests {
    static func clause(_ body: String, id: String = "a", title: String = "Titre") -> String {
        CheckFixture.clause(id, title: title, body: body)
    }

    @Test func noManifestIsNotACheckButAnError() throws {
        let files = CharterFiles(directory: "charter", manifest: nil, clauseFiles: ["a.md": Data(Self.clause("Texte.\n").utf8)])
        #expect { try CharterCheck.run(CheckInput(files: files)) } throws: { ($0 as? CharterError)?.code == .noCharter }
    }

    @Test func theBundledCharterIsClean() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("charter").path
        let files = try CharterRepository.folderFiles(at: folder, label: "charter")
        let report = try CharterCheck.run(CheckInput(files: files))
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.file):\($0.line):\($0.column) [\($0.rule)] \($0.message)" })")
        #expect(report.clauses.count == files.clauseFiles.count)
    }

    @Test func everyStructuralProblemIsAFindingNotACrash() throws {
        var invalid = Data("---\nid: utf\ntitle: U\n---\n\nCaf".utf8)
        invalid.append(0xE9)
        let fixture = CheckFixture(
            manifest: "title: Charte\nlanguage: fr\nsections:\n  - title: S\n    clauses: [ok, ok, absente, sans-front, yaml, autre, utf, Mauvais]\n",
            clauses: [
                "ok.md": Data(Self.clause("Texte.\n", id: "ok").utf8),
                "sans-front.md": Data("Pas de front matter.\n".utf8),
                "yaml.md": Data("---\nid: yaml\ntitle: A: B\n---\n\nTexte.\n".utf8),
                "autre.md": Data("---\nid: pas-autre\ntitle: Autre\n---\n\nTexte.\n".utf8),
                "orpheline.md": Data(Self.clause("Texte.\n", id: "orpheline").utf8),
                "utf.md": invalid,
            ])
        let report = try fixture.report()
        let found = Set(report.findings.map { "\($0.rule) \($0.file):\($0.line)" })
        for expected in [
            "structure/duplicate-id charter/charter.yml:5",
            "structure/missing-clause charter/charter.yml:5",
            "structure/id charter/charter.yml:5",
            "structure/front-matter charter/clauses/sans-front.md:1",
            "structure/yaml charter/clauses/yaml.md:3",
            "structure/id-mismatch charter/clauses/autre.md:2",
            "structure/unlisted-clause charter/clauses/orpheline.md:2",
            "structure/encoding charter/clauses/utf.md:6",
        ] {
            #expect(found.contains(expected), "\(expected) not in \(found.sorted())")
        }
        // Each problem once: the parser's own error is not repeated.
        #expect(report.findings.filter { $0.file.hasSuffix("yaml.md") }.count == 1)
        #expect(report.fails(at: .error))
    }

    @Test func manifestProblemsBeyondTheFirstAreAllReported() throws {
        let manifest = """
            title: Charte
            language: fr
            sections:
              - title: ""
                clauses: [a, Pas_Bon]
            territories:
              - id: Haut Verdal
              - name: Sans id
            consensus:
              rule: vote
            """
        let report = try CheckFixture.manifest(manifest + "\n").report()
        let found = report.findings.map { "\($0.rule):\($0.line)" }
        #expect(found.contains("structure/title:4"))
        #expect(found.contains("structure/id:5"))
        #expect(found.contains("structure/id:7"))
        #expect(found.contains("structure/manifest:8"))
        #expect(found.contains("structure/manifest:10"))
    }

    @Test func columnsCountUnicodeCodePointsAndLinesIncludeTheFrontMatter() throws {
        // "é" precomposed is one code point, "e\u{301}" two, "🙂" one.
        let report = try CheckFixture.body("é🙂e\u{301}x :\n").report()
        let finding = try #require(report.findings.first { $0.rule == "typography/nbsp" })
        #expect(finding.line == 6)
        #expect(finding.column == 6)
        #expect(finding.endColumn == 8)
    }

    @Test func codeURLsCommentsAndReferencesAreNotProse() throws {
        let body = """
            Du `code : ici...` et ``deux ` : ticks`` puis https://example.org/a:b?c=d, <https://x.org/?a>
            et [un lien](https://example.org/page?x=1 "titre : ici") ou [[a]] <!-- note : ici... --> &amp; fin.
            Un `code sur
            deux lignes : ici` fin.

            ```
            code : brut ... l'apostrophe  double
            ```

            [ref]: https://example.org/ref?x=1
            """
        let fixture = CheckFixture.body(body + "\n")
        let report = try fixture.report()
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.line):\($0.column) [\($0.rule)] \($0.message)" })")
    }

    @Test func theTitleIsCheckedAndFixedInPlace() throws {
        let fixture = CheckFixture.files(["a.md": "---\nid: a\ntitle: \"Le titre : l'essai\"\n---\n\nTexte.\n"])
        let findings = try fixture.report().findings
        #expect(findings.map { "\($0.rule) \($0.line):\($0.column)" } == ["typography/nbsp 3:17", "typography/apostrophe 3:21"])
        let outcome = try CharterCheck.fix(fixture.input)
        let text = String(decoding: try #require(outcome.files.clauseFiles["a.md"]), as: UTF8.self)
        #expect(text == "---\nid: a\ntitle: \"Le titre\u{A0}: l’essai\"\n---\n\nTexte.\n")
        #expect(try ClauseFile.parse(Data(text.utf8), file: "a.md").clause.title == "Le titre\u{A0}: l’essai")
        // A title the check cannot map to its line (YAML escapes) is left alone rather than mis-fixed.
        let escaped = CheckFixture.files(["a.md": "---\nid: a\ntitle: 'L''essai : x'\n---\n\nTexte.\n"])
        #expect(try escaped.report().findings.isEmpty)
    }

    @Test func fixAppliesEverythingIsIdempotentAndNeverTouchesCode() throws {
        let body = "Voici  :   l'idée ... et `l'idée ...` puis « mot».  \nFin ,  enfin .\n"
        let fixture = CheckFixture.body(body)
        let outcome = try CharterCheck.fix(fixture.input)
        let text = String(decoding: try #require(outcome.files.clauseFiles["a.md"]), as: UTF8.self)
        #expect(text == Self.clause("Voici\u{A0}: l’idée … et `l'idée ...` puis «\u{A0}mot\u{A0}».\nFin, enfin.\n"))
        #expect(outcome.changed.keys.sorted() == ["clauses/a.md"])
        #expect(outcome.report.findings.isEmpty)
        #expect(outcome.report.fixedFiles == ["charter/clauses/a.md"])
        var again = fixture.input
        again.files = outcome.files
        let second = try CharterCheck.fix(again)
        #expect(second.changed.isEmpty)
        #expect(second.report.fixed.isEmpty)
    }

    @Test func changedSinceReportsChangedLinesChangedClausesAndWholeCharterProblems() throws {
        let old = Self.clause("Ancien : faute.\n\nStable (ouvert.\n")
        let new = Self.clause("Ancien : faute.\n\nStable (ouvert.\n\nNouveau : faute.\n")
        let untouched = Self.clause("Intacte : faute.\n", id: "b")
        var fixture = CheckFixture(clauses: ["a.md": Data(new.utf8), "b.md": Data(untouched.utf8)], listed: ["a", "b", "c"])
        fixture.base = ["a.md": Data(old.utf8), "b.md": Data(untouched.utf8)]
        let report = try fixture.report()
        let found = report.findings.map { "\($0.rule) \($0.file):\($0.line)" }
        #expect(found == [
            "structure/missing-clause charter/charter.yml:5",
            "text/brackets charter/clauses/a.md:8",
            "typography/nbsp charter/clauses/a.md:10",
        ])
        #expect(report.clauses.map(\.id) == ["a"])
        #expect(report.changedSince == "base")
    }

    @Test func nbspSpaceAndApostropheStyleAreParameters() throws {
        let narrow = try CheckFixture.body("Texte\u{A0}: fin.\n", rules: ["typography/nbsp: { space: U+202F }"]).report()
        #expect(narrow.findings.map(\.message) == ["use a narrow no-break space (U+202F) before `:`, not U+00A0"])
        #expect(narrow.findings.first?.fix?.edits == [TextEdit(line: 6, column: 6, endColumn: 7, replacement: "\u{202F}")])
        #expect(try CheckFixture.body("Un\u{202F}; deux\u{A0}: fin.\n", rules: ["typography/nbsp: { space: any }"]).report().findings.isEmpty)
        let straight = CheckFixture.body("L’idée et l'autre.\n", rules: ["typography/apostrophe: { style: straight }"])
        #expect(try straight.report().findings.map { "\($0.rule) \($0.column)" } == ["typography/apostrophe 2"])
        let fixed = try CharterCheck.fix(straight.input).files.clauseFiles["a.md"].map { String(decoding: $0, as: UTF8.self) }
        #expect(fixed == Self.clause("L'idée et l'autre.\n"))
    }

    @Test func termsComeFromTheManifestAndAGlossaryFile() throws {
        var fixture = CheckFixture.body("E-mail et mail, e-mails, le site web.\n",
                                        rules: ["text/terms: { terms: { e-mail: courriel }, file: glossaire.yml }"])
        fixture.extraFiles = ["glossaire.yml": Data("terms:\n  site web: site internet\n  mail: courriel\n".utf8)]
        let findings = try fixture.report().findings
        #expect(findings.map(\.message) == ["write `Courriel` instead of `E-mail`", "write `courriel` instead of `mail`",
                                            "write `site internet` instead of `site web`"])
        #expect(CharterCheck.extraFilesNeeded(manifest: Data(fixture.manifestText.utf8)) == ["glossaire.yml"])
        fixture.extraFiles = [:]
        let missing = try fixture.report().findings.filter { $0.file == "charter/charter.yml" }
        #expect(missing.map(\.rule) == ["text/terms"])
        #expect(missing.first?.message.contains("does not exist") == true)
    }

    @Test func configurationProblemsAreFindingsAndTheRestRuns() throws {
        let fixture = CheckFixture.body("Texte : fin.\n", rules: [
            "typography/nbsp: { space: U+2009 }", "text/length: { words: 3 }", "nope/*: off", "text/brackets: loud",
        ])
        let report = try fixture.report()
        #expect(report.findings.filter { $0.rule == "structure/check-config" }.map(\.line) == [8, 9, 10, 11])
        #expect(report.findings.contains { $0.rule == "typography/nbsp" })
    }

    @Test func inlineDisableForms() throws {
        #expect(try CheckFixture.body("Un  deux : l'idée <!-- charter-disable -->\n").report().findings.isEmpty)
        #expect(try CheckFixture.body("Un  deux : fin <!-- charter-disable typography/nbsp, typography/double-space -->\n").report().findings.isEmpty)
        #expect(try CheckFixture.body("Un  deux : fin <!-- charter-disable typography/* -->\n").report().findings.isEmpty)
        let otherLine = try CheckFixture.body("<!-- charter-disable typography/nbsp -->\nTexte : fin.\n").report()
        #expect(otherLine.findings.map(\.rule) == ["typography/nbsp"])
    }

    @Test func frenchRulesFollowTheLanguage() throws {
        var english = CheckFixture.body("Text : end... it's  fine.\n")
        english.language = "en"
        #expect(try english.report().findings.map(\.rule) == ["typography/double-space"])
        english.rules = ["typography/nbsp: on"]
        #expect(try english.report().findings.map(\.rule) == ["typography/nbsp", "typography/double-space"])
    }

    @Test func headingsAndLinks() throws {
        let report = try CheckFixture.body("## Un\n\n#### Trois\n\nVoir [ceci](zz.md#x), [cela](https://x.org/zz.md) et [[Pas Bon]].\n").report()
        #expect(report.findings.map { "\($0.rule) \($0.line)" } == [
            "structure/heading-level 8", "references/unresolved 10", "references/unresolved 10",
        ])
        #expect(report.findings.last?.message.contains("is not a clause reference") == true)
    }

    /// A small deterministic generator (SplitMix64), so failures replay.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomTextNeverCrashesAndFixesSettleInOneRun() throws {
        let pieces = [" ", "  ", "\u{A0}", "\u{202F}", ":", ";", "!", "?", "«", "»", "'", "’", ".", "...", ",", "(", ")", "[", "]",
                      "`", "``", "<!-- x : y -->", "<!--", "-->", "https://a.b/c:d", "\n", "\n\n", "# ", "## ", "```\n", "[[a]]",
                      "[[b]]", "[t](a.md)", "](", "mot", "l", "é", "e\u{301}", "🙂", "\t", "\r\n", "&amp;", "\\", "14:30"]
        var generator = Generator(state: 2026)
        for _ in 0..<60 {
            let count = Int.random(in: 1...40, using: &generator)
            let body = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let fixture = CheckFixture.files(["a.md": Self.clause(body), "b.md": Self.clause("Texte.\n", id: "b")])
            let report = try fixture.report()
            for finding in report.findings {
                #expect(finding.line >= 1 && finding.column >= 1, "\(body.debugDescription)")
            }
            let outcome = try CharterCheck.fix(fixture.input)
            var again = fixture.input
            again.files = outcome.files
            let second = try CharterCheck.fix(again)
            #expect(second.changed.isEmpty, "not idempotent on \(body.debugDescription)")
            if let fixed = outcome.files.clauseFiles["a.md"] {
                #expect((try? ClauseFile.parse(fixed, file: "a.md")) != nil, "a fix broke \(body.debugDescription)")
            }
        }
    }
}
