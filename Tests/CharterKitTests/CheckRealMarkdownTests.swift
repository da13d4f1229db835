import Foundation
import Testing
@testable import CharterKit

/// `charter check` on Markdown as real documents write it: entities, reference links,
/// addresses in brackets, `etc...`, titles in any YAML form.
@Suite("check on real Markdown")
struct CheckRealMarkdownTests {
    static let typography = ["typography/nbsp", "typography/guillemets", "typography/ellipsis", "text/brackets"]

    static func findings(_ body: String, title: String = "Titre") throws -> [String] {
        let fixture = CheckFixture(manifest: nil, clauses: ["a.md": Data(CheckFixture.clause("a", title: title, body: body).utf8)])
        return try fixture.report().findings.filter { typography.contains($0.rule) }.map { "\($0.line):\($0.column) \($0.rule)" }
    }

    static func fixed(_ body: String) throws -> String {
        let fixture = CheckFixture.body(body)
        let outcome = try CharterCheck.fix(fixture.input)
        return String(decoding: outcome.files.clauseFiles["a.md"] ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "---\nid: a\ntitle: Titre\n---\n\n", with: "")
    }

    @Test func entitiesCountAsTheCharactersTheyStandFor() throws {
        // The authors typed the no-break spaces the rule asks for, as entities.
        #expect(try Self.findings("Ils s&rsquo;engagent&nbsp;: ils partagent&nbsp;; ils décident&#160;! Vraiment&#xA0;?\n").isEmpty)
        #expect(try Self.findings("Nous disons &laquo;&nbsp;faire alliance&nbsp;&raquo; et «&nbsp;agir&nbsp;».\n").isEmpty)
        // An entity guillemet still wants its space, and pairs with a typed one.
        #expect(try Self.findings("Nous disons &laquo;faire alliance».\n") == ["6:19 typography/nbsp", "6:34 typography/nbsp"])
        #expect(try Self.findings("Un &laquo;\u{A0}texte jamais fermé.\n") == ["6:4 typography/guillemets"])
        // A space entity that is not the wanted one is replaced by it.
        #expect(try Self.fixed("Ainsi&#32;: voilà.\n") == "Ainsi\u{A0}: voilà.\n")
    }

    @Test func fixNeverInsertsASecondNoBreakSpace() throws {
        let text = "Ils s’engagent&nbsp;: «&nbsp;oui&nbsp;» et &laquo;&nbsp;non&nbsp;&raquo;.\n"
        #expect(try Self.fixed(text) == text)
        #expect(try Self.fixed("Ils s’engagent : «oui» et &laquo; non &raquo;.\n")
                == "Ils s’engagent\u{A0}: «\u{A0}oui\u{A0}» et &laquo;\u{A0}non\u{A0}&raquo;.\n")
    }

    @Test func referenceLinksAndAddressesInBracketsAreNotUnbalancedBrackets() throws {
        #expect(try Self.findings("Voir [https://exemple.org/faq][FAQ] et [le guide][] ou [texte][ref:x].\n\n[FAQ]: https://exemple.org/faq\n").isEmpty)
        #expect(try Self.findings("Une adresse <https://exemple.org/a:b> et `a:b` et <span title=\"a:b\">x</span>.\n").isEmpty)
        #expect(try Self.findings("Un crochet [ouvert.\n") == ["6:12 text/brackets"])
    }

    @Test func etcTakesOnePeriodNotAnEllipsis() throws {
        #expect(try Self.findings("Les territoires, les entreprises, etc... Et puis…\n") == ["6:38 typography/ellipsis"])
        #expect(try Self.fixed("Les territoires, etc... Les associations etc… et d’autres...\n")
                == "Les territoires, etc. Les associations etc. et d’autres…\n")
    }

    @Test(arguments: [
        ("title: >-\n  Le cadre de l’alliance : un engagement\n  réciproque", "Le cadre de l’alliance\u{A0}: un engagement réciproque"),
        ("title: Le cadre de l’alliance,\n  un engagement réciproque !", "Le cadre de l’alliance, un engagement réciproque\u{A0}!"),
        ("title: 'Le cadre de l’alliance : un engagement\n  réciproque'", "Le cadre de l’alliance\u{A0}: un engagement réciproque"),
        ("title: |\n  Le cadre de l’alliance : un engagement", "Le cadre de l’alliance\u{A0}: un engagement"),
    ])
    func titlesAreLintedWhateverTheirYAMLForm(yaml: String, fixedTitle: String) throws {
        let file = "---\nid: a\n\(yaml)\n---\n\nTexte.\n"
        let fixture = CheckFixture(manifest: nil, clauses: ["a.md": Data(file.utf8)])
        let nbsp = try fixture.findings("typography/nbsp")
        #expect(nbsp.count == 1, "\(nbsp)")
        let outcome = try CharterCheck.fix(fixture.input)
        let fixedText = String(decoding: outcome.files.clauseFiles["a.md"] ?? Data(), as: UTF8.self)
        #expect(try ClauseFile.parse(Data(fixedText.utf8), file: "a.md").clause.title == fixedTitle, "\(fixedText)")
        #expect(try CharterCheck.fix(CheckInput(files: outcome.files)).changed.isEmpty)
    }

    @Test func aLiteralBlockTitleIsChecked() throws {
        let file = "---\nid: a\ntitle: |\n  Le cadre de l’alliance : un engagement\n---\n\nTexte.\n"
        let fixture = CheckFixture(manifest: nil, clauses: ["a.md": Data(file.utf8)])
        #expect(try fixture.findings("typography/nbsp").map { "\($0.line):\($0.column)" } == ["4:25"])
    }

    @Test func fixLeavesFrontMatterLinksAndCodeAlone() throws {
        let body = "Un lien [vers le guide](https://exemple.org/guide?a=1&b=2:3) : voilà.\n\n```\ncle : valeur...\n```\n\n[guide]: https://exemple.org/a:b \"Le guide : tout\"\n"
        let fixed = try Self.fixed(body)
        #expect(fixed == body.replacingOccurrences(of: ") : voilà", with: ")\u{A0}: voilà"))
    }
}
