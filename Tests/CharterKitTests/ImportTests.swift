import CharterKit
import Testing

@Suite("Importing a Markdown document")
struct ImportTests {
    @Test(arguments: [
        ("Nos critères", "nos-criteres"),
        ("La « juste place » de chacun", "la-juste-place-de-chacun"),
        ("L’œuvre commune : ODD 17 !", "l-oeuvre-commune-odd-17"),
        ("   ", "clause"),
        ("Ça déçoit", "ca-decoit"),
    ])
    func slugFoldsFrenchAccents(title: String, slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test func slugCollisionsAreMadeUnique() {
        #expect(Slug.unique("Confiance", taken: ["confiance"]) == "confiance-2")
        #expect(Slug.unique("Confiance", taken: ["confiance", "confiance-2"]) == "confiance-3")
    }

    static let document = """
        # Charte du faire alliance

        Un texte d’introduction.

        ## Nos critères

        Premier paragraphe.

        ```
        ## pas un titre
        ```

        # Principes

        Texte d’introduction de la partie.

        ## La confiance
        Texte collé au titre.
        ## Nos critères

        Un doublon.

        """

    @Test func cutsAtTheLevelKeepingBodiesByteForByte() {
        let document = MarkdownDocument(Self.document, level: 2)
        #expect(document.title == "Charte du faire alliance")
        #expect(document.preamble == "\nUn texte d’introduction.\n\n")
        #expect(document.groups.map(\.title) == [nil, "Principes"])
        #expect(document.parts.map(\.title) == ["Nos critères", "Principes", "La confiance", "Nos critères"])
        #expect(document.parts[0].body == "Premier paragraphe.\n\n```\n## pas un titre\n```\n\n")
        #expect(document.parts[1].body == "Texte d’introduction de la partie.\n\n")
        #expect(document.parts[2].body == "Texte collé au titre.\n")
        #expect(document.parts.map(\.line) == [5, 13, 17, 19])
        #expect(MarkdownDocument("# T\n\n## A\n\nx\n\n# Partie\n\n## B\n\ny\n", level: 2).parts.map(\.title) == ["A", "B"])
    }

    @Test func charterFromDocumentHasUniqueIDsAndPreamble() {
        let charter = DocumentImport.charter(from: MarkdownDocument(Self.document, level: 2), title: nil)
        #expect(charter.manifest.title == "Charte du faire alliance")
        #expect(charter.manifest.clauseOrder.map(\.rawValue) == ["preambule", "nos-criteres", "principes", "la-confiance", "nos-criteres-2"])
        #expect(charter.manifest.sections.map(\.title) == ["Préambule", "Articles", "Principes"])
        #expect(charter.clauses[ClauseID("preambule")!]?.body == "Un texte d’introduction.\n\n")
    }

    @Test func aRenamedHeadingKeepsItsID() {
        let before = DocumentImport.charter(from: MarkdownDocument("""
            ## Les territoires
            Les territoires sont au cœur de la démarche et de la co-construction du bien commun.
            ## La confiance
            La confiance est un contrat entre les parties prenantes de l’alliance.
            """, level: 2), title: "C")
        let after = DocumentImport.charter(from: MarkdownDocument("""
            ## Les territoires
            Les territoires sont au cœur de la démarche et de la co-construction du bien commun.
            ## Une nouvelle clause
            Rien à voir avec le reste du texte ici présent.
            ## La confiance, un contrat
            La confiance est un contrat entre les parties prenantes de l’alliance durable.
            """, level: 2), title: "C", previous: before)
        #expect(after.manifest.clauseOrder.map(\.rawValue) == ["les-territoires", "une-nouvelle-clause", "la-confiance"])
        #expect(after.clauses[ClauseID("la-confiance")!]?.title == "La confiance, un contrat")
    }

    @Test func positionHelpsTellApartSimilarSections() {
        let previous = [
            Clause(id: ClauseID("a")!, title: "A", body: "un deux trois quatre"),
            Clause(id: ClauseID("b")!, title: "B", body: "cinq six sept huit"),
        ]
        let ids = ClauseMatcher.assignIDs(previous: previous, new: [("A2", "un deux trois cinq"), ("B2", "cinq six sept neuf")])
        #expect(ids.map(\.rawValue) == ["a", "b"])
    }
}
