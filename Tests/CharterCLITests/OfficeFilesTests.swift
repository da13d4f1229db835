import Foundation
import TestSupport
import Testing

/// Sheets made by real office software: LibreOffice headless writes the workbooks and CSVs
/// (and the CSVs as Excel writes them are made from them: BOM and CRLF, or Windows-1252 and
/// CRLF); openpyxl fills the template as a script would.
@Suite("Spreadsheets written by office software", .serialized,
       .enabled(if: Office.soffice != nil, "LibreOffice is not installed (make test installs libreoffice-calc-nogui): skipped"))
struct OfficeFilesTests {
    static let lyon = Array(Deliberating.territories.prefix(5))

    /// A sheet as a facilitator makes it: a merged title row, an empty row, the header with the
    /// usual names and a Date column, line breaks inside cells, `7` typed as a number, `Réserve `
    /// with a trailing space, « » with no-break spaces, a comment that looks like a formula,
    /// quotes typed with ' and plain spaces.
    static let rows: [[Office.Cell]] = [
        [],
        ["Territoires", "N° article", "Avis", "Commentaires", "Citation", "Date"],
        ["Haut-Verdal", .number(7), "Réserve ", "Attention aux petites structures.\nElles doivent être associées.", "", "14/03/2026"],
        ["Vallée de la Sorgeac", .number(2), "Favorable", "Nous disons «\u{00A0}oui\u{00A0}» sans hésiter.", "L'alliance n'est pas une fin en soi", "14/03/2026"],
        ["pays-d-ormanges", .number(2), "Question", "=SOMME(A1:A3) : que veut dire «\u{00A0}intérêt général\u{00A0}» ?", "l'intérêt général : réduire une fragilité", ""],
        ["port-saint-aubin", "bien-commun", "contre", "-Trop vague", "", ""],
        ["Plateau des Mille Sources", .number(7), "d'accord", "", "", ""],
    ]

    static let expected: [[String?]] = [
        ["haut-verdal", "juste-place", "reservation", "Attention aux petites structures.\nElles doivent être associées.", nil],
        ["vallee-de-la-sorgeac", "bien-commun", "support", "Nous disons «\u{00A0}oui\u{00A0}» sans hésiter.", "L’alliance n’est pas une fin en soi"],
        ["pays-d-ormanges", "bien-commun", nil, "=SOMME(A1:A3) : que veut dire «\u{00A0}intérêt général\u{00A0}» ?", "l’intérêt général\u{00A0}: réduire une fragilité"],
        ["port-saint-aubin", "bien-commun", "objection", "-Trop vague", nil],
        ["plateau-des-mille-sources", "juste-place", "support", "", nil],
    ]

    @Test func workbooksAndCSVsAsLibreOfficeAndExcelWriteThemImportExactlyWhatTheSheetSays() throws {
        let folder = Scratch("charter-office")
        let source = try folder.write("atelier-lyon.fods",
                                      Office.flatODS(sheet: "Retours", mergedTitle: "Atelier de Lyon — retours des territoires", width: 6, rows: Self.rows))
        let xlsx = try Office.convert(source, to: "xlsx", extension: "xlsx", in: folder.url)
        let ods = try Office.convert(source, to: "ods", extension: "ods", in: folder.url)
        let utf8 = try Office.convert(source, to: "csv:Text - txt - csv (StarCalc):59,34,76,1", extension: "csv", in: folder.url)
        let utf8Data = try Data(contentsOf: utf8)
        let windows = folder.url.appendingPathComponent("windows")
        try FileManager.default.createDirectory(at: windows, withIntermediateDirectories: true)
        let cp1252 = try Office.convert(source, to: "csv:Text - txt - csv (StarCalc):59,34,1,1", extension: "csv", in: windows)
        let cp1252Data = try Data(contentsOf: cp1252)
        #expect(String(validating: cp1252Data, as: UTF8.self) == nil, "LibreOffice wrote Windows-1252, not UTF-8")
        // Excel's « CSV UTF-8 »: a BOM and CRLF; its « CSV (point-virgule) »: Windows-1252 and CRLF.
        func crlf(_ data: Data) -> Data {
            var out = Data()
            for byte in data { if byte == 0x0A && out.last != 0x0D { out.append(0x0D) }; out.append(byte) }
            return out
        }
        let files: [(name: String, data: Data, says: String)] = [
            ("atelier-lyon.xlsx", try Data(contentsOf: xlsx), "sheet “Retours”, column names read on row 3"),
            ("atelier-lyon.ods", try Data(contentsOf: ods), "sheet “Retours”, column names read on row 3"),
            ("libreoffice-utf8.csv", utf8Data, "CSV in UTF-8, separator ;, column names read on row 3"),
            ("libreoffice-windows.csv", cp1252Data, "CSV in Windows-1252 (not UTF-8: read as Excel writes it in France), separator ;"),
            ("excel-utf8.csv", Data([0xEF, 0xBB, 0xBF]) + crlf(utf8Data), "CSV in UTF-8 with BOM, separator ;"),
            ("excel-point-virgule.csv", crlf(cp1252Data), "CSV in Windows-1252"),
        ]
        let d = try Deliberating()
        for (index, file) in files.enumerated() {
            let workshop = "atelier-\(index + 1)"
            try d.openWorkshop(workshop, territories: Self.lyon)
            let path = try d.input(file.name, file.data)
            let result = try d.run(["comment", "import", path, "--workshop", workshop, "--facilitator", Deliberating.facilitator])
            #expect(result.status == 0, "\(file.name): \(result.stderr)")
            #expect(result.stdout.hasPrefix("Imported into \(workshop): 5 new, 0 corrected, 0 unchanged.\n"), "\(file.name): \(result.stdout)")
            #expect(result.stdout.contains(file.says), "\(file.name): \(result.stdout)")
            #expect(result.stdout.contains("columns ignored: F (Date)"), "\(file.name): \(result.stdout)")
            let comments = try d.commentsJSON(["--workshop", workshop]).map { view -> [String?] in
                ["territory", "clause", "position", "text"].map { view[path: "comment.comment.\($0)"] as? String }
                    + [view[path: "comment.comment.quote.exact"] as? String]
            }
            #expect(comments.count == Self.expected.count, "\(file.name)")
            for (got, want) in zip(comments, Self.expected) {
                #expect(got == want, "\(file.name)")
            }
        }
        try d.expectHealthy()
    }

    @Test(.enabled(if: Office.python != nil, "openpyxl is not installed (make test installs it): skipped"))
    func theTemplateFilledByAScriptImportsBackAsFilled() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.lyon)
        let folder = Scratch("charter-template")
        let path = folder.url.appendingPathComponent("atelier-lyon.xlsx").path
        let written = try d.run(["comment", "template", "--workshop", "lyon", "--format", "xlsx", "--output", path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "Sheet for workshop lyon written to \(path): 90 rows.\n")  // 18 clauses × 5 territories
        // openpyxl reads what the workbook declares: French headers, frozen header, the drop-down list.
        let declared = try Office.runPython("""
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.active
            print(ws.title)
            print("|".join(str(c.value) for c in ws[1]))
            print("|".join(str(c.value) for c in ws[2]))
            print(ws.freeze_panes)
            for v in ws.data_validations.dataValidation:
                print(v.type, v.formula1, str(v.sqref))
            """, [path], in: folder.url)
        #expect(declared == """
            Atelier lyon
            N° article|Titre de l’article|Territoire|Position|Commentaire|Citation
            1|Préambule|Vallée de la Sorgeac|None|None|None
            A2
            list "favorable,réserve,objection,question,abstention" D2:D91

            """, "\(declared)")
        // A script fills three rows, as a facilitator would, and saves the workbook.
        _ = try Office.runPython("""
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.active
            def fill(number, territory, position, comment, quote=None):
                for row in ws.iter_rows(min_row=2):
                    if row[0].value == number and row[2].value == territory:
                        row[3].value = position; row[4].value = comment; row[5].value = quote
                        row[4].data_type = "s"  # typed text, even when it starts with =
                        return
                raise SystemExit("no row %s %s" % (number, territory))
            fill(2, "Communauté du Haut-Verdal", "favorable", "Oui,\\nsans réserve.", "L’alliance n’est pas une fin en soi")
            fill(7, "Pays d’Ormanges", "réserve", "=Qui décide ?")
            fill(7, "Vallée de la Sorgeac", "question", "Et les petites structures ?")
            wb.save(sys.argv[1])
            """, [path], in: folder.url)
        let imported = try d.run(["comment", "import", path, "--workshop", "lyon"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Imported into lyon: 3 new, 0 corrected, 0 unchanged, 87 left empty.\n"), "\(imported.stdout)")
        let comments = try d.commentsJSON(["--workshop", "lyon"]).map { view in
            ["territory", "clause", "position", "text", "quote.exact"].map { view[path: "comment.comment.\($0)"] as? String }
        }
        #expect(comments.count == 3)
        #expect(Set(comments.map { $0.map { $0 ?? "∅" }.joined(separator: "|") }) == [
            "vallee-de-la-sorgeac|juste-place|∅|Et les petites structures ?|∅",
            "pays-d-ormanges|juste-place|reservation|=Qui décide ?|∅",
            "haut-verdal|bien-commun|support|Oui,\nsans réserve.|L’alliance n’est pas une fin en soi",
        ])
    }

    @Test(.enabled(if: Office.python != nil, "openpyxl is not installed (make test installs it): skipped"))
    func theODSTemplateKeepsItsFrozenHeaderAndListInLibreOfficeAndImportsBack() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.lyon)
        let folder = Scratch("charter-template-ods")
        let path = folder.url.appendingPathComponent("atelier-lyon.ods")
        #expect(try d.run(["comment", "template", "--workshop", "lyon", "--format", "ods", "--output", path.path]).status == 0)
        // LibreOffice opens it and writes it as xlsx: the headers and the drop-down list are still there. (Headless
        // LibreOffice drops view settings on conversion, so the frozen header is checked in the file's settings.xml.)
        let converted = try Office.convert(path, to: "xlsx", extension: "xlsx", in: folder.url)
        let declared = try Office.runPython("""
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            print("|".join(str(c.value) for c in ws[1]))
            for v in ws.data_validations.dataValidation:
                print(v.type, v.formula1, str(v.sqref))
            """, [converted.path], in: folder.url)
        let lines = declared.split(separator: "\n").map(String.init)
        #expect(lines.first == "N° article|Titre de l’article|Territoire|Position|Commentaire|Citation", "\(declared)")
        let frozen = try Office.runPython("""
            import sys, zipfile, xml.etree.ElementTree as ET
            C = "{urn:oasis:names:tc:opendocument:xmlns:config:1.0}"
            root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("settings.xml"))
            for entry in root.iter(C + "config-item-map-entry"):
                if entry.get(C + "name") == "Atelier lyon":
                    items = {i.get(C + "name"): i.text for i in entry.findall(C + "config-item")}
                    print(items["VerticalSplitMode"], items["VerticalSplitPosition"], items["PositionBottom"])
            """, [path.path], in: folder.url)
        #expect(frozen == "2 1 1\n", "\(frozen)")
        #expect(lines.contains { $0.hasPrefix("list \"favorable,réserve,objection,question,abstention\" D2") }, "\(declared)")
        // Unfilled, it imports as nothing said.
        let imported = try d.run(["comment", "import", path.path, "--workshop", "lyon"])
        #expect(imported.stdout.hasPrefix("Imported into lyon: 0 new, 0 corrected, 0 unchanged, 90 left empty.\n"), "\(imported.stdout) \(imported.stderr)")
    }
}
