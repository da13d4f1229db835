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
        // "\r\n" is one Character in Swift: split on any line break so a CRLF sheet's header is its first line.
        guard let headerLine = text.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: \.isNewline).first,
              !headerLine.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CharterError(.badInput, file: file, line: 1, "the file is empty",
                               hint: "the first line names the columns: territoire;article;position;commentaire;citation")
        }
        let delimiter: UnicodeScalar = headerLine.filter { $0 == ";" }.count > headerLine.filter { $0 == "," }.count ? ";" : ","
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
        var line = 2 + (reader.headerRow ?? []).reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        var rows: [Row] = []
        while let fields = reader.next() {
            let span = 1 + fields.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            defer { line += span }
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            func field(_ key: String) -> String {
                guard let position = index[key], position < fields.count else { return "" }
                return fields[position].trimmingCharacters(in: .whitespacesAndNewlines)
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

    static func fold(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespacesAndNewlines)
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
