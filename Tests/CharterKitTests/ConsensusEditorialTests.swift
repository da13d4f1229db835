import CharterKit
import Testing

/// When a clause's change is only editorial, positions carry forward (EditorialRule).
@Suite("Consensus: editorial changes carry positions forward")
struct ConsensusEditorialTests {
    static let id = ClauseID("transparence")!
    static let title = "La transparence des intentions"
    static let body = "La confiance suppose que chacun dise ce qu’il cherche\u{00A0}: visibilité, « recrutement », accès à un marché.\n\nUn intérêt caché mine l’alliance."

    static func clause(title: String = title, _ body: String) -> Clause { Clause(id: id, title: title, body: body) }

    @Test(arguments: [
        ("straight apostrophes", body.replacingOccurrences(of: "’", with: "'")),
        ("no-break space removed", body.replacingOccurrences(of: "\u{00A0}:", with: " :")),
        ("narrow no-break spaces in the guillemets", body.replacingOccurrences(of: "« ", with: "«\u{202F}").replacingOccurrences(of: " »", with: "\u{202F}»")),
        ("straight quotes for guillemets", body.replacingOccurrences(of: "« ", with: "\"").replacingOccurrences(of: " »", with: "\"")),
        ("other punctuation", body.replacingOccurrences(of: "\u{00A0}: visibilité,", with: " ; visibilité ;")),
        ("a line re-wrapped", body.replacingOccurrences(of: "dise ce", with: "dise\nce")),
        ("spaces doubled, paragraph break made single", body.replacingOccurrences(of: " que ", with: "  que ").replacingOccurrences(of: "\n\n", with: "\n")),
        ("trailing newline", body + "\n"),
        ("Markdown emphasis", body.replacingOccurrences(of: "caché", with: "*caché*")),
        ("a compatibility ligature", body.replacingOccurrences(of: "confiance", with: "con\u{FB01}ance")),
        ("decomposed accents", body.decomposedStringWithCanonicalMapping),
    ])
    func editorialChangesAreEquivalent(change: String, newBody: String) {
        #expect(Array(newBody.unicodeScalars) != Array(Self.body.unicodeScalars), "\(change) changes the text")
        #expect(EditorialRule.equivalent(Self.clause(Self.body), Self.clause(newBody)), "\(change)")
    }

    @Test(arguments: [
        ("a changed word", body.replacingOccurrences(of: "cherche", with: "veut")),
        ("a changed pronoun", body.replacingOccurrences(of: "qu’il", with: "qu’elle")),
        ("an added word", body.replacingOccurrences(of: "caché mine", with: "caché mine toujours")),
        ("a removed word", body.replacingOccurrences(of: "accès à un marché", with: "accès au marché")),
        ("re-ordered words", body.replacingOccurrences(of: "visibilité, « recrutement »", with: "« recrutement », visibilité")),
        ("a changed capital", body.replacingOccurrences(of: "La confiance", with: "la confiance")),
        ("a changed accent", body.replacingOccurrences(of: "intérêt", with: "interet")),
        ("a changed digit", body + " 17"),
    ])
    func changedWordsAreNot(change: String, newBody: String) {
        #expect(!EditorialRule.equivalent(Self.clause(Self.body), Self.clause(newBody)), "\(change)")
    }

    @Test func theTitleCountsToo() {
        #expect(EditorialRule.equivalent(Self.clause(Self.body), Self.clause(title: "La transparence des intentions.", Self.body)))
        #expect(EditorialRule.equivalent(Self.clause(Self.body), Self.clause(title: "La  transparence\u{00A0}des intentions", Self.body)))
        #expect(!EditorialRule.equivalent(Self.clause(Self.body), Self.clause(title: "La transparence des moyens", Self.body)))
    }

    @Test func wordsAreRunsOfLettersAndDigits() {
        #expect(EditorialRule.words("L’ODD\u{00A0}17 : « faire  alliance »…").map(String.init) == ["L", "ODD", "17", "faire", "alliance"])
        #expect(EditorialRule.words("qu'il").map(String.init) == EditorialRule.words("qu’il").map(String.init))
    }
}
