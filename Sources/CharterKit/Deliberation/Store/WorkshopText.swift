import Foundation
import GitKit

/// The text a workshop debates, loaded once, to validate and anchor the
/// comments recorded in it.
struct WorkshopText {
    let workshop: Workshop
    let charter: Charter
    let commit: CommitInfo
    let repository: CharterRepository

    init(repository: CharterRepository, workshop: Workshop) throws {
        self.repository = repository
        self.workshop = workshop
        guard let oid = OID(hex: workshop.revision) else {
            throw CharterError(.badInput, "workshop `\(workshop.id)` names an unreadable revision `\(workshop.revision)`")
        }
        commit = try repository.git.commit(oid)
        charter = try repository.charter(atCommit: commit, label: String(workshop.revision.prefix(7)))
    }

    /// Checks a request against the workshop and its text, and makes the comment.
    func comment(for request: CommentRequest, importKey: String?) throws -> Comment {
        try repository.requireOpen(workshop)
        guard charter.manifest.territory(request.territory) != nil else {
            throw repository.unknownTerritory(request.territory, in: charter.manifest)
        }
        guard workshop.territories.contains(request.territory) else {
            throw CharterError(.unknownTerritory, "territory `\(request.territory)` did not take part in workshop `\(workshop.id)`",
                               hint: "its territories are: \(workshop.territories.joined(separator: ", "))")
        }
        guard let clause = charter.clause(matching: request.clause) else {
            throw CharterError(.unknownClause, "no clause `\(request.clause)` in the text of workshop `\(workshop.id)` (\(commit.oid.short()))",
                               hint: "`charter list --at \(commit.oid.short())` shows its clauses")
        }
        let text = request.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let position = request.position, position.needsReason, text.isEmpty {
            throw CharterError(.reasonRequired, "\(position == .objection ? "an" : "a") \(position.rawValue) must give its reason",
                               hint: "add the territory's words as the comment text")
        }
        if request.position == nil && text.isEmpty {
            throw CharterError(.badInput, "a comment without a position needs a text (a question or a remark)")
        }
        var quote: TextQuote?
        if let exact = request.quote, !exact.isEmpty {
            guard let found = TextQuote(quoting: exact, in: clause.body) else {
                throw CharterError(.quoteNotFound, "the quote « \(exact) » does not occur in clause `\(clause.id)`",
                                   hint: "copy the words exactly from `charter show \(clause.id) --at \(commit.oid.short())`")
            }
            quote = found
        }
        guard let blob = try repository.clauseBlob(clause.id, inCommitTree: commit.tree) else {
            throw CharterError(.unknownClause, "clause `\(clause.id)` has no file at \(commit.oid.short())")
        }
        return Comment(workshop: workshop.id, territory: request.territory, clause: clause.id, revision: commit.oid.hex,
                       blob: blob.hex, position: request.position, text: text, quote: quote, importKey: importKey)
    }
}

extension CharterRepository {
    /// The blob id of a clause's file in a commit's tree.
    func clauseBlob(_ id: ClauseID, inCommitTree tree: OID) throws -> OID? {
        try git.entry(atPath: "\(clausesPath)/\(id).md", inTree: tree)?.oid
    }
}
