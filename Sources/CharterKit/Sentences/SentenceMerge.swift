import Foundation

/// The three-way merge of a clause's text by sentence. Pure.
///
/// A body is cut into sentences and the whitespace between them (`SentenceSplitter`) and
/// merged unit by unit (`UnitMerge`): changes to different sentences merge, even in one
/// paragraph; two changes to one sentence collide unless they are identical, since a sentence
/// is the smallest unit that stays grammatical once merged. The Markdown structure of the
/// result (its blocks: paragraphs, list items, headings, quotes; its links) must be the merge
/// of the two sides' structures, or the merge collides: it never yields text that parses into
/// something neither side wrote.
public enum SentenceMerge {
    /// Where a merge collides: each side's version of the passage (and the base's).
    public struct Collision: Hashable, Sendable, Codable {
        public var base: String
        public var current: String
        public var proposed: String
        /// The passages merge sentence by sentence, but not the Markdown structure.
        public var structural: Bool
    }

    public enum Outcome: Hashable, Sendable {
        case merged(String)
        case collided([Collision])

        public var text: String? {
            if case .merged(let text) = self { return text }
            return nil
        }
    }

    /// Merges two bodies changed from `base`: `current` (the text as it is now) and `proposed`.
    public static func merge(base: String, current: String, proposed: String) -> Outcome {
        let units = { (text: String) in SentenceSplitter.segments(text).map(\.text) }
        switch UnitMerge.merge(base: units(base), ours: units(current), theirs: units(proposed)) {
        case .collided(let collisions):
            return .collided(collisions.map {
                Collision(base: $0.base.joined(), current: $0.ours.joined(), proposed: $0.theirs.joined(), structural: false)
            })
        case .merged(let merged):
            let text = merged.joined()
            let structure = MarkdownStructure.merge(base: base, current: current, proposed: proposed)
            guard let structure, structure == MarkdownStructure.blocks(text) else {
                return .collided([Collision(base: base, current: current, proposed: proposed, structural: true)])
            }
            return .merged(text)
        }
    }

    /// Merges two clause files (front matter and body) changed from `base`: the front matter
    /// line by line, the body by sentence.
    public static func mergeFile(base: String, current: String, proposed: String) -> Outcome {
        let (baseHead, baseBody) = frontMatter(base)
        let (currentHead, currentBody) = frontMatter(current)
        let (proposedHead, proposedBody) = frontMatter(proposed)
        let lines = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" } }
        var collisions: [Collision] = []
        var head = ""
        switch UnitMerge.merge(base: lines(baseHead), ours: lines(currentHead), theirs: lines(proposedHead)) {
        case .merged(let merged): head = String(merged.joined().dropLast())
        case .collided(let found):
            collisions += found.map { Collision(base: $0.base.joined(), current: $0.ours.joined(), proposed: $0.theirs.joined(), structural: false) }
        }
        switch merge(base: baseBody, current: currentBody, proposed: proposedBody) {
        case .merged(let body): if collisions.isEmpty { return .merged(head + body) }
        case .collided(let found): collisions += found
        }
        return .collided(collisions)
    }

    /// A clause file cut after its front matter's closing `---` line (with its line break).
    static func frontMatter(_ text: String) -> (String, String) {
        guard text.hasPrefix("---\n") else { return ("", text) }
        var offset = text.index(text.startIndex, offsetBy: 4)
        while offset < text.endIndex {
            let lineEnd = text[offset...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[offset..<lineEnd]
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            if line.trimmingCharacters(in: .whitespaces) == "---" { return (String(text[..<next]), String(text[next...])) }
            offset = next
        }
        return ("", text)
    }
}

/// The block structure of a Markdown body, as the merge checks it: its blocks in order
/// (paragraph, list item with its indentation, heading with its level, quote, table row,
/// fenced code), a line of text that follows a block being part of it (a soft wrap or a
/// list item's continuation). Links are never cut, since sentences never end inside one. Pure.
enum MarkdownStructure {
    static func blocks(_ text: String) -> [String] {
        var fenced = false
        var blocks: [String] = []
        var previousBlank = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let indentation = line.count - trimmed.count
            var kind: String?
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fenced.toggle()
                kind = "fence"
            } else if fenced {
                kind = "code"
            } else if trimmed.isEmpty {
                previousBlank = true
                continue
            } else if SentenceSplitter.listMarkerEnd(Array(line), from: 0) != nil {
                let symbol = trimmed.first ?? " "
                kind = symbol == "#" ? "heading\(trimmed.prefix { $0 == "#" }.count)"
                    : symbol == ">" ? "quote" : symbol.isNumber ? "ordered@\(indentation)" : "bullet@\(indentation)"
            } else if trimmed.first == "|" {
                kind = "table"
            } else if previousBlank || blocks.last?.hasPrefix("heading") == true || blocks.last == "table" {
                kind = "paragraph"
            }
            previousBlank = false
            if let kind { blocks.append(kind) }
        }
        return blocks
    }

    /// The three-way merge of the sides' structures; nil when they collide.
    static func merge(base: String, current: String, proposed: String) -> [String]? {
        guard case .merged(let blocks) = UnitMerge.merge(base: self.blocks(base), ours: self.blocks(current), theirs: self.blocks(proposed)) else {
            return nil
        }
        return blocks
    }
}
