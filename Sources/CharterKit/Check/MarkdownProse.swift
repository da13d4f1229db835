import Foundation

/// Marks which parts of a clause's Markdown body are prose, so typography
/// and text rules never look at (or fix) code, addresses or markup:
///
/// - fenced code blocks (```` ``` ```` or `~~~`, fences included);
/// - code spans (`` `…` ``, also across the lines of a paragraph);
/// - HTML comments (`<!-- … -->`, which hold the `charter-disable` comments),
///   HTML tags and autolinks (`<https://…>`);
/// - bare URLs (`https://…`, `http://…`, `ftp://…`, `mailto:…`, `www.…`),
///   without the punctuation that ends a sentence after them;
/// - link destinations (`](…)`) and reference definitions (`[label]: url`);
/// - the label of a reference link (`[text][label]`), clause references `[[…]]`, entities
///   (`&nbsp;`, recorded with the character they stand for so rules count it) and backslash escapes.
///
/// Indented code blocks are not recognised (a charter's indented lines are
/// list continuations): fence code instead.
enum MarkdownProse {
    static func mark(_ lines: inout [CheckLine], body: Range<Int>) {
        var fence: (marker: Unicode.Scalar, count: Int)?
        var inComment = false
        var openTicks = 0
        for k in body {
            var line = lines[k]
            line.zone = .body
            line.prose = [Bool](repeating: true, count: line.scalars.count)
            defer { lines[k] = line }
            if let open = fence {
                line.zone = .code
                line.prose = [Bool](repeating: false, count: line.scalars.count)
                if let close = fenceRun(line), close.marker == open.marker, close.count >= open.count,
                   line.scalars.dropFirst(close.start + close.count).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    fence = nil
                }
                continue
            }
            if !inComment, openTicks == 0, let open = fenceRun(line),
               open.marker == "~" || !line.scalars.dropFirst(open.start + open.count).contains("`") {
                fence = (open.marker, open.count)
                line.zone = .code
                line.prose = [Bool](repeating: false, count: line.scalars.count)
                continue
            }
            if line.isBlank {
                openTicks = 0
                continue
            }
            if !inComment, openTicks == 0, isReferenceDefinition(line) {
                line.prose = [Bool](repeating: false, count: line.scalars.count)
                continue
            }
            let s = line.scalars
            var i = 0
            func mask(_ range: Range<Int>) {
                for index in range where index < s.count { line.prose[index] = false }
            }
            while i < s.count {
                if inComment {
                    if let close = line.find("-->", from: i) {
                        mask(i..<(close + 3))
                        i = close + 3
                        inComment = false
                    } else {
                        mask(i..<s.count)
                        i = s.count
                    }
                    continue
                }
                if openTicks > 0 {
                    if let close = closingTicks(line, from: i, count: openTicks) {
                        mask(i..<(close + openTicks))
                        i = close + openTicks
                        openTicks = 0
                    } else {
                        mask(i..<s.count)
                        i = s.count
                    }
                    continue
                }
                let c = s[i]
                switch c {
                case "\\":
                    if i + 1 < s.count, s[i + 1].isASCII, isPunctuation(s[i + 1]) {
                        mask(i..<(i + 2))
                        i += 2
                        continue
                    }
                case "<":
                    if line.has("<!--", at: i) {
                        inComment = true
                        mask(i..<(i + 4))
                        i += 4
                        continue
                    }
                    if i + 1 < s.count, isASCIILetter(s[i + 1]) || s[i + 1] == "/",
                       let close = line.find(">", from: i + 1) {
                        mask(i..<(close + 1))
                        i = close + 1
                        continue
                    }
                case "`":
                    var n = 0
                    while i + n < s.count, s[i + n] == "`" { n += 1 }
                    if let close = closingTicks(line, from: i + n, count: n) {
                        mask(i..<(close + n))
                        i = close + n
                        continue
                    }
                    if spanContinues(lines, after: k, upTo: body.upperBound, count: n) {
                        mask(i..<s.count)
                        openTicks = n
                        i = s.count
                        continue
                    }
                    i += n
                    continue
                case "[":
                    if line.has("[[", at: i), let close = line.find("]]", from: i + 2) {
                        line.links.append(LinkSpan(kind: .reference, target: text(s[(i + 2)..<close]),
                                                   column: i + 1, endColumn: close + 3))
                        mask(i..<(close + 2))
                        i = close + 2
                        continue
                    }
                case "]":
                    // `[text][label]` and `[text][]`: the label names a reference definition.
                    if i + 1 < s.count, s[i + 1] == "[", !line.has("[[", at: i + 1), let close = line.find("]", from: i + 2) {
                        mask((i + 1)..<(close + 1))
                        i = close + 1
                        continue
                    }
                    if i + 1 < s.count, s[i + 1] == "(", let close = matchingParenthesis(line, open: i + 1) {
                        var target = text(s[(i + 2)..<close]).trimmingCharacters(in: .whitespaces)
                        if target.hasPrefix("<"), let end = target.firstIndex(of: ">") {
                            target = String(target[target.index(after: target.startIndex)..<end])
                        } else if let space = target.firstIndex(of: " ") {
                            target = String(target[..<space])
                        }
                        line.links.append(LinkSpan(kind: .markdown, target: target, column: i + 2, endColumn: close + 2))
                        mask((i + 1)..<(close + 1))
                        i = close + 1
                        continue
                    }
                case "&":
                    if let end = entityEnd(line, at: i) {
                        if let scalar = HTMLEntity.scalar(named: Substring(text(s[(i + 1)..<(end - 1)]))) {
                            line.entities[i] = (end, scalar)
                        }
                        mask(i..<end)
                        i = end
                        continue
                    }
                default:
                    if isASCIILetter(c), i == 0 || !isWordScalar(s[i - 1]), let end = urlEnd(line, at: i) {
                        mask(i..<end)
                        i = end
                        continue
                    }
                }
                i += 1
            }
        }
    }

    // MARK: Pieces

    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// A line that opens or closes a fence: up to three spaces, then three or more ` or ~.
    static func fenceRun(_ line: CheckLine) -> (marker: Unicode.Scalar, count: Int, start: Int)? {
        var start = 0
        while start < line.scalars.count, start < 4, line.scalars[start] == " " { start += 1 }
        guard start < 4, start < line.scalars.count else { return nil }
        let marker = line.scalars[start]
        guard marker == "`" || marker == "~" else { return nil }
        var count = 0
        while start + count < line.scalars.count, line.scalars[start + count] == marker { count += 1 }
        return count >= 3 ? (marker, count, start) : nil
    }

    /// `[label]: destination` at the start of a line.
    static func isReferenceDefinition(_ line: CheckLine) -> Bool {
        var i = 0
        while i < line.scalars.count, i < 4, line.scalars[i] == " " { i += 1 }
        guard i < line.scalars.count, line.scalars[i] == "[", !line.has("[[", at: i),
              let close = line.find("]", from: i + 1), close > i + 1 else { return false }
        return line.has("]:", at: close)
    }

    /// The start of a run of exactly `count` backticks at or after `start`.
    static func closingTicks(_ line: CheckLine, from start: Int, count: Int) -> Int? {
        var i = start
        let s = line.scalars
        while i < s.count {
            if s[i] == "`" {
                var n = 0
                while i + n < s.count, s[i + n] == "`" { n += 1 }
                if n == count { return i }
                i += n
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Whether a code span opened on line `k` closes on a later line of the same paragraph.
    static func spanContinues(_ lines: [CheckLine], after k: Int, upTo end: Int, count: Int) -> Bool {
        var next = k + 1
        while next < end, !lines[next].isBlank {
            if closingTicks(lines[next], from: 0, count: count) != nil { return true }
            next += 1
        }
        return false
    }

    /// The `)` closing a link destination opened at `open`, past an optional
    /// title (`"…"`, `'…'` or `(…)`); nil when it is not a link destination.
    static func matchingParenthesis(_ line: CheckLine, open: Int) -> Int? {
        let s = line.scalars
        var depth = 0
        var i = open
        while i < s.count {
            switch s[i] {
            case "(":
                depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i }
            case " ", "\t":
                guard depth == 1 else { return nil }
                var j = i
                while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
                guard j < s.count else { return nil }
                if s[j] == ")" { return j }
                let quote = s[j]
                guard quote == "\"" || quote == "'" || quote == "(" else { return nil }
                let closing: Unicode.Scalar = quote == "(" ? ")" : quote
                var k = j + 1
                while k < s.count, s[k] != closing { k += 1 }
                guard k < s.count else { return nil }
                k += 1
                while k < s.count, s[k] == " " || s[k] == "\t" { k += 1 }
                return k < s.count && s[k] == ")" ? k : nil
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// `&name;`, `&#123;`, `&#x1F;`: the index after the `;`.
    static func entityEnd(_ line: CheckLine, at start: Int) -> Int? {
        var i = start + 1
        let s = line.scalars
        if i < s.count, s[i] == "#" { i += 1 }
        if i < s.count, s[i] == "x" || s[i] == "X", i > start + 1 { i += 1 }
        let first = i
        while i < s.count, i - first < 32, s[i].isASCII, isASCIILetter(s[i]) || ("0"..."9").contains(s[i]) { i += 1 }
        guard i > first, i < s.count, s[i] == ";" else { return nil }
        return i + 1
    }

    /// A URL starting at `start`: the index after it, without trailing sentence punctuation.
    static func urlEnd(_ line: CheckLine, at start: Int) -> Int? {
        var schemeEnd = start
        while schemeEnd < line.scalars.count, schemeEnd - start < 12, isASCIILetter(line.scalars[schemeEnd]) { schemeEnd += 1 }
        let isURL = line.has("://", at: schemeEnd) && schemeEnd > start
            || line.has("mailto:", at: start) || line.has("www.", at: start)
        guard isURL else { return nil }
        var end = start
        let s = line.scalars
        // A `]` ends it too: `[https://…][FAQ]` is a reference link around the address.
        while end < s.count, !CheckScalars.isSpace(s[end]), s[end] != "<", s[end] != ">", s[end] != "«", s[end] != "»",
              s[end] != "]", s[end] != "[" { end += 1 }
        // Leave the punctuation that ends a sentence (and an unmatched ")") to the prose.
        while end > start {
            let last = s[end - 1]
            if ".,;:!?’'\"".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ")" {
                let opens = s[start..<end].filter { $0 == "(" }.count
                let closes = s[start..<end].filter { $0 == ")" }.count
                if closes > opens { end -= 1 } else { break }
            } else {
                break
            }
        }
        return end > start ? end : nil
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// Letters, marks and digits: what words are made of.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { CheckScalars.isWord(scalar) }
}
