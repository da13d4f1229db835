import Foundation

/// `charter blame` as text: the title and each sentence, under a line saying where it came
/// from (revision, date, author, and the amendment with its territory and workshops).
public struct BlameTextRenderer: Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    public func render(_ blame: ClauseBlame, title clauseTitle: String? = nil) -> String {
        var lines = [MessageCatalogue.text("blame.header", ["clause": blame.clause.rawValue, "revision": String(blame.at.prefix(7))], in: language)]
        lines.append(origin(blame.title.origin, label: MessageCatalogue.text("blame.title", in: language)))
        lines.append("    " + blame.title.text)
        for (index, sentence) in blame.sentences.enumerated() {
            lines.append(origin(sentence.origin, label: String(index + 1)))
            lines.append("    " + Self.oneLine(sentence.text))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func origin(_ origin: TextOrigin, label: String) -> String {
        let revision = origin.revision
        var line = "\(label.padding(toLength: 5, withPad: " ", startingAt: 0)) \(revision.shortID)  \(Self.day(revision.date))  \(revision.author.name)"
        if let amendment = origin.amendment { line += " — " + Self.provenance(amendment, in: language) }
        return line
    }

    /// « issu de l’amendement 1a2b3c4d de Pays d’Ormanges, débattu lors de l’atelier « Atelier de
    /// Nantes » (2021-11-30) »: what the console's clause page and the exports can show per sentence.
    /// Without `showingID`, the amendment is named by its territory only (« issu d’un amendement
    /// de … »): the published charter shows no record id outside its technical annex.
    public static func provenance(_ amendment: AmendmentOrigin, in language: Language, showingID: Bool = true) -> String {
        var text = showingID
            ? MessageCatalogue.text("blame.amendment", ["amendment": amendment.shortID, "territory": amendment.territoryName], in: language)
            : MessageCatalogue.text("report.origin.amendment", ["territory": amendment.territoryName], in: language)
        if !amendment.workshops.isEmpty {
            let workshops = amendment.workshops.map { workshop in
                workshop.date.isEmpty ? MessageCatalogue.text("blame.workshop.undated", ["title": workshop.title], in: language)
                    : MessageCatalogue.text("blame.workshop", ["title": workshop.title, "date": workshop.date], in: language)
            }.joined(separator: ", ")
            text += MessageCatalogue.text("blame.workshops", count: amendment.workshops.count, ["workshops": workshops], in: language)
        }
        return text
    }

    /// A sentence on one line (a soft-wrapped one has line breaks).
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
