/// Checks one row of a sheet against its workshop, in the sheet's terms: every problem names
/// the sheet's row and column, quotes the territory and the article as written, and keeps its hint.
struct SheetRowValidator {
    /// A row's request, or what is wrong with it.
    enum Check {
        case valid(CommentRequest)
        case invalid(CharterError.Detail)
    }

    let context: WorkshopText
    /// Letters of the columns read.
    let columns: [CommentColumn: String]

    /// The request the row makes (territory and clause resolved to ids, the quote as the clause
    /// writes it), or what is wrong with it.
    func validate(_ row: CommentSheet.Row) -> Check {
        let territories = context.charter.manifest.territories
        guard !row.territory.isEmpty else {
            return .invalid(detail(row, .territory, "sheet.row.noTerritory", hint: Message("sheet.row.knownTerritories", ["list": known(territories)])))
        }
        guard let territory = SheetTerritory.find(row.territory, in: territories) else {
            return .invalid(detail(row, .territory, "sheet.row.unknownTerritory",
                                   hint: Message("sheet.row.knownTerritories", ["list": known(territories)])))
        }
        guard context.workshop.territories.contains(territory.id) else {
            let present = territories.filter { context.workshop.territories.contains($0.id) }
            return .invalid(detail(row, .territory, "sheet.row.absentTerritory", ["workshop": context.workshop.id],
                                   hint: Message("sheet.row.workshopTerritories", ["list": known(present)])))
        }
        let revision = String(context.commit.oid.hex.prefix(7))
        guard !row.clause.isEmpty, let clause = SheetClause.find(row.clause, in: context.charter) else {
            return .invalid(detail(row, .clause, row.clause.isEmpty ? "sheet.row.noClause" : "sheet.row.unknownClause",
                                   ["workshop": context.workshop.id],
                                   hint: Message("sheet.row.clauses.hint", ["count": String(context.charter.numbered.count), "revision": revision])))
        }
        guard let read = SheetPosition.read(row.position) else {
            return .invalid(detail(row, .position, "sheet.row.unknownPosition", ["position": row.position],
                                   hint: Message("sheet.row.positions.hint", ["words": SheetPosition.shownWords])))
        }
        let position = read
        if let position, position.needsReason, row.text.isEmpty {
            return .invalid(detail(row, .text, position == .objection ? "sheet.row.objectionReason" : "sheet.row.reservationReason",
                                   hint: Message("sheet.row.reason.hint")))
        }
        if position == nil && row.text.isEmpty {
            return .invalid(detail(row, .text, "sheet.row.emptyRemark", hint: Message("sheet.row.emptyRemark.hint")))
        }
        var quote: String?
        if !row.quote.isEmpty {
            switch QuoteMatch.find(row.quote, in: clause.body) {
            case .found(let found): quote = found.exact
            case .notFound(let nearest, let difference):
                return .invalid(detail(row, .quote, nearest.isEmpty ? "sheet.row.quoteNotFound" : "sheet.row.quoteNearest",
                                       ["quote": row.quote, "id": clause.id.rawValue, "nearest": nearest, "difference": difference],
                                       hint: Message("sheet.row.quote.hint", ["id": clause.id.rawValue, "revision": revision])))
            }
        }
        return .valid(CommentRequest(workshop: context.workshop.id, territory: territory.id, clause: clause.id.rawValue,
                                       position: position, text: row.text, quote: quote))
    }

    /// `row 16, column D (Haut-Verdal, article 7)`
    func at(_ row: CommentSheet.Row, _ column: CommentColumn) -> Message {
        Message("sheet.row.at", ["row": String(row.number), "column": columns[column] ?? columns[.territory] ?? "A",
                                 "territory": row.territory.isEmpty ? "—" : row.territory,
                                 "clause": row.clause.isEmpty ? "—" : row.clause])
    }

    func detail(_ row: CommentSheet.Row, _ column: CommentColumn, _ key: String, _ arguments: [String: String] = [:],
                hint: Message) -> CharterError.Detail {
        var values = arguments
        values["territory"] = row.territory
        values["clause"] = row.clause
        values["position"] = values["position"] ?? row.position
        return CharterError.Detail(at: at(row, column), Message(key, values), hint: hint)
    }

    func known(_ territories: [Territory]) -> String {
        territories.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
    }
}
