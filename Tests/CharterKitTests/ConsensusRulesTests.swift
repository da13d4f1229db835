import CharterKit
import Testing

/// The consensus rules on hand-built positions: no repository.
@Suite("Consensus rules")
struct ConsensusRulesTests {
    static let someComment = RecordID("01890000-0000-7000-8000-000000000000")!

    /// The status of positions taken by territories t1, t2… (in that order) out of a
    /// scope of `scope` territories.
    static func status(_ kind: ConsensusRule.Kind, quorum: Int? = nil, threshold: Double? = nil, scope: Int = 7,
                       _ positions: [(Position, Currency)]) -> ClauseStatus {
        let cells = positions.enumerated().map { index, taken in
            PositionCell(territory: "t\(index + 1)", position: taken.0, currency: taken.1, comment: someComment, workshop: "w")
        }
        return ConsensusEvaluator.status(of: cells, scope: (1...scope).map { "t\($0)" },
                                         rule: ConsensusRule(kind: kind, quorum: quorum, threshold: threshold))
    }

    static func current(_ supports: Int, reservations: Int = 0, objections: Int = 0) -> [(Position, Currency)] {
        Array(repeating: (Position.support, Currency.current), count: supports)
            + Array(repeating: (.reservation, .current), count: reservations)
            + Array(repeating: (.objection, .current), count: objections)
    }

    @Test func consentNeedsTheQuorumAndNoObjection() {
        #expect(Self.status(.consent, quorum: 4, []) == .open, "not yet discussed")
        #expect(Self.status(.consent, quorum: 4, Self.current(4)) == .consensus, "exactly at quorum")
        #expect(Self.status(.consent, quorum: 4, Self.current(3)) == .open, "one below quorum")
        #expect(Self.status(.consent, quorum: 4, Self.current(3, reservations: 1)) == .consensusWithReservations)
        #expect(Self.status(.consent, quorum: 4, Self.current(2, reservations: 1)) == .open)
        #expect(Self.status(.consent, quorum: 4, Self.current(6, objections: 1)) == .objection)
        #expect(Self.status(.consent, quorum: 4, Self.current(0, objections: 1)) == .objection, "an objection stands below quorum too")
        #expect(Self.status(.consent, Self.current(1)) == .consensus, "no quorum given: one position decides")
        #expect(Self.status(.consent, quorum: 0, Self.current(1)) == .consensus)
        #expect(Self.status(.consent, quorum: 0, []) == .open)
        #expect(Self.status(.consent, quorum: 8, Self.current(7)) == .open, "a quorum larger than the scope is never met")
    }

    @Test func positionsOutsideTheScopeDoNotCount() {
        let outside = (1...4).map { PositionCell(territory: "ailleurs-\($0)", position: .support, currency: .current,
                                                 comment: Self.someComment, workshop: "w") }
        let rule = ConsensusRule(kind: .consent, quorum: 4)
        #expect(ConsensusEvaluator.status(of: outside, scope: ["t1", "t2"], rule: rule) == .open)
        let objection = PositionCell(territory: "ailleurs", position: .objection, currency: .current, comment: Self.someComment, workshop: "w")
        let inside = (1...4).map { PositionCell(territory: "t\($0)", position: .support, currency: .current, comment: Self.someComment, workshop: "w") }
        #expect(ConsensusEvaluator.status(of: inside + [objection], scope: (1...4).map { "t\($0)" }, rule: rule) == .consensus)
    }

    @Test func unanimityNeedsEveryTerritoryInScope() {
        #expect(Self.status(.unanimity, scope: 3, Self.current(3)) == .consensus)
        #expect(Self.status(.unanimity, scope: 3, Self.current(2)) == .open, "one territory has not spoken")
        #expect(Self.status(.unanimity, scope: 3, Self.current(2, reservations: 1)) == .consensusWithReservations)
        #expect(Self.status(.unanimity, scope: 3, Self.current(2, objections: 1)) == .objection)
        #expect(Self.status(.unanimity, scope: 3, Self.current(2) + [(.support, .stale)]) == .open, "a stale support is no support")
        #expect(Self.status(.unanimity, scope: 3, Self.current(2) + [(.support, .carriedForward)]) == .consensus)
    }

    @Test func majorityWithoutThresholdIsStrictlyMoreThanHalf() {
        #expect(Self.status(.majority, quorum: 4, Self.current(4)) == .consensus)
        #expect(Self.status(.majority, quorum: 4, Self.current(3, objections: 1)) == .consensusWithReservations, "a minority objects")
        #expect(Self.status(.majority, quorum: 4, Self.current(2, objections: 2)) == .objection, "a tie is not a majority")
        #expect(Self.status(.majority, quorum: 4, Self.current(1, reservations: 1, objections: 2)) == .objection,
                "reservations count as supports, and 2 of 4 is still a tie")
        #expect(Self.status(.majority, quorum: 4, Self.current(2, reservations: 1, objections: 1)) == .consensusWithReservations)
        #expect(Self.status(.majority, quorum: 4, Self.current(0, reservations: 4)) == .consensusWithReservations)
        #expect(Self.status(.majority, quorum: 4, Self.current(3)) == .open, "one below quorum")
        #expect(Self.status(.majority, quorum: 4, Self.current(2, objections: 1)) == .objection, "below quorum, with an objection")
        #expect(Self.status(.majority, quorum: 5, Self.current(3, objections: 2)) == .consensusWithReservations, "exactly at quorum")
    }

    @Test func majorityWithThresholdCountsTheShareOfSupports() {
        #expect(Self.status(.majority, quorum: 4, threshold: 0.75, Self.current(3, objections: 1)) == .consensusWithReservations,
                "exactly at the threshold")
        #expect(Self.status(.majority, quorum: 4, threshold: 0.75, Self.current(6, objections: 2)) == .consensusWithReservations)
        #expect(Self.status(.majority, quorum: 4, threshold: 0.75, Self.current(5, objections: 3)) == .objection, "5/8 < 3/4")
        #expect(Self.status(.majority, quorum: 4, threshold: 0.75, Self.current(5, reservations: 1, objections: 2)) == .consensusWithReservations)
        #expect(Self.status(.majority, threshold: 0.5, scope: 2, Self.current(1, objections: 1)) == .consensusWithReservations,
                "with a threshold of one half, half is enough (unlike the default)")
        #expect(Self.status(.majority, threshold: 2.0 / 3.0, scope: 3, Self.current(2, objections: 1)) == .consensusWithReservations)
        // 14 of 25 is exactly 0.56, though 0.56 * 25 is 14.000000000000002 in binary floating point.
        #expect(Self.status(.majority, threshold: 0.56, scope: 25, Self.current(14, objections: 11)) == .consensusWithReservations)
        #expect(Self.status(.majority, threshold: 0.56, scope: 25, Self.current(13, objections: 12)) == .objection)
        #expect(Self.status(.majority, threshold: 0.28, scope: 25, Self.current(7, objections: 18)) == .consensusWithReservations)
    }

    @Test func stalePositionsDoNotCount() {
        let stale: [(Position, Currency)] = [(.support, .stale), (.objection, .stale)]
        for kind in ConsensusRule.Kind.allCases {
            #expect(Self.status(kind, quorum: 4, stale) == .stale, "only stale positions: \(kind)")
        }
        #expect(Self.status(.consent, quorum: 4, [(.objection, .stale)] + Self.current(4)) == .consensus, "a stale objection is outdated")
        #expect(Self.status(.consent, quorum: 4, [(.support, .stale), (.support, .stale)] + Self.current(3)) == .open,
                "stale supports do not make the quorum")
        #expect(Self.status(.consent, quorum: 4, [(.support, .stale)] + Self.current(0, objections: 1)) == .objection)
        #expect(Self.status(.consent, quorum: 4, Array(repeating: (.support, .carriedForward), count: 4)) == .consensus,
                "positions carried forward over an editorial change count")
        #expect(Self.status(.majority, quorum: 2, [(.objection, .stale), (.objection, .stale)] + Self.current(2)) == .consensus)
    }
}
