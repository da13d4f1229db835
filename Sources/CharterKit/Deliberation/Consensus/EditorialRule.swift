import Foundation

/// When a change of a clause is only editorial, so positions taken on the
/// old text carry forward to the new one.
///
/// The rule: two texts are editorially equal when, after Unicode
/// compatibility normalisation (NFKC), their sequences of words (runs of
/// letters and digits, case kept) are the same, for the title and for the
/// body. Whitespace, line breaks, punctuation, apostrophes, quotation marks
/// and non-breaking spaces may all differ; a changed, added, removed or
/// re-ordered word, or a changed capital, may not.
public enum EditorialRule {
    public static func words(_ text: String) -> [Substring] {
        text.precomposedStringWithCompatibilityMapping
            .split { !$0.isLetter && !$0.isNumber }
    }

    public static func equivalent(_ old: Clause, _ new: Clause) -> Bool {
        words(old.title) == words(new.title) && words(old.body) == words(new.body)
    }
}
