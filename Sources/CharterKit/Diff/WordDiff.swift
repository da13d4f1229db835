/// The word-level difference between two texts, as an ordered list of kept,
/// deleted and inserted runs.
///
/// Both texts can be rebuilt from it byte for byte (`oldText`, `newText`), so
/// it is enough to carry a clause body from one revision to the next. Texts
/// are cut into words (letter/digit runs), whitespace runs and single
/// punctuation characters; the token lists are diffed with the standard
/// library's Myers diff, then regrouped so that a rewritten phrase reads as one
/// deletion followed by one insertion.
public struct WordDiff: Hashable, Sendable, Codable {
    /// The runs in text order; adjacent runs never share a kind.
    public private(set) var segments: [DiffSegment]
    /// Words (letter/digit runs) present only in the new text.
    public private(set) var insertedWords: Int
    /// Words (letter/digit runs) present only in the old text.
    public private(set) var deletedWords: Int

    /// Builds a diff from segments (merging adjacent runs of one kind and
    /// dropping empty ones); the word counts are derived from the text.
    public init(segments: [DiffSegment]) {
        var merged: [DiffSegment] = []
        merged.reserveCapacity(segments.count)
        for segment in segments where !segment.text.isEmpty {
            if let last = merged.last, last.kind == segment.kind {
                merged[merged.count - 1].text += segment.text
            } else {
                merged.append(segment)
            }
        }
        self.segments = merged
        self.insertedWords = merged.lazy.filter { $0.kind == .inserted }.reduce(0) { $0 + WordToken.wordCount($1.text) }
        self.deletedWords = merged.lazy.filter { $0.kind == .deleted }.reduce(0) { $0 + WordToken.wordCount($1.text) }
    }

    /// The word diff that turns `old` into `new`.
    public static func between(_ old: String, _ new: String) -> WordDiff {
        if old.utf8Equal(to: new) {
            return WordDiff(segments: old.isEmpty ? [] : [DiffSegment(kind: .equal, text: old)], insertedWords: 0, deletedWords: 0)
        }
        var old = old, new = new
        return old.withUTF8 { oldBytes in
            new.withUTF8 { newBytes in between(oldBytes, newBytes) }
        }
    }

    /// Diffs two valid UTF-8 texts.
    private static func between(_ oldBytes: UnsafeBufferPointer<UInt8>, _ newBytes: UnsafeBufferPointer<UInt8>) -> WordDiff {
        let oldTokens = WordToken.scan(oldBytes)
        let newTokens = WordToken.scan(newBytes)
        func slice(_ bytes: UnsafeBufferPointer<UInt8>, _ span: WordToken.Span) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        }
        func same(_ a: WordToken.Span, _ b: WordToken.Span) -> Bool {
            TokenBytes(bytes: slice(oldBytes, a)) == TokenBytes(bytes: slice(newBytes, b))
        }

        // Common prefix and suffix need no diffing.
        var prefix = 0
        while prefix < oldTokens.count, prefix < newTokens.count, same(oldTokens[prefix], newTokens[prefix]) {
            prefix += 1
        }
        var suffix = 0
        while suffix < oldTokens.count - prefix, suffix < newTokens.count - prefix,
              same(oldTokens[oldTokens.count - 1 - suffix], newTokens[newTokens.count - 1 - suffix]) {
            suffix += 1
        }
        let oldEnd = oldTokens.count - suffix, newEnd = newTokens.count - suffix

        // Intern the middle tokens so the Myers diff compares integers.
        var interned: [TokenBytes: Int] = [:]
        interned.reserveCapacity(oldEnd - prefix + newEnd - prefix)
        func intern(_ bytes: UnsafeBufferPointer<UInt8>, _ span: WordToken.Span) -> Int {
            let key = TokenBytes(bytes: slice(bytes, span))
            if let id = interned[key] { return id }
            let id = interned.count
            interned[key] = id
            return id
        }
        let oldIDs = oldTokens[prefix..<oldEnd].map { intern(oldBytes, $0) }
        let newIDs = newTokens[prefix..<newEnd].map { intern(newBytes, $0) }
        var removed = [Bool](repeating: false, count: oldIDs.count)
        var inserted = [Bool](repeating: false, count: newIDs.count)
        for change in newIDs.difference(from: oldIDs) {
            switch change {
            case .remove(let offset, _, _): removed[offset] = true
            case .insert(let offset, _, _): inserted[offset] = true
            }
        }

        // The edit script over whole token lists: deletions before insertions.
        var script: [DiffSegment.Kind] = []
        script.reserveCapacity(oldTokens.count + newTokens.count)
        script.append(contentsOf: repeatElement(.equal, count: prefix))
        var i = 0, j = 0
        while i < oldIDs.count || j < newIDs.count {
            if i < oldIDs.count, removed[i] {
                script.append(.deleted)
                i += 1
            } else if j < newIDs.count, inserted[j] {
                script.append(.inserted)
                j += 1
            } else {
                script.append(.equal)
                i += 1
                j += 1
            }
        }
        script.append(contentsOf: repeatElement(.equal, count: suffix))

        return grouping(script, oldTokens, newTokens) { side, from, to in
            guard from < to else { return "" }
            let (bytes, tokens) = side == .deleted ? (oldBytes, oldTokens) : (newBytes, newTokens)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[from].start..<tokens[to - 1].end]), as: UTF8.self)
        }
    }

    /// The old text, rebuilt from the kept and deleted runs.
    public var oldText: String {
        var text = ""
        for segment in segments where segment.kind != .inserted { text += segment.text }
        return text
    }

    /// The new text, rebuilt from the kept and inserted runs.
    public var newText: String {
        var text = ""
        for segment in segments where segment.kind != .deleted { text += segment.text }
        return text
    }

    /// True when both texts are identical.
    public var isEmpty: Bool { segments.allSatisfy { $0.kind == .equal } }

    // MARK: - Codable (the counts are written for readers, recomputed on decoding)

    private enum CodingKeys: String, CodingKey { case segments, insertedWords, deletedWords }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(segments: try container.decode([DiffSegment].self, forKey: .segments))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(segments, forKey: .segments)
        try container.encode(insertedWords, forKey: .insertedWords)
        try container.encode(deletedWords, forKey: .deletedWords)
    }
}

extension WordDiff {
    init(segments: [DiffSegment], insertedWords: Int, deletedWords: Int) {
        self.segments = segments
        self.insertedWords = insertedWords
        self.deletedWords = deletedWords
    }

    /// Turns an edit script (one step per token) into readable segments:
    /// each stretch of changes becomes one deleted run followed by one
    /// inserted run, and a single kept whitespace token between two changes
    /// is folded into both, so that "a b c" → "a x y c" reads `[-b-]{+x y+}`
    /// rather than interleaved pieces.
    ///
    /// Every run is a contiguous range of tokens of one side (kept and
    /// deleted runs of the old text, inserted runs of the new), which `text`
    /// turns into a string: `text(.deleted, from, to)` for old tokens,
    /// `text(.inserted, from, to)` for new ones.
    static func grouping(
        _ script: [DiffSegment.Kind], _ oldTokens: [WordToken.Span], _ newTokens: [WordToken.Span],
        text: (DiffSegment.Kind, Int, Int) -> String
    ) -> WordDiff {
        var segments: [DiffSegment] = []
        var insertedWords = 0, deletedWords = 0
        var oldPosition = 0, newPosition = 0
        var k = 0
        while k < script.count {
            if script[k] == .equal {
                let start = oldPosition
                while k < script.count, script[k] == .equal {
                    oldPosition += 1
                    newPosition += 1
                    k += 1
                }
                segments.append(DiffSegment(kind: .equal, text: text(.deleted, start, oldPosition)))
                continue
            }
            let oldStart = oldPosition, newStart = newPosition
            var hasDeleted = false, hasInserted = false
            while true {
                while k < script.count, script[k] != .equal {
                    if script[k] == .deleted {
                        hasDeleted = true
                        if oldTokens[oldPosition].kind == .word { deletedWords += 1 }
                        oldPosition += 1
                    } else {
                        hasInserted = true
                        if newTokens[newPosition].kind == .word { insertedWords += 1 }
                        newPosition += 1
                    }
                    k += 1
                }
                // A single kept whitespace token, then more changes?
                guard k + 1 < script.count, oldTokens[oldPosition].kind == .whitespace,
                      script[k + 1] != .equal else { break }
                var nextDeletes = false, nextInserts = false
                var look = k + 1
                while look < script.count, script[look] != .equal {
                    if script[look] == .deleted { nextDeletes = true } else { nextInserts = true }
                    look += 1
                }
                guard (hasDeleted || nextDeletes) && (hasInserted || nextInserts) else { break }
                oldPosition += 1
                newPosition += 1
                k += 1
            }
            if oldPosition > oldStart { segments.append(DiffSegment(kind: .deleted, text: text(.deleted, oldStart, oldPosition))) }
            if newPosition > newStart { segments.append(DiffSegment(kind: .inserted, text: text(.inserted, newStart, newPosition))) }
        }
        return WordDiff(segments: segments, insertedWords: insertedWords, deletedWords: deletedWords)
    }
}
