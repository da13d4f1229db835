import Foundation
import GitKit

/// What a facilitator asks to propose. Clauses may be named by id or by number in the
/// current text (except the new id of an insertion).
public struct AmendmentRequest: Sendable {
    public var territory: String
    public var workshop: String?
    public var rationale: String
    public var operation: AmendmentOperation
    /// The clause replaced, deleted or moved; for `insert`, the new clause's id.
    public var clause: String
    /// For `insert` and `move`: the clause it goes after.
    public var after: String?
    public var title: String?
    public var text: String?
    /// For `replace`, instead of `text`: an edit of a passage of the clause's text at HEAD.
    public var passage: PassageEdit?

    public init(territory: String, workshop: String? = nil, rationale: String, operation: AmendmentOperation,
                clause: String, after: String? = nil, title: String? = nil, text: String? = nil, passage: PassageEdit? = nil) {
        self.passage = passage
        self.territory = territory
        self.workshop = workshop
        self.rationale = rationale
        self.operation = operation
        self.clause = clause
        self.after = after
        self.title = title
        self.text = text
    }
}

/// Which amendments `amendments(_:)` returns.
public struct AmendmentFilter: Sendable {
    /// `proposed` (or `open`), `needs-rebase`, `rebased`, `adopted`, `rejected`, `withdrawn`.
    public var status: String?
    /// Only amendments on this clause (id or number), as the clause changed or the anchor.
    public var clause: String?

    public init(status: String? = nil, clause: String? = nil) {
        self.status = status
        self.clause = clause
    }

    public static let statuses = ["open", "proposed", "needs-rebase", "rebased", "adopted", "rejected", "withdrawn"]
}

extension CharterRepository {
    // MARK: Proposing

    /// Records an amendment against the text at HEAD, with the blob of each clause it touches.
    @discardableResult
    public func proposeAmendment(_ request: AmendmentRequest, facilitator: Person?) throws -> AmendmentView {
        let (head, text) = try headText()
        guard text.manifest.territory(request.territory) != nil else { throw unknownTerritory(request.territory, in: text.manifest) }
        let rationale = request.rationale.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !rationale.isEmpty else {
            throw CharterError(.reasonRequired, "an amendment needs a rationale", hint: "pass --rationale \"…\"")
        }
        var proposedText = request.text
        if let passage = request.passage {
            guard request.operation == .replace, request.text == nil else {
                throw CharterError(.badInput, Message("amend.passage.with-text"), hint: Message("amend.passage.with-text.hint"))
            }
            guard let clause = text.clause(matching: request.clause), text.manifest.clauseOrder.contains(clause.id) else {
                throw CharterError(.unknownClause, "no clause `\(request.clause)` in the text at HEAD", hint: "`charter list` shows the ids and numbers")
            }
            let edited = try passage.applied(to: clause.body, clause: clause.id)
            if ClauseText.normalisedBody(edited) == clause.body && (request.title == nil || request.title == clause.title) {
                throw CharterError(.badInput, Message("amend.passage.unchanged", ["clause": clause.id.rawValue]))
            }
            proposedText = edited
        }
        let change = try validatedChange(request.operation, clause: request.clause, after: request.after,
                                         title: request.title, text: proposedText, in: text)
        let baseBlobs = try blobs(of: change, in: head)
        let store = try deliberationStore()
        let who = try resolveFacilitator(facilitator)
        let records = try store.append(facilitator: who, message: "Propose amendment by \(request.territory): \(change.summary)") { snapshot in
            if let id = request.workshop {
                let workshop = try requireWorkshop(id, snapshot)
                guard workshop.territories.contains(request.territory) else {
                    throw CharterError(.unknownTerritory, "territory `\(request.territory)` did not take part in workshop `\(id)`",
                                       hint: "its territories are: \(workshop.territories.joined(separator: ", "))")
                }
            }
            return [.amendmentProposed(AmendmentProposal(territory: request.territory, workshop: request.workshop, rationale: rationale,
                                                         change: change, base: head.oid.hex, baseBlobs: baseBlobs))]
        }
        guard let record = records.first else { throw CharterError(.repository, "nothing was recorded") }
        return try amendment(record.id.rawValue)
    }

    /// The change asked for, checked against `text`.
    func validatedChange(_ operation: AmendmentOperation, clause reference: String, after: String?, title: String?,
                         text proposedText: String?, in text: Charter) throws -> AmendmentChange {
        func existing(_ reference: String) throws -> Clause {
            guard let clause = text.clause(matching: reference), text.manifest.clauseOrder.contains(clause.id) else {
                throw CharterError(.unknownClause, "no clause `\(reference)` in the text at HEAD", hint: "`charter list` shows the ids and numbers")
            }
            return clause
        }
        func body() throws -> String {
            let body = ClauseText.normalisedBody(proposedText ?? "")
            guard !body.isEmpty else {
                throw CharterError(.badInput, "the proposed text is empty", hint: "pass --text-file with the clause's new text")
            }
            return body
        }
        let newTitle = title?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let newTitle, newTitle.isEmpty { throw CharterError(.emptyTitle, "the proposed title is empty") }
        switch operation {
        case .replace:
            let clause = try existing(reference)
            let proposed = try body()
            let retitle = newTitle == clause.title ? nil : newTitle
            if proposed == clause.body && retitle == nil {
                throw CharterError(.badInput, "the proposed text is the clause's text already", hint: "change the text in the file")
            }
            return .replace(clause.id, title: retitle, text: proposed)
        case .insert:
            guard let id = ClauseID(reference) else {
                throw CharterError(.invalidID, "`\(reference)` is not a valid clause id", hint: "use lower-case letters, digits and dashes, e.g. `juste-place`")
            }
            guard text.clauses[id] == nil else {
                throw CharterError(.alreadyExists, "there is a clause `\(id)` already", hint: "choose another id")
            }
            guard let anchor = after else { throw CharterError(.badInput, "say where the clause goes", hint: "pass --insert-after <clause>") }
            guard let newTitle else { throw CharterError(.missingField, "the new clause needs a title", hint: "pass --title") }
            return .insert(id, after: try existing(anchor).id, title: newTitle, text: try body())
        case .delete:
            return .delete(try existing(reference).id)
        case .move:
            let clause = try existing(reference)
            guard let anchor = after else { throw CharterError(.badInput, "say where the clause goes", hint: "pass --after <clause>") }
            let target = try existing(anchor)
            guard target.id != clause.id else { throw CharterError(.badInput, "a clause cannot move after itself") }
            let order = text.manifest.clauseOrder
            if let index = order.firstIndex(of: target.id), index + 1 < order.count, order[index + 1] == clause.id,
               text.manifest.sections.contains(where: { $0.clauses.contains(target.id) && $0.clauses.contains(clause.id) }) {
                throw CharterError(.badInput, "clause `\(clause.id)` is right after `\(target.id)` already")
            }
            return .move(clause.id, after: target.id)
        }
    }

    /// The blob ids of the existing clause files a change touches, in `commit`.
    func blobs(of change: AmendmentChange, in commit: CommitInfo) throws -> [String: String] {
        var blobs: [String: String] = [:]
        for id in change.clauses {
            if let blob = try clauseBlob(id, inCommitTree: commit.tree) { blobs[id.rawValue] = blob.hex }
        }
        return blobs
    }

    /// HEAD's commit and the charter it holds.
    func headText() throws -> (CommitInfo, Charter) {
        guard let oid = try git.head() else {
            throw CharterError(.unknownRevision, "the repository has no commits yet", hint: "commit the charter first (`charter init --commit`)")
        }
        let commit = try git.commit(oid)
        return (commit, try charter(atCommit: commit, label: "HEAD"))
    }

    // MARK: Reading

    /// Amendments in proposal order, each judged against the text at HEAD.
    public func amendments(_ filter: AmendmentFilter = AmendmentFilter()) throws -> [AmendmentView] {
        let (head, text) = try headText()
        let book = AmendmentBook(try deliberationStore().load())
        var clause: ClauseID?
        if let reference = filter.clause {
            clause = text.clause(matching: reference)?.id ?? ClauseID(reference)
            if clause == nil { throw CharterError(.unknownClause, "no clause `\(reference)`", hint: "`charter list` shows the ids and numbers") }
        }
        return try book.list.compactMap { amendment in
            if let clause, amendment.change.clause != clause, amendment.change.after != clause { return nil }
            let view = try self.view(amendment, book: book, head: head, text: text, detailed: false)
            if let status = filter.status, !view.matches(status: status) { return nil }
            return view
        }
    }

    /// One amendment (full id, or a unique prefix or suffix) with its change as word diffs:
    /// against its base, and against the current text when the text has moved on.
    public func amendment(_ reference: String) throws -> AmendmentView {
        let (head, text) = try headText()
        let book = AmendmentBook(try deliberationStore().load())
        return try view(try book.resolve(reference), book: book, head: head, text: text, detailed: true)
    }

    func view(_ amendment: Amendment, book: AmendmentBook, head: CommitInfo, text: Charter, detailed: Bool) throws -> AmendmentView {
        let scope = text.manifest.territories.map(\.id)
        let (consensus, positions) = book.status(of: amendment, scope: scope, rule: text.manifest.consensus)
        var view = AmendmentView(
            amendment: amendment, shortID: amendment.shortID, status: amendment.state.rawValue,
            territoryName: text.manifest.territory(amendment.territory)?.name ?? amendment.territory,
            consensus: consensus, positions: positions, standing: nil, conflicts: [], revision: head.oid.hex,
            number: text.number(of: amendment.change.clause), clauseTitle: text.clauses[amendment.change.clause]?.title)
        var application: AmendmentApplication?
        if amendment.isOpen {
            let applied = try self.application(of: amendment.change, baseBlobs: amendment.baseBlobs, amendment: amendment.shortID,
                                               onto: head, text: text)
            application = applied
            view.conflicts = applied.conflicts
            view.standing = !applied.isClean ? .needsRebase : applied.merged ? .rebased : .applies
            if !applied.isClean { view.status = AmendmentView.Standing.needsRebase.rawValue }
        }
        guard detailed else { return view }
        let baseText = try? charter(atCommit: git.commit(resolveOID(amendment.base)), label: String(amendment.base.prefix(7)))
        if view.clauseTitle == nil { view.clauseTitle = baseText?.clauses[amendment.change.clause]?.title ?? amendment.change.title }
        if let baseText {
            view.againstBase = diff(of: amendment.change, from: baseText, label: "base \(amendment.base.prefix(7))", result: nil)
        }
        if let application, view.standing != .applies {
            view.againstCurrent = diff(of: amendment.change, from: text, label: "current text \(head.oid.short())",
                                       result: application.isClean ? application : nil)
        }
        return view
    }

    /// What `change` does to the clause as it reads in `text`. `result` is the application
    /// onto `text` when it merged (its clause is then the new side); without it the change's
    /// own title and text are.
    func diff(of change: AmendmentChange, from text: Charter, label: String, result: AmendmentApplication?) -> AmendmentDiff? {
        let id = change.clause
        let old = text.clauses[id]
        var diff = AmendmentDiff(label: label, operation: change.operation, clause: id, oldTitle: old?.title, newTitle: old?.title,
                                 body: nil, oldNumber: text.number(of: id), newNumber: text.number(of: id))
        func number(after sections: [Section]?) -> Int? {
            guard let sections else { return nil }
            var charter = text
            charter.manifest.sections = sections
            if charter.clauses[id] == nil, let title = change.title { charter.clauses[id] = Clause(id: id, title: title, body: change.text ?? "") }
            return charter.number(of: id)
        }
        switch change.operation {
        case .replace:
            guard let old else { return nil }
            let new = result?.result ?? Clause(id: id, title: change.title ?? old.title, body: change.text ?? "")
            diff.newTitle = new.title
            diff.body = WordDiff.between(old.body, new.body)
        case .insert:
            diff.oldTitle = nil
            diff.newTitle = change.title
            diff.body = WordDiff.between("", change.text ?? "")
            diff.newNumber = number(after: ManifestEditor.sections(text.manifest.sections, applying: .insert(id, after: change.after ?? id)))
        case .delete:
            guard let old else { return nil }
            diff.newTitle = nil
            diff.body = WordDiff.between(old.body, "")
            diff.newNumber = nil
        case .move:
            diff.newNumber = number(after: ManifestEditor.sections(text.manifest.sections, applying: .move(id, after: change.after ?? id)))
        }
        return diff
    }

    // MARK: Comments and positions on amendments

    /// Records a territory's comment or position on an amendment at a workshop.
    func addAmendmentComment(_ request: CommentRequest, amendment reference: String, facilitator: Person?) throws -> Record {
        let (head, text) = try headText()
        guard text.manifest.territory(request.territory) != nil else { throw unknownTerritory(request.territory, in: text.manifest) }
        let body = request.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let position = request.position, position.needsReason, body.isEmpty {
            throw CharterError(.reasonRequired, "an \(position.rawValue) must give its reason", hint: "add the territory's words as the comment text")
        }
        if request.position == nil && body.isEmpty {
            throw CharterError(.badInput, "a comment without a position needs a text (a question or a remark)")
        }
        if let quote = request.quote, !quote.isEmpty {
            throw CharterError(.badInput, "a comment on an amendment cannot quote", hint: "quote the clause itself with --clause")
        }
        let store = try deliberationStore()
        let who = try resolveFacilitator(facilitator)
        let records = try store.append(facilitator: who, message: "Comment by \(request.territory) on amendment \(reference) at \(request.workshop)") { snapshot in
            let workshop = try requireWorkshop(request.workshop, snapshot)
            try requireOpen(workshop)
            guard workshop.territories.contains(request.territory) else {
                throw CharterError(.unknownTerritory, "territory `\(request.territory)` did not take part in workshop `\(workshop.id)`",
                                   hint: "its territories are: \(workshop.territories.joined(separator: ", "))")
            }
            let (amendment, _) = try snapshot.amendment(named: reference)
            try requireOpen(amendment)
            return [.comment(Comment(workshop: workshop.id, territory: request.territory, clause: amendment.change.clause,
                                     revision: head.oid.hex, blob: amendment.change.digest, position: request.position,
                                     text: body, amendment: amendment.id))]
        }
        guard let record = records.first else { throw CharterError(.repository, "nothing was recorded") }
        return record
    }

    func requireOpen(_ amendment: Amendment) throws {
        guard amendment.isOpen else {
            var detail = ""
            if let adoption = amendment.adoption { detail = " in \(adoption.revision.prefix(7))" }
            throw CharterError(.amendmentClosed, "amendment \(amendment.shortID) was \(amendment.state.rawValue)\(detail)",
                               hint: "`charter amend show \(amendment.shortID)` tells its story")
        }
    }
}
