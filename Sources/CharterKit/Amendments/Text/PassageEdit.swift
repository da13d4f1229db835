import Foundation

/// What territories write on paper — « remplacer X par Y », « supprimer X », « après X,
/// insérer Y » — as an edit of a clause's body, anchored by quoting its exact words as a
/// comment quotes them. Pure.
public struct PassageEdit: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case replace
        case delete
        case insertAfter = "insert-after"
    }

    public var kind: Kind
    /// The exact words of the clause the edit is about.
    public var quote: String
    /// The new words (replace, insert-after); empty for delete.
    public var words: String

    public init(_ kind: Kind, quote: String, words: String = "") {
        self.kind = kind
        self.quote = quote
        self.words = words
    }

    /// The quote, with its context, as the comment would record it.
    public func anchor(in body: String) -> TextQuote? { TextQuote(quoting: quote, in: body) }

    /// `body` with the edit made. Throws, naming the clause, when the quote is empty, does not
    /// occur, occurs more than once (quote more words), or the new words are missing.
    public func applied(to body: String, clause: ClauseID) throws -> String {
        guard !quote.isEmpty else {
            throw CharterError(.badInput, Message("amend.passage.empty-quote"), hint: Message("amend.passage.empty-quote.hint"))
        }
        var ranges: [Range<String.Index>] = []
        var from = body.startIndex
        while from < body.endIndex, let range = body.range(of: quote, range: from..<body.endIndex) {
            ranges.append(range)
            from = body.index(after: range.lowerBound)
        }
        guard let range = ranges.first else {
            throw CharterError(.quoteNotFound, Message("amend.passage.not-found", ["quote": quote, "clause": clause.rawValue]),
                               hint: Message("amend.passage.not-found.hint", ["clause": clause.rawValue]))
        }
        guard ranges.count == 1 else {
            throw CharterError(.badInput, Message("amend.passage.ambiguous", count: ranges.count, ["quote": quote, "clause": clause.rawValue]),
                               hint: Message("amend.passage.ambiguous.hint"))
        }
        switch kind {
        case .replace:
            guard !words.isEmpty else {
                throw CharterError(.badInput, Message("amend.passage.no-words"), hint: Message("amend.passage.no-words.hint"))
            }
            return body.replacingCharacters(in: range, with: words)
        case .delete:
            var removed = range
            // The space before (or else after) the words goes with them: « a b c » minus « b » reads « a c ».
            if removed.lowerBound > body.startIndex, body[body.index(before: removed.lowerBound)] == " " {
                removed = body.index(before: removed.lowerBound)..<removed.upperBound
            } else if removed.upperBound < body.endIndex, body[removed.upperBound] == " " {
                removed = removed.lowerBound..<body.index(after: removed.upperBound)
            }
            return body.replacingCharacters(in: removed, with: "")
        case .insertAfter:
            guard !words.isEmpty else {
                throw CharterError(.badInput, Message("amend.passage.no-words"), hint: Message("amend.passage.no-words.hint"))
            }
            let glued = words.first.map { $0.isWhitespace || ",.;:)»”…".contains($0) } ?? true
            return body.replacingCharacters(in: range.upperBound..<range.upperBound, with: glued ? words : " " + words)
        }
    }
}
