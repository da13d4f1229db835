import CharterKit
import Foundation
import TestSupport
import Testing

/// `charter comment import` over sheets as facilitators have them: rows numbered as the sheet
/// numbers them, French and English messages with their hints, corrections on re-import.
@Suite("Spreadsheets: rows, messages, corrections")
struct SpreadsheetImportTests {
    static let lyon = Array(Deliberating.territories.prefix(5))

    @Test func rowErrorsNameTheSheetsRowAndColumnInTheReadersLanguage() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.lyon)
        // A title row, an empty row, then cells over several lines: the sheet's rows 6 and 9
        // are the file's lines 8 and 12.
        let sheet = try d.input("retours.csv", """
            Atelier de Lyon;;;;
            ;;;;
            Territoire;Article;Position;Commentaire;Citation
            Haut-Verdal;2;Favorable;"Très bien,
            vraiment
            bien";
            Haut-Verdal;2;pour;ok;
            Nulle-Terre;2;pour;Oui;
            Haut-Verdal;7;Réserve ;"Deux
            lignes";
            Haut-Verdal;7;Peut-être;Oui;
            Pays d’Ormanges;2;réserve;;
            Haut-Verdal;2;contre;Non;L'alliance n'est pas une fin absolue
            Île de Keraven;2;pour;Oui;

            """)
        let english = try d.refused(["comment", "import", sheet, "--workshop", "lyon"], saying: "\(sheet): 5 bad rows, nothing imported:\n")
        let lines = english.stderr.split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.hasPrefix("  row ") }
        #expect(rows == [
            "  row 6, column A (Nulle-Terre, clause 2): territory “Nulle-Terre” is not in the manifest",
            "  row 8, column C (Haut-Verdal, clause 7): unknown position “Peut-être”",
            "  row 9, column D (Pays d’Ormanges, clause 2): a reservation must give its reason",
            "  row 10, column E (Haut-Verdal, clause 2): the quote “L'alliance n'est pas une fin absolue” does not occur in clause bien-commun; "
                + "nearest passage: “L’alliance n’est pas une fin”; difference: L’alliance n’est pas une fin{+ absolue+}",
            "  row 11, column A (Île de Keraven, clause 2): territory “Île de Keraven” did not take part in workshop lyon",
        ], "\(english.stderr)")
        // Each row keeps its hint.
        #expect(lines.contains { $0.hasPrefix("      hint: known territories (id or name): vallee-de-la-sorgeac (Vallée de la Sorgeac), ") })
        #expect(lines.contains("      hint: write one of: favorable, pour, d’accord, réserve, avec réserves, contre, défavorable, question, abstention (or leave it empty)"))
        #expect(english.stderr.contains("hint: fix these rows and import the file again"))

        let french = try d.refused(["comment", "import", sheet, "--workshop", "lyon"], saying: "5 lignes refusées, rien n’a été importé\u{00A0}:",
                                   environment: ["LANG": "fr_FR.UTF-8"])
        #expect(french.stderr.contains("  ligne 6, colonne A (Nulle-Terre, article 2)\u{00A0}: territoire «\u{00A0}Nulle-Terre\u{00A0}» inconnu du manifeste"),
                "\(french.stderr)")
        #expect(french.stderr.contains("  ligne 8, colonne C (Haut-Verdal, article 7)\u{00A0}: position «\u{00A0}Peut-être\u{00A0}» inconnue"))
        #expect(french.stderr.contains("      conseil\u{00A0}: écrivez l’une de\u{00A0}: favorable"))
        #expect(try d.files(under: "clauses").isEmpty)
        try d.expectHealthy()
    }

    @Test func territoriesByNamePositionsInPeoplesWordsAndQuotesAsTyped() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.lyon)
        let sheet = try d.input("retours.csv", """
            Territoires;N° article;Avis;Commentaires;Extrait;Date
            Haut-Verdal;2;D'accord;;"« L'alliance n'est pas une fin en soi »";14/03
            Vallée de la Sorgeac;Article 7;Avec réserves;À préciser;;14/03
            pays-d-ormanges;2;DÉFAVORABLE;Non;l'intérêt général : réduire une fragilité;14/03
            Agglomération de Port-Saint-Aubin;juste-place;Abstention;On ne sait pas;;14/03
            plateau des mille sources;2;question;Qui décide ?;;14/03

            """)
        let imported = try d.recorded(["comment", "import", sheet, "--workshop", "lyon", "--facilitator", Deliberating.facilitator],
                                      subject: "Import 5 comments from retours.csv into workshop lyon")
        #expect(imported.result.stdout == """
            Imported into lyon: 5 new, 0 corrected, 0 unchanged.
              CSV in UTF-8, separator ;, column names read on row 1
              columns ignored: F (Date)

            """, "\(imported.result.stdout)")
        let comments = try imported.added.filter { $0.hasPrefix("clauses/") }.map { try d.record($0) }
            .sorted { ($0["clock"] as? Int ?? 0) < ($1["clock"] as? Int ?? 0) }
        #expect(comments.map { $0[path: "comment.territory"] as? String }
                == ["haut-verdal", "vallee-de-la-sorgeac", "pays-d-ormanges", "port-saint-aubin", "plateau-des-mille-sources"])
        #expect(comments.map { $0[path: "comment.clause"] as? String } == ["bien-commun", "juste-place", "bien-commun", "juste-place", "bien-commun"])
        #expect(comments.map { $0[path: "comment.position"] as? String } == ["support", "reservation", "objection", nil, nil])
        // The quotes recorded are the clause's own words, so they anchor exactly.
        let body = try d.git("show", "main:charter/clauses/bien-commun.md")
        let first = comments[0][path: "comment.quote.exact"] as? String ?? ""
        let third = comments[2][path: "comment.quote.exact"] as? String ?? ""
        #expect(first == "L’alliance n’est pas une fin en soi" && body.contains(first))
        #expect(third.hasPrefix("l’intérêt général") && third.hasSuffix("réduire une fragilité") && body.contains(third), "\(third.debugDescription)")
        try d.expectHealthy()
    }

    @Test func aCorrectedSheetRecordsOnlyItsCorrections() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.lyon)
        let rows = ["territoire;article;position;commentaire",
                    "haut-verdal;2;pour;Oui",
                    "pays-d-ormanges;2;réserve;Trop vague",
                    "vallee-de-la-sorgeac;3;contre;Non",
                    "haut-verdal;3;pour;Bien"]
        let sheet = try d.input("atelier.csv", rows.joined(separator: "\n") + "\n")
        try d.recorded(["comment", "import", sheet, "--workshop", "lyon"], subject: "Import 4 comments from atelier.csv into workshop lyon",
                       author: Deliberating.gitIdentity)
        var corrected = rows
        corrected[2] = "pays-d-ormanges;2;réserve;Trop vague : qui décide ?"
        corrected[3] = "vallee-de-la-sorgeac;3;pour;Finalement oui"
        try (corrected.joined(separator: "\n") + "\nport-saint-aubin;4;pour;Oui\n").write(toFile: sheet, atomically: true, encoding: .utf8)
        let again = try d.recorded(["comment", "import", sheet, "--workshop", "lyon"],
                                   subject: "Import 3 comments (2 corrected) from atelier.csv into workshop lyon", author: Deliberating.gitIdentity)
        #expect(again.result.stdout.hasPrefix("Imported into lyon: 1 new, 2 corrected, 2 unchanged.\n"), "\(again.result.stdout)")
        let records = try again.added.filter { $0.hasPrefix("clauses/") }.map { try d.record($0) }
        let retractions = records.filter { $0["kind"] as? String == "comment-retracted" }
        #expect(retractions.count == 2)
        #expect(retractions.allSatisfy { $0[path: "comment-retracted.reason"] as? String == "corrigé dans le tableur" })
        #expect(records.filter { $0["kind"] as? String == "comment" }.count == 3)
        // What stands: one live comment per row of the sheet, as the sheet says now.
        let live = try d.commentsJSON(["--workshop", "lyon"]).filter { ($0[path: "comment.retraction"] == nil) }
        let texts = Set(live.compactMap { $0[path: "comment.comment.text"] as? String })
        #expect(texts == ["Oui", "Trop vague : qui décide ?", "Finalement oui", "Bien"], "\(live)")
        // Once more: nothing changed, nothing recorded.
        let before = try d.workspace.state()
        let third = try d.run(["comment", "import", sheet, "--workshop", "lyon"])
        #expect(third.stdout.hasPrefix("Imported into lyon: 0 new, 0 corrected, 5 unchanged.\n"), "\(third.stdout) \(third.stderr)")
        #expect(try d.workspace.state() == before)
        try d.expectHealthy()
    }

    @Test func misspeltDuplicatedAndUnknownColumns() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.lyon)
        let misspelt = try d.input("citaton.csv", "territoire;article;position;commentaire;citaton\nhaut-verdal;2;pour;Oui;fin en soi\n")
        try d.refused(["comment", "import", misspelt, "--workshop", "lyon"],
                      saying: "\(misspelt): row 1, column E: “citaton” is not a known column; did you mean “citation”?")
        try d.refused(["comment", "import", misspelt, "--workshop", "lyon"],
                      saying: "«\u{00A0}citaton\u{00A0}» n’est pas une colonne connue\u{00A0}; vouliez-vous dire «\u{00A0}citation\u{00A0}»\u{00A0}?",
                      environment: ["LANG": "fr_FR.UTF-8"])
        let doubled = try d.input("double.csv", "territoire;article;Avis;commentaire;position\nhaut-verdal;2;pour;Oui;contre\n")
        try d.refused(["comment", "import", doubled, "--workshop", "lyon"],
                      saying: "\(doubled): row 1: columns C (Avis) and E (position) both name “Position”")
        let unknown = try d.input("inconnues.csv", "Date;territoire;article;position;commentaire;Animateur\n14/03;haut-verdal;2;pour;Oui;Camille\n")
        let imported = try d.run(["comment", "import", unknown, "--workshop", "lyon", "--format", "json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect(report?["ignoredColumns"] as? [String] == ["A (Date)", "F (Animateur)"])
        #expect(report?["new"] as? Int == 1 && report?["headerRow"] as? Int == 1)
    }
}

@Suite("Spreadsheets: CSV injection neutralised in every output")
struct SheetOutputTests {
    @Test func formulaLookingCellsAreNeutralisedInCSVAndWorkbooksButRecordedAsTyped() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Array(Deliberating.territories.prefix(5)))
        let sheet = try d.input("atelier.csv", """
            territoire;article;position;commentaire
            haut-verdal;2;réserve;"=HYPERLINK(""http://exemple.org"";""clic"")"
            pays-d-ormanges;2;contre;@SOMME(A1)
            vallee-de-la-sorgeac;3;pour;-moins
            plateau-des-mille-sources;3;pour;+33 6 12 34 56 78

            """)
        try d.recorded(["comment", "import", sheet, "--workshop", "lyon"], subject: "Import 4 comments from atelier.csv into workshop lyon",
                       author: Deliberating.gitIdentity)
        // Recorded as typed.
        let texts = Set(try d.commentsJSON().compactMap { $0[path: "comment.comment.text"] as? String })
        #expect(texts == ["=HYPERLINK(\"http://exemple.org\";\"clic\")", "@SOMME(A1)", "-moins", "+33 6 12 34 56 78"])
        // CSV: each such cell starts with '.
        let csv = try d.run(["comment", "list", "--format", "csv"])
        #expect(csv.stdout.contains(",\"'=HYPERLINK(\"\"http://exemple.org\"\";\"\"clic\"\")\","), "\(csv.stdout)")
        #expect(csv.stdout.contains(",'@SOMME(A1),") && csv.stdout.contains(",'-moins,") && csv.stdout.contains(",'+33 6 12 34 56 78,"))
        #expect(!csv.stdout.contains(",=") && !csv.stdout.contains(",@") && !csv.stdout.contains(",-m"))
        // Workbooks: read back with the reader the import uses, every such cell starts with '.
        for format in ["xlsx", "ods"] {
            let path = d.inputs.url.appendingPathComponent("liste.\(format)").path
            #expect(try d.run(["comment", "list", "--format", format, "--output", path]).status == 0)
            let table = try CommentsWorkbook.cells(path)
            let comments = Set(table.compactMap { $0.count > 7 ? $0[7] : nil }.dropFirst())
            #expect(comments.isSuperset(of: ["'=HYPERLINK(\"http://exemple.org\";\"clic\")", "'@SOMME(A1)", "'-moins", "'+33 6 12 34 56 78"]),
                    "\(format): \(comments)")
        }
        let status = try d.run(["status", "--format", "xlsx", "--output", d.inputs.url.appendingPathComponent("statut.xlsx").path])
        #expect(status.status == 0, "\(status.stderr)")
    }
}

/// The cells of a workbook charter wrote, read with CharterKit's reader.
enum CommentsWorkbook {
    static func cells(_ path: String) throws -> [[String]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try SheetReader.read(data, file: path).table.rows.map(\.cells)
    }
}
