/// One sheet of a workbook (or a CSV file) as text cells, with the row numbers the sheet shows.
///
/// Cells are the text a person sees: a number typed as `7` reads `7`, a line break inside a
/// cell is `\n`. Rows that the file does not hold (skipped empty rows of a workbook) are absent,
/// so `number` is always the row number a spreadsheet shows, never a count of file lines.
public struct SheetTable: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        /// 1-based, as the spreadsheet numbers its rows.
        public var number: Int
        /// Cells from column A on; missing trailing cells are absent.
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }

        /// The cell in column `index` (0 = A); empty when the row is shorter.
        public subscript(index: Int) -> String { index < cells.count ? cells[index] : "" }

        /// Whether every cell is empty or only spaces.
        public var isBlank: Bool { cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
    }

    /// The sheet's name in its workbook; nil for a CSV file.
    public var name: String?
    public var rows: [Row]
    /// How a CSV file was decoded and split; nil for a workbook.
    public var text: SheetTextFormat?

    public init(name: String? = nil, rows: [Row], text: SheetTextFormat? = nil) {
        self.name = name
        self.rows = rows
        self.text = text
    }
}

/// Column letters as spreadsheets write them: 0 → A, 25 → Z, 26 → AA.
public enum ColumnLetter {
    public static func of(_ index: Int) -> String {
        var letters = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters
    }

    /// The 0-based column of a cell reference such as `B3` or `AA10`; nil when it has no letters.
    public static func index(ofReference reference: String) -> Int? {
        var value = 0
        var sawLetter = false
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            sawLetter = true
            let (times, overflow) = value.multipliedReportingOverflow(by: 26)
            guard !overflow else { return nil }
            let (sum, overflow2) = times.addingReportingOverflow(Int(scalar.value) - 64)
            guard !overflow2 else { return nil }
            value = sum
        }
        return sawLetter ? value - 1 : nil
    }

    /// The 1-based row of a cell reference such as `B3`; nil when it has no digits.
    public static func row(ofReference reference: String) -> Int? {
        Int(String(reference.unicodeScalars.drop { $0.value >= 65 && $0.value <= 90 }))
    }
}
