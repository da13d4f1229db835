import Foundation

/// What kind of file a sheet of feedback is, from its first bytes (never from its name alone).
public enum SheetFileKind: String, Hashable, Sendable, Codable, CaseIterable {
    case csv, xlsx, ods
}

/// Reads a CSV file, an .xlsx or an .ods workbook into a `SheetTable`.
public enum SheetReader {
    /// - Parameters:
    ///   - sheet: the workbook's sheet to read (`--sheet`); the first when nil. Refused for a CSV file.
    ///   - recognises: whether a row is the header (guides the CSV separator).
    public static func read(_ data: Data, file: String, sheet: String? = nil,
                            recognises: (SheetTable.Row) -> Bool = { _ in false }) throws -> (table: SheetTable, kind: SheetFileKind) {
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw CharterError(.badInput, file: file, Message("sheet.workbook.legacyXLS"), hint: Message("sheet.workbook.legacyXLS.hint"))
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let archive = try WorkbookArchive(data, file: file)
            if let mimetype = try archive.member("mimetype"),
               String(decoding: mimetype, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
                return (try ODSReader.read(archive, sheet: sheet), .ods)
            }
            if archive.contains("[Content_Types].xml") {
                return (try XLSXReader.read(archive, sheet: sheet), .xlsx)
            }
            throw CharterError(.badInput, file: file, Message("sheet.workbook.notSpreadsheet"), hint: Message("sheet.workbook.legacyXLS.hint"))
        }
        if let sheet {
            throw CharterError(.badInput, file: file, Message("sheet.csv.noSheets", ["sheet": sheet]), hint: Message("sheet.csv.noSheets.hint"))
        }
        return (try CSVTableReader.read(data, file: file, recognises: recognises), .csv)
    }
}
