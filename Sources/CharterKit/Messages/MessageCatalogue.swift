/// One wording of a message in one language: a template with `{name}` placeholders, with a
/// singular form when the message counts something.
public struct Wording: Sendable, ExpressibleByStringLiteral {
    /// The singular form (French: 0 and 1; English: 1), when the message has a count.
    public let one: String?
    /// The plural form, or the only form.
    public let other: String

    public init(stringLiteral value: String) {
        one = nil
        other = value
    }

    public init(one: String, other: String) {
        self.one = one
        self.other = other
    }

    public static func plural(one: String, other: String) -> Wording { Wording(one: one, other: other) }

    /// Every form this wording has.
    public var forms: [String] { [one, other].compactMap { $0 } }
}

/// A message in both languages. Both are required: a key cannot exist in one language only.
public struct CatalogueEntry: Sendable {
    public let fr: Wording
    public let en: Wording

    public init(fr: Wording, en: Wording) {
        self.fr = fr
        self.en = en
    }

    public func wording(in language: Language) -> Wording {
        switch language {
        case .fr: return fr
        case .en: return en
        }
    }
}

/// The one catalogue of what charter says to people, in French and English, shared by the CLI,
/// check, the console and the reports.
///
/// Each part of the engine keeps its messages in its own file under `Catalogue/` (keys start
/// with the part's name: `sheet.`, `console.`, `cli.`…) and is listed in `domains`. French
/// wordings follow French typography (a no-break space before `:` `;` `!` `?` and inside « »),
/// which `MessageCatalogueTests` checks with the placeholders and the plural forms.
public enum MessageCatalogue {
    /// Every part's entries, by part name.
    public static let domains: [(name: String, entries: [String: CatalogueEntry])] = [
        ("common", common),
        ("amend", amendments),
        ("report", reports),
        ("sheet", sheets),
        ("documents", documents),
        ("console", console),
        ("reliability", reliability),
        ("cli", cli),
        ("check", check),
    ]

    /// Every entry by key. When two parts define one key, the first part listed wins (and the
    /// catalogue test fails).
    public static let entries: [String: CatalogueEntry] = {
        var all: [String: CatalogueEntry] = [:]
        for domain in domains {
            all.merge(domain.entries) { first, _ in first }
        }
        return all
    }()

    /// Shorthand: the message `key` in `language`.
    public static func text(_ key: String, count: Int? = nil, _ arguments: [String: String] = [:], in language: Language) -> String {
        Message(key, count: count, arguments).text(in: language)
    }

    /// `template` with each `{name}` replaced by its value; unknown placeholders stay as written.
    static func fill(_ template: String, with values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { result += value } else { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

    /// The `{name}` placeholders of a template.
    public static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
