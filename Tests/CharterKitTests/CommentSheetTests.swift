import CharterKit
import Foundation
import Testing

@Suite("Reading a sheet of comments")
struct CommentSheetTests {
    static func read(_ text: String, bom: Bool = false) throws -> CommentSheet {
        try CommentSheet((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8), file: "feuille.csv")
    }

    static func summary(_ sheet: CommentSheet) -> [String] {
        sheet.rows.map { "\($0.number)|\($0.territory)|\($0.clause)|\($0.position)|\($0.text)|\($0.quote)" }
    }

    static func refusal(_ text: String) -> CharterError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error as? CharterError
        }
    }

    @Test func rowsAreNumberedAsTheSheetNumbersThemWhateverTheLineBreaksInsideCells() throws {
        for newline in ["\n", "\r\n", "\r"] {
            let text = ["Territoire;ARTICLE;Position;Commentaire;Citation",
                        "a;1;soutien;\"deux\(newline)lignes\";",
                        "",
                        "b;2;;\"trois\(newline)\(newline)lignes\";x",
                        "c;3;objection;Non;"].joined(separator: newline) + newline
            let sheet = try Self.read(text, bom: newline == "\r\n")
            // Rows 2, 4 and 5 as a spreadsheet shows them: the line breaks inside cells do not count.
            #expect(Self.summary(sheet) == ["2|a|1|soutien|deux\nlignes|", "4|b|2||trois\n\nlignes|x", "5|c|3|objection|Non|"],
                    "line breaks \(newline.debugDescription)")
            #expect(sheet.textFormat == SheetTextFormat(encoding: newline == "\r\n" ? .utf8BOM : .utf8, delimiter: ";"))
        }
    }

    @Test func theSeparatorIsTheOneUnderWhichTheHeaderIsFound() throws {
        let commas = (1...30).map(String.init).joined(separator: ", ")
        for newline in ["\n", "\r\n"] {
            let sheet = try Self.read("territoire;article;position;commentaire\(newline)a;1;réserve;\(commas)\(newline)")
            #expect(Self.summary(sheet) == ["2|a|1|réserve|\(commas)|"], "line breaks \(newline.debugDescription)")
        }
        let sheet = try Self.read("territory,clause,position,comment,quote\na,1,support,\"x; y, \"\"z\"\"\",\"q\"\n")
        #expect(Self.summary(sheet) == ["2|a|1|support|x; y, \"z\"|q"])
        let tabs = try Self.read("Retours de l'atelier, version 2\nterritoire\tarticle\tposition\tcommentaire\na\t1\tpour\tOui, vraiment; oui\n")
        #expect(Self.summary(tabs) == ["3|a|1|pour|Oui, vraiment; oui|"])
        #expect(tabs.textFormat?.delimiter == "\t" && tabs.headerRow == 2)
    }

    @Test func anUnterminatedQuoteIsReportedOnTheRowWhereItOpens() throws {
        let text = "territoire,article,position,commentaire\na,1,soutien,\"fermé\nsur deux lignes\"\nb,2,soutien,\"jamais fermé\nc,3,soutien,ok\n"
        let error = Self.refusal(text)
        #expect(error?.file == "feuille.csv")
        #expect(error?.message.hasPrefix("row 3: a quoted field opens on this row and never closes") == true, "\(String(describing: error))")
        // Quotes inside unquoted fields, and doubled quotes in quoted ones, are not openings.
        let fine = try Self.read("territoire,article,position,commentaire\na,1,soutien,un écran de 5\" de large\nb,2,,\"dit \"\"oui\"\"\"\n")
        #expect(Self.summary(fine) == ["2|a|1|soutien|un écran de 5\" de large|", "3|b|2||dit \"oui\"|"])
    }

    @Test func theHeaderIsFoundBelowTitleAndEmptyRowsUnderTheUsualNames() throws {
        let sheet = try Self.read("""
            Atelier de Lyon — retours des territoires;;;;;
            ;;;;;
            Territoires;N° article;Avis;Commentaires;Extrait;Date
            Haut-Verdal;7;Réserve ;Oui;;14/03/2026
            ;;;;;
            a;2;;Une question;;

            """)
        #expect(sheet.headerRow == 3)
        #expect(Self.summary(sheet) == ["4|Haut-Verdal|7|Réserve|Oui|", "6|a|2||Une question|"])
        #expect(sheet.ignoredColumns == ["F (Date)"])
        #expect(sheet.columns[.quote] == "E" && sheet.columns[.position] == "C")
        let english = try Self.read("Territory,Clause,Stance,Remarque,Citations\na,1,support,x,y\n")
        #expect(Self.summary(english) == ["2|a|1|support|x|y"])
    }

    @Test func aMisspeltColumnIsRefusedNamingBoth() throws {
        let error = Self.refusal("territoire;article;position;commentaire;citaton\na;1;pour;x;y\n")
        #expect(error?.message == "row 1, column E: “citaton” is not a known column; did you mean “citation”?")
        #expect(error?.description(in: .fr).contains("«\u{00A0}citaton\u{00A0}» n’est pas une colonne connue\u{00A0}; vouliez-vous dire «\u{00A0}citation\u{00A0}»\u{00A0}?") == true)
        #expect(error?.hint?.contains("rename “citaton” to “Citation”") == true)
    }

    @Test func aColumnNamedTwiceIsRefused() throws {
        let error = Self.refusal("territoire;Article;position;commentaire;N° article\na;1;pour;x;2\n")
        #expect(error?.message == "row 1: columns B (Article) and E (N° article) both name “N° article”")
    }

    @Test func missingColumnsShowWhatWasReadAndEmptyFilesAreRefused() throws {
        let missing = Self.refusal("titre\n\nterritoire;article;commentaire\na;1;x\n")
        #expect(missing?.message == "missing column: Position (row 3: territoire | article | commentaire)")
        let none = Self.refusal("nom;prénom\nx;y\n")
        #expect(none?.message == "no row names the columns in the first 20 (read on row 1: nom | prénom)")
        #expect(Self.refusal("")?.message == "the sheet is empty")
        #expect(Self.refusal("\n\n")?.message == "the sheet is empty")
    }

    @Test func windows1252IsDetectedAndRead() throws {
        let bytes = Data("territoire;article;position;commentaire\nhaut-verdal;2;r".utf8) + Data([0xE9])
            + Data("serve;C".utf8) + Data([0x92]) + Data("est ".utf8) + Data([0xAB, 0xA0]) + Data("flou".utf8) + Data([0xA0, 0xBB, 0x85, 0x0D, 0x0A])
        let sheet = try CommentSheet(bytes, file: "excel.csv")
        #expect(sheet.textFormat == SheetTextFormat(encoding: .windows1252, delimiter: ";"))
        #expect(Self.summary(sheet) == ["2|haut-verdal|2|réserve|C’est «\u{00A0}flou\u{00A0}»…|"])
    }

    @Test func templateRowsLeftEmptyAreCountedNotRead() throws {
        let sheet = try Self.read("N° article;Titre de l’article;Territoire;Position;Commentaire;Citation\n1;Préambule;Île de Keraven;;;\n2;Le bien;Île de Keraven;pour;;\n")
        #expect(sheet.unfilledRows == 1 && Self.summary(sheet) == ["3|Île de Keraven|2|pour||"])
        #expect(sheet.ignoredColumns.isEmpty)
    }
}

@Suite("Workbooks written and read back")
struct WorkbookTests {
    static let awkward = ["=1+2", "+33 6 12", "-moins", "@SOMME(A1)", "\ttab", "deux\nlignes", "  espaces   au  milieu  ",
                          "guillemets «\u{00A0}oui\u{00A0}» et \"non\"", "_x0041_ reste tel quel", "a & b < c > d ' e"]

    static func sheet() -> WorkbookSheet {
        WorkbookSheet(name: "Atelier lyon",
                      columns: [WorkbookSheet.Column("N° article"), WorkbookSheet.Column("Texte"),
                                WorkbookSheet.Column("Position", choices: ["favorable", "réserve"])],
                      rows: awkward.enumerated().map { [.number($0.offset + 1), .text($0.element), .text("favorable")] })
    }

    @Test(arguments: [WorkbookFormat.xlsx, .ods])
    func everyCellReadsBackAsWrittenNeutralised(format: WorkbookFormat) throws {
        let bytes = try format.write(Self.sheet())
        let (table, kind) = try SheetReader.read(Data(bytes), file: "x.\(format.rawValue)")
        #expect(kind.rawValue == format.rawValue && table.name == "Atelier lyon")
        #expect(table.rows.first?.cells == ["N° article", "Texte", "Position"])
        let expected = Self.awkward.map(CellSafety.neutralised)
        #expect(table.rows.dropFirst().map { $0[1] } == expected)
        #expect(table.rows.dropFirst().map { $0[0] } == (1...Self.awkward.count).map(String.init))
        #expect(table.rows.map(\.number) == Array(1...(Self.awkward.count + 1)))
    }

    @Test func aSheetIsChosenByNameAndAnUnknownOneListsThem() throws {
        let bytes = Data(try WorkbookFormat.xlsx.write(Self.sheet()))
        #expect(try SheetReader.read(bytes, file: "x.xlsx", sheet: "atelier LYON").table.name == "Atelier lyon")
        #expect { try SheetReader.read(bytes, file: "x.xlsx", sheet: "Feuil2") } throws: { error in
            (error as? CharterError)?.description(in: .en) == "x.xlsx: the workbook has no sheet “Feuil2”\n  hint: its sheets: Atelier lyon"
        }
    }

    @Test func cellsThatSpreadsheetsWouldRunAreNeutralisedInCSV() {
        #expect(CellSafety.neutralised("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")")
        for trigger in ["=", "+", "-", "@", "\t", "\r"] { #expect(CellSafety.neutralised(trigger + "x") == "'" + trigger + "x") }
        #expect(CellSafety.neutralised("Oui = oui") == "Oui = oui")
        let csv = CSVWriter.write(Self.sheet())
        #expect(csv.hasPrefix("\u{FEFF}N° article;Texte;Position\r\n1;'=1+2;favorable\r\n2;'+33 6 12;favorable\r\n"))
        #expect(csv.contains("6;\"deux\nlignes\";favorable\r\n"))
    }
}
