import Foundation

/// The sentences a publication is made of, in the renderer's language, shared by every format.
extension PublicationRenderer {
    /// The « Origine du texte » lines of a clause (none when no sentence came through an
    /// adopted amendment); the amendment's id only with the technical annex.
    func originLines(_ clause: Publication.Clause) -> [String] {
        clause.origins.map { origin in
            text("report.origin", count: origin.sentences.count, [
                "sentences": origin.sentences.map(String.init).joined(separator: ", "),
                "provenance": BlameTextRenderer.provenance(origin.amendment, in: language, showingID: options.technicalAnnex),
            ]) + "."
        }
    }

    func text(_ key: String, count: Int? = nil, _ arguments: [String: String] = [:]) -> String {
        MessageCatalogue.text(key, count: count, arguments, in: language)
    }

    /// « Version v1.0 — texte publié le 15 novembre 2021 », or « Texte de travail du … ».
    func versionLine(_ publication: Publication) -> String {
        let date = language.day(publication.date)
        guard let version = publication.version else { return text("report.workingText", ["date": date]) }
        return text("report.version.published", ["version": version, "date": date])
    }

    /// What the running header says besides the title.
    func versionLabel(_ publication: Publication) -> String {
        publication.version.map { text("report.version", ["version": $0]) } ?? text("report.workingText", ["date": language.day(publication.date)])
    }

    func ruleLine(_ publication: Publication) -> String {
        text("report.rule", ["rule": language.rule(publication.rule)])
    }

    /// « 18 articles : 3 consensus, 4 consensus avec réserves… ».
    func summaryLine(_ publication: Publication) -> String {
        let counts = publication.summary
        let parts = ClauseStatus.allCases.compactMap { status in counts[status].map { "\($0) \(language.status(status))" } }
        return text("report.clauses", count: publication.clauseCount) + language.colon + parts.joined(separator: ", ") + "."
    }

    /// The participation of one clause: the sentence on territories, then each position's
    /// count with the footnotes on it (reservations and objections).
    func participation(_ clause: Publication.Clause, in publication: Publication) -> (territories: String, counts: [(text: String, notes: [Int])]) {
        let territories = text("report.participation.territories", count: clause.positions.count,
                               ["total": String(publication.territories.count)])
        var counts: [(text: String, notes: [Int])] = []
        for (position, key) in [(Position.support, "report.participation.supports"), (.reservation, "report.participation.reservations"),
                                (.objection, "report.participation.objections")] {
            let count = clause.count(position)
            guard count > 0 else { continue }
            counts.append((text(key, count: count), clause.noteNumbers(position, in: publication)))
        }
        return (territories, counts)
    }

    /// « Hautes-Terres, réserve (Atelier de Lyon, 1er octobre 2021) : Le texte… ».
    func noteText(_ note: Publication.Note) -> String {
        let workshop = (note.workshopTitle ?? note.workshop) + (note.workshopDate.map { ", " + language.day($0) } ?? "")
        let arguments = ["territory": note.territoryName, "position": language.position(note.position), "workshop": workshop,
                         "text": note.text.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)]
        return text(arguments["text", default: ""].isEmpty ? "report.note.noText" : "report.note", arguments)
    }

    /// « Nouvelle rédaction de l’article 7 — La juste place de chacun ».
    func amendmentHeadline(_ amendment: Publication.AdoptedAmendment) -> String {
        guard let operation = amendment.operation, let clause = amendment.clause else { return amendment.summary }
        let title = amendment.clauseTitle ?? clause.rawValue
        let name = amendment.clauseNumber.map { text("report.reference", ["number": String($0), "title": title]) }
            ?? text("report.reference", ["number": "", "title": title]).replacingOccurrences(of: "  — ", with: " — ")
        return text("report.amendment.\(operation.rawValue)", ["clause": name])
    }

    /// « Adopté le 1er décembre 2021, proposé par Haut-Verdal, débattu en atelier : … ».
    func amendmentDetails(_ amendment: Publication.AdoptedAmendment) -> String {
        var parts = [text("report.amendment.adopted", ["date": language.day(amendment.date)])]
        if let name = amendment.territoryName ?? amendment.territory { parts.append(text("report.amendment.proposedBy", ["territory": name])) }
        if !amendment.workshops.isEmpty { parts.append(text("report.amendment.debated", ["workshops": list(amendment.workshops)])) }
        if amendment.forced { parts.append(text("report.amendment.forced")) }
        return parts.joined(separator: ", ") + "."
    }

    /// « a, b et c ».
    func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + text("report.and") + last
    }

    /// What changed in one clause, in words: « texte modifié, titre modifié (auparavant « … ») ».
    func changeKinds(_ change: PublicationChanges.Change) -> String {
        change.kinds.compactMap { kind -> String? in
            switch kind {
            case .added: return text("report.changes.added")
            case .removed: return text("report.changes.removed")
            case .modified: return text("report.changes.modified")
            case .retitled: return text("report.changes.retitled", ["title": change.oldTitle ?? ""])
            case .moved: return text("report.changes.moved")
            case .renumbered: return change.oldNumber.map { text("report.changes.renumbered", ["number": String($0)]) }
            case .fieldsChanged: return nil
            }
        }.joined(separator: ", ")
    }

    /// The title of « Ce qui a changé » (nil when there is no previous version).
    func changesTitle(_ publication: Publication) -> String? {
        publication.changes.map { text("report.changes.title", ["version": $0.since]) }
    }

    func changesIntro(_ changes: PublicationChanges) -> String {
        let arguments = ["version": changes.since, "date": language.day(changes.sinceDate)]
        return changes.clauses.isEmpty ? text("report.changes.none", arguments)
            : text("report.changes.intro", count: changes.clauses.count, arguments)
    }

    /// The status legend: each status with what it means.
    var legend: [(status: ClauseStatus, meaning: String)] {
        ClauseStatus.allCases.map { ($0, text("report.legend.\($0.rawValue)")) }
    }
}
