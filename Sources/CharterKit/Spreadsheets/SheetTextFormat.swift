/// How a CSV file's bytes were read: its encoding and its separator, as the import reports them.
public struct SheetTextFormat: Hashable, Sendable, Codable {
    public enum Encoding: String, Hashable, Sendable, Codable {
        case utf8 = "utf-8"
        case utf8BOM = "utf-8-bom"
        /// Excel's « CSV (point-virgule) » and LibreOffice's default on French Windows.
        case windows1252 = "windows-1252"
    }

    public var encoding: Encoding
    /// `;`, `,` or a tab.
    public var delimiter: String

    public init(encoding: Encoding, delimiter: String) {
        self.encoding = encoding
        self.delimiter = delimiter
    }
}
