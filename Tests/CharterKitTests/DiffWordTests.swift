import Foundation
import Testing
@testable import CharterKit

@Suite("WordDiff")
struct DiffWordTests {
    /// Checks the invariants every word diff must hold.
    func checked(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> WordDiff {
        let diff = WordDiff.between(old, new)
        #expect(Array(diff.oldText.utf8) == Array(old.utf8), sourceLocation: sourceLocation)
        #expect(Array(diff.newText.utf8) == Array(new.utf8), sourceLocation: sourceLocation)
        for (a, b) in zip(diff.segments, diff.segments.dropFirst()) {
            #expect(a.kind != b.kind, "adjacent segments of one kind", sourceLocation: sourceLocation)
        }
        #expect(!diff.segments.contains { $0.text.isEmpty }, sourceLocation: sourceLocation)
        return diff
    }

    func marked(_ diff: WordDiff) -> String {
        diff.segments.map { segment in
            switch segment.kind {
            case .equal: segment.text
            case .deleted: "[-\(segment.text)-]"
            case .inserted: "{+\(segment.text)+}"
            }
        }.joined()
    }

    @Test func identicalTextsAreEmpty() {
        let diff = checked("La charte du faire alliance.", "La charte du faire alliance.")
        #expect(diff.isEmpty)
        #expect(diff.insertedWords == 0 && diff.deletedWords == 0)
        #expect(diff.segments == [DiffSegment(kind: .equal, text: "La charte du faire alliance.")])
    }

    @Test func emptyStrings() {
        let both = checked("", "")
        #expect(both.isEmpty)
        #expect(both.segments.isEmpty)

        let fromEmpty = checked("", "Un texte neuf.")
        #expect(fromEmpty.segments == [DiffSegment(kind: .inserted, text: "Un texte neuf.")])
        #expect(fromEmpty.insertedWords == 3)
        #expect(fromEmpty.deletedWords == 0)
        #expect(!fromEmpty.isEmpty)

        let toEmpty = checked("Tout part.", "")
        #expect(toEmpty.segments == [DiffSegment(kind: .deleted, text: "Tout part.")])
        #expect(toEmpty.deletedWords == 2)
    }

    @Test func singleWordReplaced() {
        let diff = checked("Le texte ancien reste.", "Le texte nouveau reste.")
        #expect(marked(diff) == "Le texte [-ancien-]{+nouveau+} reste.")
        #expect(diff.insertedWords == 1)
        #expect(diff.deletedWords == 1)
    }

    @Test func replacementGroupsAcrossKeptSpaces() {
        let diff = checked("a b c", "a x y c")
        #expect(marked(diff) == "a [-b-]{+x y+} c")
        #expect(diff.deletedWords == 1)
        #expect(diff.insertedWords == 2)

        let longer = checked("nous allons ensemble vers demain", "vous venez seuls vers demain")
        #expect(marked(longer) == "[-nous allons ensemble-]{+vous venez seuls+} vers demain")
    }

    @Test func pureInsertionStaysAnInsertion() {
        let diff = checked("un deux", "un trois quatre deux")
        #expect(diff.deletedWords == 0)
        #expect(diff.insertedWords == 2)
        #expect(!diff.segments.contains { $0.kind == .deleted })
    }

    @Test func accentsAreWordLetters() {
        let diff = checked("Les élèves créent.", "Les élèves créèrent.")
        #expect(marked(diff) == "Les élèves [-créent-]{+créèrent+}.")
        #expect(diff.insertedWords == 1 && diff.deletedWords == 1)
        #expect(WordToken.wordCount("Ça déçoit où ? Œuvre 2024") == 5)
    }

    @Test func decomposedAccentsStayByteExact() {
        // "é" precomposed vs "e" + combining acute: equal as Strings, not as bytes.
        let composed = "Un été.", decomposed = "Un e\u{301}te\u{301}."
        let diff = checked(composed, decomposed)
        #expect(!diff.isEmpty)
        #expect(marked(diff).contains("[-été-]"))
    }

    @Test func frenchPunctuationWithNonBreakingSpaces() {
        let old = "Il dit\u{A0}: «\u{A0}faire alliance\u{A0}» ; c’est tout."
        let new = "Il dit\u{A0}: «\u{A0}faire ensemble\u{A0}» ; c’est tout\u{A0}!"
        let diff = checked(old, new)
        #expect(marked(diff) == "Il dit\u{A0}: «\u{A0}faire [-alliance-]{+ensemble+}\u{A0}» ; c’est tout[-.-]{+\u{A0}!+}")
        #expect(diff.deletedWords == 1)
        #expect(diff.insertedWords == 1)
        // Guillemets, colons and the apostrophe are not words.
        #expect(WordToken.wordCount(old) == 7)
    }

    @Test func newlinesAreKept() {
        let old = "Premier alinéa.\n\nDeuxième alinéa\nsur deux lignes.\n"
        let new = "Premier alinéa.\n\nSecond alinéa\nsur deux lignes.\r\nTroisième.\n"
        let diff = checked(old, new)
        #expect(diff.deletedWords == 1)
        #expect(diff.insertedWords == 2)
    }

    @Test func whitespaceOnlyChange() {
        let diff = checked("deux  espaces", "deux espaces")
        #expect(!diff.isEmpty)
        #expect(diff.insertedWords == 0 && diff.deletedWords == 0)
    }

    @Test func codableRecomputesCounts() throws {
        let diff = WordDiff.between("le chat dort", "le chien dort bien")
        let data = try JSONEncoder().encode(diff)
        let decoded = try JSONDecoder().decode(WordDiff.self, from: data)
        #expect(decoded == diff)
        #expect(decoded.insertedWords == 2 && decoded.deletedWords == 1)
    }

    @Test func segmentsInitMergesAndDropsEmpty() {
        let diff = WordDiff(segments: [
            DiffSegment(kind: .equal, text: "a"), DiffSegment(kind: .equal, text: " "),
            DiffSegment(kind: .deleted, text: ""), DiffSegment(kind: .inserted, text: "b"),
        ])
        #expect(diff.segments == [DiffSegment(kind: .equal, text: "a "), DiffSegment(kind: .inserted, text: "b")])
        #expect(diff.insertedWords == 1)
    }

    @Test func randomTextsReconstructExactly() {
        var random = DiffFixtures.SplitMix64(seed: 7)
        for _ in 0..<300 {
            let old = random.frenchText(words: Int(random.next(upTo: 40)))
            let new = random.edited(old)
            _ = checked(old, new)
        }
    }
}
