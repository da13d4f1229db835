import Foundation

/// The language people read: French or English. Reports and the console default to French;
/// the CLI follows `--lang`, `CHARTER_LANG` and the locale (`Language.resolve`).
public enum Language: String, Hashable, Sendable, Codable, CaseIterable {
    case fr, en

    public func status(_ status: ClauseStatus) -> String {
        switch (self, status) {
        case (.fr, .consensus): return "consensus"
        case (.fr, .consensusWithReservations): return "consensus avec réserves"
        case (.fr, .objection): return "objection"
        case (.fr, .open): return "en débat"
        case (.fr, .stale): return "à reprendre"
        case (.en, .consensus): return "consensus"
        case (.en, .consensusWithReservations): return "consensus with reservations"
        case (.en, .objection): return "objection"
        case (.en, .open): return "open"
        case (.en, .stale): return "stale"
        }
    }

    public func position(_ position: Position?) -> String {
        switch (self, position) {
        case (.fr, .support?): return "adhésion"
        case (.fr, .reservation?): return "réserve"
        case (.fr, .objection?): return "objection"
        case (.fr, nil): return "remarque"
        case (.en, .support?): return "support"
        case (.en, .reservation?): return "reservation"
        case (.en, .objection?): return "objection"
        case (.en, nil): return "remark"
        }
    }

    public func operation(_ operation: AmendmentOperation) -> String {
        switch (self, operation) {
        case (.fr, .replace): return "remplacement"
        case (.fr, .insert): return "insertion"
        case (.fr, .delete): return "suppression"
        case (.fr, .move): return "déplacement"
        case (.en, _): return operation.rawValue
        }
    }

    /// `2021-10-01` as « 1er octobre 2021 » or "1 October 2021" (UTC).
    public func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: self == .fr ? "fr_FR" : "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        let text = formatter.string(from: date)
        // French writes the first of the month « 1er ».
        return self == .fr && text.hasPrefix("1 ") ? "1er" + text.dropFirst() : text
    }

    /// A `YYYY-MM-DD` day as `day(_:)` writes it; the text itself when it is not one.
    public func day(_ text: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text).map(day) ?? text
    }

    public func rule(_ rule: ConsensusRule) -> String {
        var parts: [String] = []
        switch (self, rule.kind) {
        case (.fr, .consent): parts.append("consentement (aucune objection)")
        case (.fr, .unanimity): parts.append("unanimité")
        case (.fr, .majority): parts.append("majorité qualifiée")
        case (.en, .consent): parts.append("consent (no objection)")
        case (.en, .unanimity): parts.append("unanimity")
        case (.en, .majority): parts.append("qualified majority")
        }
        if let quorum = rule.quorum { parts.append(self == .fr ? "quorum de \(quorum) territoires" : "quorum of \(quorum) territories") }
        if let threshold = rule.threshold {
            parts.append(self == .fr ? "seuil \(Int((threshold * 100).rounded())) %" : "threshold \(Int((threshold * 100).rounded()))%")
        }
        return parts.joined(separator: ", ")
    }

    /// Words of the published reports, from the message catalogue (`report.` keys).
    public var words: ReportWords { ReportWords(self) }
}
