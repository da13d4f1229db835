import Foundation
import Testing
import CharterKit

@Suite("Diff renderers")
struct DiffRendererTests {
    typealias F = DiffFixtures

    static let old = F.charter([
        ("Principes", [
            F.clause("juste-place", "La juste place", "Chacun trouve sa place.\n"),
            F.clause("confiance", "La confiance", "La confiance se construit.\n"),
        ]),
        ("Engagements", [F.clause("ecoute", "L’écoute", "Nous écoutons.\n")]),
    ])

    static var new: Charter {
        var new = old
        new.manifest.title = "Charte de l’alliance"
        new.clauses[.diffID("juste-place")]!.body = "Chacun trouve sa juste place.\n"
        new.clauses[.diffID("confiance")] = nil
        new.manifest.sections[0].clauses.removeLast()
        new.clauses[.diffID("ecoute")]!.title = "L’écoute active"
        new.clauses[.diffID("bien-commun")] = F.clause("bien-commun", "Le bien commun", "Il nous relie.\n")
        new.manifest.sections[1].clauses.append(.diffID("bien-commun"))
        return new
    }

    static var diff: CharterDiff { CharterDiff.between(old, new, fromLabel: "v0.1", toLabel: "v0.2") }

    @Test func plainText() {
        #expect(TextDiffRenderer(color: false).render(Self.diff) == """
            diff v0.1 → v0.2
              title: « Charte du faire alliance » → « Charte de l’alliance »
              1. juste-place  « La juste place »  modified (+1 −0 words)
                 Chacun trouve sa {+juste +}place.
              2. confiance  « La confiance »  removed
              2. ecoute  « L’écoute active »  retitled (was « L’écoute »), renumbered 3 → 2
              3. bien-commun  « Le bien commun »  added
                 Il nous relie.
            1 clause modified, 1 added, 1 removed, 1 retitled, 1 renumbered

            """)
    }

    @Test func coloredText() {
        let text = TextDiffRenderer(color: true).render(Self.diff)
        #expect(text.hasPrefix("\u{1B}[1mdiff v0.1 → v0.2\u{1B}[0m\n"))
        #expect(text.contains("     Chacun trouve sa \u{1B}[32mjuste \u{1B}[0mplace.\n"))
        #expect(text.contains("     \u{1B}[32mIl nous relie.\u{1B}[0m\n"))
        #expect(!text.contains("{+"))

        let replaced = TextDiffRenderer(color: true).words(WordDiff.between("un deux trois", "un quatre trois"))
        #expect(replaced == "un \u{1B}[31mdeux\u{1B}[0m\u{1B}[32mquatre\u{1B}[0m trois")
    }

    @Test func emptyDiffText() {
        let diff = CharterDiff.between(Self.old, Self.old, fromLabel: "HEAD", toLabel: "working tree")
        #expect(TextDiffRenderer(color: false).render(diff) == "diff HEAD → working tree\nno change\n")
        #expect(MarkdownDiffRenderer().render(diff).hasSuffix("---\n\nNo change.\n"))
    }

    @Test func longUnchangedStretchesShowOnlyContext() {
        let words = (1...40).map { "mot\($0)" }
        let old = words.joined(separator: " ")
        var changed = words
        changed[19] = "MILIEU"
        let diff = WordDiff.between(old, changed.joined(separator: " "))
        #expect(TextDiffRenderer(color: false).words(diff) ==
            "… mot8 mot9 mot10 mot11 mot12 mot13 mot14 mot15 mot16 mot17 mot18 mot19 [-mot20-]{+MILIEU+} "
            + "mot21 mot22 mot23 mot24 mot25 mot26 mot27 mot28 mot29 mot30 mot31 mot32 …")

        let lines = "Ligne un.\nLigne deux.\nLigne trois.\nLigne quatre.\nLigne cinq.\nLigne six.\nLigne sept.\n"
        let edited = lines.replacingOccurrences(of: "quatre", with: "4")
        #expect(TextDiffRenderer(color: false).words(WordDiff.between(lines, edited)) ==
            "…\nLigne trois.\nLigne [-quatre-]{+4+}.\nLigne cinq.\n…")

        // Two changes close together keep the text between them whole.
        let near = WordDiff.between("a b c d e f", "a B c d E f")
        #expect(TextDiffRenderer(color: false).words(near) == "a [-b-]{+B+} c d [-e-]{+E+} f")
    }

    @Test func markdown() {
        #expect(MarkdownDiffRenderer().render(Self.diff) == """
            # Changes from v0.1 to v0.2

            - title: « Charte du faire alliance » → « Charte de l’alliance »

            ## 1. La juste place

            `juste-place` — modified (+1 −0 words)

            Chacun trouve sa {++juste++} place.

            ## 2. La confiance

            `confiance` — removed

            {--La confiance se construit.--}

            ## 2. L’écoute active

            `ecoute` — retitled (was « L’écoute »), renumbered 3 → 2

            ## 3. Le bien commun

            `bien-commun` — added

            Il nous relie.

            ---

            1 clause modified, 1 added, 1 removed, 1 retitled, 1 renumbered.

            """)
        let multiline = WordDiff.between("Un alinéa.\n\nDeux alinéas.", "Un texte\nsur deux lignes.\n\nDeux alinéas.")
        #expect(MarkdownDiffRenderer.words(multiline) == "Un {--alinéa--}{++texte++}\n{++sur deux lignes++}.\n\nDeux alinéas.")
        // Bold in the text itself cannot be mistaken for an insertion.
        let bold = WordDiff.between("Un **budget** fermé.", "Un **budget ouvert,** fermé.")
        #expect(!MarkdownDiffRenderer.words(bold).contains("{++**"))
        #expect(MarkdownDiffRenderer.words(WordDiff.between("a b c", "a B c")) == "a {~~b~>B~~} c")
    }

    @Test func html() {
        let html = HTMLDiffRenderer().render(Self.diff)
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<style>\n"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link") && !html.contains("<script"))
        #expect(html.contains("""
            <article class="clause modified" id="clause-juste-place">
            <h2><span class="number">1.</span> La juste place <code>juste-place</code></h2>
            <p class="kinds">modified (+1 −0 words)</p>
            <div class="body">Chacun trouve sa <ins>juste </ins>place.
            </div>
            </article>
            """))
        #expect(html.contains("<div class=\"body\"><del>La confiance se construit.\n</del></div>"))
        #expect(html.contains("<div class=\"body\"><ins>Il nous relie.\n</ins></div>"))
        #expect(html.contains("<li>title: « Charte du faire alliance » → « Charte de l’alliance »</li>"))
        #expect(html.contains("<p class=\"summary\">1 clause modified, 1 added, 1 removed, 1 retitled, 1 renumbered.</p>"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        #expect(HTMLDiffRenderer(language: "en").render(Self.diff).contains("<html lang=\"en\">"))
    }

    @Test func htmlEscapesEverything() {
        let old = F.charter([("S & <b>", [F.clause("x", "A <script>alert(1)</script>", "Tom & Jerry <i>\n")])])
        var new = old
        new.clauses[.diffID("x")]!.body = "Tom & \"Jerry\" <script>alert('x')</script>\n"
        new.clauses[.diffID("y")] = F.clause("y", "Q&A", "<b>gras</b> & co\n")
        new.manifest.sections[0].clauses.append(.diffID("y"))
        new.manifest.sections[0].title = "S & <i>"
        let diff = CharterDiff.between(old, new, fromLabel: "<old>", toLabel: "\"new\"")
        let html = HTMLDiffRenderer(language: "fr\"><script>", title: "T <&>").render(diff)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("<html lang=\"fr&quot;&gt;&lt;script&gt;\">"))
        #expect(html.contains("A &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Tom &amp; <ins>&quot;</ins>Jerry<ins>&quot;</ins> &lt;<del>i</del><ins>script&gt;alert(&#39;x&#39;)&lt;/script</ins>&gt;\n"))
        #expect(html.contains("<ins>&lt;b&gt;gras&lt;/b&gt; &amp; co\n</ins>"))
        #expect(html.contains("&lt;old&gt;") && html.contains("&quot;new&quot;"))
        #expect(html.contains("<title>T &lt;&amp;&gt;</title>"))
        #expect(HTMLDiffRenderer.fragment(WordDiff.between("a < b", "a > b & c")) == "a <del>&lt;</del><ins>&gt;</ins> b<ins> &amp; c</ins>")
    }

    @Test func jsonIsStableAndRoundTrips() throws {
        let json = JSONDiffRenderer().render(Self.diff)
        #expect(json.contains("\"schema\" : \"charter-diff/1\""))
        #expect(json.hasSuffix("}\n"))
        #expect(!json.contains("\\/"))
        #expect(JSONDiffRenderer().render(Self.diff) == json)
        let decoded = try JSONDiffRenderer.decode(json)
        #expect(decoded == Self.diff)
        #expect(try decoded.apply(to: Self.old) == Self.new)
        // The summary is written for readers.
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Int]
        #expect(summary?["added"] == 1 && summary?["removed"] == 1 && summary?["modified"] == 1)
        #expect(object?["from"] as? String == "v0.1")
    }

    @Test func jsonRejectsAnotherSchema() {
        let json = JSONDiffRenderer().render(Self.diff).replacingOccurrences(of: "charter-diff/1", with: "charter-diff/9")
        #expect(throws: DecodingError.self) { try JSONDiffRenderer.decode(json) }
    }

    @Test func jsonExampleInTheDocsDecodes() throws {
        // Keep docs/diff-json.md's example in step with the schema.
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/diff-json.md").standardized
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```json\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        let example = String(text[start.upperBound..<end.lowerBound])
        let decoded = try JSONDiffRenderer.decode(example)
        #expect(decoded == Self.diff)
    }
}
