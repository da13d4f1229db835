import Foundation

/// A Markdown document cut at headings of one level: the raw material of
/// `charter import`.
public struct MarkdownDocument: Hashable, Sendable {
    /// A heading of the cut level and the text under it.
    public struct Part: Hashable, Sendable {
        public var title: String
        /// Everything after the heading line up to the next cut, byte for byte,
        /// without the one blank line that usually follows a heading.
        public var body: String
        /// 1-based line of the heading in the document.
        public var line: Int
    }

    /// A run of parts under a higher-level heading (or the document's start).
    public struct Group: Hashable, Sendable {
        public var title: String?
        public var parts: [Part]
    }

    /// The first level-1 heading when the cut level is deeper.
    public var title: String?
    /// Text before the first cut heading, when it holds anything but blank lines.
    public var preamble: String?
    public var groups: [Group]

    public var parts: [Part] { groups.flatMap(\.parts) }

    /// Cuts `text` at ATX headings of `level` (`##` for 2); headings of a
    /// higher level start a new group, and text right under such a heading
    /// becomes a part titled like the group. Headings inside fenced code are text.
    public init(_ text: String, level: Int) {
        var title: String?
        var preamble = ""
        var groups: [Group] = [Group(title: nil, parts: [])]
        var current: Part?
        var inFence = false
        var lineNumber = 0
        var skipBlank = false
        var currentIsIntro = false

        func flush() {
            if let part = current, !(currentIsIntro && part.body.allSatisfy(\.isWhitespace)) {
                groups[groups.count - 1].parts.append(part)
            }
            current = nil
        }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, element) in lines.enumerated() {
            lineNumber = offset + 1
            let line = String(element)
            let newline = offset == lines.count - 1 ? "" : "\n"
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, let heading = MarkdownDocument.heading(line), heading.level <= level {
                flush()
                if heading.level == level {
                    current = Part(title: heading.text, body: "", line: lineNumber)
                    currentIsIntro = false
                } else if heading.level == 1, level > 1, title == nil, groups.allSatisfy({ $0.parts.isEmpty && $0.title == nil }) {
                    title = heading.text
                    continue
                } else {
                    if groups.last?.parts.isEmpty == true && groups.last?.title == nil {
                        groups[groups.count - 1].title = heading.text
                    } else {
                        groups.append(Group(title: heading.text, parts: []))
                    }
                    current = Part(title: heading.text, body: "", line: lineNumber)
                    currentIsIntro = true
                }
                skipBlank = true
                continue
            }
            if current != nil {
                if skipBlank && trimmed.isEmpty {
                    skipBlank = false
                    continue
                }
                skipBlank = false
                current?.body += line + newline
            } else {
                preamble += line + newline
            }
        }
        flush()
        self.title = title
        self.preamble = preamble.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : preamble
        self.groups = groups.filter { !$0.parts.isEmpty || $0.title != nil }
    }

    /// The level a document's articles are written at, when `--level` is not given: 2 when the
    /// document has `##` headings; else the shallowest heading level used at least twice, a
    /// single `#` heading being the document's title (the shallowest level used at all when none
    /// is used twice); nil without headings.
    public static func articleLevel(of text: String) -> Int? {
        var counts = [Int](repeating: 0, count: 7)
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, let heading = heading(String(line)) { counts[heading.level] += 1 }
        }
        if counts[2] > 0 { return 2 }
        var levels = (1...6).filter { counts[$0] > 0 }
        if levels.count > 1, counts[1] == 1 { levels.removeFirst() }
        return levels.first { counts[$0] >= 2 } ?? levels.first
    }

    /// A heading line's level and its text as a plain title (inline Markdown and entities removed).
    static func heading(_ line: String) -> (level: Int, text: String)? {
        guard let raw = rawHeading(line) else { return nil }
        let plain = PlainTitle.make(raw.text)
        return (raw.level, plain.isEmpty ? raw.text : plain)
    }

    static func rawHeading(_ line: String) -> (level: Int, text: String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        text = text.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : (hashes, text)
    }
}
