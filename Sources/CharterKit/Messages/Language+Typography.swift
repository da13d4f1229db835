/// Punctuation as each language sets it.
extension Language {
    /// `: ` in English, ` : ` with a no-break space before the colon in French.
    public var colon: String { self == .fr ? "\u{00A0}: " : ": " }

    /// `text` in quotation marks: « text » (no-break spaces inside) in French, “text” in English.
    public func quoted(_ text: String) -> String {
        self == .fr ? "«\u{00A0}" + text + "\u{00A0}»" : "“" + text + "”"
    }
}
