import Foundation
import GitKit
import Testing

@Suite("Three-way merge of texts")
struct MergeFileTests {
    static let base = "Titre\n\nPremier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.\n"

    static func merge(_ ours: String, _ theirs: String, base: String = base, options: MergeFileOptions = MergeFileOptions()) throws -> MergeFileResult {
        try mergeFile(base: Data(base.utf8), ours: Data(ours.utf8), theirs: Data(theirs.utf8), options: options)
    }

    @Test("changes to different lines merge cleanly, as git merge-file does")
    func clean() throws {
        let ours = Self.base.replacingOccurrences(of: "Premier paragraphe.", with: "Premier paragraphe, revu.")
        let theirs = Self.base.replacingOccurrences(of: "Troisième paragraphe.", with: "Troisième paragraphe, amendé.")
        let result = try Self.merge(ours, theirs)
        #expect(result.isClean)
        #expect(String(decoding: result.content, as: UTF8.self)
                == "Titre\n\nPremier paragraphe, revu.\n\nDeuxième paragraphe.\n\nTroisième paragraphe, amendé.\n")
        #expect(result.hunks == [.clean(result.content)])
    }

    @Test("one side unchanged, or both sides making the same change, takes the change")
    func oneSideAndSameChange() throws {
        let changed = Self.base.replacingOccurrences(of: "Deuxième", with: "Second")
        #expect(try Self.merge(Self.base, changed).content == Data(changed.utf8))
        #expect(try Self.merge(changed, Self.base).content == Data(changed.utf8))
        let same = try Self.merge(changed, changed)
        #expect(same.isClean && same.content == Data(changed.utf8))
        let empty = try Self.merge("", "", base: "")
        #expect(empty.isClean && empty.content.isEmpty)
    }

    @Test("different changes to the same line conflict; hunks give each side and, with diff3, the base")
    func conflict() throws {
        let ours = Self.base.replacingOccurrences(of: "Deuxième paragraphe.", with: "Deuxième paragraphe, selon l’éditrice.")
        let theirs = Self.base.replacingOccurrences(of: "Deuxième paragraphe.", with: "Deuxième paragraphe, selon le territoire.")
        let plain = try Self.merge(ours, theirs, options: MergeFileOptions(ourLabel: "current", theirLabel: "amendment"))
        #expect(!plain.isClean)
        let text = String(decoding: plain.content, as: UTF8.self)
        #expect(text.contains("<<<<<<< current\n") && text.contains("=======\n") && text.contains(">>>>>>> amendment\n"))
        #expect(plain.hunks == [
            .clean(Data("Titre\n\nPremier paragraphe.\n\n".utf8)),
            .conflict(ours: Data("Deuxième paragraphe, selon l’éditrice.\n".utf8), base: nil,
                      theirs: Data("Deuxième paragraphe, selon le territoire.\n".utf8)),
            .clean(Data("\nTroisième paragraphe.\n".utf8)),
        ])

        // A long marker keeps a Markdown underline in the text from being read as one.
        let heading = "Titre\n=======\n\nTexte.\n"
        let diff3 = try Self.merge(heading.replacingOccurrences(of: "Texte.", with: "Texte A."),
                                   heading.replacingOccurrences(of: "Texte.", with: "Texte B."), base: heading,
                                   options: MergeFileOptions(style: .diff3, markerSize: 15))
        #expect(!diff3.isClean)
        #expect(diff3.hunks == [
            .clean(Data("Titre\n=======\n\n".utf8)),
            .conflict(ours: Data("Texte A.\n".utf8), base: Data("Texte.\n".utf8), theirs: Data("Texte B.\n".utf8)),
        ])
    }

    @Test("favouring a side resolves conflicts without markers")
    func favour() throws {
        let ours = Self.base.replacingOccurrences(of: "Deuxième", with: "Nôtre")
        let theirs = Self.base.replacingOccurrences(of: "Deuxième", with: "Leur")
        let result = try Self.merge(ours, theirs, options: MergeFileOptions(favor: .theirs))
        #expect(result.isClean)
        #expect(result.content == Data(theirs.utf8))
        let union = try Self.merge(ours, theirs, options: MergeFileOptions(favor: .union))
        #expect(String(decoding: union.content, as: UTF8.self).contains("Nôtre paragraphe.\nLeur paragraphe.\n"))
    }
}
