import Foundation

/// The charter as published at one revision: numbered sections and clauses, each with its
/// consensus status, the reservations and objections as footnotes, and the amendments
/// adopted up to that revision as an appendix. A value: renderers make HTML, Markdown or
/// JSON of it (`charter export`, the web console).
public struct Publication: Hashable, Sendable, Codable {
    public static let schemaTag = "charter-publication/1"

    public struct Clause: Hashable, Sendable, Codable {
        public var number: Int
        public var id: ClauseID
        public var title: String
        /// Markdown, as written.
        public var body: String
        public var status: ClauseStatus
        /// Each territory's position that counts (current or carried forward), by territory id.
        public var positions: [String: Position]
        /// The footnotes of this clause (numbers into `notes`).
        public var notes: [Int]
        /// Where the body's sentences came through adopted amendments (« Origine du texte »):
        /// one entry per amendment, in the order of its first sentence.
        public var origins: [Origin] = []

        /// How many territories' positions count, and how many of each position.
        public func count(_ position: Position) -> Int { positions.values.filter { $0 == position }.count }

        /// The footnotes on positions of one kind, in order.
        public func noteNumbers(_ position: Position, in publication: Publication) -> [Int] {
            notes.filter { number in publication.notes.first { $0.number == number }?.position == position }
        }
    }

    /// Sentences of a clause (numbered from 1) that came through one adopted amendment.
    public struct Origin: Hashable, Sendable, Codable {
        public var sentences: [Int]
        public var amendment: AmendmentOrigin

        /// The sentences of a blame that came through amendments, grouped per amendment.
        public static func of(_ blame: ClauseBlame) -> [Origin] {
            var origins: [Origin] = []
            for (index, sentence) in blame.sentences.enumerated() {
                guard let amendment = sentence.origin.amendment else { continue }
                if let known = origins.firstIndex(where: { $0.amendment.id == amendment.id }) {
                    origins[known].sentences.append(index + 1)
                } else {
                    origins.append(Origin(sentences: [index + 1], amendment: amendment))
                }
            }
            return origins
        }
    }

    public struct Section: Hashable, Sendable, Codable {
        public var title: String
        public var clauses: [Clause]
    }

    /// A reservation or an objection, as a footnote.
    public struct Note: Hashable, Sendable, Codable {
        public var number: Int
        public var clause: ClauseID
        public var territory: String
        public var territoryName: String
        public var position: Position
        /// What the territory said.
        public var text: String
        public var workshop: String
        public var workshopTitle: String?
        public var workshopDate: String?
    }

    /// An adopted amendment, in the appendix.
    public struct AdoptedAmendment: Hashable, Sendable, Codable {
        public var id: String
        public var shortID: String
        /// The adoption commit.
        public var revision: String
        public var date: Date
        public var operation: AmendmentOperation?
        public var clause: ClauseID?
        public var clauseTitle: String?
        /// "replace juste-place", as in the changelog.
        public var summary: String
        public var territory: String?
        public var territoryName: String?
        public var rationale: String?
        public var forced: Bool
        /// The clause's number in the text adopted.
        public var clauseNumber: Int? = nil
        /// The clause's body before and after the adoption (nil when the clause did not
        /// exist on that side).
        public var before: String? = nil
        public var after: String? = nil
        /// The workshops it was debated in (titles, with their dates), in order.
        public var workshops: [String] = []

        /// The word diff of the clause's body the adoption made (nil for a move).
        public var redline: WordDiff? {
            guard before != nil || after != nil, before != after else { return nil }
            return WordDiff.between(before ?? "", after ?? "")
        }
    }

    public var schema = Publication.schemaTag
    public var title: String
    public var language: String
    /// The text revision published (full id) and its date.
    public var revision: String
    public var date: Date
    public var rule: ConsensusRule
    public var territories: [Territory]
    public var sections: [Section]
    public var notes: [Note]
    public var amendments: [AdoptedAmendment]
    /// The version name when the revision published is a release (`v1.0`).
    public var version: String? = nil
    /// What changed since the previous version (nil when there is none).
    public var changes: PublicationChanges? = nil
    /// Territories × workshops.
    public var participation = ParticipationTable()

    /// Clauses per status, in `ClauseStatus.allCases` order (statuses with no clause left out).
    public var summary: [ClauseStatus: Int] {
        var counts: [ClauseStatus: Int] = [:]
        for section in sections {
            for clause in section.clauses { counts[clause.status, default: 0] += 1 }
        }
        return counts
    }

    public var clauseCount: Int { sections.reduce(0) { $0 + $1.clauses.count } }

    /// Assembles the publication from the charter at a revision, its status matrix, the
    /// comments behind the matrix's cells, the workshops and the adopted amendments.
    /// Pure: the repository gathers the values (`CharterRepository.publication(at:)`).
    public static func build(charter: Charter, revision: Revision, matrix: StatusMatrix, comments: [RecordID: RecordedComment],
                             workshops: [String: Workshop], amendments: [AdoptedAmendment]) -> Publication {
        let rows = Dictionary(matrix.rows.map { ($0.clause, $0) }, uniquingKeysWith: { first, _ in first })
        let territories = charter.manifest.territories
        var notes: [Note] = []
        var sections: [Section] = []
        for (index, section) in charter.manifest.sections.enumerated() {
            var clauses: [Clause] = []
            for entry in charter.numbered where entry.sectionIndex == index {
                let row = rows[entry.clause.id]
                var positions: [String: Position] = [:]
                var numbers: [Int] = []
                for territory in territories {
                    guard let cell = row?.cells[territory.id], cell.currency.counts else { continue }
                    positions[territory.id] = cell.position
                    guard cell.position != .support else { continue }
                    let comment = comments[cell.comment]
                    let workshop = workshops[cell.workshop]
                    let number = notes.count + 1
                    notes.append(Note(number: number, clause: entry.clause.id, territory: territory.id, territoryName: territory.name,
                                      position: cell.position, text: comment?.comment.text ?? "", workshop: cell.workshop,
                                      workshopTitle: workshop?.title, workshopDate: workshop?.date))
                    numbers.append(number)
                }
                clauses.append(Clause(number: entry.number, id: entry.clause.id, title: entry.clause.title, body: entry.clause.body,
                                      status: row?.status ?? .open, positions: positions, notes: numbers))
            }
            sections.append(Section(title: section.title, clauses: clauses))
        }
        return Publication(title: charter.manifest.title, language: charter.manifest.language, revision: revision.id,
                           date: revision.date, rule: charter.manifest.consensus, territories: territories,
                           sections: sections, notes: notes, amendments: amendments)
    }
}

/// How the consensus evolved from workshop to workshop: for each workshop (by date), how
/// many clauses of its text stood in consensus, with reservations, in objection, open or
/// stale when it closed (or now, while it is open).
public struct ConsensusEvolution: Hashable, Sendable, Codable {
    public static let schemaTag = "charter-evolution/1"

    public struct Point: Hashable, Sendable, Codable {
        public var workshop: String
        public var title: String
        public var date: String
        public var isOpen: Bool
        public var clauses: Int
        /// By status raw value (`consensus`, `consensus-with-reservations`, …); every status present.
        public var counts: [String: Int]

        public func count(_ status: ClauseStatus) -> Int { counts[status.rawValue] ?? 0 }
    }

    public var schema = ConsensusEvolution.schemaTag
    public var points: [Point]

    public init(points: [Point]) { self.points = points }

    /// One point per workshop, from its status matrix (as of that workshop).
    public static func build(_ workshops: [(workshop: Workshop, matrix: StatusMatrix)]) -> ConsensusEvolution {
        let points = workshops.sorted { ($0.workshop.date, $0.workshop.id) < ($1.workshop.date, $1.workshop.id) }.map { item in
            let summary = item.matrix.summary
            var counts: [String: Int] = [:]
            for status in ClauseStatus.allCases { counts[status.rawValue] = summary[status] ?? 0 }
            return Point(workshop: item.workshop.id, title: item.workshop.title, date: item.workshop.date,
                         isOpen: item.workshop.isOpen, clauses: item.matrix.rows.count, counts: counts)
        }
        return ConsensusEvolution(points: points)
    }
}
