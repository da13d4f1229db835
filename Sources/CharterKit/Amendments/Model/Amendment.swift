import Foundation

/// An amendment as the fold of its records: the proposal, the proposer's re-basings, and the
/// adoption, rejection or withdrawal that closed it. Pure: its standing against the current
/// text (clean, re-based, needs-rebase) is computed by the store (`AmendmentView`).
public struct Amendment: Hashable, Sendable, Codable {
    /// Where an amendment is in its life. `proposed` is the only open state.
    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        case proposed, adopted, rejected, withdrawn
    }

    /// One step of its story.
    public struct Step: Hashable, Sendable, Codable {
        /// The record's kind (`amendment-proposed`, `amendment-rebased`…).
        public var kind: String
        public var record: RecordID
        public var clock: Int
        public var recordedAt: Date
        public var facilitator: Person
        /// A reason, a revision: what the record says besides its kind.
        public var detail: String?
    }

    /// The proposal record's id.
    public var id: RecordID
    public var proposal: AmendmentProposal
    public var proposedAt: Date
    public var proposedBy: Person
    /// The change as it stands now: the proposal's, or the latest re-basing's.
    public var change: AmendmentChange
    /// The revision the current change was written against.
    public var base: String
    public var baseBlobs: [String: String]
    public var state: State
    public var adoption: AmendmentAdoption?
    /// The rejection's or withdrawal's reason.
    public var closingReason: String?
    public var steps: [Step]
    /// Every version of the change proposed (by digest), to judge old positions.
    public var versions: [String: AmendmentChange]

    public var isOpen: Bool { state == .proposed }
    public var territory: String { proposal.territory }
    /// The last 8 hex digits of the id: its random part, so it differs between amendments
    /// proposed in the same millisecond. Commands take it, or any unique prefix or suffix.
    public var shortID: String { Amendment.shortID(id) }

    public static func shortID(_ id: RecordID) -> String { String(id.rawValue.suffix(8)) }
}

/// Every amendment of a deliberation, folded from its records in (clock, id) order, with the
/// comments and positions taken on each. Pure.
///
/// Rules of the fold: a re-basing counts only while the amendment is open; the first closing
/// record (rejected, withdrawn) closes it; an adoption always wins, even over a rejection
/// recorded concurrently on another replica, because the text itself says it was adopted.
public struct AmendmentBook: Sendable {
    /// By id.
    public private(set) var amendments: [RecordID: Amendment] = [:]
    /// Ids in proposal order.
    public private(set) var order: [RecordID] = []
    /// Comments on each amendment, in record order.
    public private(set) var comments: [RecordID: [RecordedComment]] = [:]

    public init(_ deliberation: Deliberation) {
        for record in deliberation.records {
            switch record.event {
            case .amendmentProposed(let proposal):
                guard amendments[record.id] == nil else { continue }
                order.append(record.id)
                amendments[record.id] = Amendment(
                    id: record.id, proposal: proposal, proposedAt: record.recordedAt, proposedBy: record.facilitator,
                    change: proposal.change, base: proposal.base, baseBlobs: proposal.baseBlobs, state: .proposed,
                    adoption: nil, closingReason: nil,
                    steps: [Self.step(record, detail: proposal.workshop.map { "workshop \($0)" })],
                    versions: [proposal.change.digest: proposal.change])
            case .amendmentRebased(let rebase):
                guard var amendment = amendments[rebase.amendment], amendment.isOpen else { continue }
                amendment.change = rebase.change
                amendment.base = rebase.base
                amendment.baseBlobs = rebase.baseBlobs
                amendment.versions[rebase.change.digest] = rebase.change
                amendment.steps.append(Self.step(record, detail: "onto \(rebase.base.prefix(7))"))
                amendments[rebase.amendment] = amendment
            case .amendmentAdopted(let adoption):
                guard var amendment = amendments[adoption.amendment], amendment.adoption == nil else { continue }
                amendment.state = .adopted
                amendment.adoption = adoption
                amendment.closingReason = nil
                amendment.steps.append(Self.step(record, detail: "in \(adoption.revision.prefix(7))" + (adoption.forced ? ", forced" : "")))
                amendments[adoption.amendment] = amendment
            case .amendmentRejected(let closing), .amendmentWithdrawn(let closing):
                guard var amendment = amendments[closing.amendment], amendment.isOpen else { continue }
                if case .amendmentRejected = record.event { amendment.state = .rejected } else { amendment.state = .withdrawn }
                amendment.closingReason = closing.reason
                amendment.steps.append(Self.step(record, detail: closing.reason))
                amendments[closing.amendment] = amendment
            default:
                continue
            }
        }
        for comment in deliberation.amendmentComments {
            guard let amendment = comment.comment.amendment else { continue }
            comments[amendment, default: []].append(comment)
        }
    }

    private static func step(_ record: Record, detail: String?) -> Amendment.Step {
        Amendment.Step(kind: record.event.kind.rawValue, record: record.id, clock: record.clock,
                       recordedAt: record.recordedAt, facilitator: record.facilitator, detail: detail)
    }

    /// Amendments in proposal order.
    public var list: [Amendment] { order.compactMap { amendments[$0] } }

    /// The open amendments.
    public var open: [Amendment] { list.filter(\.isOpen) }

    /// The amendment a person named: its full id, or a unique prefix or suffix of it (at least
    /// 4 characters). Throws `unknown-amendment` naming the candidates when ambiguous.
    public func resolve(_ reference: String) throws -> Amendment {
        let id = try AmendmentBook.match(reference, among: order)
        guard let amendment = amendments[id] else { throw CharterError(.unknownAmendment, "no amendment `\(reference)`") }
        return amendment
    }

    /// Each territory's latest position on the amendment (unretracted, by clock then id),
    /// with its currency: `current` on the change as it stands, `carried-forward` on an
    /// earlier version that differs only editorially, else `stale`. As for clauses, a
    /// position that counts is preferred to a later one on an older version.
    public func positions(of amendment: Amendment, scope: [String]) -> [PositionCell] {
        let inScope = Set(scope)
        let digest = amendment.change.digest
        func currency(_ comment: RecordedComment) -> Currency {
            if comment.comment.blob == digest { return .current }
            if let earlier = amendment.versions[comment.comment.blob], Self.editoriallyEqual(earlier, amendment.change) {
                return .carriedForward
            }
            return .stale
        }
        var latest: [String: (comment: RecordedComment, currency: Currency)] = [:]
        for comment in comments[amendment.id] ?? [] where !comment.isRetracted && comment.comment.position != nil
            && inScope.contains(comment.comment.territory) {
            let judged = (comment: comment, currency: currency(comment))
            if let existing = latest[comment.comment.territory] {
                if existing.currency.counts && !judged.currency.counts { continue }
                if existing.currency.counts == judged.currency.counts,
                   (existing.comment.clock, existing.comment.id) > (comment.clock, comment.id) { continue }
            }
            latest[comment.comment.territory] = judged
        }
        return latest.keys.sorted().compactMap { territory in
            guard let judged = latest[territory], let position = judged.comment.comment.position else { return nil }
            return PositionCell(territory: territory, position: position, currency: judged.currency,
                                comment: judged.comment.id, workshop: judged.comment.comment.workshop)
        }
    }

    /// The amendment's consensus status under the manifest's rule, like a clause's.
    public func status(of amendment: Amendment, scope: [String], rule: ConsensusRule) -> (status: ClauseStatus, positions: [PositionCell]) {
        let cells = positions(of: amendment, scope: scope)
        return (ConsensusEvaluator.status(of: cells, scope: scope, rule: rule), cells)
    }

    /// Two versions of a change that differ only editorially (see `EditorialRule`).
    static func editoriallyEqual(_ a: AmendmentChange, _ b: AmendmentChange) -> Bool {
        a.operation == b.operation && a.clause == b.clause && a.after == b.after
            && EditorialRule.words(a.title ?? "") == EditorialRule.words(b.title ?? "")
            && EditorialRule.words(a.text ?? "") == EditorialRule.words(b.text ?? "")
    }

    /// The workshops an amendment was debated in: where it was proposed, and where positions
    /// or comments on it were recorded, in order of first mention.
    public func workshops(of amendment: Amendment) -> [String] {
        var seen: [String] = []
        if let workshop = amendment.proposal.workshop { seen.append(workshop) }
        for comment in comments[amendment.id] ?? [] where !seen.contains(comment.comment.workshop) {
            seen.append(comment.comment.workshop)
        }
        return seen
    }
}
