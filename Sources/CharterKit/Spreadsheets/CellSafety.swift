/// OWASP's rule against CSV (formula) injection: a cell that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return is opened by spreadsheets as a formula (or shifted so it becomes
/// one); such a cell is written with a leading `'`, which spreadsheets show as text and never run.
/// Applied to every text cell charter writes, in CSV and in workbooks.
public enum CellSafety {
    public static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, triggers.contains(Character(first)) else { return text }
        return "'" + text
    }
}
