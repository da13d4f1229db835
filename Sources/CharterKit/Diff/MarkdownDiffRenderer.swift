/// Renders a `CharterDiff` as Markdown for a review or a pull request: the
/// manifest changes as a list, a `## 7. Title` heading per changed clause
/// with what changed, the whole body with deletions as `~~removed~~` and
/// insertions as `**added**`, and a summary.
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
                body = Self.wrap(clause.body, in: "~~")
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

    /// One body's word diff, whole, with `~~deletions~~` and `**insertions**`.
    public static func words(_ diff: WordDiff) -> String {
        var text = ""
        for segment in diff.segments {
            switch segment.kind {
            case .equal: text += segment.text
            case .deleted: text += wrap(segment.text, in: "~~")
            case .inserted: text += wrap(segment.text, in: "**")
            }
        }
        return text
    }

    /// Wraps each line's non-blank part in `marker`, leaving the whitespace
    /// around it outside (Markdown emphasis cannot start or end on a space).
    static func wrap(_ text: String, in marker: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let first = line.firstIndex(where: { !$0.isWhitespace }),
                  let last = line.lastIndex(where: { !$0.isWhitespace }) else { return String(line) }
            return line[..<first] + marker + line[first...last] + marker + line[line.index(after: last)...]
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
