import CharterKit
import Testing

/// The sentence-level three-way merge: cases, then properties over random French-like texts.
@Suite("Sentence merge")
struct SentenceMergeTests {
    static let paragraph = "Co-construire, c’est associer les partenaires dès la définition du problème, et non seulement au moment "
        + "de valider une solution déjà arrêtée. Les signataires distinguent clairement l’information, la consultation, la "
        + "concertation et la co-construction, et disent honnêtement à quel niveau ils invitent les autres.\n\nLorsqu’ils "
        + "s’engagent dans une co-construction, ils acceptent que le résultat diffère.\n"

    @Test func changesToDifferentSentencesOfOneParagraphMerge() throws {
        let current = Self.paragraph.replacingOccurrences(of: "définition", with: "formulation")
        let proposed = Self.paragraph.replacingOccurrences(of: "disent", with: "annoncent")
        let merged = try #require(SentenceMerge.merge(base: Self.paragraph, current: current, proposed: proposed).text)
        #expect(merged == Self.paragraph.replacingOccurrences(of: "définition", with: "formulation")
            .replacingOccurrences(of: "disent", with: "annoncent"))
    }

    @Test func changesToOneSentenceCollideWithEachSideWordByWord() throws {
        let current = Self.paragraph.replacingOccurrences(of: "définition", with: "formulation")
        let proposed = Self.paragraph.replacingOccurrences(of: "partenaires", with: "habitants")
        guard case .collided(let collisions) = SentenceMerge.merge(base: Self.paragraph, current: current, proposed: proposed) else {
            Issue.record("expected a collision")
            return
        }
        #expect(collisions.count == 1)
        let collision = try #require(collisions.first)
        #expect(collision.base.hasPrefix("Co-construire") && collision.base.hasSuffix("arrêtée."))
        #expect(collision.current.contains("formulation") && !collision.current.contains("habitants"))
        #expect(collision.proposed.contains("habitants") && !collision.proposed.contains("formulation"))
        #expect(!collision.structural)
        let words = WordDiff.between(collision.base, collision.proposed)
        #expect(words.insertedWords == 1 && words.deletedWords == 1)
    }

    @Test func anIdenticalChangeOnBothSidesMerges() throws {
        let both = Self.paragraph.replacingOccurrences(of: "définition", with: "formulation")
        #expect(SentenceMerge.merge(base: Self.paragraph, current: both, proposed: both).text == both)
    }

    @Test func aSentenceAddedAfterOneTheOtherSideChangesMerges() throws {
        let current = Self.paragraph.replacingOccurrences(of: "arrêtée.", with: "arrêtée. Elle commence tôt.")
        let proposed = Self.paragraph.replacingOccurrences(of: "disent", with: "annoncent")
        let merged = try #require(SentenceMerge.merge(base: Self.paragraph, current: current, proposed: proposed).text)
        #expect(merged.contains("arrêtée. Elle commence tôt. Les signataires") && merged.contains("annoncent"))
    }

    @Test func twoSentencesAddedAtOnePlaceCollide() {
        let current = Self.paragraph.replacingOccurrences(of: "arrêtée.", with: "arrêtée. Elle commence tôt.")
        let proposed = Self.paragraph.replacingOccurrences(of: "arrêtée.", with: "arrêtée. Elle finit tard.")
        #expect(SentenceMerge.merge(base: Self.paragraph, current: current, proposed: proposed).text == nil)
    }

    @Test func aListItemIsNotMergedIntoAParagraph() {
        // One side makes the second line a list item, the other joins the two lines: merged
        // sentence by sentence, the list item would become text in a paragraph.
        let base = "Nous agissons.\nNous mesurons.\n"
        let current = "Nous agissons. Nous mesurons.\n"
        let proposed = "Nous agissons.\n- Nous mesurons.\n"
        guard case .collided(let collisions) = SentenceMerge.merge(base: base, current: current, proposed: proposed) else {
            Issue.record("expected a structural collision")
            return
        }
        #expect(collisions.map(\.structural) == [true])
    }

    @Test func aHeadingInsideAClauseKeepsItsLine() throws {
        let base = "## Principe\nNous agissons. Nous mesurons.\n"
        let current = "## Principe commun\nNous agissons. Nous mesurons.\n"
        let proposed = "## Principe\nNous agissons. Nous mesurons tout.\n"
        let merged = try #require(SentenceMerge.merge(base: base, current: current, proposed: proposed).text)
        #expect(merged == "## Principe commun\nNous agissons. Nous mesurons tout.\n")
    }

    @Test func clauseFilesMergeFrontMatterByLineAndBodyBySentence() throws {
        let base = "---\nid: co-construction\ntitle: Co-construire\n---\n\n" + Self.paragraph
        let current = base.replacingOccurrences(of: "title: Co-construire", with: "title: Co-construire vraiment")
            .replacingOccurrences(of: "définition", with: "formulation")
        let proposed = base.replacingOccurrences(of: "disent", with: "annoncent")
        let merged = try #require(SentenceMerge.mergeFile(base: base, current: current, proposed: proposed).text)
        #expect(merged == current.replacingOccurrences(of: "disent", with: "annoncent"))
        let retitled = base.replacingOccurrences(of: "title: Co-construire", with: "title: Co-construire ensemble")
        #expect(SentenceMerge.mergeFile(base: base, current: current, proposed: retitled).text == nil)
    }

    // MARK: Properties

    static let words = ["alliance", "territoire", "commun", "atelier", "charte", "partenaires", "écoute", "confiance",
                        "engagement", "valeur", "l’envie", "d’agir", "ensemble", "temps", "long", "juste", "place",
                        "M.", "art.", "3,5\u{00A0}%", "1.2", "«\u{00A0}faire\u{00A0}»", "cf."]

    static func sentence(_ random: inout SplitMix64) -> String {
        let count = Int.random(in: 3...9, using: &random)
        var words = (0..<count).map { _ in Self.words.randomElement(using: &random) ?? "alliance" }
        words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
        if words[0].first?.isLetter != true { words[0] = "Nous" }
        if words[count - 1].hasSuffix(".") { words[count - 1] += " encore" }
        return words.joined(separator: " ") + [".", ".", ".", "\u{00A0}?", "\u{00A0}!", "…"].randomElement(using: &random)!
    }

    /// A body of 1 to 3 paragraphs of 1 to 5 sentences, some of them list items.
    static func body(_ random: inout SplitMix64) -> [[String]] {
        (0..<Int.random(in: 1...3, using: &random)).map { _ in
            (0..<Int.random(in: 1...5, using: &random)).map { _ in sentence(&random) }
        }
    }

    static func render(_ paragraphs: [[String]]) -> String {
        paragraphs.map { $0.joined(separator: " ") }.joined(separator: "\n\n") + "\n"
    }

    /// An edit of some sentences (by paragraph and index): each replaced by a new sentence.
    static func edit(_ paragraphs: [[String]], at places: [(Int, Int)], _ random: inout SplitMix64) -> [[String]] {
        var edited = paragraphs
        for (p, s) in places { edited[p][s] = sentence(&random) }
        return edited
    }

    static func places(_ paragraphs: [[String]]) -> [(Int, Int)] {
        paragraphs.indices.flatMap { p in paragraphs[p].indices.map { (p, $0) } }
    }

    @Test func disjointEditsMergeToBothInEitherOrder() throws {
        var random = SplitMix64(seed: 0x5E47_E0CE)
        var checked = 0
        for _ in 0..<300 {
            let base = Self.body(&random)
            let all = Self.places(base).shuffled(using: &random)
            guard all.count >= 2 else { continue }
            let cut = Int.random(in: 1..<all.count, using: &random)
            let mine = Array(all[..<cut].prefix(Int.random(in: 1...cut, using: &random)))
            let theirs = Array(all[cut...].prefix(Int.random(in: 1...(all.count - cut), using: &random)))
            let current = Self.edit(base, at: mine, &random)
            let proposed = Self.edit(base, at: theirs, &random)
            var both = current
            for (p, s) in theirs { both[p][s] = proposed[p][s] }
            let text = Self.render(base), a = Self.render(current), b = Self.render(proposed)
            let merged = SentenceMerge.merge(base: text, current: a, proposed: b).text
            #expect(merged == Self.render(both), "base: \(text)\ncurrent: \(a)\nproposed: \(b)")
            #expect(SentenceMerge.merge(base: text, current: b, proposed: a).text == merged)
            // Applying theirs then mine gives the same text as mine then theirs.
            var reversed = proposed
            for (p, s) in mine { reversed[p][s] = current[p][s] }
            #expect(merged == Self.render(reversed))
            checked += 1
        }
        #expect(checked > 250)
    }

    @Test func editsToOneSentenceCollideUnlessIdentical() {
        var random = SplitMix64(seed: 0xC011_1DE5)
        for _ in 0..<200 {
            let base = Self.body(&random)
            guard let place = Self.places(base).randomElement(using: &random) else { continue }
            let current = Self.edit(base, at: [place], &random)
            var proposed = Self.edit(base, at: [place], &random)
            let text = Self.render(base)
            if current[place.0][place.1] == proposed[place.0][place.1] { continue }
            #expect(SentenceMerge.merge(base: text, current: Self.render(current), proposed: Self.render(proposed)).text == nil)
            #expect(SentenceMerge.merge(base: text, current: Self.render(proposed), proposed: Self.render(current)).text == nil)
            proposed = current
            #expect(SentenceMerge.merge(base: text, current: Self.render(current), proposed: Self.render(proposed)).text == Self.render(current))
        }
    }

    @Test func mergingWithAnEmptyChangeIsTheIdentity() {
        var random = SplitMix64(seed: 0x1DE7_1717)
        for _ in 0..<200 {
            let base = Self.body(&random)
            let changed = Self.render(Self.edit(base, at: Array(Self.places(base).prefix(2)), &random))
            let text = Self.render(base)
            #expect(SentenceMerge.merge(base: text, current: text, proposed: changed).text == changed)
            #expect(SentenceMerge.merge(base: text, current: changed, proposed: text).text == changed)
            #expect(SentenceMerge.merge(base: text, current: text, proposed: text).text == text)
        }
    }

    @Test func aSideSplitsIntoTheSentencesItWasBuiltFrom() {
        var random = SplitMix64(seed: 0x5B117)
        for _ in 0..<200 {
            let base = Self.body(&random)
            #expect(SentenceSplitter.sentences(Self.render(base)) == base.flatMap { $0 })
        }
    }

    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49EB_2D3D_7C6D
            return z ^ (z >> 31)
        }
    }
}
