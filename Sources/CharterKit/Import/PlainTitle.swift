/// A heading's text as a title people read: inline Markdown and HTML taken away, character
/// references decoded. `## Le mode de gestion repose sur la **confiance**.` gives
/// « Le mode de gestion repose sur la confiance. ».
///
/// Removed: emphasis marks (`*`, `**`, `_`, `__` at word edges, `~~`), code-span backticks,
/// HTML tags; links and images give their text (`[texte](url)`, `[texte][ref]`, `![texte](…)`),
/// autolinks their address; backslash escapes give the character; runs of spaces become one.
public enum PlainTitle {
    public static func make(_ heading: String) -> String {
        let s = Array(heading.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isWord(_ index: Int) -> Bool { index >= 0 && index < s.count && CheckScalars.isWord(s[index]) }
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\" where i + 1 < s.count && s[i + 1].isASCII && MarkdownProse.isPunctuation(s[i + 1]):
                out.append(s[i + 1])
                i += 2
                continue
            case "*":
                i += 1
                continue
            case "~" where i + 1 < s.count && s[i + 1] == "~":
                i += 2
                continue
            case "_":
                var end = i
                while end < s.count, s[end] == "_" { end += 1 }
                if isWord(i - 1) && isWord(end) {
                    out.append(contentsOf: s[i..<end])
                }
                i = end
                continue
            case "`":
                i += 1
                continue
            case "<":
                if let close = s[(i + 1)...].firstIndex(of: ">") {
                    let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                    if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
                        out.append(contentsOf: inner.unicodeScalars)
                        i = close + 1
                        continue
                    }
                    if let first = inner.unicodeScalars.first, MarkdownProse.isASCIILetter(first) || first == "/" || first == "!" {
                        i = close + 1
                        continue
                    }
                }
            case "!" where i + 1 < s.count && s[i + 1] == "[":
                i += 1
                continue
            case "[", "]":
                if c == "]", i + 1 < s.count, s[i + 1] == "(", let close = s[(i + 1)...].firstIndex(of: ")") {
                    i = close + 1
                    continue
                }
                if c == "]", i + 1 < s.count, s[i + 1] == "[", let close = s[(i + 1)...].firstIndex(of: "]") {
                    i = close + 1
                    continue
                }
                i += 1
                continue
            case "&":
                if let (scalar, end) = HTMLEntity.reference(in: s, at: i) {
                    out.append(scalar)
                    i = end
                    continue
                }
            default:
                break
            }
            out.append(c)
            i += 1
        }
        // One space between words; the no-break spaces French typography asks for are kept.
        var collapsed = String.UnicodeScalarView()
        for scalar in out {
            if scalar == " " || scalar == "\t" {
                if let last = collapsed.last, last != " " { collapsed.append(" ") }
            } else {
                if scalar.properties.generalCategory == .format || scalar.value < 0x20 { continue }
                collapsed.append(scalar)
            }
        }
        while collapsed.last == " " { collapsed.removeLast() }
        return String(collapsed)
    }
}
