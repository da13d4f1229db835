import Foundation
import Testing
@testable import CharterKit

@Suite("charter check rules: each fails, passes, fixes, is silenced inline and overridden in the manifest")
struct CheckRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var failing: CheckFixture
        var passing: CheckFixture
        /// The failing example's clause files after `--fix`; nil when the rule has no fix.
        var fixed: [String: String]?
        /// The failing example with a `charter-disable` comment.
        var disabled: CheckFixture
        /// `check: rules:` lines that turn the failing example's findings off (or to `overridden`).
        var override: [String]
        var overridden: CheckSeverity?
        var testDescription: String { rule }
    }

    static func clause(_ body: String, id: String = "a") -> String { CheckFixture.clause(id, body: body) }

    static func bytes(_ head: String, _ byte: UInt8, _ tail: String) -> Data {
        var data = Data(head.utf8)
        data.append(byte)
        data.append(Data(tail.utf8))
        return data
    }

    static func manifest(clauses: String) -> String {
        "title: Charte\nlanguage: fr\nsections:\n  - title: Section\n    clauses: \(clauses)\n"
    }

    static let words400 = Array(repeating: "mot", count: 400).joined(separator: " ")

    static let cases: [Case] = [
        Case(rule: "structure/encoding",
             failing: CheckFixture(clauses: ["a.md": bytes("---\nid: a\ntitle: A\n---\n\nCaf", 0xE9, ".\n")]),
             passing: .body("Café.\n"),
             disabled: CheckFixture(clauses: ["a.md": bytes("---\nid: a\ntitle: A\n---\n\nCaf", 0xE9, ". <!-- charter-disable structure/encoding -->\n")]),
             override: ["structure/encoding: warning"], overridden: .warning),
        Case(rule: "structure/yaml",
             failing: .files(["a.md": "---\nid: a\ntitle: A: B\n---\n\nTexte.\n"]),
             passing: .files(["a.md": "---\nid: a\ntitle: A\n---\n\nTexte.\n"]),
             disabled: .files(["a.md": "---\nid: a\ntitle: A: B # charter-disable structure/yaml\n---\n\nTexte.\n"]),
             override: ["structure/yaml: off"]),
        Case(rule: "structure/manifest",
             failing: .manifest("title: Charte\nlanguage: fr\nsections: nope\n"),
             passing: .manifest(manifest(clauses: "[a]")),
             disabled: .manifest("title: Charte\nlanguage: fr\nsections: nope # charter-disable structure/manifest\n"),
             override: ["structure/manifest: warning"], overridden: .warning),
        Case(rule: "structure/front-matter",
             failing: .files(["a.md": "---\ntitle: Titre\n---\n\nTexte.\n"]),
             passing: .body("Texte.\n"),
             fixed: ["a.md": "---\nid: a\ntitle: Titre\n---\n\nTexte.\n"],
             disabled: .files(["a.md": "---\ntitle: Titre # charter-disable structure/front-matter\n---\n\nTexte.\n"]),
             override: ["structure/front-matter: warning"], overridden: .warning),
        Case(rule: "structure/id",
             failing: .files(["a.md": "---\nid: A_b\ntitle: Titre\n---\n\nTexte.\n"]),
             passing: .body("Texte.\n"),
             disabled: .files(["a.md": "---\nid: A_b # charter-disable structure/id\ntitle: Titre\n---\n\nTexte.\n"]),
             override: ["structure/id: off"]),
        Case(rule: "structure/duplicate-id",
             failing: .files(["a.md": clause("Texte.\n")], listed: ["a", "a"]),
             passing: .body("Texte.\n"),
             disabled: .manifest(manifest(clauses: "[a, a] # charter-disable structure/duplicate-id")),
             override: ["structure/duplicate-id: warning"], overridden: .warning),
        Case(rule: "structure/id-mismatch",
             failing: .files(["a.md": "---\nid: b\ntitle: Titre\n---\n\nTexte.\n"]),
             passing: .body("Texte.\n"),
             disabled: .files(["a.md": "---\nid: b # charter-disable structure/id-mismatch\ntitle: Titre\n---\n\nTexte.\n"]),
             override: ["structure/id-mismatch: off"]),
        Case(rule: "structure/missing-clause",
             failing: .files(["a.md": clause("Texte.\n")], listed: ["a", "b"]),
             passing: .body("Texte.\n"),
             disabled: .manifest(manifest(clauses: "[a, b] # charter-disable structure/missing-clause")),
             override: ["structure/missing-clause: warning"], overridden: .warning),
        Case(rule: "structure/unlisted-clause",
             failing: .files(["a.md": clause("Texte.\n"), "b.md": clause("Texte.\n", id: "b")], listed: ["a"]),
             passing: .files(["a.md": clause("Texte.\n"), "b.md": clause("Texte.\n", id: "b")]),
             disabled: .files(["a.md": clause("Texte.\n"), "b.md": "---\nid: b # charter-disable structure/unlisted-clause\ntitle: B\n---\n\nTexte.\n"],
                              listed: ["a"]),
             override: ["structure/unlisted-clause: off"]),
        Case(rule: "structure/title",
             failing: .files(["a.md": "---\nid: a\ntitle: \"\"\n---\n\nTexte.\n"]),
             passing: .body("Texte.\n"),
             disabled: .files(["a.md": "---\nid: a\ntitle: \"\" # charter-disable structure/title\n---\n\nTexte.\n"]),
             override: ["structure/title: warning"], overridden: .warning),
        Case(rule: "structure/empty-body",
             failing: .body(""),
             passing: .body("Texte.\n"),
             disabled: .body("<!-- charter-disable structure/empty-body -->\n"),
             override: ["structure/empty-body: off"]),
        Case(rule: "structure/heading-level",
             failing: .body("# Titre\n\nTexte.\n"),
             passing: .body("## Titre\n\nTexte.\n"),
             disabled: .body("# Titre <!-- charter-disable structure/heading-level -->\n\nTexte.\n"),
             override: ["structure/heading-level: { min-level: 1 }"]),
        Case(rule: "structure/check-config",
             failing: .body("Texte.\n", rules: ["nope/rule: off"]),
             passing: .body("Texte.\n", rules: ["text/length: warning"]),
             disabled: .body("Texte.\n", rules: ["nope/rule: off # charter-disable structure/check-config"]),
             override: ["structure/check-config: warning"], overridden: .warning),
        Case(rule: "references/unresolved",
             failing: .body("Voir [[b]].\n"),
             passing: .files(["a.md": clause("Voir [[b]] et [la suite](b.md).\n"), "b.md": clause("Texte.\n", id: "b")]),
             disabled: .body("Voir [[b]]. <!-- charter-disable references/unresolved -->\n"),
             override: ["references/unresolved: warning"], overridden: .warning),
        Case(rule: "references/removed",
             failing: CheckFixture(clauses: ["a.md": Data(clause("Voir [[b]].\n").utf8)],
                                   base: ["a.md": Data(clause("Voir [[b]].\n").utf8), "b.md": Data(clause("Texte.\n", id: "b").utf8)]),
             passing: CheckFixture(clauses: ["a.md": Data(clause("Voir la suite.\n").utf8)],
                                   base: ["a.md": Data(clause("Voir [[b]].\n").utf8), "b.md": Data(clause("Texte.\n", id: "b").utf8)]),
             disabled: CheckFixture(clauses: ["a.md": Data(clause("Voir [[b]]. <!-- charter-disable references/removed -->\n").utf8)],
                                    base: ["a.md": Data(clause("Voir [[b]].\n").utf8), "b.md": Data(clause("Texte.\n", id: "b").utf8)]),
             override: ["references/removed: off"]),
        Case(rule: "typography/nbsp",
             failing: .body("Texte : fin.\n"),
             passing: .body("Texte\u{A0}: fin, «\u{A0}mot\u{A0}» et (?) à 14:30\u{A0}; vraiment\u{A0}?! ![image](x.png)\n"),
             fixed: ["a.md": clause("Texte\u{A0}: fin.\n")],
             disabled: .body("Texte : fin. <!-- charter-disable typography/nbsp -->\n"),
             override: ["typography/nbsp: warning"], overridden: .warning),
        Case(rule: "typography/guillemets",
             failing: .body("«\u{A0}ouvert sans fin.\n"),
             passing: .body("«\u{A0}ouvert\u{A0}» puis fermé.\n"),
             disabled: .body("«\u{A0}ouvert sans fin. <!-- charter-disable typography/guillemets -->\n"),
             override: ["typography/guillemets: off"]),
        Case(rule: "typography/ellipsis",
             failing: .body("Et puis... fin.\n"),
             passing: .body("Et puis… fin.\n"),
             fixed: ["a.md": clause("Et puis… fin.\n")],
             disabled: .body("Et puis... fin. <!-- charter-disable typography/ellipsis -->\n"),
             override: ["typography/ellipsis: warning"], overridden: .warning),
        Case(rule: "typography/apostrophe",
             failing: .body("Dans l'alliance.\n"),
             passing: .body("Dans l’alliance.\n"),
             fixed: ["a.md": clause("Dans l’alliance.\n")],
             disabled: .body("Dans l'alliance. <!-- charter-disable typography/apostrophe -->\n"),
             override: ["typography/apostrophe: { style: straight }"]),
        Case(rule: "typography/double-space",
             failing: .body("Un  deux.\n"),
             passing: .body("Un deux.\n"),
             fixed: ["a.md": clause("Un deux.\n")],
             disabled: .body("Un  deux. <!-- charter-disable typography/double-space -->\n"),
             override: ["typography/double-space: off"]),
        Case(rule: "typography/trailing-whitespace",
             failing: .body("Fin. \n"),
             passing: .body("Fin.\n"),
             fixed: ["a.md": clause("Fin.\n")],
             disabled: .body("Fin. <!-- charter-disable typography/trailing-whitespace --> \n"),
             override: ["typography/trailing-whitespace: warning"], overridden: .warning),
        Case(rule: "typography/space-before-punctuation",
             failing: .body("Un , deux .\n"),
             passing: .body("Un, deux.\n"),
             fixed: ["a.md": clause("Un, deux.\n")],
             disabled: .body("Un , deux . <!-- charter-disable typography/space-before-punctuation -->\n"),
             override: ["typography/*: off"]),
        Case(rule: "text/brackets",
             failing: .body("Texte (ouvert.\n"),
             passing: .body("Texte (fermé) et [crochets], a) un b) deux.\n"),
             disabled: .body("Texte (ouvert. <!-- charter-disable text/brackets -->\n"),
             override: ["text/brackets: warning"], overridden: .warning),
        Case(rule: "text/length",
             failing: .body(words400 + "\nmot.\n"),
             passing: .body(words400 + ".\n"),
             disabled: .body(words400 + "\nmot. <!-- charter-disable text/length -->\n"),
             override: ["text/length: { max-words: 401 }"]),
        Case(rule: "structure/symlink",
             failing: CheckFixture.body("Texte.\n").linking(["clauses/a.md", "charter.yml"]),
             passing: .body("Texte.\n"),
             disabled: CheckFixture.manifest("title: Charte # charter-disable structure/symlink\nlanguage: fr\nsections:\n  - title: Section\n    clauses: [a]\n")
                 .linking(["charter.yml"]),
             override: ["structure/symlink: off"]),
        Case(rule: "text/terms",
             failing: .body("Envoyez un e-mail.\n", rules: ["text/terms: { terms: { e-mail: courriel } }"]),
             passing: .body("Envoyez un courriel.\n", rules: ["text/terms: { terms: { e-mail: courriel } }"]),
             fixed: ["a.md": clause("Envoyez un courriel.\n")],
             disabled: .body("Envoyez un e-mail. <!-- charter-disable text/terms -->\n", rules: ["text/terms: { terms: { e-mail: courriel } }"]),
             override: ["text/*: off"]),
    ]

    @Test func everyRuleHasACase() {
        #expect(Set(Self.cases.map(\.rule)) == Set(CharterCheck.rules.map(\.id)))
    }

    @Test(arguments: cases)
    func failingExampleIsReported(_ rule: Case) throws {
        let findings = try rule.failing.findings(rule.rule)
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(finding.line >= 1 && finding.column >= 1)
            #expect(finding.file.hasPrefix("charter/"))
            #expect(["write", "remove", "add", "use", "must", "insert", "replace", "leave", "correct", "give", "save", "check", "rename"].contains { finding.message.contains($0) },
                    "the message says what to change: \(finding.message)")
        }
    }

    @Test(arguments: cases)
    func passingExampleIsClean(_ rule: Case) throws {
        let findings = try rule.passing.report().findings
        #expect(findings.isEmpty, "\(findings.map { "\($0.rule) \($0.line):\($0.column) \($0.message)" })")
    }

    @Test(arguments: cases)
    func fixRepairsOrIsAbsent(_ rule: Case) throws {
        guard let fixed = rule.fixed else {
            #expect(try rule.failing.findings(rule.rule).allSatisfy { $0.fix == nil })
            return
        }
        let outcome = try CharterCheck.fix(rule.failing.input)
        for (name, text) in fixed {
            #expect(outcome.files.clauseFiles[name].map { String(decoding: $0, as: UTF8.self) } == text)
        }
        #expect(outcome.report.findings.filter { $0.rule == rule.rule }.isEmpty)
        #expect(!outcome.report.fixed.isEmpty)
        // Idempotent: a second run changes nothing.
        var again = rule.failing.input
        again.files = outcome.files
        #expect(try CharterCheck.fix(again).changed.isEmpty)
    }

    @Test(arguments: cases)
    func inlineCommentSilencesTheLine(_ rule: Case) throws {
        #expect(try rule.disabled.findings(rule.rule).isEmpty)
    }

    @Test(arguments: cases)
    func manifestOverrides(_ rule: Case) throws {
        let findings = try rule.failing.with(rules: rule.override).findings(rule.rule)
        if let severity = rule.overridden {
            #expect(!findings.isEmpty && findings.allSatisfy { $0.severity == severity })
        } else {
            #expect(findings.isEmpty)
        }
    }
}
