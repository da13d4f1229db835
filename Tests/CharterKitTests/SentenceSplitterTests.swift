import CharterKit
import Testing

/// The French sentence splitter against a corpus of cases with their expected sentences.
@Suite("French sentence splitter")
struct SentenceSplitterTests {
    /// A text and the sentences it holds (trimmed), in order.
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var sentences: [String]
        var testDescription: String { text }
        init(_ text: String, _ sentences: [String]) {
            self.text = text
            self.sentences = sentences
        }
    }

    static let nbsp = "\u{00A0}"

    static let corpus: [Case] = [
        // Plain endings.
        Case("Nous agissons. Nous mesurons.", ["Nous agissons.", "Nous mesurons."]),
        Case("Qui décide\(nbsp)? Les territoires.", ["Qui décide\(nbsp)?", "Les territoires."]),
        Case("Enfin\(nbsp)! Une charte commune.", ["Enfin\(nbsp)!", "Une charte commune."]),
        Case("Une seule phrase sans point final", ["Une seule phrase sans point final"]),
        Case("Trois. Phrases. Courtes.", ["Trois.", "Phrases.", "Courtes."]),
        Case("Première phrase.  Deuxième après deux espaces.", ["Première phrase.", "Deuxième après deux espaces."]),
        Case("Elle vient\(nbsp)?! Oui.", ["Elle vient\(nbsp)?!", "Oui."]),
        Case("Pourquoi\(nbsp)? parce que tout se tient.", ["Pourquoi\(nbsp)? parce que tout se tient."]),
        Case("Nous avons dit ceci. à minuscule, la phrase continue.", ["Nous avons dit ceci. à minuscule, la phrase continue."]),
        Case("Émile arrive. À demain.", ["Émile arrive.", "À demain."]),
        // Abbreviations.
        Case("M. Dupont et Mme Durand sont venus. Ils ont signé.", ["M. Dupont et Mme Durand sont venus.", "Ils ont signé."]),
        Case("MM. Martin et Benali ont parlé. Puis ils sont partis.", ["MM. Martin et Benali ont parlé.", "Puis ils sont partis."]),
        Case("Voir l’art. 3 de la loi. Il prévoit tout.", ["Voir l’art. 3 de la loi.", "Il prévoit tout."]),
        Case("Ce principe (cf. Annexe 2) est central. Il guide nos choix.", ["Ce principe (cf. Annexe 2) est central.", "Il guide nos choix."]),
        Case("Le rapport, cf. Partie II, le dit. Nous le suivons.", ["Le rapport, cf. Partie II, le dit.", "Nous le suivons."]),
        Case("Voir p. 12 et pp. 30-31. La suite ensuite.", ["Voir p. 12 et pp. 30-31.", "La suite ensuite."]),
        Case("Les élus, les associations, etc. Tous sont concernés.", ["Les élus, les associations, etc.", "Tous sont concernés."]),
        Case("Les élus, les associations, etc. sont concernés.", ["Les élus, les associations, etc. sont concernés."]),
        Case("Le décret n° 12 s’applique. Il est récent.", ["Le décret n° 12 s’applique.", "Il est récent."]),
        Case("J. Martin a écrit la préface. Elle est courte.", ["J. Martin a écrit la préface.", "Elle est courte."]),
        Case("Selon Dr. Leroy, tout va bien. Nous verrons.", ["Selon Dr. Leroy, tout va bien.", "Nous verrons."]),
        Case("Par ex. Nantes ou Lyon. Deux villes.", ["Par ex. Nantes ou Lyon.", "Deux villes."]),
        // Numbers.
        Case("La version 1.2 est publiée. Elle corrige tout.", ["La version 1.2 est publiée.", "Elle corrige tout."]),
        Case("Le taux est de 3,5\(nbsp)%. Il baisse.", ["Le taux est de 3,5\(nbsp)%.", "Il baisse."]),
        Case("Nous étions 1.500 en 2021. 2022 fut meilleure.", ["Nous étions 1.500 en 2021.", "2022 fut meilleure."]),
        Case("Le chiffre atteint 12. Puis il recule.", ["Le chiffre atteint 12.", "Puis il recule."]),
        // Quotes.
        Case("Elle a dit\(nbsp): «\(nbsp)Nous viendrons. Tous.\(nbsp)» Puis elle est partie.",
             ["Elle a dit\(nbsp): «\(nbsp)Nous viendrons. Tous.\(nbsp)»", "Puis elle est partie."]),
        Case("«\(nbsp)Viendrez-vous\(nbsp)?\(nbsp)» demanda-t-il. Personne ne répondit.",
             ["«\(nbsp)Viendrez-vous\(nbsp)?\(nbsp)» demanda-t-il.", "Personne ne répondit."]),
        Case("Le mot «\(nbsp)alliance\(nbsp)» revient. «\(nbsp)Ensemble\(nbsp)» aussi.",
             ["Le mot «\(nbsp)alliance\(nbsp)» revient.", "«\(nbsp)Ensemble\(nbsp)» aussi."]),
        Case("Il écrit “Nous agissons. Nous mesurons.” Et il signe.", ["Il écrit “Nous agissons. Nous mesurons.”", "Et il signe."]),
        Case("Il écrit \"Agir. Mesurer.\" Et il signe.", ["Il écrit \"Agir. Mesurer.\"", "Et il signe."]),
        Case("C’est l’alliance. L’envie d’agir suit.", ["C’est l’alliance.", "L’envie d’agir suit."]),
        Case("(Ceci est une parenthèse.) Voici la suite.", ["(Ceci est une parenthèse.)", "Voici la suite."]),
        // Ellipses.
        Case("Nous hésitions… Puis nous avons décidé.", ["Nous hésitions…", "Puis nous avons décidé."]),
        Case("Nous hésitions… et puis nous avons décidé.", ["Nous hésitions… et puis nous avons décidé."]),
        Case("Nous hésitions... Puis nous avons décidé.", ["Nous hésitions...", "Puis nous avons décidé."]),
        Case("«\(nbsp)Les territoires […] Ils agissent\(nbsp)» dit-elle.", ["«\(nbsp)Les territoires […] Ils agissent\(nbsp)» dit-elle."]),
        Case("Le texte cité […] Reprend ensuite.", ["Le texte cité […] Reprend ensuite."]),
        // Lists and Markdown blocks.
        Case("Nous nous engageons à\(nbsp):\n- écouter\(nbsp);\n- agir.", ["Nous nous engageons à\(nbsp):", "- écouter\(nbsp);", "- agir."]),
        Case("Trois étapes\(nbsp):\n1. Écouter.\n2. Agir.\n3. Mesurer.", ["Trois étapes\(nbsp):", "1. Écouter.", "2. Agir.", "3. Mesurer."]),
        Case("1. Premier point. Il a deux phrases.\n2. Second point.", ["1. Premier point.", "Il a deux phrases.", "2. Second point."]),
        Case("## Un titre\nLe paragraphe suit.", ["## Un titre", "Le paragraphe suit."]),
        Case("> Une citation. Deux phrases.\n\nLe texte reprend.", ["> Une citation.", "Deux phrases.", "Le texte reprend."]),
        Case("* Une puce\n* Une autre puce", ["* Une puce", "* Une autre puce"]),
        // Line breaks.
        Case("Premier paragraphe.\n\nSecond paragraphe.", ["Premier paragraphe.", "Second paragraphe."]),
        Case("Une phrase coupée\nsur deux lignes. Une autre.", ["Une phrase coupée\nsur deux lignes.", "Une autre."]),
        Case("Une ligne finie.\nune autre ligne.", ["Une ligne finie.", "une autre ligne."]),
        Case("Un paragraphe sans point\n\nUn autre", ["Un paragraphe sans point", "Un autre"]),
        // Links and emphasis.
        Case("Lire [le guide. Tout](https://exemple.org/guide.html) avant. Puis signer.",
             ["Lire [le guide. Tout](https://exemple.org/guide.html) avant.", "Puis signer."]),
        Case("*Nous agissons.* Ensuite nous mesurons.", ["*Nous agissons.*", "Ensuite nous mesurons."]),
        Case("Fin du texte. **Important** : relire.", ["Fin du texte.", "**Important** : relire."]),
        Case("Voir www.exemple.org pour tout. Merci.", ["Voir www.exemple.org pour tout.", "Merci."]),
    ]

    @Test("corpus", arguments: corpus)
    func splits(_ example: Case) {
        #expect(SentenceSplitter.sentences(example.text) == example.sentences)
    }

    @Test func theCorpusHasAtLeastFortyCases() {
        #expect(Self.corpus.count >= 40)
    }

    @Test("segments rebuild the text", arguments: corpus)
    func segmentsRebuildTheText(_ example: Case) {
        let segments = SentenceSplitter.segments(example.text + "\n")
        #expect(segments.map(\.text).joined() == example.text + "\n")
        // Sentences and separators alternate; separators are whitespace only.
        for (a, b) in zip(segments, segments.dropFirst()) { #expect(a.kind != b.kind) }
        for segment in segments where segment.kind == .separator { #expect(segment.text.allSatisfy { $0.isWhitespace }) }
    }
}
