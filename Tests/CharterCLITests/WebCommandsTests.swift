import Foundation
import TestSupport
import Testing

/// `charter facilitator` and `charter export`, end to end.
@Suite("Facilitators and export")
struct WebCommandsTests {
    @Test("facilitator add writes .git/charter/facilitators.json (sorted keys), outside the tracked content")
    func facilitators() throws {
        let deliberating = try Deliberating()
        let added = try deliberating.run(["facilitator", "add", "Claire Martin <claire.martin@example.org>", "--territories", "haut-verdal,pays-d-ormanges"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Added facilitator claire-martin (Claire Martin <claire.martin@example.org>), who may record for: haut-verdal, pays-d-ormanges."))
        let file = try #require(deliberating.workspace.read(".git/charter/facilitators.json"))
        #expect(file == """
            {
              "facilitators" : [
                {
                  "email" : "claire.martin@example.org",
                  "id" : "claire-martin",
                  "name" : "Claire Martin",
                  "territories" : [
                    "haut-verdal",
                    "pays-d-ormanges"
                  ]
                }
              ],
              "schema" : "charter-facilitators/1"
            }

            """)
        #expect(try deliberating.git("status", "--porcelain", "--untracked-files=all") == "")
        let updated = try deliberating.run(["facilitator", "add", "Claire Martin", "--territories", "ile-de-keraven", "--email", "claire@example.org"])
        #expect(updated.stdout.hasPrefix("Updated facilitator claire-martin"))
        try deliberating.run(["facilitator", "add", "Karim Benali", "--territories", "haut-verdal"])
        let list = try deliberating.run(["facilitator", "list"])
        #expect(list.stdout == """
            claire-martin  Claire Martin <claire@example.org>  ile-de-keraven
            karim-benali  Karim Benali <karim-benali@facilitators.invalid>  haut-verdal

            """)
        try deliberating.refused(["facilitator", "add", "Zoé", "--territories", "atlantide"], saying: "territory `atlantide` is not in the manifest")
        try deliberating.refused(["facilitator", "remove", "personne"], saying: "no facilitator `personne`")
        #expect(try deliberating.run(["facilitator", "remove", "Karim Benali"]).status == 0)
        #expect(try deliberating.run(["facilitator", "list", "--format", "json"]).stdout.contains("\"claire-martin\""))
    }

    @Test("export writes the published charter (html, markdown, json) with its two SVG figures")
    func export() throws {
        let deliberating = try Deliberating()
        try deliberating.openWorkshop("lyon", territories: Array(Deliberating.territories.prefix(4)))
        try deliberating.comment("lyon", "haut-verdal", "juste-place", "reservation", "Qui décide <vraiment> ?")
        try deliberating.comment("lyon", "pays-d-ormanges", "juste-place", "support")
        let out = deliberating.inputs.url.appendingPathComponent("export")
        for format in ["html", "markdown", "json"] {
            let result = try deliberating.run(["export", "--format", format, "--out", out.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("(18 clauses, 1 note, 0 amendments)"))
        }
        let html = try String(contentsOf: out.appendingPathComponent("charter.html"), encoding: .utf8)
        #expect(html.contains("<h3 id=\"clause-juste-place\"><span class=\"number\">7.</span> La juste place de chacun</h3>"))
        #expect(html.contains("1 réserve<sup class=\"refs\"><a href=\"#note-1\" id=\"ref-1\">1</a></sup>"))
        #expect(html.contains("Qui décide &lt;vraiment&gt; ?"))
        #expect(html.contains("<figure>\n<svg"))
        let markdown = try String(contentsOf: out.appendingPathComponent("charter.md"), encoding: .utf8)
        #expect(markdown.contains("[^1]: Communauté du Haut-Verdal, réserve (Atelier lyon, 14 mars 2026)\u{00A0}: Qui décide \\<vraiment\\> ?"))
        #expect(markdown.contains("![Positions des territoires, article par article](heatmap.svg)"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("charter.json"))) as? [String: Any]
        #expect(json?["schema"] as? String == "charter-publication/1")
        let heatmap = try String(contentsOf: out.appendingPathComponent("heatmap.svg"), encoding: .utf8)
        #expect(heatmap.contains("<g class=\"cell reservation\">"))
        let evolution = try String(contentsOf: out.appendingPathComponent("evolution.svg"), encoding: .utf8)
        #expect(evolution.contains("Atelier lyon"))
        // At an earlier revision; in English.
        let english = try deliberating.run(["export", "--format", "markdown", "--out", out.path, "--at", "HEAD", "--lang", "en"])
        #expect(english.status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent("charter.md"), encoding: .utf8).contains("Appendix — adopted amendments"))
    }

    @Test("export as PDF: printed by headless Chromium, or refused with a clear message when there is none")
    func pdf() throws {
        let deliberating = try Deliberating()
        let out = deliberating.inputs.url.appendingPathComponent("pdf")
        let missing = try deliberating.run(["export", "--format", "pdf", "--out", out.path], environment: ["CHARTER_CHROMIUM": "/nonexistent/chromium"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("PDF export needs headless Chromium, and none is installed"))
        #expect(missing.stderr.contains("apt-get install chromium"))
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("charter export --format pdf: no Chromium here, the printing itself is not tested")
            return
        }
        let result = try deliberating.run(["export", "--format", "pdf", "--out", out.path], environment: ["CHARTER_CHROMIUM": chromium])
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = try Data(contentsOf: out.appendingPathComponent("charter.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
    }
}
