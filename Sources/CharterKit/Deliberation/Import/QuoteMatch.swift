import Foundation

/// A quote from a sheet found in a clause the way people type it: under the editorial rule
/// (`EditorialRule`: apostrophes, quotation marks and kinds of space are equal, and a space
/// beside « » : ; ! ? may be there or not), and without the quotation marks wrapped around it.
/// What is recorded is the clause's own words, so the quote anchors exactly.
enum QuoteMatch {
    enum Outcome: Equatable {
        case found(TextQuote)
        /// Not found: the nearest passage of the clause and the difference, word by word
        /// (`[-clause's words-]{+quote's words+}`).
        case notFound(nearest: String, difference: String)
    }

    static func find(_ quote: String, in body: String) -> Outcome {
        if let exact = TextQuote(quoting: quote, in: body) { return .found(exact) }
        let bodyKeys = keys(body)
        for candidate in [quote, unwrapped(quote)].compactMap({ $0 }) {
            let wanted = keys(candidate).map { $0.character }
            guard !wanted.isEmpty, let range = search(wanted, in: bodyKeys.map { $0.character }) else { continue }
            let start = bodyKeys[range.lowerBound].index
            let end = body.index(after: bodyKeys[range.upperBound - 1].index)
            if let found = TextQuote(quoting: String(body[start..<end]), in: body) { return .found(found) }
        }
        return nearest(unwrapped(quote) ?? quote, in: body)
    }

    /// The quote without quotation marks around it, nil when it has none.
    static func unwrapped(_ quote: String) -> String? {
        let marks: Set<Character> = ["\"", "«", "»", "“", "”", "„", "'", "’", "‘"]
        var text = Substring(quote.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let first = text.first, let last = text.last, marks.contains(first), marks.contains(last), text.count > 2 else { return nil }
        text = text.dropFirst().dropLast()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text as compared: each apostrophe `'`, each quotation mark `"`, each run of spaces one
    /// space (none next to « » : ; ! ?), with where each compared character comes from.
    static func keys(_ text: String) -> [(character: Character, index: String.Index)] {
        var result: [(character: Character, index: String.Index)] = []
        var pendingSpace = false
        let tight: Set<Character> = ["\"", ":", ";", "!", "?"]
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let mapped: Character
            switch character {
            case "’", "‘", "ʼ", "′", "`", "´": mapped = "'"
            case "«", "»", "“", "”", "„", "‟": mapped = "\""
            default: mapped = character
            }
            if mapped.isWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace, let previous = result.last, !tight.contains(previous.character), !tight.contains(mapped) {
                    result.append((" ", index))
                }
                pendingSpace = false
                result.append((mapped, index))
            }
            index = text.index(after: index)
        }
        return result
    }

    static func search(_ wanted: [Character], in haystack: [Character]) -> Range<Int>? {
        guard wanted.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - wanted.count) where haystack[start] == wanted[0] {
            if haystack[start..<(start + wanted.count)].elementsEqual(wanted) { return start..<(start + wanted.count) }
        }
        return nil
    }

    /// The passage of the clause with as many words as the quote (give or take two) at the
    /// fewest word edits from it.
    static func nearest(_ quote: String, in body: String) -> Outcome {
        let quoteWords = EditorialRule.words(quote).map(String.init)
        let bodyWords = EditorialRule.words(body)
        guard !quoteWords.isEmpty, !bodyWords.isEmpty else { return .notFound(nearest: "", difference: "") }
        var best: (distance: Int, range: Range<Int>)?
        let longest = min(bodyWords.count, quoteWords.count + 2)
        let lengths = min(max(1, quoteWords.count - 2), longest)...longest
        for length in lengths {
            for start in 0...(bodyWords.count - length) {
                let window = bodyWords[start..<(start + length)].map { $0.lowercased() }
                let distance = wordDistance(quoteWords.map { $0.lowercased() }, window)
                if best == nil || distance < best!.distance { best = (distance, start..<(start + length)) }
            }
        }
        guard let best else { return .notFound(nearest: "", difference: "") }
        let passage = String(body[bodyWords[best.range.lowerBound].startIndex..<bodyWords[best.range.upperBound - 1].endIndex])
        return .notFound(nearest: passage, difference: difference(passage, quote))
    }

    /// `passage` with the words the quote does not have as `[-…-]` and the quote's own as `{+…+}`;
    /// a change only of apostrophes, quotation marks or spaces is not shown (it is no difference).
    static func difference(_ passage: String, _ quote: String) -> String {
        let segments = WordDiff.between(passage, quote).segments
        var text = ""
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            let next = index + 1 < segments.count ? segments[index + 1] : nil
            if segment.kind == .deleted, let next, next.kind == .inserted,
               EditorialRule.words(segment.text) == EditorialRule.words(next.text) {
                text += segment.text
                index += 2
                continue
            }
            switch segment.kind {
            case .equal: text += segment.text
            case .deleted: text += "[-" + segment.text + "-]"
            case .inserted: text += "{+" + segment.text + "+}"
            }
            index += 1
        }
        return text
    }

    static func wordDistance(_ a: [String], _ b: [String]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
