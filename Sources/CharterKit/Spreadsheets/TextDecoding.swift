import Foundation

/// The text of a CSV file as spreadsheets save it in France: UTF-8 (with or without a byte
/// order mark) or, when the bytes are not UTF-8, Windows-1252 (Excel's « CSV (point-virgule) »,
/// LibreOffice's default on French Windows). Which one was used is returned, to be said.
public enum TextDecoding {
    public static func decode(_ data: Data) -> (text: String, encoding: SheetTextFormat.Encoding) {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = data.dropFirst(3)
            if let text = String(validating: body, as: UTF8.self) { return (text, .utf8BOM) }
            return (windows1252(body), .windows1252)
        }
        if let text = String(validating: data, as: UTF8.self) { return (text, .utf8) }
        return (windows1252(data), .windows1252)
    }

    /// Windows-1252: Latin-1 with typographic characters in 0x80–0x9F. The five bytes it leaves
    /// undefined are read as their C1 control (as Windows itself does), so no byte is lost.
    static func windows1252<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F, let mapped = high[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(UnicodeScalar(byte))
            }
        }
        return String(scalars)
    }

    private static let high: [UnicodeScalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
