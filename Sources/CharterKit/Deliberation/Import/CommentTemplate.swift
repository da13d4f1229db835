/// The sheet a facilitator fills in for a workshop: one row per clause × territory of the
/// workshop, in the text's order, with the clause's number and title and the territory's name
/// filled in; a drop-down list of positions; empty Commentaire and Citation columns. French
/// headers, as `CommentSheet` reads them back.
public enum CommentTemplate {
    /// The positions offered in the drop-down list, in the words people use.
    public static let positions = ["favorable", "réserve", "objection", "question", "abstention"]

    public static func sheet(workshop: Workshop, charter: Charter) -> WorkbookSheet {
        let territories = workshop.territories.map { id in charter.manifest.territory(id)?.name ?? id }
        var rows: [[WorkbookSheet.Value]] = []
        for numbered in charter.numbered {
            for territory in territories {
                rows.append([.number(numbered.number), .text(numbered.clause.title), .text(territory), .text(""), .text(""), .text("")])
            }
        }
        let columns = [
            WorkbookSheet.Column(CommentColumn.clause.frenchHeader, width: 10),
            WorkbookSheet.Column(CommentColumn.title.frenchHeader, width: 40),
            WorkbookSheet.Column(CommentColumn.territory.frenchHeader, width: 24),
            WorkbookSheet.Column(CommentColumn.position.frenchHeader, width: 14, choices: positions),
            WorkbookSheet.Column(CommentColumn.text.frenchHeader, width: 60),
            WorkbookSheet.Column(CommentColumn.quote.frenchHeader, width: 40),
        ]
        return WorkbookSheet(name: "Atelier \(workshop.id)", columns: columns, rows: rows)
    }
}

extension CharterRepository {
    /// The sheet to fill in for a workshop (`CommentTemplate`), from its text and its territories.
    public func commentTemplate(workshop id: String) throws -> WorkbookSheet {
        let workshop = try self.workshop(id)
        let text = try WorkshopText(repository: self, workshop: workshop)
        return CommentTemplate.sheet(workshop: workshop, charter: text.charter)
    }
}
