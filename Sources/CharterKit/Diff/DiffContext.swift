/// Shortens the unchanged stretches of a word diff to the context around the
/// changes: about one line or twelve words on each side, the rest replaced by
/// `…` (on its own line when the elided text spans lines).
struct DiffContext {
    var words = 12
    var lines = 1

    /// The segments with long equal runs shortened. Equal segments between
    /// changes keep a head and a tail; the first keeps only its tail, the
    /// last only its head.
    func shorten(_ segments: [DiffSegment]) -> [DiffSegment] {
        guard segments.contains(where: { $0.kind != .equal }) else { return [] }
        var result: [DiffSegment] = []
        for (index, segment) in segments.enumerated() {
            guard segment.kind == .equal else {
                result.append(segment)
                continue
            }
            let keepHead = index > 0
            let keepTail = index < segments.count - 1
            result.append(DiffSegment(kind: .equal, text: shorten(segment.text, keepHead: keepHead, keepTail: keepTail)))
        }
        return result
    }

    func shorten(_ text: String, keepHead: Bool, keepTail: Bool) -> String {
        let tokens = WordToken.tokenize(text)
        let headEnd = keepHead ? headCount(tokens) : 0
        let tailStart = keepTail ? tokens.count - tailCount(tokens) : tokens.count
        if headEnd >= tailStart { return text }
        let elided = tokens[headEnd..<tailStart]
        let spansLines = elided.contains { $0.kind == .whitespace && $0.text.contains(where: \.isNewline) }
        let head = tokens[..<headEnd].map(\.text).joined()
        let tail = tokens[tailStart...].map(\.text).joined()
        switch (keepHead, keepTail) {
        case (true, true): return head + (spansLines ? "\n…\n" : " … ") + tail
        case (false, true): return (spansLines ? "…\n" : "… ") + tail
        default: return head + (spansLines ? "\n…" : " …")
        }
    }

    /// How many leading tokens to keep after a change.
    private func headCount(_ tokens: [WordToken]) -> Int {
        var wordsSeen = 0, newlinesSeen = 0, end = 0
        for (index, token) in tokens.enumerated() {
            if token.kind == .word {
                if wordsSeen == words { break }
                wordsSeen += 1
            } else if token.kind == .whitespace {
                newlinesSeen += token.text.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
                if newlinesSeen > lines { break }
            }
            end = index + 1
        }
        while end > 0, tokens[end - 1].kind == .whitespace, end < tokens.count { end -= 1 }
        return end
    }

    /// How many trailing tokens to keep before a change.
    private func tailCount(_ tokens: [WordToken]) -> Int {
        var wordsSeen = 0, newlinesSeen = 0, count = 0
        for token in tokens.reversed() {
            if token.kind == .word {
                if wordsSeen == words { break }
                wordsSeen += 1
            } else if token.kind == .whitespace {
                newlinesSeen += token.text.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
                if newlinesSeen > lines { break }
            }
            count += 1
        }
        while count > 0, tokens[tokens.count - count].kind == .whitespace, count < tokens.count { count -= 1 }
        return count
    }
}
