/// Writes a sheet as CSV the way spreadsheets read it without asking: UTF-8 with a byte order
/// mark (so Excel reads the accents), `;` separated (French spreadsheets split on it), CRLF line
/// ends, cells quoted when needed, every text cell neutralised (`CellSafety`).
public enum CSVWriter {
    public static func write(_ sheet: WorkbookSheet) -> String {
        var lines = [sheet.columns.map { field(.text($0.title)) }.joined(separator: ";")]
        for row in sheet.rows {
            lines.append(row.map(field).joined(separator: ";"))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One cell: neutralised text, quoted when it holds `;`, `,`, a quote or a line break.
    public static func field(_ value: WorkbookSheet.Value) -> String {
        switch value {
        case .number(let number): return String(number)
        case .text(let raw):
            let text = CellSafety.neutralised(raw)
            guard text.contains(where: { $0 == ";" || $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
                return text
            }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
