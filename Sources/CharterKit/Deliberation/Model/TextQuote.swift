/// A quoted span of a clause, as a W3C Web Annotation TextQuoteSelector:
/// the exact text and a little context on each side, so the quote can be
/// found again after the text around it changed.
public struct TextQuote: Hashable, Sendable, Codable {
    public var exact: String
    public var prefix: String
    public var suffix: String

    /// Characters of context kept on each side.
    public static let contextLength = 32

    public init(exact: String, prefix: String = "", suffix: String = "") {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
    }

    /// Quotes the first occurrence of `exact` in `text`; nil when it does not occur.
    public init?(quoting exact: String, in text: String) {
        guard !exact.isEmpty, let range = text.range(of: exact) else { return nil }
        self.exact = exact
        prefix = String(text[..<range.lowerBound].suffix(TextQuote.contextLength))
        suffix = String(text[range.upperBound...].prefix(TextQuote.contextLength))
    }

    /// Where the quote is in `text`: among the occurrences of `exact`, the one
    /// whose surroundings best match the recorded prefix and suffix.
    public func locate(in text: String) -> Range<String.Index>? {
        guard !exact.isEmpty else { return nil }
        var best: (score: Int, range: Range<String.Index>)?
        var searchStart = text.startIndex
        while let range = text.range(of: exact, range: searchStart..<text.endIndex) {
            let before = text[..<range.lowerBound]
            let after = text[range.upperBound...]
            let score = commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix)
            if best == nil || score > best!.score { best = (score, range) }
            searchStart = text.index(after: range.lowerBound)
        }
        return best?.range
    }

    /// 1-based line and column (in characters) of the quote in `text`.
    public func position(in text: String) -> (line: Int, column: Int)? {
        guard let range = locate(in: text) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex,
                                     to: before.endIndex) + 1
        return (line, column)
    }

    private func commonSuffixLength(_ a: Substring, _ b: String) -> Int {
        zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
    }

    private func commonPrefixLength(_ a: Substring, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}
