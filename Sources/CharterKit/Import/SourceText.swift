import Foundation

/// A source document's bytes read as text the way `import` cuts it: UTF-8 (with or without a
/// byte-order mark) or UTF-16 with its byte-order mark (converted), every line ending — LF,
/// CRLF, a lone CR, or a mix — read as LF.
///
/// The clause files charter writes are always UTF-8 without a byte-order mark, with LF line
/// endings; a document whose only change is its line endings is therefore not a text change.
/// Latin-1 or Windows-1252 bytes are refused with the line of the first byte that is not UTF-8
/// (guessing an 8-bit encoding could silently change letters).
public struct SourceText: Hashable, Sendable {
    /// How the bytes were encoded.
    public enum Encoding: String, Hashable, Sendable, Codable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with BOM"
        case utf16LittleEndian = "UTF-16LE"
        case utf16BigEndian = "UTF-16BE"
    }

    /// The line endings found in the bytes.
    public enum LineEndings: String, Hashable, Sendable, Codable {
        case lf = "LF"
        case crlf = "CRLF"
        case cr = "CR"
        case mixed = "mixed"
        case none = "none"
    }

    /// The text with LF line endings and no byte-order mark.
    public var text: String
    public var encoding: Encoding
    public var lineEndings: LineEndings

    /// Reads `data`; `file` names the document in errors.
    public init(_ data: Data, file: String) throws {
        let bytes = [UInt8](data)
        let decoded: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            encoding = little ? .utf16LittleEndian : .utf16BigEndian
            decoded = try SourceText.utf16(Array(bytes.dropFirst(2)), littleEndian: little, file: file)
        } else {
            encoding = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? .utf8WithBOM : .utf8
            do {
                decoded = try UTF8Text.decode(data, file: file)
            } catch var error as CharterError {
                error.hint = Message("import.error.encoding.hint", ["file": file]).text(in: .en)
                error.hintWording = Message("import.error.encoding.hint", ["file": file])
                throw error
            }
        }
        (text, lineEndings) = SourceText.normalisingLineEndings(decoded)
    }

    /// LF for CRLF and lone CR, and which endings there were.
    static func normalisingLineEndings(_ text: String) -> (String, LineEndings) {
        var lf = 0, crlf = 0, cr = 0
        var scalars = String.UnicodeScalarView()
        var pendingCR = false
        for scalar in text.unicodeScalars {
            if pendingCR {
                pendingCR = false
                scalars.append("\n")
                if scalar == "\n" {
                    crlf += 1
                    continue
                }
                cr += 1
            }
            if scalar == "\r" {
                pendingCR = true
            } else {
                if scalar == "\n" { lf += 1 }
                scalars.append(scalar)
            }
        }
        if pendingCR {
            scalars.append("\n")
            cr += 1
        }
        let kinds = [lf > 0, crlf > 0, cr > 0].filter { $0 }.count
        let endings: LineEndings = kinds > 1 ? .mixed : crlf > 0 ? .crlf : cr > 0 ? .cr : lf > 0 ? .lf : .none
        return (String(scalars), endings)
    }

    static func utf16(_ bytes: [UInt8], littleEndian: Bool, file: String) throws -> String {
        guard bytes.count % 2 == 0 else {
            throw CharterError(.invalidUTF8, file: file, Message("import.error.utf16"), hint: Message("import.error.utf16.hint"))
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var line = 1
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .emptyInput:
                break loop
            case .error:
                throw CharterError(.invalidUTF8, file: file, line: line, Message("import.error.utf16"),
                                   hint: Message("import.error.utf16.hint"))
            }
        }
        return String(scalars)
    }
}
