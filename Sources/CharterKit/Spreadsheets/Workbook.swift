/// A sheet to write: a header row, rows of values, and what helps the person filling it in.
public struct WorkbookSheet: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case text(String)
        case number(Int)

        /// The text a CSV cell holds.
        public var text: String {
            switch self {
            case .text(let text): return text
            case .number(let number): return String(number)
            }
        }
    }

    public struct Column: Hashable, Sendable {
        public var title: String
        /// Width in characters.
        public var width: Int
        /// A drop-down list of allowed values (data validation), when the column has one.
        public var choices: [String]?

        public init(_ title: String, width: Int = 16, choices: [String]? = nil) {
            self.title = title
            self.width = width
            self.choices = choices
        }
    }

    public var name: String
    public var columns: [Column]
    public var rows: [[Value]]
    /// The header row stays in view while scrolling.
    public var freezesHeader: Bool

    public init(name: String, columns: [Column], rows: [[Value]], freezesHeader: Bool = true) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.freezesHeader = freezesHeader
    }
}

/// The formats a sheet is written in.
public enum WorkbookFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case csv, xlsx, ods

    /// Writes `sheet` in this format.
    public func write(_ sheet: WorkbookSheet) throws -> [UInt8] {
        switch self {
        case .csv: return Array(CSVWriter.write(sheet).utf8)
        case .xlsx: return try XLSXWriter.write(sheet)
        case .ods: return try ODSWriter.write(sheet)
        }
    }
}
