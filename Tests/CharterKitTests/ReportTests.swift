@testable import CharterKit
import Foundation
import Testing

/// The published charter and its figures, as pure values and renderers.
@Suite("Reports")
struct ReportTests {
    static let territories = [Territory(id: "nord", name: "Nord <&>"), Territory(id: "sud", name: "Sud")]

    static func charter() -> Charter {
        let clauses = [
            Clause(id: ClauseID("un")!, title: "Premier « article »", body: "Le texte **fort** et *doux*.\n\n- un\n- deux\n"),
            Clause(id: ClauseID("deux")!, title: "Second <article>", body: "<script>alert(1)</script>\n"),
        ]
        let manifest = Manifest(title: "Charte", sections: [Section(title: "Tout", clauses: clauses.map(\.id))],
                                territories: territories, consensus: ConsensusRule(kind: .consent, quorum: 1))
        return Charter(manifest: manifest, clauses: Dictionary(uniqueKeysWithValues: clauses.map { ($0.id, $0) }))
    }

    static func comment(_ territory: String, _ clause: String, _ position: Position, _ text: String, clock: Int) -> RecordedComment {
        RecordedComment(id: RecordID.make(at: Date(timeIntervalSince1970: 1_800_000_000 + Double(clock))), clock: clock,
                        recordedAt: Date(timeIntervalSince1970: 1_800_000_000), facilitator: Person(name: "F", email: "f@example.org"),
                        comment: Comment(workshop: "w", territory: territory, clause: ClauseID(clause)!, revision: "r", blob: "b",
                                         position: position, text: text), retraction: nil)
    }

    static func publication() -> (Publication, StatusMatrix) {
        let comments = [comment("nord", "un", .reservation, "Trop <vague>.", clock: 1), comment("sud", "un", .support, "", clock: 2),
                        comment("sud", "deux", .objection, "Non.", clock: 3)]
        let charter = charter()
        let matrix = StatusMatrix.build(charter: charter, revision: "abc", scope: territories, comments: comments) { _ in .current }
        let revision = Revision(id: "0123456789abcdef0123456789abcdef01234567", author: Person(name: "E", email: "e@example.org"),
                                date: Date(timeIntervalSince1970: 1_800_000_000), message: "Texte")
        let workshop = Workshop(opening: WorkshopOpening(workshop: "w", title: "Atelier W", date: "2027-01-15", place: nil,
                                                         territories: ["nord", "sud"], revision: "r"),
                                record: Record(id: RecordID.make(), clock: 0, recordedAt: Date(), facilitator: Person(name: "F", email: "f@example.org"),
                                               event: .workshopOpened(WorkshopOpening(workshop: "w", title: "Atelier W", date: "2027-01-15", place: nil,
                                                                                       territories: ["nord", "sud"], revision: "r"))))
        let publication = Publication.build(charter: charter, revision: revision, matrix: matrix,
                                            comments: Dictionary(uniqueKeysWithValues: comments.map { ($0.id, $0) }),
                                            workshops: ["w": workshop], amendments: [])
        return (publication, matrix)
    }

    @Test("numbered clauses with their status; reservations and objections become footnotes in order")
    func build() {
        let (publication, _) = Self.publication()
        let clauses = publication.sections.flatMap(\.clauses)
        #expect(clauses.map(\.number) == [1, 2])
        #expect(clauses.map(\.status) == [.consensusWithReservations, .objection])
        #expect(clauses.map(\.notes) == [[1], [2]])
        #expect(publication.notes.map(\.text) == ["Trop <vague>.", "Non."])
        #expect(publication.notes.first?.workshopTitle == "Atelier W")
        #expect(publication.summary == [.consensusWithReservations: 1, .objection: 1])
    }

    @Test("HTML: standalone, every text escaped, footnotes linked, figures inlined")
    func html() {
        let (publication, matrix) = Self.publication()
        let heatmap = HeatmapSVG().render(matrix)
        let html = PublicationRenderer().html(publication, figures: .init(heatmap: heatmap, evolution: "<svg></svg>"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Second &lt;article&gt;"))
        #expect(html.contains("<strong>fort</strong> et <em>doux</em>"))
        #expect(html.contains("<li>un</li>"))
        #expect(html.contains("1 réserve<sup class=\"refs\"><a href=\"#note-1\" id=\"ref-1\">1</a></sup>"))
        #expect(html.contains("<li id=\"note-1\" value=\"1\" class=\"reservation\">Nord &lt;&amp;&gt;, réserve (Atelier W, 15 janvier 2027)\u{00A0}: "))
        #expect(html.contains("Trop &lt;vague&gt;."))
        #expect(html.contains("consensus avec réserves"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""), "nothing fetched")
        #expect(html.contains("Aucun amendement adopté."))
    }

    @Test("Markdown: footnotes, status, figures linked by file name")
    func markdown() {
        let (publication, _) = Self.publication()
        let markdown = PublicationRenderer(language: .en).markdown(publication, figures: .init(heatmap: "heatmap.svg", evolution: "evolution.svg"))
        #expect(markdown.contains("### 1. Premier « article »\n"))
        #expect(markdown.contains("**Consensus with reservations** — 2 territories of 2 took part\u{00A0}— 1 support, 1 reservation[^1]."))
        #expect(markdown.contains("**Consensus with reservations**"))
        #expect(markdown.contains("![Territories’ positions, clause by clause](heatmap.svg)"))
        #expect(markdown.contains("[^1]: Nord \\<&\\>, reservation (Atelier W, 15 January 2027): Trop \\<vague\\>."))
    }

    @Test("the heatmap: a cell per territory and clause, coloured by position, names escaped")
    func heatmap() {
        let (_, matrix) = Self.publication()
        let svg = HeatmapSVG().render(matrix)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.components(separatedBy: "<g class=\"cell ").count - 1 == 3)
        #expect(svg.contains("<g class=\"cell objection\">"))
        #expect(svg.contains("Nord &lt;&amp;&gt;"))
        #expect(!svg.contains("<article>") && !svg.contains("Nord <&>"))
        #expect(svg.contains(ReportColors.position(.reservation)))
    }

    @Test("the evolution chart: one stacked bar per workshop, in date order")
    func evolution() {
        let points = [
            ConsensusEvolution.Point(workshop: "b", title: "Second", date: "2027-02-01", isOpen: true, clauses: 4,
                                     counts: ["consensus": 3, "objection": 1]),
            ConsensusEvolution.Point(workshop: "a", title: "Premier <1>", date: "2027-01-01", isOpen: false, clauses: 4,
                                     counts: ["open": 4]),
        ]
        let svg = EvolutionSVG().render(ConsensusEvolution(points: points))
        #expect(svg.contains("Premier &lt;1&gt;"))
        #expect(svg.components(separatedBy: "<g class=\"segment ").count - 1 == 3)
        #expect(svg.contains("<g class=\"segment objection\"><title>Second — 1 objection</title>"))
        let empty = EvolutionSVG(language: .en).render(ConsensusEvolution(points: []))
        #expect(empty.contains("No workshop."))
    }

    @Test("the facilitators file: sorted, one entry per id, and refused when unreadable")
    func roster() throws {
        var roster = FacilitatorRoster()
        roster.upsert(Facilitator(id: "zoe", name: "Zoé", email: "z@example.org", territories: ["a"]))
        #expect(roster.upsert(Facilitator(id: "anne", name: "Anne", email: "a@example.org", territories: ["b"])) == false)
        #expect(roster.upsert(Facilitator(id: "zoe", name: "Zoé", email: "z@example.org", territories: ["a", "c"])) == true)
        #expect(roster.facilitators.map(\.id) == ["anne", "zoe"])
        let data = try roster.encoded()
        #expect(try FacilitatorRoster.decode(data, file: "f") == roster)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"schema\" : \"charter-facilitators/1\""))
        #expect(throws: CharterError.self) { try FacilitatorRoster.decode(Data("{".utf8), file: "f") }
    }
}
