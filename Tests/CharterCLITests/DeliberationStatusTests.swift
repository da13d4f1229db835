import Foundation
import TestSupport
import Testing

@Suite("charter status and stale comments across revisions, end to end")
struct DeliberationStatusTests {
    static let t = Deliberating.territories

    /// The status text's row for a clause, as whitespace-separated words:
    /// number, id, one symbol per territory, status.
    static func row(_ output: String, _ clause: String) -> [String] {
        let line = output.split(separator: "\n").first { $0.split(separator: " ").dropFirst().first.map(String.init) == clause }
        return line.map { $0.split(separator: " ").map(String.init) } ?? []
    }

    static func json(_ result: RunResult) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    static func sheet(_ rows: [(String, String, String, String)]) -> String {
        (["territoire;article;position;commentaire"] + rows.map { "\($0.0);\($0.1);\($0.2);\($0.3)" }).joined(separator: "\n") + "\n"
    }

    @Test func statusInEveryFormatAndAsOfAWorkshop() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Array(Self.t.prefix(5)))
        try d.openWorkshop("marseille", territories: [Self.t[3], Self.t[4], Self.t[5], Self.t[6]])
        let main = try d.revParse("main")
        var rows: [(String, String, String, String)] = []
        for territory in Self.t.prefix(4) { rows.append((territory, "1", "adhésion", "")) }           // consensus
        for territory in Self.t.prefix(3) { rows.append((territory, "2", "soutien", "")) }
        rows.append((Self.t[3], "2", "réserve", "Préciser"))                                          // with reservations
        for territory in Self.t.prefix(3) { rows.append((territory, "3", "soutien", "")) }
        rows.append((Self.t[4], "3", "objection", "Non"))                                            // objection
        for territory in Self.t.prefix(3) { rows.append((territory, "4", "soutien", "")) }             // open: 3 < quorum 4
        for territory in Self.t.prefix(4) { rows.append((territory, "5", "soutien", "")) }
        rows.append((Self.t[3], "5", "objection", "Finalement non"))                                 // retracted below
        rows.append((Self.t[1], "5", "", "Une question ?"))                                          // no position: changes nothing
        try d.recorded(["comment", "import", d.input("lyon.csv", Self.sheet(rows)), "--workshop", "lyon"], subject: nil,
                       author: Deliberating.gitIdentity)
        let late = try #require(try d.commentsJSON(["--clause", "5", "--territory", Self.t[3]]).last?[path: "comment.id"] as? String)
        var status = try d.run(["status"])
        #expect(Self.row(status.stdout, "interdependances") == ["5.", "interdependances", "✔", "✔", "✔", "✖", "·", "·", "·", "objection"])
        try d.recorded(["comment", "retract", late, "--reason", "mal noté"], subject: "Retract comment \(late): mal noté", author: Deliberating.gitIdentity)
        // Marseille, still open, hears port-saint-aubin on odd-17 before Lyon closes.
        let marseilleSupport = try d.comment("marseille", Self.t[4], "odd-17", "support")

        status = try d.run(["status", "--color", "never"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.hasPrefix("Status on text \(main.prefix(7)) — rule: consent, quorum 4 — 7 territories\n"))
        #expect(Self.row(status.stdout, "preambule") == ["1.", "preambule", "✔", "✔", "✔", "✔", "·", "·", "·", "consensus"])
        #expect(Self.row(status.stdout, "bien-commun") == ["2.", "bien-commun", "✔", "✔", "✔", "~", "·", "·", "·", "consensus-with-reservations"])
        #expect(Self.row(status.stdout, "envie-alliance") == ["3.", "envie-alliance", "✔", "✔", "✔", "·", "✖", "·", "·", "objection"])
        #expect(Self.row(status.stdout, "odd-17") == ["4.", "odd-17", "✔", "✔", "✔", "·", "✔", "·", "·", "consensus"])
        #expect(Self.row(status.stdout, "interdependances") == ["5.", "interdependances", "✔", "✔", "✔", "✔", "·", "·", "·", "consensus"],
                "the retracted objection is ignored: the territory's support counts again")
        #expect(Self.row(status.stdout, "charte-vivante").last == "open")
        #expect(status.stdout.contains("T1 Vallée de la Sorgeac, T2 Plateau des Mille Sources, T3 Pays d’Ormanges"))
        #expect(status.stdout.hasSuffix("18 clauses: 3 consensus, 1 consensus-with-reservations, 1 objection, 13 open\n"))
        #expect(!status.stdout.contains("\u{1B}["))
        #expect(try d.run(["status", "--color", "always"]).stdout.contains("\u{1B}[32mconsensus\u{1B}[0m"))

        let markdown = try d.run(["status", "--format", "markdown"]).stdout
        #expect(markdown.hasPrefix("| # | Clause | Vallée de la Sorgeac | Plateau des Mille Sources | Pays d’Ormanges | Communauté du Haut-Verdal | Agglomération de Port-Saint-Aubin | Île de Keraven | Bassin de Carvignac | Status |\n|---|---|---|---|---|---|---|---|---|---|\n"))
        #expect(markdown.contains("\n| 2 | Le bien commun comme horizon (`bien-commun`) | ✔ | ✔ | ✔ | ~ | · | · | · | consensus-with-reservations |\n"))
        #expect(markdown.hasSuffix("18 clauses: 3 consensus, 1 consensus-with-reservations, 1 objection, 13 open.\n"))

        let json = try Self.json(d.run(["status", "--format", "json"]))
        #expect(json["revision"] as? String == main)
        #expect(json[path: "rule.kind"] as? String == "consent" && json[path: "rule.quorum"] as? Int == 4)
        let jsonRows = json["rows"] as? [[String: Any]] ?? []
        #expect(jsonRows.count == 18)
        #expect(jsonRows.map { $0["status"] as? String }.prefix(5) == ["consensus", "consensus-with-reservations", "objection", "consensus", "consensus"])
        #expect(jsonRows[1][path: "cells.haut-verdal.position"] as? String == "reservation")
        #expect(jsonRows[1][path: "cells.haut-verdal.currency"] as? String == "current")
        #expect(jsonRows[3][path: "cells.port-saint-aubin.comment"] as? String == marseilleSupport)
        #expect(jsonRows[3][path: "cells.port-saint-aubin.workshop"] as? String == "marseille")

        let csv = try d.run(["status", "--format", "csv"]).stdout.components(separatedBy: "\r\n")
        #expect(csv[0] == "number,clause,title," + Self.t.joined(separator: ",") + ",status")
        #expect(csv[2] == "2,bien-commun,Le bien commun comme horizon,support,support,support,reservation,,,,consensus-with-reservations")
        #expect(csv.count == 20 && csv.last == "")

        // As of Lyon: its text, its five territories, what was recorded until it closed.
        try d.recorded(["workshop", "close", "lyon"], subject: "Close workshop lyon", author: Deliberating.gitIdentity)
        try d.recorded(["comment", "retract", marseilleSupport, "--reason", "confusion d’article"],
                       subject: "Retract comment \(marseilleSupport): confusion d’article", author: Deliberating.gitIdentity)
        try d.comment("marseille", Self.t[3], "1", "objection", "Le préambule promet trop.")
        let now = try d.run(["status"]).stdout
        #expect(Self.row(now, "preambule").last == "objection")
        #expect(Self.row(now, "odd-17") == ["4.", "odd-17", "✔", "✔", "✔", "·", "·", "·", "·", "open"])
        let asOfLyon = try d.run(["status", "--workshop", "lyon"])
        #expect(asOfLyon.status == 0, "\(asOfLyon.stderr)")
        #expect(asOfLyon.stdout.hasPrefix("Status as of workshop lyon, on text \(main.prefix(7)) — rule: consent, quorum 4 — 5 territories\n"))
        #expect(Self.row(asOfLyon.stdout, "preambule") == ["1.", "preambule", "✔", "✔", "✔", "✔", "·", "consensus"],
                "the objection came after Lyon closed")
        #expect(Self.row(asOfLyon.stdout, "odd-17") == ["4.", "odd-17", "✔", "✔", "✔", "·", "✔", "consensus"],
                "the support was retracted after Lyon closed: as of Lyon it still counted")
        let lyonJSON = try Self.json(d.run(["status", "--workshop", "lyon", "--format", "json"]))
        #expect(lyonJSON["workshop"] as? String == "lyon")
        #expect((lyonJSON["territories"] as? [[String: Any]])?.map { $0["id"] as? String } == Self.t.prefix(5).map { $0 })
        try d.refused(["status", "--workshop", "nantes"], saying: "no workshop `nantes`")
        try d.expectHealthy()
    }

    @Test func positionsGoStaleWhenTheWordsChangeAndCarryForwardOverEditorialChanges() throws {
        let d = try Deliberating()
        let typographic = d.workspace.read("charter/clauses/transparence.md") ?? ""
        #expect(typographic.contains("’") && typographic.contains("\u{00A0}:") && typographic.contains("\u{00A0};"))
        // Revision 1: `transparence` with straight apostrophes and plain spaces.
        try d.workspace.write("charter/clauses/transparence.md",
                              typographic.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "\u{00A0}", with: " "))
        try d.git.commitAll("Apostrophes droites")
        let lyonTerritories = Array(Self.t.prefix(5))
        try d.openWorkshop("lyon", territories: lyonTerritories)
        var rows: [(String, String, String, String)] = []
        for territory in Self.t.prefix(4) {
            rows.append((territory, "bien-commun", "soutien", ""))
            rows.append((territory, "transparence", "soutien", ""))
            rows.append((territory, "preambule", "soutien", ""))
        }
        try d.recorded(["comment", "import", d.input("lyon.csv", Self.sheet(rows)), "--workshop", "lyon"], subject: nil,
                       author: Deliberating.gitIdentity)
        let kept = try d.comment("lyon", Self.t[4], "bien-commun", "reservation", "Et les moyens ?", quote: "fin en soi")
        let lost = try d.comment("lyon", Self.t[4], "bien-commun", nil, "Lesquelles ?", quote: "réduire une fragilité")

        // Revision 2: a word changes in `bien-commun` (and a paragraph comes before the kept
        // quote); `transparence` only gets back its typographic apostrophes and non-breaking spaces.
        let bien = d.workspace.read("charter/clauses/bien-commun.md") ?? ""
        try d.workspace.write("charter/clauses/bien-commun.md", bien
            .replacingOccurrences(of: "---\n\nL’alliance n’est pas", with: "---\n\nUn paragraphe ajouté en atelier.\n\nL’alliance n’est pas")
            .replacingOccurrences(of: "réduire une fragilité", with: "réduire une vulnérabilité"))
        try d.workspace.write("charter/clauses/transparence.md", typographic)
        try d.git.commitAll("Atelier de Lyon : reformulations")
        #expect(try d.git("diff", "--stat", "HEAD~1", "HEAD").contains("2 files changed"))

        let stale = try d.run(["comment", "list", "--stale"])
        #expect(stale.status == 0, "\(stale.stderr)")
        let staleIDs = try d.commentsJSON(["--stale"]).map { $0[path: "comment.id"] as? String }
        #expect(staleIDs.count == 6)
        #expect(try d.commentsJSON(["--stale"]).allSatisfy { $0[path: "comment.comment.clause"] as? String == "bien-commun" })
        #expect(stale.stdout.components(separatedBy: "[stale: the text has changed since]").count == 7)
        // The kept quote moved two lines down (a paragraph and a blank line came before it).
        #expect(stale.stdout.contains("""
            \(kept)  lyon  port-saint-aubin  bien-commun  reservation  [stale: the text has changed since]
                Et les moyens ?
                « fin en soi » — now at line 3, column 26
            """))
        #expect(stale.stdout.contains("""
            \(lost)  lyon  port-saint-aubin  bien-commun  remark  [stale: the text has changed since]
                Lesquelles ?
                « réduire une fragilité » — no longer in the text
            """))
        let all = try d.commentsJSON()
        func currencies(_ clause: String) -> Set<String> {
            Set(all.filter { $0[path: "comment.comment.clause"] as? String == clause }.compactMap { $0["currency"] as? String })
        }
        #expect(currencies("transparence") == ["carried-forward"])
        #expect(currencies("preambule") == ["current"])
        #expect(currencies("bien-commun") == ["stale"])
        #expect(try d.run(["comment", "list", "--clause", "transparence"]).stdout.contains("support  [carried forward (editorial change)]"))
        #expect(try d.run(["comment", "list", "--stale", "--at", "HEAD~1"]).stdout == "No comment.\n")

        var status = try d.run(["status"]).stdout
        #expect(Self.row(status, "bien-commun") == ["2.", "bien-commun", "✔*", "✔*", "✔*", "✔*", "~*", "·", "·", "stale"])
        #expect(Self.row(status, "transparence") == ["9.", "transparence", "✔", "✔", "✔", "✔", "·", "·", "·", "consensus"])
        #expect(Self.row(status, "preambule").last == "consensus")
        let csv = try d.run(["status", "--format", "csv"]).stdout
        #expect(csv.contains("\r\n2,bien-commun,Le bien commun comme horizon,support (stale),support (stale),support (stale),support (stale),reservation (stale),,,stale\r\n"))
        let json = try Self.json(d.run(["status", "--format", "json"]))
        #expect((json["rows"] as? [[String: Any]])?[8][path: "cells.haut-verdal.currency"] as? String == "carried-forward")
        // Where we stood on revision 1, and as of the workshop (held on revision 1).
        for old in [["--at", "HEAD~1"], ["--workshop", "lyon"]] {
            let then = try d.run(["status"] + old).stdout
            #expect(Self.row(then, "bien-commun").dropFirst(2).prefix(5) == ["✔", "✔", "✔", "✔", "~"], "\(old)")
            #expect(Self.row(then, "bien-commun").last == "consensus-with-reservations", "\(old)")
        }

        // Current positions on the new text count, stale ones do not.
        try d.openWorkshop("marseille", territories: lyonTerritories)
        try d.comment("marseille", Self.t[0], "2", "support")
        try d.comment("marseille", Self.t[1], "2", "support")
        status = try d.run(["status"]).stdout
        #expect(Self.row(status, "bien-commun") == ["2.", "bien-commun", "✔", "✔", "✔*", "✔*", "~*", "·", "·", "open"],
                "2 current supports: quorum 4 not met, whatever the stale ones say")
        try d.comment("marseille", Self.t[2], "2", "support")
        try d.comment("marseille", Self.t[3], "2", "support")
        #expect(Self.row(try d.run(["status"]).stdout, "bien-commun").last == "consensus")

        // A position recorded late about the old text (Lyon is still open) does not hide the
        // territory's position on the current text; it is listed as stale.
        let lateObjection = try d.comment("lyon", Self.t[0], "bien-commun", "objection", "Saisie tardive de la feuille de Lyon.")
        status = try d.run(["status"]).stdout
        #expect(Self.row(status, "bien-commun") == ["2.", "bien-commun", "✔", "✔", "✔", "✔", "~*", "·", "·", "consensus"])
        #expect(try d.commentsJSON(["--stale"]).contains { $0[path: "comment.id"] as? String == lateObjection })
        try d.expectHealthy()
    }
}
