import Foundation

/// Reads one sheet of an Office Open XML workbook (.xlsx, as Excel, LibreOffice and Google
/// Sheets write it): the cells' text as shown, rows numbered as the workbook numbers them.
enum XLSXReader {
    static func read(_ archive: WorkbookArchive, sheet wanted: String?) throws -> SheetTable {
        let workbookPath = try mainPart(archive)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let sheets = try sheetList(archive, workbookPath: workbookPath, folder: folder)
        guard let first = sheets.first else {
            throw CharterError(.badInput, file: archive.file, Message("sheet.workbook.noSheet"),
                               hint: Message("sheet.workbook.unreadable.hint"))
        }
        let chosen = try WorkbookSheetChoice.choose(wanted, among: sheets.map(\.name), file: archive.file).map { name in
            sheets.first { $0.name == name } ?? first
        } ?? first
        let strings = try sharedStrings(archive, folder: folder)
        let rows = try cells(archive, path: chosen.path, strings: strings)
        return SheetTable(name: chosen.name, rows: rows)
    }

    /// The workbook part named by the package's relationships (`xl/workbook.xml` as usual).
    static func mainPart(_ archive: WorkbookArchive) throws -> String {
        var target = "xl/workbook.xml"
        if let rels = try archive.member("_rels/.rels") {
            let events = XMLEvents()
            events.onStart = { name, attributes in
                if name == "Relationship", attributes["Type"]?.hasSuffix("/officeDocument") == true, let found = attributes["Target"] {
                    target = found.hasPrefix("/") ? String(found.dropFirst()) : found
                }
            }
            try events.parse(rels, part: "_rels/.rels", file: archive.file)
        }
        return target
    }

    /// The sheets in the workbook's order, with the part each is stored in.
    static func sheetList(_ archive: WorkbookArchive, workbookPath: String, folder: String) throws -> [(name: String, path: String)] {
        var declared: [(name: String, id: String)] = []
        let events = XMLEvents()
        events.onStart = { name, attributes in
            if name == "sheet", let sheetName = attributes["name"], let id = attributes["r:id"] { declared.append((sheetName, id)) }
        }
        try events.parse(try archive.required(workbookPath), part: workbookPath, file: archive.file)
        var targets: [String: String] = [:]
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        let rels = XMLEvents()
        rels.onStart = { name, attributes in
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        }
        try rels.parse(try archive.required(relsPath), part: relsPath, file: archive.file)
        return declared.compactMap { sheet in
            guard let target = targets[sheet.id] else { return nil }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? "" : folder + "/") + target
            return (sheet.name, path)
        }
    }

    /// The workbook's shared strings, in order (rich text runs joined, phonetic runs left out).
    static func sharedStrings(_ archive: WorkbookArchive, folder: String) throws -> [String] {
        let path = (folder.isEmpty ? "" : folder + "/") + "sharedStrings.xml"
        guard let data = try archive.member(path) else { return [] }
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0
        let events = XMLEvents()
        events.onStart = { name, _ in
            switch name {
            case "si": current = ""
            case "t": inText = phonetic == 0
            case "rPh": phonetic += 1
            default: break
            }
        }
        events.onEnd = { name in
            switch name {
            case "si": strings.append(unescape(current))
            case "t": inText = false
            case "rPh": phonetic -= 1
            default: break
            }
        }
        events.onText = { text in if inText { current += text } }
        try events.parse(data, part: path, file: archive.file)
        return strings
    }

    /// The rows of a worksheet part.
    static func cells(_ archive: WorkbookArchive, path: String, strings: [String]) throws -> [SheetTable.Row] {
        var rows: [SheetTable.Row] = []
        var rowNumber = 0
        var cells: [String] = []
        var column = -1
        var type = ""
        var value = ""
        var inline = ""
        var inValue = false
        var inInlineText = false
        var badReference: String?
        let events = XMLEvents()
        events.onStart = { name, attributes in
            switch name {
            case "row":
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                cells = []
                column = -1
            case "c":
                if let reference = attributes["r"] {
                    guard let index = ColumnLetter.index(ofReference: reference), index < 16_384 else {
                        badReference = reference
                        return
                    }
                    column = index
                } else {
                    column += 1
                }
                type = attributes["t"] ?? "n"
                value = ""
                inline = ""
            case "v": inValue = true
            case "t": inInlineText = true
            default: break
            }
        }
        events.onEnd = { name in
            switch name {
            case "v": inValue = false
            case "t": inInlineText = false
            case "c":
                guard column >= 0 && column < 16_384 else { return }
                let text: String
                switch type {
                case "s": text = Int(value.trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
                case "inlineStr": text = unescape(inline)
                case "str", "e": text = unescape(value)
                case "b": text = value == "1" ? "TRUE" : "FALSE"
                default: text = number(value)
                }
                if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
                cells[column] = text
            case "row":
                rows.append(SheetTable.Row(number: rowNumber, cells: cells))
            default: break
            }
        }
        events.onText = { text in
            if inValue { value += text } else if inInlineText { inline += text }
        }
        try events.parse(try archive.required(path), part: path, file: archive.file)
        if let badReference {
            throw CharterError(.badInput, file: archive.file, Message("sheet.workbook.badCell", ["cell": badReference]),
                               hint: Message("sheet.workbook.unreadable.hint"))
        }
        return rows
    }

    /// A stored number as a person typed it: `7` for 7 (stored `7` or `7.0`), else as stored.
    static func number(_ stored: String) -> String {
        let trimmed = stored.trimmingCharacters(in: .whitespaces)
        if let value = Double(trimmed), value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return trimmed
    }

    /// Office Open XML's escapes of characters XML cannot carry: `_x000D_` is a carriage
    /// return, `_x005F_` an underscore.
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(5)
            if hex.count == 5, hex.last == "_", let value = UInt32(hex.dropLast(), radix: 16), let scalar = UnicodeScalar(value) {
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += "_x"
                rest = after
            }
        }
        result += rest
        return result
    }
}
