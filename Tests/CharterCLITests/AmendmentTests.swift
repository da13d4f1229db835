import Foundation
import TestSupport
import Testing

@Suite("charter amend, end to end")
struct AmendmentTests {
    @Test("a replacement with consensus is adopted as one commit: editor as author, territory as co-author, trailers")
    func replaceWithConsensus() throws {
        let repo = try Amending()
        let text = repo.edited("juste-place", "ni instrumentalisé, ni effacé", "jamais instrumentalisé ni effacé")
        let id = try repo.propose("haut-verdal", ["--workshop", "lyon", "--clause", "juste-place", "--title", "La juste place",
                                                  "--text-file", repo.input("juste.md", text)],
                                  rationale: "Une formulation plus nette.")
        let list = try repo.ok(["amend", "list"])
        #expect(list.contains("\(id)  proposed      open"))
        #expect(list.contains("haut-verdal  replace juste-place (retitled « La juste place »)  (7. La juste place de chacun)"))
        let show = try repo.ok(["amend", "show", String(id.suffix(5)), "--color", "never"])
        #expect(show.contains("proposed by: Communauté du Haut-Verdal (haut-verdal) at workshop lyon"))
        #expect(show.contains("status:      proposed (applies to the current text)"))
        #expect(show.contains("7. juste-place « La juste place de chacun »: text replaced, retitled « La juste place » (+1 −1 words)"))
        #expect(show.contains("[-ni-]{+jamais+} instrumentalisé[-,-] ni effacé"))

        // Three supports are short of the quorum (4): refused, exit 1, nothing changed.
        try repo.position(id, "support", ["haut-verdal", "pays-d-ormanges", "ile-de-keraven"])
        let before = try repo.workspace.state()
        let refused = try repo.run(["amend", "adopt", id])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("amendment \(id) has no consensus: its status is open; 3 current position(s), quorum 4"))
        #expect(try repo.workspace.state() == before)

        try repo.position(id, "reservation", ["port-saint-aubin"])
        let adopted = try repo.ok(["amend", "adopt", id, "--editor", Amending.editor])
        let head = try repo.log("%h")
        #expect(adopted.contains("Adopted amendment \(id) as \(head)."))
        #expect(try repo.log("%an <%ae>") == Amending.editor)
        #expect(try repo.log("%s") == "Amendment \(id): amend « La juste place de chacun » (juste-place)")
        let fullID = try repo.show(id)["amendment"].flatMap { ($0 as? [String: Any])?["id"] as? String } ?? "?"
        #expect(try repo.log("%(trailers:only,unfold)") == """
            Amendment: \(fullID)
            Proposed-by: haut-verdal
            Consensus: consensus-with-reservations
            Co-authored-by: Communauté du Haut-Verdal <haut-verdal@territories.invalid>
            """)
        #expect(try repo.git("diff", "--name-only", "HEAD~1", "HEAD") == "charter/clauses/juste-place.md\n")
        #expect(repo.workspace.read("charter/clauses/juste-place.md")?.contains("title: La juste place\n") == true)
        #expect(repo.body("juste-place") == text)
        #expect(try repo.git("status", "--porcelain").isEmpty)
        #expect(try repo.statuses()[id] == "adopted")
        try repo.git.fsck()

        // The history and the diff name the amendment.
        #expect(try repo.ok(["log", "juste-place", "-n", "1"]).contains("· amendment \(id), proposed by haut-verdal"))
        let diff = try repo.ok(["diff", "HEAD~1", "HEAD", "--amendments"])
        #expect(diff.contains("7. juste-place  « La juste place »  modified (+1 −1 words), retitled (was « La juste place de chacun »)  [amendment \(id)]"),
                "\(diff)")
        let again = try repo.run(["amend", "adopt", id])
        #expect(again.status == 2 && again.stderr.contains("amendment \(id) was adopted in \(head)"))
    }

    @Test("insertions, deletions and moves edit the manifest in place; --force adopts without consensus and says so")
    func insertDeleteMoveForced() throws {
        let repo = try Amending()
        let insert = try repo.propose("ile-de-keraven", ["--insert-after", "le-territoire", "--id", "littoral", "--title", "Le littoral",
                                                         "--text-file", "-"], input: "Les territoires littoraux ont leurs alliances.\n")
        let delete = try repo.propose("haut-verdal", ["--delete", "temps-long"])
        let move = try repo.propose("bassin-de-carvignac", ["--move", "transparence", "--after", "preambule"])
        try repo.position(delete, "objection", ["plateau-des-mille-sources"])
        #expect(try repo.statuses() == [insert: "proposed", delete: "proposed", move: "proposed"])

        let before = try repo.workspace.state()
        let refused = try repo.run(["amend", "adopt", delete])
        #expect(refused.status == 1 && refused.stderr.contains("its status is objection (objection from plateau-des-mille-sources)"))
        #expect(try repo.workspace.state() == before)

        for id in [insert, delete, move] {
            #expect(try repo.ok(["amend", "adopt", id, "--force"]).contains("(forced, without consensus)"))
            #expect(try repo.log("%(trailers:key=Forced,valueonly)") == "adopted without consensus")
            let adoption = (try repo.show(id)["amendment"] as? [String: Any])?["adoption"] as? [String: Any]
            #expect(adoption?["forced"] as? Bool == true)
        }
        #expect(try repo.log("%(trailers:key=Consensus,valueonly)", "HEAD~1") == "objection")
        let manifest = repo.workspace.read("charter/charter.yml") ?? ""
        #expect(manifest.contains("    clauses: [preambule, transparence]\n"))
        #expect(manifest.contains("    clauses: [contrat-de-confiance, juste-place, gouvernance-partagee, desaccords]\n"))
        #expect(manifest.contains("    clauses: [le-territoire, littoral, diversite-des-acteurs, co-construction, bonnes-nouvelles]\n"))
        #expect(manifest.contains("    clauses: [demarche-apprenante, innovation-performance-confiance, charte-vivante]\n"))
        #expect(manifest.contains("  - title: \"Le sens de l’alliance\"\n"), "the rest of the manifest is kept as written")
        #expect(repo.workspace.read("charter/clauses/littoral.md") == "---\nid: littoral\ntitle: Le littoral\n---\n\nLes territoires littoraux ont leurs alliances.\n")
        #expect(repo.workspace.read("charter/clauses/temps-long.md") == nil)
        #expect(try repo.git("status", "--porcelain").isEmpty)
        #expect(try repo.ok(["list"]).contains("    2. La transparence des intentions et des moyens  [transparence]"))
        #expect(try repo.git("log", "--format=%s", "-3") == """
            Amendment \(move): move « La transparence des intentions et des moyens » (transparence) after preambule
            Amendment \(delete): delete « Le temps de l’alliance » (temps-long)
            Amendment \(insert): insert « Le littoral » (littoral) after le-territoire

            """)
    }

    @Test("after an editor's commit, an amendment merges cleanly or needs a rebase; its proposer rebases it; a collision refuses, changing nothing")
    func mergesAndRebases() throws {
        let repo = try Amending()
        let first = "L’alliance n’est pas une fin en soi."
        let second = "L’intérêt général ne se décrète pas d’en haut"
        let secondParagraph = try repo.propose("pays-d-ormanges", ["--clause", "bien-commun", "--text-file",
                                                                   repo.input("p2.md", repo.edited("bien-commun", second, "L’intérêt général ne se proclame pas d’en haut"))])
        let firstParagraph = try repo.propose("haut-verdal", ["--clause", "bien-commun", "--text-file",
                                                              repo.input("p1.md", repo.edited("bien-commun", first, "L’alliance n’est jamais une fin en soi."))])
        let sameWords = try repo.propose("ile-de-keraven", ["--clause", "bien-commun", "--text-file",
                                                            repo.input("p1b.md", repo.edited("bien-commun", first, "L’alliance n’est pas un but en soi."))])

        // The editor rewrites the first paragraph with plain git.
        try repo.workspace.write("charter/clauses/bien-commun.md",
                                 (repo.workspace.read("charter/clauses/bien-commun.md") ?? "").replacingOccurrences(of: first, with: "L’alliance n’est surtout pas une fin en soi."))
        try repo.git.commitAll("Relecture du bien commun")
        #expect(try repo.statuses() == [secondParagraph: "proposed", firstParagraph: "needs-rebase", sameWords: "needs-rebase"])
        let list = try repo.ok(["amend", "list", "--clause", "2"])
        #expect(list.contains("\(secondParagraph)  proposed ") && list.contains("re-based automatically onto the current text"))
        #expect(list.contains("collides with the current text: the clause changed since the amendment's base and the changes collide"))

        // A collision refuses the adoption, shows both sides against the base, and changes nothing.
        let before = try repo.workspace.state()
        let refused = try repo.run(["amend", "adopt", firstParagraph, "--force"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("amendment \(firstParagraph) does not apply to the text at"))
        #expect(refused.stderr.contains("the text since the base:\n      │ L’alliance n’est {+surtout +}pas une fin en soi."))
        #expect(refused.stderr.contains("the amendment:\n      │ L’alliance n’est [-pas-]{+jamais+} une fin en soi."))
        #expect(refused.stderr.contains("charter amend rebase \(firstParagraph) --text-file"))
        #expect(try repo.workspace.state() == before)

        // The clean one is merged onto the editor's text; the others are reported.
        let adopted = try repo.ok(["amend", "adopt", secondParagraph, "--force"])
        #expect(adopted.contains("(merged three ways onto the changed text; forced, without consensus)"))
        #expect(adopted.contains("Amendment \(firstParagraph) (replace bien-commun) now needs a rebase:"))
        let merged = repo.body("bien-commun")
        #expect(merged.contains("L’alliance n’est surtout pas une fin en soi.") && merged.contains("ne se proclame pas d’en haut"))
        #expect(try repo.log("%B").contains("The text had changed since the amendment's base: merged three ways."))

        // Its proposer resolves it on the current text; positions taken before the change of words go stale.
        try repo.position(firstParagraph, "support", ["haut-verdal"])
        let resolved = repo.edited("bien-commun", "L’alliance n’est surtout pas une fin en soi.", "L’alliance n’est jamais une fin en soi.")
        #expect(try repo.ok(["amend", "rebase", firstParagraph, "--text-file", repo.input("resolved.md", resolved),
                             "--facilitator", Amending.facilitator]).contains("it is proposed"))
        let shown = try repo.show(firstParagraph)
        #expect(shown["standing"] as? String == "applies")
        #expect((shown["positions"] as? [[String: Any]])?.first?["currency"] as? String == "stale")
        #expect(try repo.statuses() == [secondParagraph: "adopted", firstParagraph: "proposed", sameWords: "needs-rebase"])
        try repo.ok(["amend", "adopt", firstParagraph, "--force"])
        #expect(repo.body("bien-commun") == resolved)
        let story = try repo.ok(["amend", "show", firstParagraph])
        #expect(story.contains("amendment-rebased — onto"))
        #expect(try repo.git("status", "--porcelain").isEmpty)
    }

    @Test("an adoption whose touched file has uncommitted edits is refused and changes nothing")
    func dirtyWorkingTree() throws {
        let repo = try Amending(workshop: nil)
        let id = try repo.propose("haut-verdal", ["--clause", "desaccords", "--text-file", repo.input("d.md", "Un texte nouveau.\n")])
        let edited = (repo.workspace.read("charter/clauses/desaccords.md") ?? "") + "Une ligne en cours d’écriture.\n"
        try repo.workspace.write("charter/clauses/desaccords.md", edited)
        let before = try repo.workspace.state()
        let refused = try repo.run(["amend", "adopt", id, "--force"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("uncommitted changes in charter/clauses/desaccords.md would be overwritten"))
        #expect(try repo.workspace.state() == before)
        #expect(repo.workspace.read("charter/clauses/desaccords.md") == edited)
        #expect(try repo.statuses()[id] == "proposed")

        // An edit elsewhere does not stand in the way.
        try repo.git("checkout", "charter/clauses/desaccords.md")
        try repo.workspace.write("charter/clauses/preambule.md", (repo.workspace.read("charter/clauses/preambule.md") ?? "") + "Brouillon.\n")
        try repo.ok(["amend", "adopt", id, "--force"])
        #expect(try repo.git("status", "--porcelain") == " M charter/clauses/preambule.md\n")
    }

    @Test("reject needs a reason, withdraw does not; closed amendments take no position and cannot be adopted")
    func rejectAndWithdraw() throws {
        let repo = try Amending()
        let rejected = try repo.propose("haut-verdal", ["--delete", "odd-17"])
        let withdrawn = try repo.propose("pays-d-ormanges", ["--move", "odd-17", "--after", "preambule"])
        #expect(try repo.run(["amend", "reject", rejected]).status != 0)
        // A position on an amendment is retracted like any comment.
        let recorded = try repo.ok(["comment", "add", "--workshop", "lyon", "--territory", "haut-verdal", "--amendment", withdrawn,
                                    "--position", "objection", "Trop tôt."])
        let comment = String(recorded.split(separator: " ")[1])
        #expect(try repo.git("ls-tree", "-r", "--name-only", "deliberation").contains("amendments/"))
        #expect(try repo.git("ls-tree", "-r", "--name-only", "deliberation").contains("/\(comment).json"))
        #expect((try repo.show(withdrawn)["positions"] as? [Any])?.count == 1)
        try repo.ok(["comment", "retract", comment, "--reason", "Saisie en double."])
        #expect((try repo.show(withdrawn)["positions"] as? [Any])?.count == 0)
        try repo.ok(["amend", "reject", rejected, "--reason", "Les ODD restent."])
        try repo.ok(["amend", "withdraw", withdrawn])
        #expect(try repo.ok(["amend", "list", "--status", "rejected"]).contains("\(rejected)  rejected"))
        #expect(try repo.ok(["amend", "list", "--status", "rejected"]).contains("rejected: Les ODD restent."))
        #expect(try repo.ok(["amend", "list", "--status", "withdrawn"]).contains("\(withdrawn)  withdrawn"))
        #expect(try repo.ok(["amend", "list", "--status", "open"]) == "No amendment.\n")
        let adopt = try repo.run(["amend", "adopt", rejected, "--force"])
        #expect(adopt.status == 2 && adopt.stderr.contains("amendment \(rejected) was rejected"))
        let late = try repo.run(["comment", "add", "--workshop", "lyon", "--territory", "haut-verdal", "--amendment", withdrawn,
                                 "--position", "support"])
        #expect(late.status == 2 && late.stderr.contains("was withdrawn"))
        let unknown = try repo.run(["amend", "show", "zzzz"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no amendment `zzzz`"))
        let bad = try repo.run(["amend", "propose", "--territory", "haut-verdal", "--rationale", "x", "--delete", "odd-17", "--move", "preambule"])
        #expect(bad.status != 0 && bad.stderr.contains("give exactly one of --clause, --insert-after, --delete, --move"))
    }
}
