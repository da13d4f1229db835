import CharterKit
import Foundation
import Testing

/// The fold of deliberation records into workshops, comments and the status
/// matrix, on hand-built records: the same on every replica, whatever order the
/// records arrive in and whatever the machines' clocks said.
@Suite("Consensus fold: Lamport order, retractions, latest positions")
struct ConsensusFoldTests {
    static let clauseA = ClauseID("a")!
    static let clauseB = ClauseID("b")!
    static let territories = (1...5).map { Territory(id: "t\($0)", name: "Territoire \($0)") }
    static let charter = Charter(
        manifest: Manifest(title: "Charte", sections: [Section(title: "S", clauses: [clauseA, clauseB])],
                           territories: territories, consensus: ConsensusRule(kind: .consent, quorum: 2)),
        clauses: [clauseA: Clause(id: clauseA, title: "A", body: "Texte A."), clauseB: Clause(id: clauseB, title: "B", body: "Texte B.")])
    static let facilitator = Person(name: "Camille", email: "camille@example.org")

    /// A record id whose random part ends in `suffix` (ids compare as text).
    static func id(_ suffix: String) -> RecordID {
        RecordID("01890000-0000-7000-8000-" + String(repeating: "0", count: 12 - suffix.count) + suffix)!
    }

    static func record(_ suffix: String, clock: Int, wall: TimeInterval, _ event: Event) -> Record {
        Record(id: id(suffix), clock: clock, recordedAt: Date(timeIntervalSince1970: wall), facilitator: facilitator, event: event)
    }

    static func comment(_ territory: String, _ position: Position?, on clause: ClauseID = clauseA, blob: String = "current",
                        text: String = "") -> Event {
        .comment(Comment(workshop: "w", territory: territory, clause: clause, revision: "r", blob: blob, position: position, text: text))
    }

    static func retract(_ suffix: String, reason: String = "erreur") -> Event {
        .commentRetracted(CommentRetraction(comment: id(suffix), clause: clauseA, reason: reason))
    }

    /// The matrix, judging a comment current when its blob is "current", stale otherwise.
    static func matrix(_ records: [Record]) -> StatusMatrix {
        StatusMatrix.build(charter: charter, revision: "r", scope: territories, comments: Deliberation(records: records).comments) {
            $0.comment.blob == "current" ? .current : .stale
        }
    }

    static func cells(_ matrix: StatusMatrix, _ clause: Int = 0) -> [String: String] {
        matrix.rows[clause].cells.mapValues { "\($0.position.rawValue)@\($0.comment.rawValue.suffix(3))\($0.currency == .stale ? "*" : "")" }
    }

    /// Every order of `items` (Heap's algorithm).
    static func permutations<T>(_ items: [T]) -> [[T]] {
        var items = items
        var result: [[T]] = []
        func generate(_ count: Int) {
            if count <= 1 { result.append(items); return }
            for index in 0..<count {
                generate(count - 1)
                items.swapAt(count % 2 == 0 ? index : 0, count - 1)
            }
        }
        generate(items.count)
        return result
    }

    // Records whose wall-clock times and ids both disagree with their Lamport clocks.
    static let opened = record("f00", clock: 1, wall: 9_000, .workshopOpened(
        WorkshopOpening(workshop: "w", title: "Atelier", date: "2026-03-14", place: nil, territories: ["t1", "t2", "t3"], revision: "r")))
    static let t1Supports = record("b00", clock: 2, wall: 5_000, comment("t1", .support))
    static let t1Objects = record("a00", clock: 3, wall: 1_000, comment("t1", .objection, text: "Non"))    // earlier wall, smaller id
    static let t2Supports = record("c1f", clock: 4, wall: 8_000, comment("t2", .support))
    static let t2Reserves = record("c2f", clock: 4, wall: 2_000, comment("t2", .reservation, text: "Hmm")) // same clock: id decides
    static let t3Supports = record("001", clock: 5, wall: 0, comment("t3", .support))

    @Test func recordsFoldInClockThenIDOrderOnEveryReplica() {
        let records = [Self.opened, Self.t1Supports, Self.t1Objects, Self.t2Supports, Self.t2Reserves, Self.t3Supports]
        let expectedOrder = ["f00", "b00", "a00", "c1f", "c2f", "001"]
        let orders = Self.permutations(records)
        #expect(orders.count == 720)
        let reference = Self.matrix(records)
        for order in orders {
            let deliberation = Deliberation(records: order)
            #expect(deliberation.records.map { String($0.id.rawValue.suffix(3)) } == expectedOrder)
            #expect(deliberation.comments.map { String($0.id.rawValue.suffix(3)) } == Array(expectedOrder.dropFirst()))
            #expect(deliberation.clock == 5)
            #expect(Self.matrix(order) == reference)
        }
        // t1: the objection has the later clock, though it was recorded "earlier" and has the
        // smaller id; t2: same clock, the larger id wins, whatever the wall times.
        #expect(Self.cells(reference) == ["t1": "objection@a00", "t2": "reservation@c2f", "t3": "support@001"])
        #expect(reference.rows[0].status == .objection)
    }

    @Test func workshopStateFollowsTheClockNotTheWallTime() {
        let closed = Self.record("900", clock: 6, wall: 20_000, .workshopClosed(WorkshopStateChange(workshop: "w")))
        let reopened = Self.record("100", clock: 7, wall: 10_000, .workshopReopened(WorkshopStateChange(workshop: "w", reason: "oubli")))
        for order in Self.permutations([Self.opened, closed, reopened]) {
            let workshop = Deliberation(records: order).workshops["w"]
            #expect(workshop?.isOpen == true)
            #expect(workshop?.closedAtClock == 6)
            #expect(workshop?.events.map(\.kind) == ["workshop-opened", "workshop-closed", "workshop-reopened"])
            #expect(workshop?.events.last?.reason == "oubli")
        }
        let closedAgain = Self.record("050", clock: 8, wall: 0, .workshopClosed(WorkshopStateChange(workshop: "w")))
        let again = Deliberation(records: [closedAgain, reopened, Self.opened, closed]).workshops["w"]
        #expect(again?.isOpen == false)
        #expect(again?.closedAtClock == 8)
        // A second opening of the same id (from another replica) does not replace the first.
        let rival = Self.record("000", clock: 2, wall: 0, .workshopOpened(
            WorkshopOpening(workshop: "w", title: "Autre", date: "2026-04-01", place: nil, territories: ["t4"], revision: "r2")))
        #expect(Deliberation(records: [rival, Self.opened]).workshops["w"]?.title == "Atelier")
    }

    @Test func aRetractedCommentIsIgnoredAndTheTerritorysPreviousPositionCountsAgain() {
        var records = [Self.opened, Self.t1Supports, Self.t1Objects,
                       Self.record("d00", clock: 6, wall: 0, Self.comment("t2", .support))]
        #expect(Self.cells(Self.matrix(records)) == ["t1": "objection@a00", "t2": "support@d00"])
        records.append(Self.record("e00", clock: 7, wall: 0, Self.retract("a00", reason: "mauvais territoire")))
        let afterRetraction = Self.matrix(records)
        #expect(Self.cells(afterRetraction) == ["t1": "support@b00", "t2": "support@d00"])
        #expect(afterRetraction.rows[0].status == .consensus)
        // The retracted comment stays in the fold, marked; a second retraction changes nothing.
        records.append(Self.record("e01", clock: 8, wall: 0, Self.retract("a00", reason: "encore")))
        let deliberation = Deliberation(records: records)
        #expect(deliberation.comment(Self.id("a00"))?.retraction?.reason == "mauvais territoire")
        #expect(deliberation.comments.filter(\.isRetracted).map { String($0.id.rawValue.suffix(3)) } == ["a00"])
        // Retracting the last remaining position leaves no cell; a later question makes none.
        records.append(Self.record("e02", clock: 9, wall: 0, Self.retract("b00")))
        records.append(Self.record("e03", clock: 10, wall: 0, Self.comment("t1", nil, text: "Une question ?")))
        let none = Self.matrix(records)
        #expect(Self.cells(none) == ["t2": "support@d00"])
        #expect(none.rows[0].status == .open)
        // A retraction of a comment that is not there changes nothing.
        records.append(Self.record("e04", clock: 11, wall: 0, Self.retract("fff")))
        #expect(Self.matrix(records) == none)
    }

    @Test func aPositionOnTheCurrentTextWinsOverALaterOneOnOlderText() {
        let records = [
            Self.opened,
            Self.record("100", clock: 2, wall: 0, Self.comment("t1", .objection, blob: "old", text: "Non")),
            Self.record("101", clock: 3, wall: 0, Self.comment("t1", .support)),
            Self.record("102", clock: 4, wall: 0, Self.comment("t1", .objection, blob: "old", text: "Saisie tardive")),
            Self.record("103", clock: 5, wall: 0, Self.comment("t2", .support, blob: "old")),
            Self.record("104", clock: 6, wall: 0, Self.comment("t2", .reservation, blob: "old", text: "Hmm")),
            Self.record("105", clock: 7, wall: 0, Self.comment("t3", .support, on: Self.clauseB, blob: "old")),
        ]
        let matrix = Self.matrix(records)
        #expect(Self.cells(matrix) == ["t1": "support@101", "t2": "reservation@104*"])
        #expect(matrix.rows[0].status == .open, "one current support, quorum 2: computed from current positions only")
        #expect(Self.cells(matrix, 1) == ["t3": "support@105*"])
        #expect(matrix.rows[1].status == .stale)
        let withT3 = Self.matrix(records + [Self.record("106", clock: 8, wall: 0, Self.comment("t3", .support))])
        #expect(withT3.rows[0].status == .consensus)
        #expect(withT3.summary == [.consensus: 1, .stale: 1])
    }

    @Test func recordsRoundTripThroughTheirJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let quoted = Self.record("abc", clock: 3, wall: 1_773_446_400, .comment(
            Comment(workshop: "w", territory: "t1", clause: Self.clauseA, revision: "r", blob: "b", position: .reservation,
                    text: "Préciser", quote: TextQuote(exact: "Texte", prefix: "", suffix: " A."), importKey: "k")))
        for record in [Self.opened, quoted, Self.record("e00", clock: 7, wall: 0, Self.retract("a00")),
                       Self.record("900", clock: 6, wall: 0, .workshopClosed(WorkshopStateChange(workshop: "w")))] {
            #expect(try decoder.decode(Record.self, from: encoder.encode(record)) == record)
        }
        let json = String(decoding: try encoder.encode(quoted), as: UTF8.self)
        #expect(json.contains("\"kind\" : \"comment\""))
        #expect(json.contains("\"recordedAt\" : \"2026-03-14T00:00:00Z\""))
        let unknown = Data(json.replacingOccurrences(of: "\"kind\" : \"comment\"", with: "\"kind\" : \"amendment-voted\"").utf8)
        #expect(throws: DecodingError.self) { try decoder.decode(Record.self, from: unknown) }
    }

    @Test func recordIDsSortByTimeAndShardByTheirLastDigits() {
        let early = RecordID.make(at: Date(timeIntervalSince1970: 1_773_446_400))
        let late = RecordID.make(at: Date(timeIntervalSince1970: 1_773_446_400.002))
        #expect(early < late)
        #expect(RecordID(early.rawValue) == early)
        #expect(Array(early.rawValue)[14] == "7", "version 7")
        #expect("89ab".contains(Array(early.rawValue)[19]), "variant 10")
        #expect(early.shard == String(early.rawValue.suffix(2)))
        #expect(Set((0..<1_000).map { _ in RecordID.make(at: Date(timeIntervalSince1970: 0)) }).count == 1_000)
        #expect(RecordID("01890000-0000-7000-8000-00000000000G") == nil)
        #expect(RecordID("01890000-0000-7000-8000-0000000000") == nil)
        #expect(RecordID("01890000-0000-7000-8000-00000000000A") == nil, "lower-case only")
    }
}
