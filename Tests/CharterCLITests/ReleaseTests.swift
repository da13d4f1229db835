import Foundation
import TestSupport
import Testing

@Suite("charter release and changelog, end to end")
struct ReleaseTests {
    @Test("the release gate lists objections and open amendments; --force releases and the tag says so; changelog tells what was adopted")
    func gateForceAndChangelog() throws {
        let repo = try Amending()
        let open = try repo.propose("haut-verdal", ["--workshop", "lyon", "--clause", "juste-place", "--text-file",
                                                    repo.input("j.md", repo.edited("juste-place", "ni surexposé", "ni mis en avant"))],
                                    rationale: "Un mot plus simple.")
        try repo.ok(["comment", "add", "--workshop", "lyon", "--territory", "pays-d-ormanges", "--clause", "desaccords",
                     "--position", "objection", "--facilitator", Amending.facilitator, "Le désaccord doit pouvoir aller jusqu’au retrait."])

        let before = try repo.workspace.state()
        let refused = try repo.run(["release", "v1.0"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("version v1.0 cannot be released:"))
        #expect(refused.stderr.contains("  - clause 10. desaccords « Accueillir les désaccords » has an objection from pays-d-ormanges"))
        #expect(refused.stderr.contains("  - amendment \(open) (replace juste-place, proposed by haut-verdal) is still open"))
        #expect(try repo.workspace.state() == before)

        let forced = try repo.ok(["release", "v1.0", "--force", "-m", "Version soumise aux territoires."])
        #expect(forced.contains("Released v1.0 as tag charter/v1.0 on"))
        #expect(forced.contains("Released with --force despite:"))
        #expect(try repo.git("cat-file", "-t", "charter/v1.0") == "tag\n")
        let tag = try repo.git("show", "--no-patch", "charter/v1.0")
        #expect(tag.hasPrefix("tag charter/v1.0\nTagger: Test Éditrice <editrice@example.org>\n"))
        #expect(tag.contains("Charte du faire alliance v1.0\n\nVersion soumise aux territoires.\n\n18 clauses ("))
        #expect(tag.contains("Released with --force despite:\n- clause 10. desaccords"))
        #expect(tag.contains("- amendment \(open) (replace juste-place, proposed by haut-verdal) is still open"))
        let twice = try repo.run(["release", "v1.0", "--force"])
        #expect(twice.status == 2 && twice.stderr.contains("version v1.0 exists already"))

        // Settle both: the objection is lifted, the amendment adopted with consensus.
        try repo.ok(["comment", "add", "--workshop", "lyon", "--territory", "pays-d-ormanges", "--clause", "desaccords",
                     "--position", "support", "--facilitator", Amending.facilitator])
        try repo.position(open, "support", ["haut-verdal", "pays-d-ormanges", "ile-de-keraven", "port-saint-aubin"])
        try repo.ok(["amend", "adopt", open])
        try repo.workspace.write("charter/clauses/preambule.md",
                                 (repo.workspace.read("charter/clauses/preambule.md") ?? "").replacingOccurrences(of: "\u{A0}:", with: " :"))
        try repo.git.commitAll("Relecture typographique", author: "Karim Benali <karim@example.org>")
        #expect(try repo.ok(["release", "v1.1"]).contains("Released v1.1 as tag charter/v1.1"))
        #expect(!(try repo.git("show", "--no-patch", "charter/v1.1")).contains("--force"))

        let markdown = try repo.ok(["changelog", "v1.0", "v1.1"])
        #expect(markdown.hasPrefix("# Charte du faire alliance: from v1.0 to v1.1\n\n"))
        #expect(markdown.contains("2 revisions, 1 amendment adopted"))
        #expect(markdown.contains("## Amendments adopted\n\n- **\(open)** — amends « La juste place de chacun » (juste-place), proposed by Communauté du Haut-Verdal, "
                                  + "debated at « Atelier de Lyon » (2026-03-14).\n  > Un mot plus simple.\n"))
        #expect(markdown.contains("- 7. « La juste place de chacun » (`juste-place`): modified (+3 −1 words) — amendment \(open)\n"))
        #expect(markdown.contains("- 1. « Préambule » (`preambule`): modified (+0 −0 words)\n"))
        #expect(markdown.contains("## Other revisions\n\n- ") && markdown.contains(" Relecture typographique (Karim Benali, "))

        let json = try JSONSerialization.jsonObject(with: Data(repo.ok(["changelog", "charter/v1.0", "v1.1", "--format", "json"]).utf8)) as? [String: Any]
        #expect(json?["schema"] as? String == "charter-changelog/1")
        let amendments = json?["amendments"] as? [[String: Any]] ?? []
        #expect(amendments.count == 1)
        #expect(amendments.first?["territory"] as? String == "haut-verdal")
        #expect((amendments.first?["workshops"] as? [[String: Any]])?.first?["id"] as? String == "lyon")
        #expect((json?["from"] as? [String: Any])?["tag"] as? String == "charter/v1.0")
        #expect(try repo.ok(["changelog", "HEAD~2", "v1.1"]).hasPrefix("# Charte du faire alliance: from HEAD~2 to v1.1\n"))
        // A version name works wherever a revision does.
        #expect(try repo.ok(["diff", "v1.0", "v1.1", "--amendments"]).contains("[amendment \(open)]"))
    }
}
