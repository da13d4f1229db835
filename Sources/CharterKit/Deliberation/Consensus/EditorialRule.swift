import Foundation

/// When a change of a clause is only editorial, so positions taken on the
/// old text carry forward to the new one.
///
/// The rule: two texts are editorially equal when, after Unicode
/// compatibility normalisation (NFKC), their sequences of words (runs of
/// letters and digits, case kept) are the same, for the title and for the
/// body. Whitespace, line breaks, punctuation, apostrophes, quotation marks
/// and non-breaking spaces may all differ; a changed, added, removed or
/// re-ordered word, or a changed capital, may not.
public enum EditorialRule {
    public static func words(_ text: String) -> [Substring] {
        if let fast = latinWords(text) { return fast }
        return normalisedWords(text)
    }

    /// The rule as written: NFKC, then runs of letters and digits.
    static func normalisedWords(_ text: String) -> [Substring] {
        text.precomposedStringWithCompatibilityMapping
            .split { !$0.isLetter && !$0.isNumber }
    }

    /// The same words, without normalising, for text made only of characters NFKC leaves
    /// alone (or maps to a space) and whose letter/digit status is known: ASCII, precomposed
    /// Latin-1 and œ letters, and the spaces, dashes, quotes and apostrophes of French
    /// typography. Nil for anything else (the normalising path decides).
    static func latinWords(_ text: String) -> [Substring]? {
        var words: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        let scalars = text.unicodeScalars
        while index < text.endIndex {
            let value = scalars[index].value
            let isWord: Bool
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: isWord = true
            case 0x00...0x7F: isWord = false
            case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF, 0x152, 0x153: isWord = true
            case 0xA0, 0xA7, 0xAB, 0xB0, 0xB7, 0xBB, 0x2009, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x202F: isWord = false
            default: return nil
            }
            if isWord {
                if start == nil { start = index }
            } else if let first = start {
                words.append(text[first..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let first = start { words.append(text[first..<text.endIndex]) }
        return words
    }

    public static func equivalent(_ old: Clause, _ new: Clause) -> Bool {
        words(old.title) == words(new.title) && words(old.body) == words(new.body)
    }
}
