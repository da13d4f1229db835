import Foundation
import TestSupport
import Testing

/// Passage amendments, the sentence merge in adoption, and `charter blame`, through the binary.
@Suite("charter amend by passage, sentence merge and blame, end to end")
struct SentenceAmendmentTests {
    static let clause = "co-construction"

    @Test("two amendments to different sentences of one paragraph are both adopted without a rebase; blame names both territories")
    func twoSentencesOfOneParagraph() throws {
        let repo = try Amending()
        let first = try repo.propose("pays-d-ormanges", ["--workshop", "lyon", "--clause", Self.clause,
                                                         "--quote", "dès la définition du problème", "--replace", "dès la formulation du problème"])
        let second = try repo.propose("haut-verdal", ["--workshop", "lyon", "--clause", Self.clause,
                                                      "--quote", "et disent honnêtement", "--replace", "et annoncent honnêtement"])
        let change = (try repo.show(second)["amendment"] as? [String: Any])?["change"] as? [String: Any]
        #expect((change?["text"] as? String) == repo.edited(Self.clause, "et disent honnêtement", "et annoncent honnêtement"))

        try repo.ok(["amend", "adopt", first, "--force", "--editor", Amending.editor])
        // The second is still open and applies, merged onto the new text: no rebase asked for.
        #expect(try repo.statuses()[second] == "proposed")
        let shown = try repo.show(second)
        #expect(shown["standing"] as? String == "rebased")
        // `amend show` previews the merge: against the current text, only its own words change.
        let preview = try repo.ok(["amend", "show", second, "--color", "never"])
        #expect(preview.contains("[-disent-]{+annoncent+}") && !preview.contains("[-formulation-]"), "\(preview)")
        let segments = ((shown["againstCurrent"] as? [String: Any])?["body"] as? [String: Any])?["segments"] as? [[String: Any]] ?? []
        let merged = segments.filter { $0["kind"] as? String != "deleted" }.compactMap { $0["text"] as? String }.joined()
        #expect(merged == repo.edited(Self.clause, "et disent honnêtement", "et annoncent honnêtement"))
        #expect(merged.contains("dès la formulation du problème"))

        let adopted = try repo.ok(["amend", "adopt", second, "--force", "--editor", Amending.editor])
        #expect(adopted.contains("merged three ways"))
        let file = try repo.git("show", "HEAD:charter/clauses/\(Self.clause).md")
        #expect(file.contains("dès la formulation du problème") && file.contains("et annoncent honnêtement"))
        #expect(try repo.git("diff", "--name-only", "HEAD~2", "HEAD") == "charter/clauses/\(Self.clause).md\n")

        // Blame: each sentence with the amendment it came through, its territory and workshop.
        let json = try repo.ok(["blame", Self.clause, "--format", "json"])
        let blame = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        let sentences = blame["sentences"] as? [[String: Any]] ?? []
        #expect(sentences.count == 5)
        func amendment(_ index: Int) -> [String: Any]? {
            guard index < sentences.count else { return nil }
            return (sentences[index]["origin"] as? [String: Any])?["amendment"] as? [String: Any]
        }
        #expect(amendment(0)?["territory"] as? String == "pays-d-ormanges")
        #expect(amendment(0)?["shortID"] as? String == first)
        #expect(amendment(1)?["territory"] as? String == "haut-verdal")
        #expect(((amendment(1)?["workshops"] as? [[String: Any]])?.first?["id"] as? String) == "lyon")
        #expect(amendment(2) == nil)
        let head = try repo.log("%H"), previous = try repo.log("%H", "HEAD~1")
        #expect(((sentences.first?["origin"] as? [String: Any])?["revision"] as? [String: Any])?["id"] as? String == previous)
        #expect(((sentences[1]["origin"] as? [String: Any])?["revision"] as? [String: Any])?["id"] as? String == head)

        let text = try repo.ok(["blame", Self.clause, "--lang", "fr"])
        #expect(text.contains("issu de l’amendement \(first) de Pays d’Ormanges, débattu lors de l’atelier «\u{00A0}Atelier de Lyon\u{00A0}» (2026-03-14)"), "\(text)")
        #expect(text.contains("issu de l’amendement \(second) de Communauté du Haut-Verdal"))
        let english = try repo.ok(["blame", "co-construction", "--at", "HEAD~1", "--lang", "en"])
        #expect(english.contains("from amendment \(first) by Pays d’Ormanges") && !english.contains(second))

        // The changelog shows each adopted amendment's text change, word by word.
        let changelog = try repo.ok(["changelog", "HEAD~2", "HEAD"])
        // (The Markdown redline is CriticMarkup: `{~~old~>new~~}`.)
        #expect(changelog.contains("{~~définition~>formulation~~}"), "\(changelog)")
        #expect(changelog.contains("{~~disent~>annoncent~~}"), "\(changelog)")
        let log = try JSONSerialization.jsonObject(with: Data(repo.ok(["changelog", "HEAD~2", "HEAD", "--format", "json"]).utf8)) as? [String: Any]
        let entries = log?["amendments"] as? [[String: Any]] ?? []
        #expect(entries.map { ($0["textChange"] as? [String: Any])?["insertedWords"] as? Int } == [1, 1])
    }

    @Test("a passage edit deletes or inserts after the quoted words; a missing or ambiguous quote is refused, changing nothing")
    func passageEdits() throws {
        let repo = try Amending()
        let deletion = try repo.propose("haut-verdal", ["--clause", Self.clause, "--quote", "clairement", "--delete-quote"])
        let deleted = (try repo.show(deletion)["amendment"] as? [String: Any])?["change"] as? [String: Any]
        #expect(deleted?["text"] as? String == repo.edited(Self.clause, "distinguent clairement l’information", "distinguent l’information"))
        let insertion = try repo.propose("haut-verdal", ["--clause", Self.clause, "--quote", "les arbitrages expliqués",
                                                         "--insert-after-quote", "et datés"])
        let inserted = (try repo.show(insertion)["amendment"] as? [String: Any])?["change"] as? [String: Any]
        #expect(inserted?["text"] as? String == repo.edited(Self.clause, "les arbitrages expliqués", "les arbitrages expliqués et datés"))

        let before = try repo.workspace.state()
        let missing = try repo.run(["amend", "propose", "--territory", "haut-verdal", "--rationale", "x", "--facilitator", Amending.facilitator,
                                    "--clause", Self.clause, "--quote", "des mots absents", "--replace", "y"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("the quote « des mots absents » does not occur in clause `co-construction`"), "\(missing.stderr)")
        let ambiguous = try repo.run(["amend", "propose", "--territory", "haut-verdal", "--rationale", "x", "--facilitator", Amending.facilitator,
                                      "--clause", Self.clause, "--quote", "co-construction", "--replace", "y", "--lang", "fr"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("figure 2 fois dans l’article `co-construction`"), "\(ambiguous.stderr)")
        let both = try repo.run(["amend", "propose", "--territory", "haut-verdal", "--rationale", "x", "--clause", Self.clause,
                                 "--quote", "clairement", "--replace", "y", "--delete-quote"])
        #expect(both.status != 0)
        #expect(try repo.workspace.state() == before)
    }
}
