import Foundation
import GitKit

/// What `charter comment import` did.
public struct CommentImportReport: Hashable, Sendable, Codable {
    /// Rows recorded for the first time.
    public var new: Int
    /// Rows changed in the sheet since an earlier import: the earlier comment retracted
    /// (« corrigé dans le tableur ») and the row recorded again.
    public var corrected: Int
    /// Rows already recorded, as they are, by an earlier import.
    public var unchanged: Int
    /// Rows naming a territory and a clause and nothing else (a template's rows left empty).
    public var unfilled: Int
    /// The row that named the columns.
    public var headerRow: Int
    /// Columns not read, with their letters.
    public var ignoredColumns: [String]
    /// The workbook's sheet read, nil for CSV.
    public var sheet: String?
    public var kind: SheetFileKind
    /// A CSV file's encoding and separator.
    public var text: SheetTextFormat?
}

extension CharterRepository {
    /// The reason given when a re-imported row replaces the comment an earlier import made of it.
    public static let correctedInSheet = "corrigé dans le tableur"

    /// Imports a sheet of feedback (CSV, .xlsx or .ods) into a workshop, all or nothing: every
    /// row is validated first; when any is bad, every bad row is reported with the sheet's row
    /// number and column and nothing is recorded. A row imported before is unchanged; a row whose
    /// key (sheet, territory, clause) was imported before with other content is a correction.
    public func importComments(sheet data: Data, file: String, sheetName: String? = nil, workshop workshopID: String,
                               facilitator: Person?) throws -> CommentImportReport {
        let sheet = try CommentSheet(data, file: file, sheet: sheetName)
        let store = try deliberationStore()
        let who = try resolveFacilitator(facilitator)
        let name = URL(fileURLWithPath: file).lastPathComponent
        let sheetKey = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + (sheet.sheetName.map { "#" + $0 } ?? "")
        func emptyReport() -> CommentImportReport {
            CommentImportReport(new: 0, corrected: 0, unchanged: 0, unfilled: sheet.unfilledRows, headerRow: sheet.headerRow, ignoredColumns: sheet.ignoredColumns,
                                sheet: sheet.sheetName, kind: sheet.kind, text: sheet.textFormat)
        }
        var report = emptyReport()
        try store.append(facilitator: who, describe: { _ in
            let count = report.new + report.corrected
            return "Import \(count) comment\(count == 1 ? "" : "s")\(report.corrected > 0 ? " (\(report.corrected) corrected)" : "") "
                + "from \(name) into workshop \(workshopID)"
        }) { snapshot in
            report = emptyReport()
            let workshop = try requireWorkshop(workshopID, snapshot)
            try requireOpen(workshop)
            let context = try WorkshopText(repository: self, workshop: workshop)
            let validator = SheetRowValidator(context: context, columns: sheet.columns)
            var events: [Event] = []
            var problems: [CharterError.Detail] = []
            let earlierKeys = try snapshot.importKeys(workshop: workshopID)
            var earlierByRow: [Substring: [String]] = [:]
            var earlierContents = Set<Substring>()
            for key in earlierKeys {
                guard let dash = key.firstIndex(of: "-") else { continue }
                earlierByRow[key[..<dash], default: []].append(key)
                earlierContents.insert(key[key.index(after: dash)...])
            }
            var occurrences: [String: Int] = [:]
            var seen = Set<String>()
            for row in sheet.rows {
                let request: CommentRequest
                switch validator.validate(row) {
                case .invalid(let detail):
                    problems.append(detail)
                    continue
                case .valid(let valid):
                    request = valid
                }
                let place = "\(request.territory)\u{1F}\(request.clause)"
                occurrences[place, default: 0] += 1
                let rowKey = try Self.hash([workshopID, sheetKey, request.territory, request.clause, String(occurrences[place] ?? 1)])
                let contentKey = try Self.hash([workshopID, request.territory, request.clause, request.position?.rawValue ?? "",
                                                request.text, request.quote ?? ""])
                let key = rowKey + "-" + contentKey
                // Keys of imports made before rows had keys: the row's cells as written.
                let legacyKey = try Self.hash([workshopID, row.territory, row.clause, row.position.lowercased(), row.text, row.quote])
                let sameRow = earlierByRow[Substring(rowKey)] ?? []
                if earlierKeys.contains(key) {
                    // Unchanged, unless a correction since replaced it and the sheet now says it again.
                    let standing = try sameRow.count <= 1
                        || snapshot.importedRecord(workshop: workshopID, key: key).flatMap { try snapshot.comment($0) }.map { !$0.isRetracted } ?? true
                    if standing {
                        report.unchanged += 1
                        continue
                    }
                } else if sameRow.isEmpty && (earlierContents.contains(Substring(contentKey)) || earlierKeys.contains(legacyKey)) {
                    // The same words imported from another file: not recorded twice.
                    report.unchanged += 1
                    continue
                }
                guard seen.insert(key).inserted else {
                    report.unchanged += 1
                    continue
                }
                let comment: Comment
                do {
                    comment = try context.comment(for: request, importKey: key)
                } catch let error as CharterError {
                    problems.append(CharterError.Detail(at: validator.at(row, .territory), Message("sheet.row.refused", ["reason": error.message])))
                    continue
                }
                var retracted = false
                for earlier in sameRow where earlier != key {
                    guard let id = try snapshot.importedRecord(workshop: workshopID, key: earlier),
                          let recorded = try snapshot.comment(id), !recorded.isRetracted else { continue }
                    events.append(.commentRetracted(CommentRetraction(comment: id, clause: recorded.comment.clause,
                                                                      reason: Self.correctedInSheet)))
                    retracted = true
                }
                if retracted { report.corrected += 1 } else { report.new += 1 }
                events.append(.comment(comment))
            }
            if !problems.isEmpty {
                var error = CharterError(.badInput, file: file, Message("sheet.rows.refused", count: problems.count),
                                         hint: Message("sheet.rows.refused.hint"))
                error.details = problems
                error.message += problems.map { "\n  " + $0.text(in: .en) }.joined()
                throw error
            }
            return events
        }
        return report
    }

    /// A key: the blob id of the fields joined by a unit separator.
    static func hash(_ fields: [String]) throws -> String {
        try Repository.hashBlob(Data(fields.joined(separator: "\u{1F}").utf8)).hex
    }
}

extension DeliberationSnapshot {
    /// The record an earlier import made of a row, by its import key.
    func importedRecord(workshop: String, key: String) throws -> RecordID? {
        guard let tree, let entry = try store.git.entry(atPath: "imports/\(workshop)/\(key)", inTree: tree) else { return nil }
        let text = String(decoding: try store.git.blob(entry.oid), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return RecordID(text)
    }
}
