import Foundation

/// Who took part where: for each territory and each workshop, how many positions the
/// territory expressed there (nil when it was not invited).
public struct ParticipationTable: Hashable, Sendable, Codable {
    public struct Column: Hashable, Sendable, Codable {
        public var workshop: String
        public var title: String
        /// `YYYY-MM-DD`.
        public var date: String
    }

    public struct Row: Hashable, Sendable, Codable {
        public var territory: String
        public var name: String
        /// One per column: positions expressed, nil when not invited.
        public var counts: [Int?]

        public var total: Int { counts.reduce(0) { $0 + ($1 ?? 0) } }
    }

    public var workshops: [Column]
    public var rows: [Row]

    public init(workshops: [Column] = [], rows: [Row] = []) {
        self.workshops = workshops
        self.rows = rows
    }

    public var isEmpty: Bool { workshops.isEmpty }

    /// Positions per workshop, all territories together.
    public var columnTotals: [Int] {
        workshops.indices.map { index in rows.reduce(0) { $0 + ($1.counts[index] ?? 0) } }
    }

    /// The workshops by date, the territories in the manifest's order; counts every position
    /// (on a clause or an amendment) not retracted, recorded in each workshop.
    public static func build(territories: [Territory], workshops: [Workshop], comments: [RecordedComment]) -> ParticipationTable {
        let ordered = workshops.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        var counts: [String: [String: Int]] = [:]
        for recorded in comments where !recorded.isRetracted && recorded.comment.position != nil {
            counts[recorded.comment.territory, default: [:]][recorded.comment.workshop, default: 0] += 1
        }
        let rows = territories.map { territory in
            Row(territory: territory.id, name: territory.name, counts: ordered.map { workshop in
                workshop.territories.contains(territory.id) || counts[territory.id]?[workshop.id] != nil
                    ? counts[territory.id]?[workshop.id] ?? 0 : nil
            })
        }
        return ParticipationTable(workshops: ordered.map { Column(workshop: $0.id, title: $0.title, date: $0.date) }, rows: rows)
    }
}
