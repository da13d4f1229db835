/// One token of a text as the word diff sees it: a word (a run of letters and
/// digits), a run of whitespace, or a single other character (punctuation).
///
/// Letters are the Unicode letter categories and digits the number
/// categories, so accented letters, composed or not (a combining mark stays
/// with the character before it), are inside words; `’` and `'` are
/// punctuation and split a word in two. Tokens are slices of the original
/// string, so concatenating them gives the text back byte for byte.
struct WordToken {
    enum Kind: UInt8, Sendable { case word, whitespace, punctuation }

    var kind: Kind
    var text: Substring

    /// A token as a range of UTF-8 byte offsets.
    struct Span {
        var kind: Kind
        var start: Int
        var end: Int
    }

    /// Splits `text` into tokens.
    static func tokenize(_ text: some StringProtocol) -> [WordToken] {
        var string = String(text)
        let spans = string.withUTF8 { scan($0) }
        let utf8 = string.utf8
        return spans.map { span in
            let start = utf8.index(utf8.startIndex, offsetBy: span.start)
            let end = utf8.index(start, offsetBy: span.end - span.start)
            return WordToken(kind: span.kind, text: string[start..<end])
        }
    }

    /// The number of words (letter/digit runs) in `text`.
    static func wordCount(_ text: some StringProtocol) -> Int {
        var string = String(text)
        let spans = string.withUTF8 { scan($0) }
        return spans.reduce(0) { $0 + ($1.kind == .word ? 1 : 0) }
    }

    /// Splits valid UTF-8 bytes into token spans, cutting only between
    /// scalars. Fast for ASCII and for scripts below U+0800 (table lookup).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Span] {
        var spans: [Span] = []
        spans.reserveCapacity(bytes.count / 3 + 1)
        var current: Kind? = nil
        var start = 0
        var offset = 0
        while offset < bytes.count {
            let (scalarClass, length) = classify(bytes, at: offset)
            let joins: Bool
            switch scalarClass {
            case .extend: joins = current != nil
            case .word: joins = current == .word
            case .whitespace: joins = current == .whitespace
            case .punctuation: joins = false
            }
            if !joins {
                if let kind = current { spans.append(Span(kind: kind, start: start, end: offset)) }
                start = offset
                current = switch scalarClass {
                case .word: .word
                case .whitespace: .whitespace
                case .punctuation, .extend: .punctuation
                }
            }
            offset += length
        }
        if let kind = current { spans.append(Span(kind: kind, start: start, end: bytes.count)) }
        return spans
    }

    enum ScalarClass: UInt8, Sendable { case word, whitespace, punctuation, extend }

    /// The class of every scalar below U+0800, computed once.
    private static let smallScalars: [ScalarClass] = (0..<0x800).map { value in
        classify(Unicode.Scalar(UInt32(value))!)
    }

    /// The class and UTF-8 length of the scalar starting at `offset`.
    @inline(__always)
    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (ScalarClass, Int) {
        let byte = bytes[offset]
        if byte < 0x80 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return (.word, 1)
            case 0x09...0x0D, 0x20: return (.whitespace, 1)
            default: return (.punctuation, 1)
            }
        }
        var value: UInt32
        let length: Int
        if byte >= 0xF0 {
            length = 4
            value = UInt32(byte & 0x07)
        } else if byte >= 0xE0 {
            length = 3
            value = UInt32(byte & 0x0F)
        } else {
            length = 2
            value = UInt32(byte & 0x1F)
        }
        var i = 1
        while i < length, offset + i < bytes.count {
            value = (value << 6) | UInt32(bytes[offset + i] & 0x3F)
            i += 1
        }
        if value < 0x800 { return (smallScalars[Int(value)], length) }
        guard let scalar = Unicode.Scalar(value) else { return (.punctuation, length) }
        return (classify(scalar), length)
    }

    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return .word
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .extend
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return .whitespace
        default:
            let value = scalar.value
            // Joiners, variation selectors and emoji modifiers stay with what they modify.
            if value == 0x200D || (0xFE00...0xFE0F).contains(value) || (0x1F3FB...0x1F3FF).contains(value)
                || (0xE0100...0xE01EF).contains(value) {
                return .extend
            }
            return scalar.properties.isWhitespace ? .whitespace : .punctuation
        }
    }
}

/// A token's bytes as a dictionary key, compared byte for byte rather than
/// by canonical equivalence as `String` compares, so that the diff rebuilds
/// each side exactly. Only valid while the buffer it points into is.
struct TokenBytes: Hashable {
    var bytes: UnsafeBufferPointer<UInt8>

    static func == (lhs: TokenBytes, rhs: TokenBytes) -> Bool {
        lhs.bytes.count == rhs.bytes.count
            && (lhs.bytes.baseAddress == rhs.bytes.baseAddress || lhs.bytes.elementsEqual(rhs.bytes))
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
    }
}

extension StringProtocol {
    /// Byte-for-byte (UTF-8) equality, stricter than `==`, which treats
    /// canonically equivalent strings as equal.
    func utf8Equal<Other: StringProtocol>(to other: Other) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let fast = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                mine.baseAddress == theirs.baseAddress || mine.elementsEqual(theirs)
            }
        }
        return (fast ?? nil) ?? utf8.elementsEqual(other.utf8)
    }
}
