import Foundation
import GitKit

/// What `charter comment import` did.
public struct CommentImportReport: Hashable, Sendable, Codable {
    /// Rows recorded now.
    public var imported: Int
    /// Rows already recorded by an earlier import of the same content.
    public var alreadyImported: Int
}

extension CharterRepository {
    /// Imports a CSV sheet of feedback into a workshop, all or nothing: every
    /// row is validated first; when any is bad, every bad row is reported with
    /// its line and nothing is recorded. Rows already imported are skipped.
    public func importComments(csv data: Data, file: String, workshop workshopID: String,
                               facilitator: Person?) throws -> CommentImportReport {
        let sheet = try CommentSheet(data, file: file)
        let store = try deliberationStore()
        let who = try resolveFacilitator(facilitator)
        var report = CommentImportReport(imported: 0, alreadyImported: 0)
        let name = URL(fileURLWithPath: file).lastPathComponent
        try store.append(facilitator: who, describe: { events in
            "Import \(events.count) comment\(events.count == 1 ? "" : "s") from \(name) into workshop \(workshopID)"
        }) { snapshot in
            report = CommentImportReport(imported: 0, alreadyImported: 0)
            let workshop = try requireWorkshop(workshopID, snapshot)
            try requireOpen(workshop)
            let context = try WorkshopText(repository: self, workshop: workshop)
            var events: [Event] = []
            var problems: [String] = []
            var seen = Set<String>()
            let earlierKeys = try snapshot.importKeys(workshop: workshopID)
            for row in sheet.rows {
                do {
                    var position: Position?
                    if !row.position.isEmpty {
                        guard let parsed = Position(word: row.position) else {
                            throw CharterError(.badInput, "unknown position « \(row.position) » (use adhésion, réserve, objection, or leave empty)")
                        }
                        position = parsed
                    }
                    let request = CommentRequest(workshop: workshopID, territory: row.territory, clause: row.clause,
                                                 position: position, text: row.text, quote: row.quote.isEmpty ? nil : row.quote)
                    let key = try Repository.hashBlob(Data([workshopID, row.territory, row.clause, row.position.lowercased(),
                                                            row.text, row.quote].joined(separator: "\u{1F}").utf8)).hex
                    let comment = try context.comment(for: request, importKey: key)
                    if !seen.insert(key).inserted || earlierKeys.contains(key) {
                        report.alreadyImported += 1
                        continue
                    }
                    events.append(.comment(comment))
                } catch let error as CharterError {
                    problems.append("line \(row.line): \(error.message)")
                }
            }
            if !problems.isEmpty {
                throw CharterError(.badInput, file: file, line: nil,
                                   "\(problems.count) bad row\(problems.count > 1 ? "s" : ""), nothing imported:\n  " + problems.joined(separator: "\n  "),
                                   hint: "fix these rows and import the file again")
            }
            report.imported = events.count
            return events
        }
        return report
    }
}
