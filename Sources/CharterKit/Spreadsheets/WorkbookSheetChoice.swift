/// `--sheet NAME`: which sheet of a workbook is read.
enum WorkbookSheetChoice {
    /// The sheet's name as the workbook spells it (case ignored); nil when none was asked for
    /// (the first sheet is read). An unknown name is an error listing the sheets.
    static func choose(_ wanted: String?, among names: [String], file: String) throws -> String? {
        guard let wanted else { return nil }
        if let exact = names.first(where: { $0 == wanted }) { return exact }
        let folded = wanted.trimmingCharacters(in: .whitespaces).lowercased()
        if let close = names.first(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == folded }) { return close }
        throw CharterError(.badInput, file: file, Message("sheet.workbook.unknownSheet", ["sheet": wanted]),
                           hint: Message("sheet.workbook.unknownSheet.hint", ["sheets": names.joined(separator: ", ")]))
    }
}
