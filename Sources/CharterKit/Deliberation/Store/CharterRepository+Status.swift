import GitKit

/// Which comments `comments(_:)` returns.
public struct CommentFilter: Sendable {
    public var clause: String?
    public var territory: String?
    public var workshop: String?
    /// Only comments whose text has changed since.
    public var staleOnly: Bool
    /// Include retracted comments (marked).
    public var includeRetracted: Bool

    public init(clause: String? = nil, territory: String? = nil, workshop: String? = nil,
                staleOnly: Bool = false, includeRetracted: Bool = true) {
        self.clause = clause
        self.territory = territory
        self.workshop = workshop
        self.staleOnly = staleOnly
        self.includeRetracted = includeRetracted
    }
}

/// A comment seen from one text of the charter.
public struct CommentView: Hashable, Sendable, Codable {
    public var comment: RecordedComment
    public var currency: Currency
    /// For a quoted comment: where the quote is now, or that it is gone.
    public var anchor: QuoteAnchor?
}

extension CharterRepository {
    /// Comments, in record order, with their currency against the text at
    /// `revision` (HEAD by default).
    public func comments(_ filter: CommentFilter = CommentFilter(), against revision: String = "HEAD") throws -> [CommentView] {
        let commit = try git.commit(resolveOID(revision))
        let text = try charter(atCommit: commit, label: revision)
        let judge = try CurrencyJudge(repository: self, commit: commit, charter: text)
        let clause = filter.clause.map { text.clause(matching: $0)?.id.rawValue ?? $0 }
        return try deliberationStore().load().comments.compactMap { recorded in
            let comment = recorded.comment
            if let clause, comment.clause.rawValue != clause { return nil }
            if let territory = filter.territory, comment.territory != territory { return nil }
            if let workshop = filter.workshop, comment.workshop != workshop { return nil }
            if !filter.includeRetracted && recorded.isRetracted { return nil }
            let currency = judge.currency(of: comment)
            if filter.staleOnly && currency != .stale { return nil }
            return CommentView(comment: recorded, currency: currency, anchor: judge.anchor(of: comment))
        }
    }

    /// The status matrix: at a text revision (HEAD by default), or as of a
    /// workshop (its text, its territories, the records made until it closed).
    public func status(at revision: String? = nil, workshop workshopID: String? = nil) throws -> StatusMatrix {
        noteMissingDeliberation(try deliberationStore())
        // Where we stand now: from the position index (`.git/charter/`), unless disabled.
        if revision == nil, workshopID == nil, indexEnabled {
            return try indexedStatus()
        }
        let deliberation = try deliberationStore().load()
        var comments = deliberation.comments
        var spec = revision ?? "HEAD"
        var workshop: Workshop?
        if let workshopID {
            guard let found = deliberation.workshops[workshopID] else {
                throw CharterError(.unknownWorkshop, Message("cli.status.unknownWorkshop", ["workshop": workshopID]), hint: Message("cli.status.unknownWorkshop.hint"))
            }
            workshop = found
            if revision == nil { spec = found.revision }
            if let closed = found.closedAtClock, !found.isOpen {
                // As it stood when the workshop closed: later comments are left out, and a
                // retraction recorded after the closing does not apply yet.
                var retractedAt: [RecordID: Int] = [:]
                for record in deliberation.records {
                    if case .commentRetracted(let retraction) = record.event, retractedAt[retraction.comment] == nil {
                        retractedAt[retraction.comment] = record.clock
                    }
                }
                comments = comments.filter { $0.clock <= closed }.map { comment in
                    var comment = comment
                    if let clock = retractedAt[comment.id], clock > closed { comment.retraction = nil }
                    return comment
                }
            }
        }
        let oid = try resolveOID(spec)
        let commit = try git.commit(oid)
        let text = try charter(atCommit: commit, label: spec)
        if revision != nil {
            // Where did we stand then: only what was said on this text or earlier ones.
            let reachable = Set(try git.walk(from: [oid]).map(\.hex))
            comments = comments.filter { reachable.contains($0.comment.revision) }
        }
        let scope = workshop.map { found in text.manifest.territories.filter { found.territories.contains($0.id) } }
            ?? text.manifest.territories
        let judge = try CurrencyJudge(repository: self, commit: commit, charter: text)
        return StatusMatrix.build(charter: text, revision: commit.oid.hex, workshop: workshopID, scope: scope,
                                  comments: comments) { judge.currency(of: $0.comment) }
    }
}
