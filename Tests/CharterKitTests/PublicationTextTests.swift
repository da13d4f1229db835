@testable import CharterKit
import Foundation
import TestSupport
import Testing

/// The published text as a communications team ships it: references as links, footnote
/// markers apart, no hash or record id, every status explained, what changed and how the
/// amendments changed the text, who took part where, figures with full labels.
@Suite("Publication text")
struct PublicationTextTests {
    static let revisionID = "0123456789abcdef0123456789abcdef01234567"
    static let amendmentID = "0190a1b2c3d4e5f60718293a4b5c6d7e"
    static let territories = [Territory(id: "nord", name: "Agglomération de Port-Saint-Aubin et du littoral nord"),
                              Territory(id: "sud", name: "Sud"), Territory(id: "est", name: "Est")]

    static func charter(secondBody: String = "Voir [[un]] et [[absent|ce texte-là]]; **fort**.\n") -> Charter {
        let clauses = [
            Clause(id: ClauseID("un")!, title: "La juste place de chacun", body: "Chacun a sa place.\n"),
            Clause(id: ClauseID("deux")!, title: "Les moyens", body: secondBody),
        ]
        let manifest = Manifest(title: "Charte des alliances", sections: [Section(title: "Principes", clauses: clauses.map(\.id))],
                                territories: territories, consensus: ConsensusRule(kind: .consent, quorum: 1))
        return Charter(manifest: manifest, clauses: Dictionary(uniqueKeysWithValues: clauses.map { ($0.id, $0) }))
    }

    static func comment(_ territory: String, _ clause: String, _ position: Position?, _ text: String, clock: Int,
                        workshop: String = "w") -> RecordedComment {
        RecordedComment(id: RecordID.make(at: Date(timeIntervalSince1970: 1_800_000_000 + Double(clock))), clock: clock,
                        recordedAt: Date(timeIntervalSince1970: 1_800_000_000), facilitator: Person(name: "F", email: "f@example.org"),
                        comment: Comment(workshop: workshop, territory: territory, clause: ClauseID(clause)!, revision: "r", blob: "b",
                                         position: position, text: text), retraction: nil)
    }

    static func workshop(_ id: String, _ title: String, _ date: String, _ territories: [String]) -> Workshop {
        let opening = WorkshopOpening(workshop: id, title: title, date: date, place: nil, territories: territories, revision: "r")
        return Workshop(opening: opening, record: Record(id: RecordID.make(), clock: 0, recordedAt: Date(timeIntervalSince1970: 0),
                                                         facilitator: Person(name: "F", email: "f@example.org"),
                                                         event: .workshopOpened(opening)))
    }

    /// Two reservations and an objection on « Les moyens »; an adopted amendment; a previous
    /// version where « Les moyens » read differently.
    static func publication() -> Publication {
        let comments = [comment("nord", "deux", .reservation, "Trop vague.", clock: 1), comment("sud", "deux", .reservation, "Qui paie ?", clock: 2),
                        comment("est", "deux", .objection, "Non.", clock: 3), comment("nord", "un", .support, "", clock: 4),
                        comment("sud", "un", .support, "", clock: 5)]
        let charter = charter()
        let matrix = StatusMatrix.build(charter: charter, revision: "abc", scope: territories, comments: comments) { _ in .current }
        let revision = Revision(id: revisionID, author: Person(name: "E", email: "e@example.org"),
                                date: Date(timeIntervalSince1970: 1_800_000_000), message: "Texte")
        let workshops = ["w": workshop("w", "Atelier de Lyon", "2027-01-15", ["nord", "sud", "est"]),
                         "v": workshop("v", "Atelier de Nantes", "2027-02-03", ["nord", "sud"])]
        let amendment = Publication.AdoptedAmendment(
            id: amendmentID, shortID: "7e8f9a0b", revision: "fedcba9876543210fedcba9876543210fedcba98", date: Date(timeIntervalSince1970: 1_800_100_000),
            operation: .replace, clause: ClauseID("deux")!, clauseTitle: "Les moyens", summary: "replace deux", territory: "sud",
            territoryName: "Sud", rationale: "Plus net.", forced: false, clauseNumber: 2,
            before: "Les moyens sont partagés.", after: "Les moyens sont mis en commun.", workshops: ["Atelier de Lyon"])
        var publication = Publication.build(charter: charter, revision: revision, matrix: matrix,
                                            comments: Dictionary(uniqueKeysWithValues: comments.map { ($0.id, $0) }),
                                            workshops: workshops, amendments: [amendment])
        publication.version = "v1.0"
        let diff = CharterDiff.between(Self.charter(secondBody: "Voir [[un]] ; les moyens sont partagés.\n"), charter, fromLabel: "v0.1", toLabel: "v1.0")
        publication.changes = PublicationChanges.build(diff, since: "v0.1", sinceDate: Date(timeIntervalSince1970: 1_790_000_000))
        publication.participation = ParticipationTable.build(territories: territories, workshops: Array(workshops.values),
                                                             comments: comments + [comment("nord", "un", .support, "", clock: 6, workshop: "v")])
        return publication
    }


    @Test("references become links « article 1 — La juste place de chacun »; an unknown one keeps its words; no `[[` left")
    func references() throws {
        let publication = Self.publication()
        let html = PublicationRenderer().html(publication)
        #expect(html.contains("Voir <a class=\"reference\" href=\"#clause-un\">article 1 — La juste place de chacun</a> et ce texte-là;"))
        #expect(html.contains("<h3 id=\"clause-un\">"))
        let markdown = PublicationRenderer().markdown(publication)
        #expect(markdown.contains("Voir [article 1 — La juste place de chacun](#clause-un) et ce texte-là;"))
        let english = PublicationRenderer(language: .en).markdown(publication, flavour: .pandoc)
        #expect(english.contains("[clause 1 — La juste place de chacun](#clause-un)"))
        #expect(english.contains("### 1. La juste place de chacun {#clause-un}"))
        for text in [html, markdown, english] { #expect(!text.contains("[[")) }
    }

    @Test("footnote markers are apart: « 2 réserves¹,²», never « réserves¹² »")
    func footnoteMarkers() {
        let publication = Self.publication()
        let html = PublicationRenderer().html(publication)
        #expect(html.contains("2 réserves<sup class=\"refs\"><a href=\"#note-1\" id=\"ref-1\">1</a>,\u{202F}<a href=\"#note-2\" id=\"ref-2\">2</a></sup>"))
        #expect(html.contains("1 objection<sup class=\"refs\"><a href=\"#note-3\" id=\"ref-3\">3</a></sup>"))
        #expect(html.contains("3 territoires sur 3 se sont exprimés"))
        #expect(PublicationRenderer().markdown(publication).contains("2 réserves[^1],[^2], 1 objection[^3]."))
        #expect(PublicationRenderer().markdown(publication, flavour: .pandoc).contains("2 réserves[^1]^,^[^2], 1 objection[^3]."))
        // The words of each reservation and objection, under the clause, in French typography.
        #expect(html.contains("<li id=\"note-2\" value=\"2\" class=\"reservation\">Sud, réserve (Atelier de Lyon, 15 janvier 2027)\u{00A0}: Qui paie ?"))
    }

    @Test("no revision hash and no record id in the public text; the technical annex holds them when asked for")
    func noHashes() throws {
        let publication = Self.publication()
        for language in Language.allCases {
            let renderer = PublicationRenderer(language: language)
            for text in [renderer.html(publication), renderer.markdown(publication), renderer.markdown(publication, flavour: .pandoc)] {
                #expect(HexIDs.find(in: text).isEmpty, "\(HexIDs.find(in: text))")
                #expect(!text.contains("7e8f9a0b"))
            }
        }
        let annexed = PublicationRenderer(options: .init(technicalAnnex: true))
        let html = annexed.html(publication)
        #expect(html.contains("<h2 id=\"technical\">Annexe technique</h2>"))
        #expect(html.contains(Self.revisionID) && html.contains(Self.amendmentID))
        #expect(annexed.markdown(publication).contains(Self.amendmentID))
    }

    @Test("a legend explains every status badge, in French and in English")
    func legend() {
        let publication = Self.publication()
        let html = PublicationRenderer().html(publication)
        for status in ClauseStatus.allCases {
            #expect(html.contains("<dt><span class=\"badge \(status.rawValue)\">\(Language.fr.status(status))</span></dt><dd>"))
        }
        #expect(html.contains("le texte a changé depuis que les territoires se sont exprimés\u{00A0}: leurs positions sont à reprendre."))
        let english = PublicationRenderer(language: .en).markdown(publication)
        #expect(english.contains("- **Stale**: the text changed after the territories took part"))
    }

    @Test("« Ce qui a changé »: the changed clauses since the previous version, with their redline")
    func changes() throws {
        let publication = Self.publication()
        let changes = try #require(publication.changes)
        #expect(changes.clauses.map(\.id.rawValue) == ["deux"])
        let html = PublicationRenderer().html(publication)
        #expect(html.contains("<h2 id=\"changes\">Ce qui a changé depuis la version v0.1</h2>"))
        #expect(html.contains("1 article a changé depuis la version v0.1 du 21 septembre 2026."))
        #expect(html.contains("<h3>2. Les moyens</h3>\n<p class=\"kinds\">texte modifié</p>"))
        #expect(html.contains("<del>"), "the redline shows what was deleted")
        #expect(html.contains("<ins>"), "and what was added")
        let markdown = PublicationRenderer().markdown(publication, flavour: .pandoc)
        let redline = markdown.split(separator: "\n").filter { $0.hasPrefix("> ") }.joined(separator: "\n")
        #expect(redline.contains("~~; les moyens sont partagés~~"), "\(redline)")
        #expect(redline.contains("> Voir article 1 — La juste place de chacun "), "references in words in the redline: \(redline)")
        #expect(markdown.contains("]{.underline}"))
    }

    @Test("the amendment annex: each adopted amendment's text change, proposer, workshops — without its id")
    func amendments() {
        let publication = Self.publication()
        let html = PublicationRenderer().html(publication)
        #expect(html.contains("<h3>Nouvelle rédaction de l’article 2 — Les moyens</h3>"))
        #expect(html.contains("Adopté le 16 janvier 2027, proposé par Sud, débattu en atelier\u{00A0}: Atelier de Lyon."))
        #expect(html.contains("Motif\u{00A0}: Plus net."))
        #expect(html.contains("Les moyens sont <del>partagés.</del><ins>mis en commun.</ins>")
                || html.contains("Les moyens sont <del>partagés</del><ins>mis en commun</ins>."), "\(html)")
        let english = PublicationRenderer(language: .en).html(publication)
        #expect(english.contains("<h3>New wording of clause 2 — Les moyens</h3>"))
    }

    @Test("the participation summary: territories × workshops, « — » where a territory was not invited, totals")
    func participation() {
        let publication = Self.publication()
        let table = publication.participation
        #expect(table.workshops.map(\.workshop) == ["w", "v"])
        #expect(table.rows.map(\.counts) == [[2, 1], [2, 0], [1, nil]])
        #expect(table.columnTotals == [5, 1])
        let html = PublicationRenderer().html(publication)
        #expect(html.contains("<th scope=\"col\">Atelier de Nantes<br/><span class=\"date\">3 février 2027</span></th>"))
        #expect(html.contains("<tr><th scope=\"row\">Est</th><td>1</td><td>—</td><td>1</td></tr>"))
        let markdown = PublicationRenderer().markdown(publication, flavour: .pandoc)
        #expect(markdown.contains("| Est | 1 | — | 1 |"))
    }

    @Test("figures: full labels (nothing cut), French dates on the evolution chart, one caption each")
    func figures() {
        let publication = Self.publication()
        let comments = [Self.comment("nord", "deux", .reservation, "Trop vague.", clock: 1)]
        let matrix = StatusMatrix.build(charter: Self.charter(), revision: "abc", scope: Self.territories, comments: comments) { _ in .current }
        let heatmap = HeatmapSVG().render(matrix)
        #expect(heatmap.contains(">Agglomération de Port-Saint-Aubin et du littoral nord</text>"))
        #expect(!heatmap.contains("…"))
        let points = [ConsensusEvolution.Point(workshop: "w", title: "Atelier de la co-construction — Lyon, salle des fêtes", date: "2027-01-15",
                                               isOpen: false, clauses: 2, counts: ["consensus": 2])]
        let chart = EvolutionSVG().render(ConsensusEvolution(points: points))
        #expect(chart.contains(">15 janvier 2027</text>"))
        #expect(!chart.contains("2027-01-15") && !chart.contains("…"))
        #expect(chart.contains(">Atelier de la</text>") || chart.contains("salle des fêtes</text>"))
        // Inside the document the caption names the figure; the image draws no second title.
        let html = PublicationRenderer().html(publication, figures: .init(heatmap: heatmap, evolution: chart))
        #expect(html.components(separatedBy: "Positions des territoires, article par article").count - 1 == 1 + 1, "caption and the svg's aria-label")
        #expect(html.components(separatedBy: "<figcaption>").count - 1 == 2)
        #expect(!heatmap.contains("font-weight=\"bold\">Positions des territoires"))
    }

    @Test("the print stylesheet: A4, « page X sur Y », a running header with the title and version, headings kept with what follows")
    func printStyle() {
        let html = PublicationRenderer().html(Self.publication())
        #expect(html.contains("size: A4;"))
        #expect(html.contains("@bottom-center { content: \"page \" counter(page) \" sur \" counter(pages) \"\";"))
        #expect(html.contains("@top-left { content: \"Charte des alliances\";"))
        #expect(html.contains("@top-right { content: \"Version v1.0\";"))
        #expect(html.contains("h1, h2, h3, h4 { break-after: avoid;"))
        #expect(PublicationStyle.cssString("a \"b\" \\ <c>") == "a \\\"b\\\" \\\\ \\3C c>")
        // The table of contents lists every clause, with its page once it is known.
        let paged = PublicationRenderer(options: .init(pages: ["clause-un": 3, "clause-deux": 4])).html(Self.publication())
        #expect(paged.contains("<a href=\"#clause-un\"><span class=\"label\">1. La juste place de chacun</span><span class=\"page\">3</span></a>"))
        #expect(paged.contains("<a href=\"#clause-deux\"><span class=\"label\">2. Les moyens</span><span class=\"page\">4</span></a>"))
    }

    @Test("the report words come from the message catalogue, in both languages")
    func words() {
        #expect(Language.fr.words.heatmapTitle == "Positions des territoires, article par article")
        #expect(Language.en.words.appendix == "Appendix — adopted amendments")
        let keys = MessageCatalogue.entries.keys.filter { $0.hasPrefix("report.") }
        #expect(keys.count > 60)
        #expect(MessageCatalogue.domains.contains { $0.name == "report" })
    }
}
