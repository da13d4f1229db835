import Foundation

/// A territory's stance on a clause (or an amendment).
public enum Position: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case support
    case reservation
    case objection

    /// Reads the words facilitators use, in French or English
    /// (`adhésion`, `soutien`, `réserve`, `objection`…); nil when unknown.
    public init?(word: String) {
        let folded = word.trimmingCharacters(in: .whitespacesAndNewlines)
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        switch folded {
        case "support", "soutien", "adhesion", "accord", "pour": self = .support
        case "reservation", "reserve", "reserves", "reservations": self = .reservation
        case "objection", "contre", "opposition": self = .objection
        default: return nil
        }
    }

    public static func < (lhs: Position, rhs: Position) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Whether a reason (a non-empty text) must come with it.
    public var needsReason: Bool { self != .support }
}
