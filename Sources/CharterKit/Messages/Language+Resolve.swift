/// Which language a person asked for.
extension Language {
    /// The language from, in order: an explicit choice (`--lang`), `CHARTER_LANG`, then the
    /// locale as POSIX reads it (`LC_ALL`, `LC_MESSAGES`, `LANG`; the first one set wins).
    /// `fr`, `fr_FR.UTF-8`, `fr-CA`… are French; anything else (`C`, `POSIX`, `en_GB`) is English.
    public static func resolve(explicit: String? = nil, environment: [String: String]) -> Language {
        if let explicit, let language = named(explicit) { return language }
        if let chosen = environment["CHARTER_LANG"], let language = named(chosen) { return language }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("fr") ? .fr : .en
        }
        return .en
    }

    /// `fr`/`en` (or a locale name starting with them); nil for anything else.
    public static func named(_ text: String) -> Language? {
        let lowered = text.lowercased()
        if lowered.hasPrefix("fr") { return .fr }
        if lowered.hasPrefix("en") || lowered == "c" || lowered == "posix" { return .en }
        return nil
    }

    /// Whether `count` takes the singular: French counts 0 and 1 as singular, English only 1.
    public func isSingular(_ count: Int) -> Bool {
        switch self {
        case .fr: return count == 0 || count == 1 || count == -1
        case .en: return count == 1 || count == -1
        }
    }
}
