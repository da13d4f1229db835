/// Renders a `CharterDiff` as Markdown for a review or a pull request: the
/// manifest changes as a list, a `## 7. Title` heading per changed clause
/// with what changed, the whole body marked up in CriticMarkup — the convention
/// Markdown editors read, which cannot be mistaken for the text's own bold or
/// strike-through: `{--deleted--}`, `{++inserted++}`, `{~~old~>new~~}` for a
/// replacement — and a summary. A removed clause's body is one deletion.
public struct MarkdownDiffRenderer: Sendable {
    /// Notes to add after a clause's kinds of change, e.g. the amendments that changed it.
    public var annotations: [ClauseID: [String]]

    public init(annotations: [ClauseID: [String]] = [:]) {
        self.annotations = annotations
    }

    public func render(_ diff: CharterDiff) -> String {
        var out = "# Changes from \(diff.fromLabel) to \(diff.toLabel)\n\n"
        let manifestLines = DiffWording.manifestLines(diff)
        if !manifestLines.isEmpty {
            out += manifestLines.map { "- " + $0 }.joined(separator: "\n") + "\n\n"
        }
        for change in diff.clauses {
            let number = change.number.map { "\($0). " } ?? ""
            out += "## \(number)\(change.title)\n\n"
            out += "`\(change.id)` — \(DiffWording.kinds(change))"
            if let notes = annotations[change.id], !notes.isEmpty { out += " (\(notes.joined(separator: "; ")))" }
            out += "\n\n"
            var body = ""
            if change.has(.added), let clause = change.clause {
                body = clause.body
            } else if change.has(.removed), let clause = change.clause {
                body = Self.wrap(clause.body, "{--", "--}")
            } else if change.has(.modified), let diff = change.body {
                body = Self.words(diff)
            }
            body = Self.trimmingTrailingNewlines(body)
            if !body.isEmpty { out += body + "\n\n" }
        }
        out += "---\n\n"
        out += (diff.isEmpty ? "No change." : Self.capitalized(diff.summary.description) + ".") + "\n"
        return out
    }

    /// One body's word diff, whole, in CriticMarkup: a deletion right before an insertion on one
    /// line is a replacement `{~~old~>new~~}`; otherwise `{--deleted--}` and `{++inserted++}`,
    /// one mark per line of changed text.
    public static func words(_ diff: WordDiff) -> String {
        var text = ""
        let segments = diff.segments
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            switch segment.kind {
            case .equal:
                text += segment.text
            case .deleted:
                if index + 1 < segments.count, segments[index + 1].kind == .inserted,
                   let old = singleLine(segment.text), let new = singleLine(segments[index + 1].text) {
                    text += String(old.leading) + "{~~" + String(old.core) + "~>" + String(new.core) + "~~}" + String(new.trailing)
                    index += 2
                    continue
                }
                text += wrap(segment.text, "{--", "--}")
            case .inserted:
                text += wrap(segment.text, "{++", "++}")
            }
            index += 1
        }
        return text
    }

    /// A one-line text's non-blank core and the whitespace around it; nil when it spans lines or is blank.
    static func singleLine(_ text: String) -> (leading: Substring, core: Substring, trailing: Substring)? {
        guard !text.contains("\n"), let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return nil }
        return (text[..<first], text[first...last], text[text.index(after: last)...])
    }

    /// Wraps each line's non-blank part between `open` and `close`, leaving the whitespace
    /// around it outside.
    static func wrap(_ text: String, _ open: String, _ close: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let first = line.firstIndex(where: { !$0.isWhitespace }),
                  let last = line.lastIndex(where: { !$0.isWhitespace }) else { return String(line) }
            return line[..<first] + open + line[first...last] + close + line[line.index(after: last)...]
        }.joined(separator: "\n")
    }

    static func trimmingTrailingNewlines(_ text: String) -> String {
        var text = Substring(text)
        while text.last?.isNewline == true { text.removeLast() }
        return String(text)
    }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
