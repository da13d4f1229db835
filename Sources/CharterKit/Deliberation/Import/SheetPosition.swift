import Foundation

/// Positions in the words people write in a sheet, case, accents and punctuation ignored:
/// `favorable`, `pour`, `d'accord`, `adhésion`, `soutien` → support; `réserve`, `avec réserves`
/// → reservation; `contre`, `défavorable`, `objection` → objection; `question`, `abstention`,
/// `remarque` or an empty cell → no position.
enum SheetPosition {
    /// `.some(position)` (nil for no position) when the word is known; nil when it is not.
    static func read(_ word: String) -> Position?? {
        let folded = SheetWords.fold(word)
        if folded.isEmpty || noPosition.contains(folded) { return .some(nil) }
        if let position = Position(word: folded) { return .some(position) }
        if support.contains(folded) { return .some(.support) }
        if reservation.contains(folded) { return .some(.reservation) }
        if objection.contains(folded) { return .some(.objection) }
        return nil
    }

    static let support: Set<String> = ["favorable", "pour", "d accord", "daccord", "accord", "adhesion", "soutien", "support",
                                       "tout a fait d accord", "oui"]
    static let reservation: Set<String> = ["reserve", "reserves", "avec reserve", "avec reserves", "sous reserve", "reservation",
                                           "reservations", "favorable avec reserve", "favorable avec reserves", "favorable sous reserve"]
    static let objection: Set<String> = ["contre", "defavorable", "objection", "opposition", "oppose", "opposee", "pas d accord"]
    static let noPosition: Set<String> = ["question", "questions", "abstention", "abstient", "remarque", "remark", "neutre", "sans avis",
                                          "ne se prononce pas", "nsp"]

    /// The words a sheet may use, for hints.
    static let shownWords = "favorable, pour, d’accord, réserve, avec réserves, contre, défavorable, question, abstention"
}

/// A territory named in a sheet by its id (`haut-verdal`) or its name (`Haut-Verdal`,
/// `haut verdal`), case, accents and punctuation ignored.
enum SheetTerritory {
    static func find(_ written: String, in territories: [Territory]) -> Territory? {
        if let exact = territories.first(where: { $0.id == written }) { return exact }
        let folded = SheetWords.fold(written)
        guard !folded.isEmpty else { return nil }
        return territories.first { SheetWords.fold($0.id) == folded } ?? territories.first { SheetWords.fold($0.name) == folded }
    }
}

/// A clause named in a sheet: its id, its number, or `Article 7` / `art. 7` / `n° 7`.
enum SheetClause {
    static func find(_ written: String, in charter: Charter) -> Clause? {
        if let clause = charter.clause(matching: written) { return clause }
        let folded = SheetWords.fold(written)
        for prefix in ["article ", "art ", "n ", "no ", "clause "] where folded.hasPrefix(prefix) {
            let rest = String(folded.dropFirst(prefix.count))
            if let number = Int(rest), let clause = charter.clause(matching: String(number)) { return clause }
        }
        return charter.clause(matching: folded.replacingOccurrences(of: " ", with: "-"))
    }
}
