import Foundation

/// Strict UTF-8 decoding that reports the line of the first invalid byte.
enum UTF8Text {
    static func decode(_ data: Data, file: String) throws -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Valid text (nearly always): validated in one pass by the standard library.
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var line = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .emptyInput:
                break loop
            case .error:
                throw CharterError(.invalidUTF8, file: file, line: line, "the file is not valid UTF-8",
                                   hint: "save it as UTF-8 (most editors offer « UTF-8 » in “Save as”)")
            }
        }
        return String(scalars)
    }
}
