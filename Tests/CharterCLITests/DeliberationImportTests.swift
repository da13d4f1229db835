import Foundation
import TestSupport
import Testing

@Suite("charter comment import, end to end")
struct DeliberationImportTests {
    static let lyon = Array(Deliberating.territories.prefix(5))

    @Test func badRowsAreReportedWithTheSheetsRowsAndNothingIsImported() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.lyon)
        // Row 2 holds a field over three lines: the rows after it are numbered as the sheet numbers
        // them (row 3 is the file's line 5).
        let sheet = try d.input("atelier.csv", """
            territoire,article,position,commentaire,citation
            haut-verdal,2,adhésion,"Un avis
            sur trois
            lignes",
            nulle-terre,2,adhésion,Oui,
            haut-verdal,nulle-part,adhésion,Oui,
            haut-verdal,2,peut-être,Oui,
            haut-verdal,2,objection,,
            haut-verdal,2,réserve,Hmm,fin en soi absolue
            ile-de-keraven,2,soutien,Oui,
            pays-d-ormanges,99,soutien,Oui,
            ,,,,
            pays-d-ormanges,3,soutien,Oui,
            port-saint-aubin,4,,,L’alliance

            """)
        let refusal = try d.refused(["comment", "import", sheet, "--workshop", "lyon"], saying: "\(sheet): 8 bad rows, nothing imported:\n")
        let reported = refusal.stderr.split(separator: "\n").filter { $0.hasPrefix("  row ") }.map { $0.dropFirst(2) }
        let expected = [
            "row 3, column A (nulle-terre, clause 2): territory “nulle-terre” is not in the manifest",
            "row 4, column B (haut-verdal, clause nulle-part): no clause “nulle-part” in the text of workshop lyon",
            "row 5, column C (haut-verdal, clause 2): unknown position “peut-être”",
            "row 6, column D (haut-verdal, clause 2): an objection must give its reason",
            "row 7, column E (haut-verdal, clause 2): the quote “fin en soi absolue” does not occur in clause bien-commun",
            "row 8, column A (ile-de-keraven, clause 2): territory “ile-de-keraven” did not take part in workshop lyon",
            "row 9, column B (pays-d-ormanges, clause 99): no clause “99” in the text of workshop lyon",
            "row 12, column D (port-saint-aubin, clause 4): a row without a position needs a comment",
        ]
        #expect(reported.count == expected.count, "\(refusal.stderr)")
        for (line, prefix) in zip(reported, expected) { #expect(line.hasPrefix(prefix)) }
        #expect(refusal.stderr.contains("hint: fix these rows and import the file again"))
        #expect(try d.files(under: "clauses").isEmpty)

        // Whole-file problems name the file and the line.
        let missing = try d.input("colonnes.csv", "territoire;article;commentaire\nhaut-verdal;2;Oui\n")
        try d.refused(["comment", "import", missing, "--workshop", "lyon"],
                      saying: "\(missing): missing column: Position (row 1: territoire | article | commentaire)")
        let empty = try d.input("vide.csv", "")
        try d.refused(["comment", "import", empty, "--workshop", "lyon"], saying: "\(empty): the sheet is empty")
        // Not UTF-8: read as Windows-1252 (« réserve » is understood, so its missing reason is what is said).
        let latin1 = try d.input("latin1.csv", Data("territoire;article;position;commentaire\nhaut-verdal;2;soutien;Oui\nhaut-verdal;2;r".utf8)
                                 + Data([0xE9]) + Data("serve;\n".utf8))
        try d.refused(["comment", "import", latin1, "--workshop", "lyon"],
                      saying: "\(latin1): 1 bad row, nothing imported:\n  row 3, column D (haut-verdal, clause 2): a reservation must give its reason")
        try d.refused(["comment", "import", d.inputs.path + "/absent.csv", "--workshop", "lyon"], saying: "cannot read the file")
        let unclosed = try d.input("guillemet.csv", "territoire,article,position,commentaire\nhaut-verdal,2,soutien,\"ouvert\nhaut-verdal,3,soutien,ok\n")
        try d.refused(["comment", "import", unclosed, "--workshop", "lyon"],
                      saying: "\(unclosed): row 2: a quoted field opens on this row and never closes")
        let good = try d.input("bon.csv", "territoire;article;position;commentaire\nhaut-verdal;2;soutien;Oui\n")
        try d.refused(["comment", "import", good, "--workshop", "nantes"], saying: "no workshop `nantes`")
        try d.expectHealthy()
    }

    @Test func sheetsAsSpreadsheetsExportThemImportOnce() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.lyon)
        // As a French spreadsheet exports it: BOM, `;`, CRLF, RFC 4180 quoting, a field over two
        // lines, French position words, articles by number or id, a blank line, and commas
        // enough in the comments to outnumber the semicolons.
        let commas = (1...40).map { "point \($0)" }.joined(separator: ", ")
        let rows = [
            "Territoire;Article;Position;Commentaire;Citation",
            "haut-verdal;2;Adhésion;\"Il a dit \"\"oui\"\", puis; plus rien.\";",
            "pays-d-ormanges;bien-commun;réserve;\"Première ligne\r\nseconde ligne, avec virgule\";fin en soi",
            "vallee-de-la-sorgeac;3;objection;\(commas);",
            "plateau-des-mille-sources;4;soutien;;",
            "port-saint-aubin;5;;Qui signe, et quand, et comment ?;",
            "",
            "haut-verdal;odd-17;SOUTIEN;Oui, oui, oui.;",
        ]
        let sheet = try d.input("atelier-lyon.csv", Data([0xEF, 0xBB, 0xBF]) + Data((rows.joined(separator: "\r\n") + "\r\n").utf8))
        let imported = try d.recorded(["comment", "import", sheet, "--workshop", "lyon", "--facilitator", Deliberating.facilitator],
                                      subject: "Import 6 comments from atelier-lyon.csv into workshop lyon")
        let read = "  CSV in UTF-8 with BOM, separator ;, column names read on row 1\n"
        #expect(imported.result.stdout == "Imported into lyon: 6 new, 0 corrected, 0 unchanged.\n" + read)
        let records = imported.added.filter { $0.hasPrefix("clauses/") }
        let keys = imported.added.filter { $0.hasPrefix("imports/lyon/") }
        #expect(records.count == 6 && keys.count == 6 && imported.added.count == 12)
        let ids = Set(records.map { String($0.split(separator: "/").last!.dropLast(5)) })
        for key in keys { #expect(ids.contains(try d.git("show", "deliberation:\(key)").trimmingCharacters(in: .newlines))) }

        let comments = try records.map { try d.record($0) }.sorted { ($0["clock"] as? Int ?? 0) < ($1["clock"] as? Int ?? 0) }
        #expect(comments.map { $0["clock"] as? Int } == [2, 3, 4, 5, 6, 7])
        #expect(comments.map { $0[path: "comment.territory"] as? String }
                == ["haut-verdal", "pays-d-ormanges", "vallee-de-la-sorgeac", "plateau-des-mille-sources", "port-saint-aubin", "haut-verdal"])
        #expect(comments.map { $0[path: "comment.clause"] as? String }
                == ["bien-commun", "bien-commun", "envie-alliance", "odd-17", "interdependances", "odd-17"])
        #expect(comments.map { $0[path: "comment.position"] as? String }
                == ["support", "reservation", "objection", "support", nil, "support"])
        #expect(comments[0][path: "comment.text"] as? String == "Il a dit \"oui\", puis; plus rien.")
        let twoLines = comments[1][path: "comment.text"] as? String ?? ""
        #expect(twoLines.hasPrefix("Première ligne") && twoLines.hasSuffix("\nseconde ligne, avec virgule"), "\(twoLines.debugDescription)")
        #expect(comments[1][path: "comment.quote.exact"] as? String == "fin en soi")
        #expect(comments[2][path: "comment.text"] as? String == commas)
        #expect(comments[3][path: "comment.text"] as? String == "")
        #expect(comments.allSatisfy { $0[path: "comment.importKey"] is String })
        #expect(comments.allSatisfy { $0[path: "comment.revision"] as? String == (try? d.revParse("main")) })

        // The same file again records nothing; a grown file records only its new row.
        let before = try d.workspace.state()
        let again = try d.run(["comment", "import", sheet, "--workshop", "lyon"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "Imported into lyon: 0 new, 0 corrected, 6 unchanged.\n" + read)
        #expect(try d.workspace.state() == before)
        let grown = try d.input("atelier-lyon-complet.csv", Data([0xEF, 0xBB, 0xBF])
                                + Data((rows.joined(separator: "\r\n") + "\r\nport-saint-aubin;6;réserves;À préciser.\r\n").utf8))
        let more = try d.recorded(["comment", "import", grown, "--workshop", "lyon"], subject: "Import 1 comment from atelier-lyon-complet.csv into workshop lyon",
                                  author: Deliberating.gitIdentity)
        #expect(more.result.stdout == "Imported into lyon: 1 new, 0 corrected, 6 unchanged.\n" + read)

        // Comma-separated, English headers, RFC 4180 quotes, no final newline.
        let english = try d.input("sheet.csv", """
            territory,clause,position,comment,quote
            haut-verdal,juste-place,objection,"Not ""fair"", not yet","juste place"
            plateau-des-mille-sources,7,reservation,"One, two; three",
            """)
        let third = try d.recorded(["comment", "import", english, "--workshop", "lyon", "--facilitator", Deliberating.facilitator],
                                   subject: "Import 2 comments from sheet.csv into workshop lyon")
        let texts = try third.added.filter { $0.hasPrefix("clauses/") }.map { try d.record($0)[path: "comment.text"] as? String }
        #expect(Set(texts.compactMap { $0 }) == ["Not \"fair\", not yet", "One, two; three"])
        #expect(try d.files(under: "clauses/juste-place").count == 2)

        let list = try d.commentsJSON(["--workshop", "lyon"])
        #expect(list.count == 9)
        #expect(try d.run(["workshop", "list"]).stdout.contains("5 territories, 9 comments"))
        try d.expectHealthy()
    }
}
