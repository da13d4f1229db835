import Foundation

/// A sheet of territory feedback, as a facilitator has it: a CSV file or a workbook (.xlsx,
/// .ods), one row per comment under a header row that may sit below a title and empty rows.
///
/// Columns are found by their header (`CommentColumn`: `Territoire`/`Territoires`/`territory`,
/// `Article`/`N° article`/`clause`, `Position`/`Avis`, `Commentaire(s)`/`Remarque`/`comment`,
/// `Citation`/`Extrait`/`quote`), case, accents and punctuation ignored, in any order. A header
/// close to a known one (`citaton`) is an error naming both; a column named twice is an error;
/// other columns are ignored and listed. Every row keeps the number the sheet shows.
public struct CommentSheet: Sendable {
    public struct Row: Hashable, Sendable {
        /// The row's number in the sheet (1-based, as the spreadsheet shows it).
        public var number: Int
        public var territory: String
        public var clause: String
        public var position: String
        public var text: String
        public var quote: String
    }

    public var rows: [Row]
    /// Rows naming a territory and a clause with nothing else filled in (a template's rows left
    /// empty): nothing was said, nothing is recorded; the summary counts them.
    public var unfilledRows: Int
    /// The row that names the columns.
    public var headerRow: Int
    /// Each column read, with its letter.
    public var columns: [CommentColumn: String]
    /// Headers of the columns not read, with their letters (`F (Date)`).
    public var ignoredColumns: [String]
    /// The workbook sheet read; nil for a CSV file.
    public var sheetName: String?
    public var kind: SheetFileKind
    /// How a CSV file was decoded and split.
    public var textFormat: SheetTextFormat?

    /// Reads a CSV file or a workbook (`sheet`: the workbook's sheet, the first when nil).
    public init(_ data: Data, file: String, sheet: String? = nil) throws {
        let (table, kind) = try SheetReader.read(data, file: file, sheet: sheet) { CommentSheet.namesColumns($0) }
        try self.init(table: table, kind: kind, file: file)
    }

    public init(table: SheetTable, kind: SheetFileKind, file: String) throws {
        self.kind = kind
        sheetName = table.name
        textFormat = table.text
        guard let firstFilled = table.rows.first(where: { !$0.isBlank }) else {
            throw CharterError(.badInput, file: file, Message("sheet.header.empty"), hint: Message("sheet.header.expected"))
        }
        guard let header = table.rows.prefix(SheetHeaderSearch.rowsSearched).first(where: CommentSheet.namesColumns) else {
            throw CharterError(.badInput, file: file,
                               Message("sheet.header.notFound", ["rows": String(SheetHeaderSearch.rowsSearched),
                                                                 "row": String(firstFilled.number), "read": CommentSheet.shown(firstFilled)]),
                               hint: Message("sheet.header.expected"))
        }
        headerRow = header.number
        var index: [CommentColumn: Int] = [:]
        var ignored: [String] = []
        for (position, cell) in header.cells.enumerated() {
            let title = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            if title.isEmpty { continue }
            let letter = ColumnLetter.of(position)
            if let column = CommentColumn.named(title) {
                if let earlier = index[column] {
                    throw CharterError(.badInput, file: file,
                                       Message("sheet.header.duplicate", ["row": String(header.number),
                                                                          "first": "\(ColumnLetter.of(earlier)) (\(header[earlier]))",
                                                                          "second": "\(letter) (\(title))", "column": column.frenchHeader]),
                                       hint: Message("sheet.header.duplicate.hint"))
                }
                index[column] = position
            } else {
                ignored.append("\(letter) (\(title))")
            }
        }
        // A misspelt header hides a column (its cells would be dropped): refused, naming both.
        for (position, cell) in header.cells.enumerated() {
            let title = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !title.isEmpty, CommentColumn.named(title) == nil, let near = CommentColumn.misspelt(title), index[near.column] == nil else {
                continue
            }
            throw CharterError(.badInput, file: file,
                               Message("sheet.header.misspelt", ["row": String(header.number), "column": ColumnLetter.of(position),
                                                                 "header": title, "name": near.name]),
                               hint: Message("sheet.header.misspelt.hint", ["header": title, "name": near.column.frenchHeader]))
        }
        let missing = CommentColumn.required.filter { index[$0] == nil }
        if !missing.isEmpty {
            throw CharterError(.badInput, file: file,
                               Message("sheet.header.missing", count: missing.count,
                                       ["columns": missing.map(\.frenchHeader).joined(separator: ", "), "row": String(header.number),
                                        "read": CommentSheet.shown(header)]),
                               hint: Message("sheet.header.expected"))
        }
        columns = index.reduce(into: [:]) { $0[$1.key] = ColumnLetter.of($1.value) }
        ignoredColumns = ignored
        var rows: [Row] = []
        var unfilled = 0
        for row in table.rows where row.number > header.number && !row.isBlank {
            func field(_ column: CommentColumn) -> String {
                guard let position = index[column] else { return "" }
                return row[position].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let read = Row(number: row.number, territory: field(.territory), clause: field(.clause), position: field(.position),
                           text: field(.text), quote: field(.quote))
            // A template's row that nobody filled in: a territory and a clause, nothing said.
            if read.position.isEmpty && read.text.isEmpty && read.quote.isEmpty && !(read.territory.isEmpty && read.clause.isEmpty) {
                unfilled += 1
                continue
            }
            rows.append(read)
        }
        self.rows = rows
        unfilledRows = unfilled
    }

    /// Whether a row names the columns: at least the territory and the article.
    static func namesColumns(_ row: SheetTable.Row) -> Bool {
        let named = Set(row.cells.compactMap(CommentColumn.named))
        return named.contains(.territory) && named.contains(.clause)
    }

    /// A row's cells as read, for messages: `Territoire | Article | Avis`.
    static func shown(_ row: SheetTable.Row) -> String {
        let cells = row.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let last = cells.lastIndex { !$0.isEmpty } ?? -1
        return cells.prefix(last + 1).map { $0.isEmpty ? "·" : $0 }.joined(separator: " | ")
    }
}
