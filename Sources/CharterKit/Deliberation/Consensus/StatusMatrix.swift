/// Clauses × territories: each territory's latest position on each clause's
/// current text, and each clause's status. Computed, never stored.
public struct StatusMatrix: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var clause: ClauseID
        public var number: Int
        public var title: String
        public var status: ClauseStatus
        /// By territory id; a territory without a position has no cell.
        public var cells: [String: PositionCell]
    }

    /// The text revision the statuses are about.
    public var revision: String
    /// Set when the matrix is as of a workshop.
    public var workshop: String?
    public var rule: ConsensusRule
    /// The territories in scope, in manifest order.
    public var territories: [Territory]
    public var rows: [Row]

    /// How many clauses have each status.
    public var summary: [ClauseStatus: Int] {
        var counts: [ClauseStatus: Int] = [:]
        for row in rows { counts[row.status, default: 0] += 1 }
        return counts
    }

    /// Builds the matrix: for each clause, the latest (by clock, then id)
    /// positioned, unretracted comment of each territory in scope on the
    /// clause's current text (current or carried forward); only when the
    /// territory has no such position, its latest one on older text (stale).
    /// So a position recorded late about an older text (a workshop's sheet
    /// imported after a later workshop) never hides the territory's position
    /// on the text under consideration.
    public static func build(charter: Charter, revision: String, workshop: String? = nil, scope: [Territory],
                             comments: [RecordedComment], currency: (RecordedComment) -> Currency) -> StatusMatrix {
        let scopeIDs = Set(scope.map(\.id))
        var latest: [ClauseID: [String: (comment: RecordedComment, currency: Currency)]] = [:]
        for comment in comments where !comment.isRetracted && comment.comment.position != nil
            && scopeIDs.contains(comment.comment.territory) {
            let key = comment.comment.territory
            let judged = (comment: comment, currency: currency(comment))
            if let existing = latest[comment.comment.clause]?[key] {
                let existingCounts = existing.currency.counts
                if existingCounts && !judged.currency.counts { continue }
                if existingCounts == judged.currency.counts,
                   (existing.comment.clock, existing.comment.id) > (comment.clock, comment.id) { continue }
            }
            latest[comment.comment.clause, default: [:]][key] = judged
        }
        let rule = charter.manifest.consensus
        let rows = charter.numbered.map { entry -> Row in
            var cells: [String: PositionCell] = [:]
            for (territory, judged) in latest[entry.clause.id] ?? [:] {
                guard let position = judged.comment.comment.position else { continue }
                cells[territory] = PositionCell(territory: territory, position: position, currency: judged.currency,
                                                comment: judged.comment.id, workshop: judged.comment.comment.workshop)
            }
            let status = ConsensusEvaluator.status(of: Array(cells.values), scope: scope.map(\.id), rule: rule)
            return Row(clause: entry.clause.id, number: entry.number, title: entry.clause.title, status: status, cells: cells)
        }
        return StatusMatrix(revision: revision, workshop: workshop, rule: rule, territories: scope, rows: rows)
    }
}
