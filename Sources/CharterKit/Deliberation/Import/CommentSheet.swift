import CSV
import Foundation

/// A spreadsheet of territory feedback (CSV as spreadsheets export it in
/// France): one row per comment, read with its line numbers.
///
/// Columns, by header (case and accents ignored, French or English):
/// `territoire`/`territory`, `article`/`clause` (id or number),
/// `position` (`adhésion`, `soutien`, `support`, `réserve`, `reservation`,
/// `objection`, or empty for a question), `commentaire`/`comment`,
/// `citation`/`quote` (optional). UTF-8 with or without BOM; `,` or `;`.
public struct CommentSheet: Sendable {
    public struct Row: Hashable, Sendable {
        /// 1-based line where the row starts in the file.
        public var line: Int
        public var territory: String
        public var clause: String
        public var position: String
        public var text: String
        public var quote: String
    }

    public var rows: [Row]

    static let columns: [(key: String, names: [String])] = [
        ("territory", ["territoire", "territory"]),
        ("clause", ["article", "clause"]),
        ("position", ["position"]),
        ("text", ["commentaire", "comment", "texte", "text"]),
        ("quote", ["citation", "quote"]),
    ]

    public init(_ data: Data, file: String) throws {
        let text = try UTF8Text.decode(data, file: file)
        // "\r\n" is one Character in Swift: split on every kind of line break, or a CRLF
        // file (as spreadsheets export on Windows) would be one "line" and the delimiter
        // would be guessed from the whole file.
        guard let headerLine = text.split(maxSplits: 1, omittingEmptySubsequences: false,
                                          whereSeparator: CommentSheet.isLineBreak).first,
              !headerLine.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CharterError(.badInput, file: file, line: 1, "the file is empty",
                               hint: "the first line names the columns: territoire;article;position;commentaire;citation")
        }
        let delimiter: UnicodeScalar = headerLine.filter { $0 == ";" }.count > headerLine.filter { $0 == "," }.count ? ";" : ","
        if let opened = CommentSheet.unterminatedQuote(in: text, delimiter: delimiter) {
            throw CharterError(.badInput, file: file, line: opened,
                               "a quoted field opens on this line and never closes: the rest of the file would be read as one comment",
                               hint: "close the field with \" (a quote inside a quoted field is written \"\")")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: false, delimiter: delimiter)
        } catch {
            throw CharterError(.badInput, file: file, line: 1, "unreadable CSV: \(error)", hint: "export the sheet again as CSV (UTF-8)")
        }
        let header = (reader.headerRow ?? []).map(CommentSheet.fold)
        var index: [String: Int] = [:]
        for (key, names) in CommentSheet.columns {
            if let position = header.firstIndex(where: { names.contains($0) }) { index[key] = position }
        }
        let missing = ["territory", "clause", "position", "text"].filter { index[$0] == nil }
        if !missing.isEmpty {
            let french = ["territory": "territoire", "clause": "article", "position": "position", "text": "commentaire"]
            throw CharterError(.badInput, file: file, line: 1,
                               "missing column\(missing.count > 1 ? "s" : ""): \(missing.compactMap { french[$0] }.joined(separator: ", "))",
                               hint: "the first line names the columns: territoire;article;position;commentaire;citation")
        }
        var line = 2 + (reader.headerRow ?? []).reduce(0) { $0 + $1.filter(CommentSheet.isLineBreak).count }
        var rows: [Row] = []
        while let fields = reader.next() {
            let span = 1 + fields.reduce(0) { $0 + $1.filter(CommentSheet.isLineBreak).count }
            defer { line += span }
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            func field(_ key: String) -> String {
                guard let position = index[key], position < fields.count else { return "" }
                // Line breaks inside a quoted field are kept as "\n", whatever the sheet used.
                return fields[position].trimmingCharacters(in: .whitespacesAndNewlines)
                    .split(omittingEmptySubsequences: false, whereSeparator: CommentSheet.isLineBreak).joined(separator: "\n")
            }
            rows.append(Row(line: line, territory: field("territory"), clause: field("clause"), position: field("position"),
                            text: field("text"), quote: field("quote")))
        }
        if let error = reader.error {
            throw CharterError(.badInput, file: file, line: line, "unreadable CSV near this line: \(error)",
                               hint: "check the quotes: a field with `;`, `,` or a line break must be in double quotes")
        }
        self.rows = rows
    }

    /// The line where a quoted field opens and never closes, nil when every
    /// quoted field closes. The CSV reader does not report this: it silently
    /// reads the rest of the file as that one field, swallowing the rows after it.
    /// Follows the reader's rules: a quote opens a field only at its start; in a
    /// quoted field `""` is a quote, and a quote followed by the delimiter, a line
    /// break or the end closes it.
    static func unterminatedQuote(in text: String, delimiter: UnicodeScalar) -> Int? {
        let scalars = Array(text.unicodeScalars)
        var line = 1
        var openedOn: Int?
        var atFieldStart = true
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "\n" || (scalar == "\r" && next != "\n") { line += 1 }
            if openedOn != nil {
                if scalar == "\"" {
                    if next == nil || next == "\r" || next == "\n" || next == delimiter {
                        openedOn = nil
                        atFieldStart = false
                    } else {
                        index += 1  // `""`, or a stray quote the reader keeps with the character after it
                    }
                }
            } else if atFieldStart && scalar == "\"" {
                openedOn = line
                atFieldStart = false
            } else {
                atFieldStart = scalar == delimiter || scalar == "\n" || scalar == "\r"
            }
            index += 1
        }
        return openedOn
    }

    /// The line breaks the CSV reader knows: LF, CRLF (one Character) and a lone CR.
    static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    static func fold(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespacesAndNewlines)
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
