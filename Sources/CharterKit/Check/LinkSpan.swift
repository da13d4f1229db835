/// A `[[reference]]` or a Markdown link destination `](target)` on a line.
struct LinkSpan: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// `[[clause-id]]` or `[[clause-id|shown text]]`; `target` is what is inside the brackets.
        case reference
        /// `[text](target)`; `target` is the destination without its title.
        case markdown
    }

    var kind: Kind
    var target: String
    /// 1-based columns of the whole construct (`[[…]]`, or `(…)`), end exclusive.
    var column: Int
    var endColumn: Int
}
