import GitKit
import Synchronization

/// Decides whether comments still apply to one text of the charter: made on
/// the same clause blob (current), on a text that differs only editorially
/// (carried forward), or on a text that changed since (stale).
final class CurrencyJudge: Sendable {
    let repository: CharterRepository
    let charter: Charter
    let blobs: [ClauseID: OID]
    private let verdicts = Mutex<[String: Currency]>([:])
    /// Editorial verdicts judged by this judge (not given by `remember`), to keep for later.
    private let learned = Mutex<[(old: String, new: String, equivalent: Bool)]>([])

    /// Verdicts known from earlier (old blob, current blob, whether only editorially different).
    func remember(_ known: [(old: String, new: String, equivalent: Bool)]) {
        verdicts.withLock { verdicts in
            for (old, new, equivalent) in known { verdicts["\(old)>\(new)"] = equivalent ? .carriedForward : .stale }
        }
    }

    /// The verdicts this judge had to work out.
    var newVerdicts: [(old: String, new: String, equivalent: Bool)] { learned.withLock { $0 } }

    init(repository: CharterRepository, commit: CommitInfo, charter: Charter) throws {
        self.repository = repository
        self.charter = charter
        var blobs: [ClauseID: OID] = [:]
        for id in charter.clauses.keys {
            blobs[id] = try repository.clauseBlob(id, inCommitTree: commit.tree)
        }
        self.blobs = blobs
    }

    func currency(of comment: Comment) -> Currency {
        currency(clause: comment.clause, blob: comment.blob)
    }

    /// The currency of a comment on `clause` made on the clause blob `blob` (hex).
    func currency(clause: ClauseID, blob: String) -> Currency {
        guard let target = blobs[clause], let current = charter.clauses[clause] else { return .stale }
        if target.hex == blob { return .current }
        let key = "\(blob)>\(target.hex)"
        if let known = verdicts.withLock({ $0[key] }) { return known }
        var verdict = Currency.stale
        if let old = OID(hex: blob),
           let clause = try? repository.clause(blob: old, path: "\(repository.clausesPath)/\(clause).md"),
           EditorialRule.equivalent(clause, current) {
            verdict = .carriedForward
        }
        verdicts.withLock { $0[key] = verdict }
        learned.withLock { $0.append((blob, target.hex, verdict == .carriedForward)) }
        return verdict
    }

    /// Where the comment's quote stands in the current text of its clause.
    func anchor(of comment: Comment) -> QuoteAnchor? {
        guard let quote = comment.quote else { return nil }
        guard let text = charter.clauses[comment.clause]?.body, let position = quote.position(in: text) else {
            return QuoteAnchor(found: false, line: nil, column: nil)
        }
        return QuoteAnchor(found: true, line: position.line, column: position.column)
    }
}

/// Where a comment's quote is in the current text of its clause (line and
/// column in the body), or that it no longer occurs there.
public struct QuoteAnchor: Hashable, Sendable, Codable {
    public var found: Bool
    public var line: Int?
    public var column: Int?
}
