extension StatusMatrix {
    /// The matrix as a workbook sheet (`charter status --format xlsx|ods`), with the CSV's
    /// columns: number, clause, title, one column per territory, status.
    public var sheet: WorkbookSheet {
        let columns = [WorkbookSheet.Column("number", width: 8), WorkbookSheet.Column("clause", width: 20),
                       WorkbookSheet.Column("title", width: 40)]
            + territories.map { WorkbookSheet.Column($0.id, width: 14) } + [WorkbookSheet.Column("status", width: 16)]
        let rows: [[WorkbookSheet.Value]] = rows.map { row in
            let cells = territories.map { territory -> WorkbookSheet.Value in
                guard let cell = row.cells[territory.id] else { return .text("") }
                return .text(cell.currency == .stale ? "\(cell.position.rawValue) (stale)" : cell.position.rawValue)
            }
            return [.number(row.number), .text(row.clause.rawValue), .text(row.title)] + cells + [.text(row.status.rawValue)]
        }
        return WorkbookSheet(name: "Statut", columns: columns, rows: rows)
    }
}
