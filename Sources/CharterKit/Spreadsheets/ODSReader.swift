import Foundation

/// Reads one sheet of an OpenDocument spreadsheet (.ods, as LibreOffice writes it): each cell's
/// text as shown (paragraphs joined by line breaks, `<text:s/>` spaces expanded), repeated rows
/// and cells unfolded, merged (covered) cells kept as empty cells so columns stay in place.
enum ODSReader {
    /// Non-empty cells repeated beyond this many columns are not unfolded (a sheet's width).
    static let maximumColumns = 1_024

    static func read(_ archive: WorkbookArchive, sheet wanted: String?) throws -> SheetTable {
        let content = try archive.required("content.xml")
        let names = try tableNames(content, file: archive.file)
        guard let first = names.first else {
            throw CharterError(.badInput, file: archive.file, Message("sheet.workbook.noSheet"),
                               hint: Message("sheet.workbook.unreadable.hint"))
        }
        let chosen = try WorkbookSheetChoice.choose(wanted, among: names, file: archive.file) ?? first
        return SheetTable(name: chosen, rows: try rows(content, table: chosen, file: archive.file))
    }

    static func tableNames(_ content: Data, file: String) throws -> [String] {
        var names: [String] = []
        let events = XMLEvents()
        events.onStart = { name, attributes in
            if name == "table:table", let tableName = attributes["table:name"] { names.append(tableName) }
        }
        try events.parse(content, part: "content.xml", file: file)
        return names
    }

    static func rows(_ content: Data, table wanted: String, file: String) throws -> [SheetTable.Row] {
        var rows: [SheetTable.Row] = []
        var inTable = false
        var depth = 0  // nested tables (a table inside a cell's frame) are not rows of this one
        var nextRow = 1
        var rowRepeat = 1
        var cells: [String] = []
        var column = 0
        var cellRepeat = 1
        var cellText = ""
        var paragraphs = 0
        var inCell = false
        var ignored = 0  // inside an annotation (a cell's comment): not the cell's text
        var overflow = false
        let events = XMLEvents()
        events.onStart = { name, attributes in
            if name == "table:table" {
                if inTable { depth += 1 } else if attributes["table:name"] == wanted { inTable = true }
                return
            }
            guard inTable, depth == 0 else { return }
            switch name {
            case "table:table-row":
                rowRepeat = attributes["table:number-rows-repeated"].flatMap { Int($0) }.map { max(1, $0) } ?? 1
                cells = []
                column = 0
            case "table:table-cell", "table:covered-table-cell":
                cellRepeat = attributes["table:number-columns-repeated"].flatMap { Int($0) }.map { max(1, $0) } ?? 1
                cellText = ""
                paragraphs = 0
                inCell = true
            case "office:annotation": ignored += 1
            case "text:p", "text:h":
                if inCell && ignored == 0 {
                    if paragraphs > 0 { cellText += "\n" }
                    paragraphs += 1
                }
            case "text:s":
                if inCell && ignored == 0 {
                    let count = attributes["text:c"].flatMap { Int($0) }.map { min(max(1, $0), 1_000) } ?? 1
                    cellText += String(repeating: " ", count: count)
                }
            case "text:tab": if inCell && ignored == 0 { cellText += "\t" }
            case "text:line-break": if inCell && ignored == 0 { cellText += "\n" }
            default: break
            }
        }
        events.onEnd = { name in
            if name == "table:table" {
                if depth > 0 { depth -= 1 } else { inTable = false }
                return
            }
            guard inTable, depth == 0 else { return }
            switch name {
            case "office:annotation": ignored -= 1
            case "table:table-cell", "table:covered-table-cell":
                inCell = false
                if cellText.isEmpty {
                    let (sum, didOverflow) = column.addingReportingOverflow(cellRepeat)
                    if didOverflow { overflow = true } else { column = sum }
                    return
                }
                for _ in 0..<min(cellRepeat, max(0, maximumColumns - column)) {
                    if cells.count < column { cells.append(contentsOf: repeatElement("", count: column - cells.count)) }
                    cells.append(cellText)
                    column += 1
                }
            case "table:table-row":
                if !cells.isEmpty {
                    // A repeated row with content is written once per repetition (rare: copied rows).
                    for offset in 0..<min(rowRepeat, 10_000) {
                        rows.append(SheetTable.Row(number: nextRow + offset, cells: cells))
                    }
                }
                let (sum, didOverflow) = nextRow.addingReportingOverflow(rowRepeat)
                if didOverflow { overflow = true } else { nextRow = sum }
            default: break
            }
        }
        events.onText = { text in
            if inCell && ignored == 0 && inTable && depth == 0 { cellText += text }
        }
        try events.parse(content, part: "content.xml", file: file)
        if overflow {
            throw CharterError(.badInput, file: file, Message("sheet.workbook.tooLarge"), hint: Message("sheet.workbook.unreadable.hint"))
        }
        return rows
    }
}
