import CharterKit
import Foundation
import Testing

@Suite("Reading a CSV sheet of comments")
struct CommentSheetTests {
    static func read(_ text: String, bom: Bool = false) throws -> CommentSheet {
        try CommentSheet((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8), file: "feuille.csv")
    }

    static func summary(_ sheet: CommentSheet) -> [String] {
        sheet.rows.map { "\($0.line)|\($0.territory)|\($0.clause)|\($0.position)|\($0.text)|\($0.quote)" }
    }

    @Test func lineNumbersCountEveryKindOfLineBreakInsideAndBetweenRows() throws {
        for newline in ["\n", "\r\n", "\r"] {
            let text = ["Territoire;ARTICLE;Position;Commentaire;Citation",
                        "a;1;soutien;\"deux\(newline)lignes\";",
                        "",
                        "b;2;;\"trois\(newline)\(newline)lignes\";x",
                        "c;3;objection;Non;"].joined(separator: newline) + newline
            let sheet = try Self.read(text, bom: newline == "\r\n")
            #expect(Self.summary(sheet) == ["2|a|1|soutien|deux\nlignes|", "5|b|2||trois\n\nlignes|x", "8|c|3|objection|Non|"],
                    "line breaks \(newline.debugDescription)")
        }
    }

    @Test func theDelimiterIsGuessedFromTheHeaderLineOnly() throws {
        let commas = (1...30).map(String.init).joined(separator: ", ")
        for newline in ["\n", "\r\n"] {
            let sheet = try Self.read("territoire;article;position;commentaire\(newline)a;1;réserve;\(commas)\(newline)")
            #expect(Self.summary(sheet) == ["2|a|1|réserve|\(commas)|"], "line breaks \(newline.debugDescription)")
        }
        let sheet = try Self.read("territory,clause,position,comment,quote\na,1,support,\"x; y, \"\"z\"\"\",\"q\"\n")
        #expect(Self.summary(sheet) == ["2|a|1|support|x; y, \"z\"|q"])
    }

    @Test func anUnterminatedQuoteIsReportedWhereItOpens() throws {
        let text = "territoire,article,position,commentaire\na,1,soutien,\"fermé\"\nb,2,soutien,\"jamais fermé\nc,3,soutien,ok\n"
        #expect { try Self.read(text) } throws: { error in
            let error = error as? CharterError
            return error?.line == 3 && error?.file == "feuille.csv" && error?.message.contains("never closes") == true
        }
        // Quotes inside unquoted fields, and doubled quotes in quoted ones, are not openings.
        let fine = try Self.read("territoire,article,position,commentaire\na,1,soutien,un écran de 5\" de large\nb,2,,\"dit \"\"oui\"\"\"\n")
        #expect(Self.summary(fine) == ["2|a|1|soutien|un écran de 5\" de large|", "3|b|2||dit \"oui\"|"])
    }

    @Test func missingColumnsAndEmptyFilesAreRefused() throws {
        #expect { try Self.read("territoire;article;commentaire\na;1;x\n") } throws: { error in
            (error as? CharterError)?.message == "missing column: position" && (error as? CharterError)?.line == 1
        }
        #expect { try Self.read("") } throws: { ($0 as? CharterError)?.message == "the file is empty" }
        #expect { try Self.read("\n\n") } throws: { ($0 as? CharterError)?.message == "the file is empty" }
    }
}
