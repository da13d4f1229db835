import Testing
import CharterKit

@Suite("CharterDiff properties")
struct DiffPropertyTests {
    /// Random charter A, random edits of every kind give B; the diff A → B,
    /// through JSON and back, applied to A gives B; and B → A applied to B
    /// gives A. 4 batches of 100 seeded iterations.
    @Test(arguments: 0..<4)
    func diffThroughJSONRebuildsTheNewCharter(batch: Int) throws {
        var random = DiffFixtures.SplitMix64(seed: 0xC4A7_7E00 &+ UInt64(batch))
        let renderer = JSONDiffRenderer()
        for iteration in 0..<100 {
            let a = DiffFixtures.randomCharter(&random)
            let b = DiffFixtures.randomEdit(a, &random)
            let diff = CharterDiff.between(a, b, fromLabel: "a", toLabel: "b")
            let decoded = try JSONDiffRenderer.decode(renderer.render(diff))
            #expect(decoded == diff, "batch \(batch) iteration \(iteration)")
            #expect(try decoded.apply(to: a) == b, "batch \(batch) iteration \(iteration)")
            #expect(diff.isEmpty == (a == b))
            for change in diff.clauses {
                #expect(!change.kinds.isEmpty)
                #expect(!(change.has(.moved) && change.has(.renumbered)))
            }
            // Every renderer copes with whatever the diff holds.
            #expect(TextDiffRenderer(color: iteration % 2 == 0).render(diff).contains("diff a → b"))
            #expect(MarkdownDiffRenderer().render(diff).hasPrefix("# Changes from a to b\n"))
            #expect(HTMLDiffRenderer().render(diff).hasSuffix("</html>\n"))
            let back = CharterDiff.between(b, a, fromLabel: "b", toLabel: "a")
            #expect(try back.apply(to: b) == a, "batch \(batch) iteration \(iteration)")
        }
    }
}
