import Foundation
import GitKit

extension CharterRepository {
    // MARK: Adopting

    /// Applies an amendment to the text branch as one commit, then records its adoption.
    ///
    /// Refuses, changing nothing: an amendment that is not open; one without consensus
    /// (unless `force`, which the commit and the record say); one whose change collides with
    /// the current text (the conflicting passages are in the error); touched files with
    /// uncommitted edits; a branch that moved meanwhile. The commit's author is the editor
    /// (git's identity unless given), with a `Co-authored-by` line for the proposing
    /// territory and an `Amendment: <id>` trailer.
    public func adoptAmendment(_ reference: String, force: Bool = false, editor: Person? = nil) throws -> AmendmentAdoptionResult {
        let store = try deliberationStore()
        let book = AmendmentBook(try store.load())
        let amendment = try book.resolve(reference)
        try requireOpen(amendment)
        let (head, text) = try headText()
        let person = try resolveFacilitator(editor)
        let scope = text.manifest.territories.map(\.id)
        let (status, positions) = book.status(of: amendment, scope: scope, rule: text.manifest.consensus)
        let agreed = status == .consensus || status == .consensusWithReservations

        // An adoption commit whose record was lost (the record is written second): record it.
        if let earlier = try adoptionCommit(of: amendment, from: head.oid) {
            let forced = CommitTrailers.value("Forced", in: earlier.message) != nil
            try recordAdoption(amendment, store: store, person: person,
                               AmendmentAdoption(amendment: amendment.id, revision: earlier.oid.hex, status: status, forced: forced, merged: false))
            return try adoptionResult(amendment.id, revision: revision(earlier), forced: forced, merged: false, recordedOnly: true)
        }

        if !agreed && !force {
            let objecting = positions.filter { $0.position == .objection && $0.currency.counts }.map(\.territory)
            var detail = "its status is \(status.rawValue)"
            if !objecting.isEmpty { detail += " (objection from \(objecting.joined(separator: ", ")))" }
            let quorum = text.manifest.consensus.quorum.map { ", quorum \($0)" } ?? ""
            detail += "; \(positions.filter { $0.currency.counts }.count) current position(s)\(quorum), rule \(text.manifest.consensus.kind.rawValue)"
            throw CharterError(.noConsensus, "amendment \(amendment.shortID) has no consensus: \(detail)",
                               hint: "record the territories' positions (`charter comment add --amendment \(amendment.shortID) …`), "
                                   + "or adopt it anyway with --force (the commit and the record will say so)")
        }
        let application = try self.application(of: amendment.change, baseBlobs: amendment.baseBlobs, amendment: amendment.shortID,
                                                onto: head, text: text)
        guard application.isClean else {
            throw CharterError(.amendmentConflict,
                               "amendment \(amendment.shortID) does not apply to the text at \(head.oid.short()); nothing was changed\n"
                                   + application.conflicts.map(\.text).joined(separator: "\n"),
                               hint: "its proposer re-bases it with `charter amend rebase \(amendment.shortID) --text-file <file>`")
        }
        let forced = force && !agreed
        let message = adoptionMessage(amendment, text: text, status: status, forced: forced, merged: application.merged)
        guard let prepared = try prepareCommit([TextCommit(files: application.files, message: message, author: person, committer: person)],
                                               expecting: head.oid),
              let startTree = prepared.startTree, let start = prepared.start else {
            throw CharterError(.repository, "nothing was committed")
        }
        let adoption = AmendmentAdoption(amendment: amendment.id, revision: prepared.tip.hex, status: status, forced: forced,
                                         merged: application.merged)
        try adoptAtomically(prepared, intent: AdoptionIntent(branch: prepared.branch, start: start.hex, startTree: startTree.hex,
                                                             commit: prepared.tip.hex, commitTree: prepared.tipTree.hex,
                                                             paths: prepared.touched, adoption: adoption, editor: person,
                                                             pid: ProcessInfo.processInfo.processIdentifier),
                            amendment: amendment, store: store)
        let made = try revision(git.commit(prepared.tip))
        return try adoptionResult(amendment.id, revision: made, forced: forced, merged: application.merged, recordedOnly: false)
    }

    /// Publishes the adoption commit and records it as one unit: the intent is written first,
    /// then the index, working tree and branch move, then the record; on a failure everything
    /// is put back. A crash at any moment leaves the intent, which the next command reads to
    /// complete or undo the adoption (`recoverInterruptedAdoption`).
    private func adoptAtomically(_ prepared: PreparedCommit, intent: AdoptionIntent, amendment: Amendment, store: DeliberationStore) throws {
        guard let lock = try ProcessLock(AdoptionIntent.lockURL(git), wait: false) else {
            throw CharterError(.repository, Message("reliability.adoption.busy"), hint: Message("reliability.adoption.busy.hint"))
        }
        defer { lock.release() }
        try intent.write(git)
        FaultPoint.hit("adopt.after-intent")
        do {
            try publish(prepared)
        } catch {
            AdoptionIntent.remove(git)
            throw error
        }
        FaultPoint.hit("adopt.after-branch")
        do {
            try recordAdoption(amendment, store: store, person: intent.editor, intent.adoption)
        } catch {
            do {
                try unpublish(prepared)
                AdoptionIntent.remove(git)
            } catch {
                throw CharterError(.repository, Message("reliability.adoption.half", ["commit": prepared.tip.short(), "cause": "\(error)"]),
                                   hint: Message("reliability.adoption.half.hint"))
            }
            throw CharterError(.repository, Message("reliability.adoption.undone", ["amendment": amendment.shortID, "cause": "\(error)"]),
                               hint: Message("reliability.adoption.undone.hint"))
        }
        FaultPoint.hit("adopt.after-record")
        AdoptionIntent.remove(git)
    }

    func recordAdoption(_ amendment: Amendment, store: DeliberationStore, person: Person, _ adoption: AmendmentAdoption) throws {
        try store.append(facilitator: person, message: "Adopt amendment \(amendment.shortID) in \(adoption.revision.prefix(7))") { _ in
            [.amendmentAdopted(adoption)]
        }
    }

    private func adoptionResult(_ id: RecordID, revision: Revision, forced: Bool, merged: Bool, recordedOnly: Bool) throws -> AmendmentAdoptionResult {
        let adopted = try amendment(id.rawValue)
        let touched = Set(adopted.amendment.change.clauses)
        let others = try amendments().filter { other in
            other.amendment.isOpen && (touched.contains(other.amendment.change.clause) || other.amendment.change.after.map(touched.contains) == true)
        }
        return AmendmentAdoptionResult(amendment: adopted, revision: revision, forced: forced, merged: merged,
                                       recordedOnly: recordedOnly, others: others)
    }

    /// A commit on the first-parent history since the amendment's base that carries its trailer.
    func adoptionCommit(of amendment: Amendment, from head: OID) throws -> CommitInfo? {
        let hidden = OID(hex: amendment.proposal.base).map { [$0] } ?? []
        for oid in try git.walk(from: [head], hiding: hidden, firstParent: true) {
            let commit = try git.commit(oid)
            if CommitTrailers.value(Self.amendmentTrailer, in: commit.message) == amendment.id.rawValue { return commit }
        }
        return nil
    }

    static let amendmentTrailer = "Amendment"

    /// The adoption commit's message: a summary line, the rationale, who proposed it where,
    /// and the trailers (`Amendment`, `Proposed-by`, `Consensus`, `Forced`, `Co-authored-by`).
    func adoptionMessage(_ amendment: Amendment, text: Charter, status: ClauseStatus, forced: Bool, merged: Bool) -> String {
        let change = amendment.change
        let territory = text.manifest.territory(amendment.territory)
        let name = territory?.name ?? amendment.territory
        let title = text.clauses[change.clause]?.title ?? change.title
        var summary: String
        switch change.operation {
        case .replace: summary = "amend « \(title ?? change.clause.rawValue) » (\(change.clause))"
        case .insert: summary = "insert « \(change.title ?? change.clause.rawValue) » (\(change.clause)) after \(change.after?.rawValue ?? "?")"
        case .delete: summary = "delete « \(title ?? change.clause.rawValue) » (\(change.clause))"
        case .move: summary = "move « \(title ?? change.clause.rawValue) » (\(change.clause)) after \(change.after?.rawValue ?? "?")"
        }
        var lines = ["Amendment \(amendment.shortID): \(summary)", "", amendment.proposal.rationale, ""]
        var story = "Proposed by \(name)"
        if let workshop = amendment.proposal.workshop { story += " at workshop \(workshop)" }
        story += "; consensus status: \(status.rawValue)."
        if forced { story += " Adopted with --force, without consensus." }
        if merged { story += " The text had changed since the amendment's base: merged three ways." }
        lines += [story, ""]
        lines.append("\(Self.amendmentTrailer): \(amendment.id)")
        lines.append("Proposed-by: \(amendment.territory)")
        lines.append("Consensus: \(status.rawValue)")
        if forced { lines.append("Forced: adopted without consensus") }
        let contact = territory?.contact.flatMap { $0.contains("@") && !$0.contains(" ") ? $0 : nil }
            ?? "\(amendment.territory)@territories.invalid"
        lines.append("Co-authored-by: \(name) <\(contact)>")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Closing

    /// Rejects an open amendment, saying why.
    public func rejectAmendment(_ reference: String, reason: String, facilitator: Person?) throws -> AmendmentView {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CharterError(.reasonRequired, "a rejection needs a reason", hint: "pass --reason \"…\"")
        }
        return try close(reference, facilitator: facilitator, verb: "Reject") { .amendmentRejected(AmendmentClosing(amendment: $0, reason: reason)) }
    }

    /// Withdraws an open amendment (its proposer changed their mind).
    public func withdrawAmendment(_ reference: String, reason: String? = nil, facilitator: Person?) throws -> AmendmentView {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        return try close(reference, facilitator: facilitator, verb: "Withdraw") {
            .amendmentWithdrawn(AmendmentClosing(amendment: $0, reason: reason?.isEmpty == false ? reason : nil))
        }
    }

    private func close(_ reference: String, facilitator: Person?, verb: String, _ event: @escaping (RecordID) -> Event) throws -> AmendmentView {
        let store = try deliberationStore()
        var id: RecordID?
        try store.append(facilitator: try resolveFacilitator(facilitator), message: "\(verb) amendment \(reference)") { snapshot in
            let (amendment, _) = try snapshot.amendment(named: reference)
            try requireOpen(amendment)
            id = amendment.id
            return [event(amendment.id)]
        }
        guard let id else { throw CharterError(.repository, "nothing was recorded") }
        return try amendment(id.rawValue)
    }

    // MARK: Re-basing

    /// Re-bases an open amendment onto the text at HEAD: with a new text (and title) from its
    /// proposer, or, without one, with the result of the clean three-way merge (or, for a
    /// deletion or a move, confirming it on the new text). Positions taken on an earlier
    /// version stay current only when the proposed words did not change.
    public func rebaseAmendment(_ reference: String, title: String? = nil, text newText: String? = nil,
                                facilitator: Person?) throws -> AmendmentView {
        let (head, text) = try headText()
        let store = try deliberationStore()
        let book = AmendmentBook(try store.load())
        let amendment = try book.resolve(reference)
        try requireOpen(amendment)
        let old = amendment.change
        var proposedTitle = title ?? old.title
        var proposedText = newText
        if proposedText == nil {
            switch old.operation {
            case .replace:
                let applied = try application(of: old, baseBlobs: amendment.baseBlobs, amendment: amendment.shortID, onto: head, text: text)
                guard applied.isClean, let merged = applied.result else {
                    throw CharterError(.amendmentConflict,
                                       "amendment \(amendment.shortID) collides with the current text; nothing was changed\n"
                                           + applied.conflicts.map(\.text).joined(separator: "\n"),
                                       hint: "give the resolved text with --text-file <file>")
                }
                proposedText = merged.body
                if title == nil, let current = text.clauses[old.clause] { proposedTitle = merged.title == current.title ? nil : merged.title }
            default:
                proposedText = old.text
            }
        }
        let change = try validatedChange(old.operation, clause: old.clause.rawValue, after: old.after?.rawValue,
                                         title: proposedTitle, text: proposedText, in: text)
        let baseBlobs = try blobs(of: change, in: head)
        try store.append(facilitator: try resolveFacilitator(facilitator), message: "Rebase amendment \(amendment.shortID) onto \(head.oid.short())") { snapshot in
            let (current, _) = try snapshot.amendment(named: amendment.id.rawValue)
            try requireOpen(current)
            return [.amendmentRebased(AmendmentRebase(amendment: amendment.id, change: change, base: head.oid.hex, baseBlobs: baseBlobs))]
        }
        return try self.amendment(amendment.id.rawValue)
    }
}
