import CSV
import Foundation

/// Reads a CSV file into a `SheetTable`: encoding detected (`TextDecoding`), separator `;`, `,`
/// or tab, one row per record as a spreadsheet opening the file shows it (a line break inside a
/// quoted cell stays in its cell and does not shift the rows below).
public enum CSVTableReader {
    public static let delimiters: [UnicodeScalar] = [";", "\t", ","]

    /// - Parameter recognises: whether a row is the header; the separator under which a header is
    ///   found in the first rows wins (a title row or a comma-laden comment cannot mislead it).
    public static func read(_ data: Data, file: String, recognises: (SheetTable.Row) -> Bool) throws -> SheetTable {
        let (text, encoding) = TextDecoding.decode(data)
        let ranked = rank(text)
        var first: SheetTable?
        for delimiter in ranked {
            let table = try parse(text, delimiter: delimiter, encoding: encoding, file: file)
            if table.rows.prefix(SheetHeaderSearch.rowsSearched).contains(where: recognises) { return table }
            if first == nil { first = table }
        }
        return first ?? SheetTable(rows: [], text: SheetTextFormat(encoding: encoding, delimiter: ";"))
    }

    /// Candidate separators, likeliest first: the one seen most often on the first non-blank line
    /// (`;` before tab before `,` on a tie), then the others.
    static func rank(_ text: String) -> [UnicodeScalar] {
        let line = text.split(whereSeparator: isLineBreak).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        var counts: [UnicodeScalar: Int] = [:]
        for scalar in line.unicodeScalars where delimiters.contains(scalar) { counts[scalar, default: 0] += 1 }
        return delimiters.enumerated().sorted { left, right in
            let (a, b) = (counts[left.element] ?? 0, counts[right.element] ?? 0)
            return a != b ? a > b : left.offset < right.offset
        }.map(\.element)
    }

    static func parse(_ text: String, delimiter: UnicodeScalar, encoding: SheetTextFormat.Encoding, file: String) throws -> SheetTable {
        let format = SheetTextFormat(encoding: encoding, delimiter: String(delimiter))
        if let opened = unterminatedQuote(in: text, delimiter: delimiter) {
            throw CharterError(.badInput, file: file,
                               Message("sheet.csv.unclosedQuote", ["row": String(opened)]),
                               hint: Message("sheet.csv.unclosedQuote.hint"))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw CharterError(.badInput, file: file, Message("sheet.csv.unreadable", ["cause": "\(error)"]),
                               hint: Message("sheet.csv.unreadable.hint"))
        }
        var rows: [SheetTable.Row] = []
        var number = 0
        while let fields = reader.next() {
            number += 1
            // Line breaks inside a quoted cell are kept as "\n", whatever the file used.
            let cells = fields.map { field in
                field.contains(where: isLineBreak)
                    ? field.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak).joined(separator: "\n") : field
            }
            rows.append(SheetTable.Row(number: number, cells: cells))
        }
        if let error = reader.error {
            throw CharterError(.badInput, file: file, Message("sheet.csv.unreadableNear", ["row": String(number + 1), "cause": "\(error)"]),
                               hint: Message("sheet.csv.unreadable.hint"))
        }
        return SheetTable(rows: rows, text: format)
    }

    /// The row where a quoted cell opens and never closes, nil when every quoted cell closes.
    /// The CSV reader does not report this: it silently reads the rest of the file as that one
    /// cell, swallowing the rows after it. Follows the reader's rules: a quote opens a cell only
    /// at its start; in a quoted cell `""` is a quote, and a quote followed by the separator, a
    /// line break or the end closes it.
    static func unterminatedQuote(in text: String, delimiter: UnicodeScalar) -> Int? {
        var row = 1
        var openedOn: Int?
        var atFieldStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var current = iterator.next()
        while let scalar = current {
            var next = iterator.next()
            if openedOn != nil {
                if scalar == "\"" {
                    if next == nil || next == "\r" || next == "\n" || next == delimiter {
                        openedOn = nil
                        atFieldStart = false
                    } else {
                        next = iterator.next()  // `""`, or a stray quote the reader keeps with the character after it
                    }
                }
            } else if atFieldStart && scalar == "\"" {
                openedOn = row
                atFieldStart = false
            } else {
                if scalar == "\n" || (scalar == "\r" && next != "\n") { row += 1 }
                atFieldStart = scalar == delimiter || scalar == "\n" || scalar == "\r"
            }
            current = next
        }
        return openedOn
    }

    /// The line breaks the CSV reader knows: LF, CRLF (one Character) and a lone CR.
    static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }
}

/// How far down a sheet its header is looked for.
public enum SheetHeaderSearch {
    public static let rowsSearched = 20
}
