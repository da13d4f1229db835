import Foundation

/// Clause ids made from titles: accents folded, lower case, dashes.
/// « Nos critères » → `nos-criteres`. Ids are at most `maximumLength` characters, cut at a
/// word boundary, so that no heading can make a file name too long.
public enum Slug {
    /// The longest id made from a title (a collision suffix `-2` may follow).
    public static let maximumLength = 60

    public static func make(_ title: String) -> String {
        let folded = title
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "Œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "Æ", with: "ae")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "fr_FR"))
            .lowercased()
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let isAllowed = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isAllowed {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "clause" : capped(slug)
    }

    /// `slug` cut to `maximumLength` at the last dash that fits (mid-word only for a single long word).
    static func capped(_ slug: String) -> String {
        guard slug.utf8.count > maximumLength else { return slug }
        let prefix = String(slug.prefix(maximumLength + 1))
        if prefix.last == "-" { return String(prefix.dropLast()) }
        if let dash = prefix.dropLast().lastIndex(of: "-"), prefix.distance(from: prefix.startIndex, to: dash) >= maximumLength / 2 {
            return String(prefix[..<dash])
        }
        return String(slug.prefix(maximumLength))
    }

    /// A slug of `title` not in `taken`: `-2`, `-3`… appended on collision.
    public static func unique(_ title: String, taken: Set<String>) -> String {
        let base = make(title)
        guard taken.contains(base) else { return base }
        var counter = 2
        while taken.contains("\(base)-\(counter)") { counter += 1 }
        return "\(base)-\(counter)"
    }
}
