import Foundation

/// Cuts French Markdown text into sentences and the whitespace between them. Pure.
///
/// A sentence ends at `.` `!` `?` `…` (or `...`), with any closing quotes, parentheses or
/// emphasis after it, when what follows is whitespace and then the start of a sentence: a
/// capital, a digit, an opening quote or parenthesis (Markdown emphasis or a link's `[`
/// may come first). It does not end inside « », “ ” or parentheses, after an abbreviation
/// (M., MM., art., cf., p., n°…, a lone initial), after a list number (`1.` at the start of a
/// line), at `[…]`, or inside a link. A line break ends a sentence when the line ended one,
/// when the next line is blank or starts a Markdown block (list item, heading, quote, fence,
/// table row), or when the line was a heading; otherwise it is a soft wrap inside the sentence.
///
/// The segments rebuild the text byte for byte: `segments(text).map(\.text).joined() == text`.
public enum SentenceSplitter {
    /// Abbreviations (lower-cased, without their dot) after which a dot never ends a sentence.
    static let abbreviations: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste",
        "art", "cf", "p", "pp", "n", "no", "nº", "n°", "ex", "éd", "ed", "vol", "chap", "env", "av", "apr",
        "coll", "dir", "fig", "op", "cit", "ibid", "id", "sq", "resp", "min", "max", "al", "etc",
    ]
    /// Abbreviations that may also end a sentence: followed by a capital, their dot is the full stop.
    static let closingAbbreviations: Set<String> = ["etc", "al"]

    /// The text's segments in order.
    public static func segments(_ text: String) -> [TextSegment] {
        let characters = Array(text)
        var segments: [TextSegment] = []
        var start = 0
        var index = 0
        var depth = 0
        var lineStart = true
        func emit(_ end: Int, _ kind: TextSegment.Kind) {
            guard end > start else { return }
            segments.append(TextSegment(kind: kind, text: String(characters[start..<end])))
            start = end
        }
        // Whitespace (with line breaks) after the end of a sentence, up to the next one.
        func emitSeparator() {
            var end = start
            while end < characters.count, characters[end].isWhitespace { end += 1 }
            emit(end, .separator)
            index = end
            lineStart = end == 0 || characters[end - 1].isNewline
            depth = 0
        }
        emitSeparator()
        while index < characters.count {
            let character = characters[index]
            if lineStart {
                lineStart = false
                if let marker = listMarkerEnd(characters, from: index) {
                    index = marker
                    continue
                }
            }
            if character.isNewline {
                if lineEndsSentence(characters, newline: index, sentenceStart: start, depth: depth) {
                    emit(index, .sentence)
                    emitSeparator()
                } else {
                    index += 1
                    lineStart = true
                }
                continue
            }
            switch character {
            case "«", "“", "(", "[": depth += 1
            case "»", "”", ")", "]": depth = max(0, depth - 1)
            case "\"":
                let opens = index == 0 || characters[index - 1].isWhitespace || "([«“".contains(characters[index - 1])
                depth = opens ? depth + 1 : max(0, depth - 1)
            default: break
            }
            if isTerminal(character) {
                if let end = sentenceEnd(characters, terminal: index, depth: depth) {
                    emit(end, .sentence)
                    emitSeparator()
                    continue
                }
            }
            index += 1
        }
        emit(characters.count, .sentence)
        return segments
    }

    /// The sentences alone, trimmed.
    public static func sentences(_ text: String) -> [String] {
        segments(text).filter { $0.kind == .sentence }.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    static func isTerminal(_ character: Character) -> Bool {
        character == "." || character == "!" || character == "?" || character == "…"
    }

    /// Where the sentence whose terminal punctuation is at `terminal` ends (past closing
    /// quotes and parentheses), or nil when it does not end there.
    static func sentenceEnd(_ characters: [Character], terminal: Int, depth: Int) -> Int? {
        var end = terminal
        while end < characters.count, isTerminal(characters[end]) { end += 1 }
        let terminals = characters[terminal..<end]
        // `[…]`: an elision inside a quotation.
        if terminal > 0, characters[terminal - 1] == "[", terminals.allSatisfy({ $0 == "…" || $0 == "." }) { return nil }
        var depth = depth
        // Closing quotes, parentheses and emphasis, with the no-break spaces French puts before ».
        var probe = end
        while probe < characters.count {
            var next = probe
            while next < characters.count, characters[next] == "\u{00A0}" || characters[next] == "\u{202F}" || characters[next] == " " { next += 1 }
            guard next < characters.count else { break }
            let closer = characters[next]
            let closes = closer == "»" || closer == "”" || closer == ")" || closer == "]" || closer == "*" || closer == "_"
                || (closer == "\"" && depth > 0)
            // Only « » takes a space before it (French typography); the others close right after.
            guard closes, next == probe || closer == "»" else { break }
            if closer != "*" && closer != "_" { depth = max(0, depth - 1) }
            probe = next + 1
            end = probe
        }
        guard depth == 0 else { return nil }
        // The end of the text ends the sentence; otherwise whitespace, then a sentence's start.
        guard end < characters.count else { return end }
        guard characters[end].isWhitespace else { return nil }
        if terminals.count == 1, terminals.first == ".", let word = wordBefore(characters, terminal) {
            let lower = word.lowercased()
            if abbreviations.contains(lower) {
                guard closingAbbreviations.contains(lower), startsSentence(characters, after: end, capitalOnly: true) else { return nil }
            } else if word.count == 1, word.first?.isUppercase == true {
                return nil // an initial: J. Dupont
            }
        }
        var next = end
        while next < characters.count, characters[next].isWhitespace {
            if characters[next].isNewline { return end } // the line ended on a full stop
            next += 1
        }
        return startsSentence(characters, after: end, capitalOnly: false) ? end : nil
    }

    /// Whether, past whitespace and Markdown emphasis or a link's `[`, a sentence starts.
    static func startsSentence(_ characters: [Character], after position: Int, capitalOnly: Bool) -> Bool {
        var index = position
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        while index < characters.count, "*_[".contains(characters[index]) { index += 1 }
        guard index < characters.count else { return true }
        let character = characters[index]
        if character.isUppercase { return true }
        if capitalOnly { return false }
        return character.isNumber || "«“\"(—–".contains(character)
    }

    /// The letters (and `°`, `º`) right before `position`.
    static func wordBefore(_ characters: [Character], _ position: Int) -> String? {
        var start = position
        while start > 0, characters[start - 1].isLetter || characters[start - 1] == "°" || characters[start - 1] == "º" { start -= 1 }
        return start < position ? String(characters[start..<position]) : nil
    }

    /// Past a Markdown block marker at the start of a line (`- `, `* `, `+ `, `1. `, `1) `,
    /// `#… `, `> `), the index where the line's text starts; nil when the line has none.
    static func listMarkerEnd(_ characters: [Character], from position: Int) -> Int? {
        var index = position
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        guard index < characters.count else { return nil }
        func spaced(_ end: Int) -> Int? {
            end < characters.count && (characters[end] == " " || characters[end] == "\t") ? end + 1 : nil
        }
        switch characters[index] {
        case "-", "*", "+", ">": return spaced(index + 1)
        case "#":
            var end = index
            while end < characters.count, characters[end] == "#" { end += 1 }
            return end - index <= 6 ? spaced(end) : nil
        default:
            var end = index
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            guard end > index, end - index <= 9, end < characters.count, characters[end] == "." || characters[end] == ")" else { return nil }
            return spaced(end + 1)
        }
    }

    /// Whether the line break at `newline` ends the sentence begun at `sentenceStart`.
    static func lineEndsSentence(_ characters: [Character], newline: Int, sentenceStart: Int, depth: Int) -> Bool {
        // The line just read: a heading or a table row is a block of its own.
        var lineStart = newline
        while lineStart > sentenceStart, !characters[lineStart - 1].isNewline { lineStart -= 1 }
        let line = characters[lineStart..<newline].drop { $0 == " " }
        if line.first == "#" || line.first == "|" { return true }
        // A blank line next, or a block marker, a fence or a table row.
        var next = newline + 1
        while next < characters.count, characters[next] == " " || characters[next] == "\t" { next += 1 }
        guard next < characters.count else { return true }
        if characters[next].isNewline { return true }
        if listMarkerEnd(characters, from: newline + 1) != nil { return true }
        if characters[next] == "|" || characters[next] == "`" || characters[next] == "~" { return true }
        // The line ended on a sentence's end.
        var last = newline
        while last > lineStart, characters[last - 1] == " " || characters[last - 1] == "\t" { last -= 1 }
        guard last > lineStart else { return true }
        if depth == 0, isTerminal(characters[last - 1]) {
            if characters[last - 1] == ".", let word = wordBefore(characters, last - 1) {
                let lower = word.lowercased()
                if abbreviations.contains(lower) && !closingAbbreviations.contains(lower) { return false }
            }
            return true
        }
        return false
    }
}

/// A run of text: a sentence, or the whitespace between two.
public struct TextSegment: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case sentence, separator }
    public var kind: Kind
    public var text: String

    public init(kind: TextSegment.Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
