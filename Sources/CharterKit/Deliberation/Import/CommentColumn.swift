import Foundation

/// The columns of a sheet of feedback, and the headers people give them.
public enum CommentColumn: String, Hashable, Sendable, Codable, CaseIterable {
    case territory, clause, position, text, quote
    /// The clause's title, as the template writes it beside its number: read and not checked.
    case title

    /// Headers read as this column, folded (`SheetWords.fold`: case, accents, punctuation ignored).
    var names: [String] {
        switch self {
        case .territory: return ["territoire", "territoires", "territory", "territories", "nom du territoire"]
        case .clause: return ["article", "articles", "n article", "no article", "num article", "numero article",
                              "numero d article", "numero de l article", "art", "clause", "clauses", "clause number"]
        case .position: return ["position", "positions", "avis", "stance"]
        case .text: return ["commentaire", "commentaires", "comment", "comments", "remarque", "remarques", "texte", "text",
                            "observation", "observations"]
        case .quote: return ["citation", "citations", "extrait", "extraits", "quote", "quotes", "passage", "passage cite"]
        case .title: return ["titre", "titre de l article", "intitule", "title", "clause title"]
        }
    }

    /// The header the template writes, and the one messages use.
    public var frenchHeader: String {
        switch self {
        case .territory: return "Territoire"
        case .clause: return "N° article"
        case .position: return "Position"
        case .text: return "Commentaire"
        case .quote: return "Citation"
        case .title: return "Titre de l’article"
        }
    }

    /// Columns a sheet must have.
    public static let required: [CommentColumn] = [.territory, .clause, .position, .text]

    /// The column a header names, nil when none.
    static func named(_ header: String) -> CommentColumn? {
        let folded = SheetWords.fold(header)
        return allCases.first { $0.names.contains(folded) }
    }

    /// The known header closest to an unknown one, when it is close enough to be a misspelling
    /// (`citaton` → `citation`): at most one edit for short words, two for longer ones.
    static func misspelt(_ header: String) -> (column: CommentColumn, name: String)? {
        let folded = SheetWords.fold(header)
        guard folded.count >= 4 else { return nil }
        var best: (column: CommentColumn, name: String, distance: Int)?
        for column in allCases {
            for name in column.names where abs(name.count - folded.count) <= 2 {
                let distance = SheetWords.editDistance(folded, name)
                if distance > 0, best == nil || distance < best!.distance { best = (column, name, distance) }
            }
        }
        guard let best, best.distance <= (folded.count <= 5 ? 1 : 2) else { return nil }
        return (best.column, best.name)
    }
}

/// How words from a sheet are compared: case, accents, apostrophes and punctuation ignored.
enum SheetWords {
    /// Lower case, no accents, `°` dropped, anything but letters and digits as one space.
    static func fold(_ text: String) -> String {
        let lowered = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var result = ""
        var pendingSpace = false
        for character in lowered {
            if character == "°" || character == "º" { continue }
            if character.isLetter || character.isNumber {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// Levenshtein distance between two short strings, in characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let left = Array(a), right = Array(b)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = previous
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
