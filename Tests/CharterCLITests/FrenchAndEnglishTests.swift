import Foundation
import TestSupport
import Testing

/// The CLI in the reader's language: French under a French locale (LC_ALL, LC_MESSAGES, LANG),
/// CHARTER_LANG or --lang fr, English under LANG=C; help, output, plurals and errors alike.
@Suite struct FrenchAndEnglishTests {
    static let french = ["LANG": "fr_FR.UTF-8"]
    static let english = ["LANG": "C"]
    static let nbsp = "\u{00A0}"

    @Test func helpSpeaksTheLocalesLanguage() throws {
        let workspace = try Workspace()
        let fr = try workspace.charter.run(["--help"], environment: Self.french)
        #expect(fr.status == 0)
        #expect(fr.stdout.contains("Délibérer sur une charte et la versionner dans un dépôt git."), "\(fr.stdout)")
        #expect(fr.stdout.contains("Codes de sortie"))
        let en = try workspace.charter.run(["--help"], environment: Self.english)
        #expect(en.stdout.contains("Deliberate on and version a charter kept in a git repository."))
        #expect(!en.stdout.contains("Délibérer"))

        // A subcommand's options, and every way of choosing the language.
        let log = try workspace.charter.run(["log", "--help"], environment: ["LC_MESSAGES": "fr_BE.UTF-8", "LANG": "C"])
        #expect(log.stdout.contains("Afficher au plus ce nombre de révisions."), "\(log.stdout)")
        let chosen = try workspace.charter.run(["status", "--help"], environment: ["LANG": "C", "CHARTER_LANG": "fr"])
        #expect(chosen.stdout.contains("Où en est la délibération"))
        let explicit = try workspace.charter.run(["status", "--help", "--lang", "en"], environment: ["LC_ALL": "fr_FR.UTF-8"])
        #expect(explicit.stdout.contains("Where the deliberation stands"))
        let forced = try workspace.charter.run(["--lang=fr", "workshop", "open", "--help"], environment: Self.english)
        #expect(forced.stdout.contains("Les territoires qui y participent"), "\(forced.stdout)")
    }

    @Test func statusAndWorkshopsInBothLanguagesWithPlurals() throws {
        let d = try Deliberating()
        let one = try d.run(["workshop", "open", "solo", "--title", "Atelier seul", "--date", "2026-03-14",
                             "--territories", "haut-verdal", "--facilitator", Deliberating.facilitator], environment: Self.french)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.hasPrefix("Atelier solo «\(Self.nbsp)Atelier seul\(Self.nbsp)» ouvert le 2026-03-14 avec 1 territoire, sur le texte "),
                "\(one.stdout)")
        let two = try d.run(["workshop", "open", "lyon", "--title", "Atelier de Lyon", "--date", "2026-03-15",
                             "--territories", "haut-verdal,pays-d-ormanges", "--facilitator", Deliberating.facilitator],
                            environment: Self.english)
        #expect(two.stdout.hasPrefix("Opened workshop lyon « Atelier de Lyon » on 2026-03-15 with 2 territories, on text "))
        try d.comment("lyon", "haut-verdal", "juste-place", "support")
        try d.comment("lyon", "pays-d-ormanges", "juste-place", "objection", "Trop vague.")

        let fr = try d.run(["status"], environment: Self.french)
        #expect(fr.status == 0, "\(fr.stderr)")
        #expect(fr.stdout.hasPrefix("État sur le texte "), "\(fr.stdout)")
        #expect(fr.stdout.contains("règle\(Self.nbsp): consentement (aucune objection), quorum de 4 territoires — 7 territoires"))
        #expect(fr.stdout.contains("✔ adhésion  ~ réserve  ✖ objection  · pas de position"))
        #expect(fr.stdout.contains(" objection\n"))
        #expect(fr.stdout.contains(" en débat\n"))
        #expect(fr.stdout.contains("18 clauses\(Self.nbsp): 1 objection, 17 en débat"), "\(fr.stdout)")
        let en = try d.run(["status"], environment: Self.english)
        #expect(en.stdout.hasPrefix("Status on text "))
        #expect(en.stdout.contains("rule: consent, quorum 4 — 7 territories"))
        #expect(en.stdout.contains("18 clauses: 1 objection, 17 open"), "\(en.stdout)")

        let list = try d.run(["workshop", "list"], environment: Self.french)
        #expect(list.stdout.contains("solo  «\(Self.nbsp)Atelier seul\(Self.nbsp)»  ouvert  1 territoire, 0 commentaire\n"), "\(list.stdout)")
        #expect(list.stdout.contains("ouvert  2 territoires, 2 commentaires"))
        let listEN = try d.run(["workshop", "list"], environment: Self.english)
        #expect(listEN.stdout.contains("open  1 territory, 0 comments"), "\(listEN.stdout)")
        #expect(listEN.stdout.contains("open  2 territories, 2 comments"))

        let show = try d.run(["workshop", "show", "lyon"], environment: Self.french)
        #expect(show.stdout.contains("Texte en débat\(Self.nbsp): "), "\(show.stdout)")
        #expect(show.stdout.contains("Ce qui a été dit (2)\(Self.nbsp):"))
        #expect(show.stdout.contains("État à la date de l’atelier\(Self.nbsp):"))
    }

    @Test func historyAndDiffsInFrench() throws {
        let workspace = try Workspace.withBundledCharter()
        let file = "charter/clauses/juste-place.md"
        let text = try #require(workspace.read(file))
        try workspace.write(file, text.replacingOccurrences(of: "title: ", with: "title: Nouveau titre — ", options: [], range: text.range(of: "title: ")))
        let diffFR = try workspace.charter.run(["diff", "--color", "never"], environment: Self.french)
        #expect(diffFR.status == 0, "\(diffFR.stderr)")
        #expect(diffFR.stdout.contains("retitrée (était «\(Self.nbsp)"), "\(diffFR.stdout)")
        #expect(diffFR.stdout.hasSuffix("1 clause retitrée\n"), "\(diffFR.stdout)")
        let diffEN = try workspace.charter.run(["diff", "--color", "never"], environment: Self.english)
        #expect(diffEN.stdout.contains("retitled (was « "))
        #expect(diffEN.stdout.hasSuffix("1 clause retitled\n"), "\(diffEN.stdout)")
        try workspace.git.commitAll("Nouveau titre")
        let unchanged = try workspace.charter.run(["diff"], environment: Self.french)
        #expect(unchanged.stdout.hasSuffix("\naucun changement\n"), "\(unchanged.stdout)")

        let log = try workspace.charter.run(["log", "juste-place"], environment: Self.french)
        #expect(log.stdout.contains("juste-place\(Self.nbsp): retitrée «\(Self.nbsp)"), "\(log.stdout)")
        #expect(log.stdout.contains("juste-place\(Self.nbsp): ajoutée"))
        let logEN = try workspace.charter.run(["log", "juste-place"], environment: Self.english)
        #expect(logEN.stdout.contains("juste-place: added"))
    }

    @Test func errorsAndHintsInFrench() throws {
        let workspace = try Workspace.withBundledCharter()
        let before = try workspace.state()
        let fr = try workspace.charter.run(["show", "99"], environment: Self.french)
        #expect(fr.status == 2)
        #expect(fr.stderr == "charter: pas de clause `99` dans «\(Self.nbsp)Charte du faire alliance\(Self.nbsp)»\n  conseil\(Self.nbsp): `charter list` montre les identifiants et les numéros\n",
                "\(fr.stderr)")
        let en = try workspace.charter.run(["show", "99"], environment: Self.english)
        #expect(en.stderr == "charter: no clause `99` in « Charte du faire alliance »\n  hint: `charter list` shows the ids and numbers\n")
        let usage = try workspace.charter.run(["diff", "a", "b", "c"], environment: Self.french)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("donnez au plus deux révisions"), "\(usage.stderr)")
        #expect(try workspace.state() == before)
    }

    @Test func checkSummaryInBothLanguages() throws {
        let workspace = try Workspace.withBundledCharter()
        let fr = try workspace.charter.run(["check"], environment: Self.french)
        let en = try workspace.charter.run(["check"], environment: Self.english)
        #expect(fr.status == en.status)
        let frSummary = try #require(fr.stdout.split(separator: "\n").last.map(String.init))
        let enSummary = try #require(en.stdout.split(separator: "\n").last.map(String.init))
        #expect(frSummary.hasSuffix(" dans 18 clauses"), "\(frSummary)")
        #expect(enSummary.hasSuffix(" in 18 clauses"), "\(enSummary)")
        try workspace.write("charter/clauses/juste-place.md", try #require(workspace.read("charter/clauses/juste-place.md")) + "Un texte ...\n")
        let one = try workspace.charter.run(["check", "--changed-since", "HEAD"], environment: Self.french)
        #expect(one.stdout.contains(" dans 1 clause changée depuis HEAD"), "\(one.stdout)")
    }

    @Test func checkFindingsInBothLanguages() throws {
        let workspace = try Workspace.withBundledCharter()
        let file = "charter/clauses/juste-place.md"
        let text = try #require(workspace.read(file))
        try workspace.write(file, text + "Un texte ... Il dit : oui  « mais»\n")
        let line = text.filter { $0 == "\n" }.count + 1
        func findings(_ run: RunResult) -> [String] {
            run.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix(file) }
        }
        let place = "\(file):\(line)"
        let fr = try workspace.charter.run(["check", "--changed-since", "HEAD"], environment: Self.french)
        #expect(findings(fr) == [
            "\(place):10: error [typography/ellipsis] écrivez les points de suspension `…` (U+2026) au lieu de trois points",
            "\(place):20: error [typography/nbsp] remplacez l’espace avant `:` par une espace insécable (U+00A0)",
            "\(place):26: error [typography/double-space] 2 espaces à la suite\(Self.nbsp): n’en laissez qu’une",
            "\(place):28: error [typography/nbsp] remplacez l’espace après `«` par une espace insécable (U+00A0)",
            "\(place):34: error [typography/nbsp] insérez une espace insécable (U+00A0) avant `»`",
        ], "\(fr.stdout)")
        let en = try workspace.charter.run(["check", "--changed-since", "HEAD"], environment: Self.english)
        #expect(fr.status == en.status)
        #expect(findings(en) == [
            "\(place):10: error [typography/ellipsis] write the ellipsis `…` (U+2026) instead of three dots",
            "\(place):20: error [typography/nbsp] replace the space before `:` with a no-break space (U+00A0)",
            "\(place):26: error [typography/double-space] 2 spaces in a row: leave one",
            "\(place):28: error [typography/nbsp] replace the space after `«` with a no-break space (U+00A0)",
            "\(place):34: error [typography/nbsp] insert a no-break space (U+00A0) before `»`",
        ], "\(en.stdout)")
        // The machine-read reports keep their English messages whatever the language.
        let json = try workspace.charter.run(["check", "--changed-since", "HEAD", "--format", "json"], environment: Self.french)
        #expect(json.stdout.contains("\"message\" : \"replace the space before `:` with a no-break space (U+00A0)\""), "\(json.stdout)")
        #expect(!json.stdout.contains("remplacez"))
    }

    @Test func releaseRefusalSpeaksFrench() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: ["haut-verdal", "pays-d-ormanges"])
        try d.comment("lyon", "pays-d-ormanges", "desaccords", "objection", "Non.")
        let before = try d.workspace.state()
        let refused = try d.run(["release", "v1.0"], environment: Self.french)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("la version v1.0 ne peut pas être publiée\(Self.nbsp):\n  - la clause 10. desaccords «\(Self.nbsp)Accueillir les désaccords\(Self.nbsp)» fait l’objet d’une objection de pays-d-ormanges"),
                "\(refused.stderr)")
        #expect(refused.stderr.contains("conseil\(Self.nbsp): réglez d’abord ces points"))
        #expect(try d.workspace.state() == before)
        let english = try d.run(["release", "v1.0"], environment: Self.english)
        #expect(english.stderr.contains("version v1.0 cannot be released:\n  - clause 10. desaccords « Accueillir les désaccords » has an objection from pays-d-ormanges"))
    }
}
