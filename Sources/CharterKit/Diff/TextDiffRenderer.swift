/// Renders a `CharterDiff` for a terminal: a header with the labels, the
/// manifest changes, one line per changed clause with what changed, the word
/// diff of modified bodies (context only around the changes), and a summary.
///
/// Without color, deletions read `[-old-]` and insertions `{+new+}` (as in
/// `git diff --word-diff`); with color they are red and green.
public struct TextDiffRenderer: Sendable {
    /// Whether to use ANSI colors.
    public var color: Bool
    /// Notes to add on a clause's line, e.g. the amendments that changed it.
    public var annotations: [ClauseID: [String]]
    /// The language of the words around the text (the text itself is never translated).
    public var language: Language

    public init(color: Bool, annotations: [ClauseID: [String]] = [:], language: Language = .en) {
        self.color = color
        self.annotations = annotations
        self.language = language
    }

    public func render(_ diff: CharterDiff) -> String {
        var out = style("diff \(diff.fromLabel) → \(diff.toLabel)", Self.bold) + "\n"
        for line in DiffWording.manifestLines(diff, in: language) {
            out += "  " + line + "\n"
        }
        let width = diff.clauses.map { ($0.number.map(String.init) ?? "-").count }.max() ?? 1
        let indent = String(repeating: " ", count: width + 4)
        for change in diff.clauses {
            let number = change.number.map(String.init) ?? "-"
            let pad = String(repeating: " ", count: width - number.count)
            out += "  \(pad)\(number). \(change.id)  \(DiffWording.quoted(change.title, in: language))  \(DiffWording.kinds(change, in: language))"
            if let notes = annotations[change.id], !notes.isEmpty { out += "  [\(notes.joined(separator: "; "))]" }
            out += "\n"
            if change.has(.added), let clause = change.clause, !clause.body.isEmpty {
                out += indented(style(clause.body, Self.green), indent) + "\n"
            } else if change.has(.modified), let body = change.body {
                out += indented(words(body), indent) + "\n"
            }
        }
        out += (diff.isEmpty ? MessageCatalogue.text("cli.diff.noChange", in: language) : diff.summary.text(in: language)) + "\n"
        return out
    }

    /// One body's word diff with context around the changes, marked up.
    public func words(_ diff: WordDiff) -> String {
        var text = ""
        for segment in DiffContext().shorten(diff.segments) {
            switch segment.kind {
            case .equal: text += segment.text
            case .deleted: text += color ? style(segment.text, Self.red) : "[-\(segment.text)-]"
            case .inserted: text += color ? style(segment.text, Self.green) : "{+\(segment.text)+}"
            }
        }
        return text
    }

    static let bold = "\u{1B}[1m"
    static let red = "\u{1B}[31m"
    static let green = "\u{1B}[32m"
    static let reset = "\u{1B}[0m"

    /// Wraps each non-empty line in the color code, so that every line
    /// stands alone in a pager.
    private func style(_ text: String, _ code: String) -> String {
        guard color else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : code + $0 + Self.reset }
            .joined(separator: "\n")
    }

    private func indented(_ text: String, _ indent: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, last.isEmpty, lines.count > 1 { lines.removeLast() }
        return lines.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }
}
