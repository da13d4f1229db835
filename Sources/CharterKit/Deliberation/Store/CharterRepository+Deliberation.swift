import Foundation
import GitKit

/// What a facilitator asks to record about a clause.
public struct CommentRequest: Sendable {
    public var workshop: String
    public var territory: String
    /// The clause's id, or its number in the workshop's text.
    public var clause: String
    public var position: Position?
    public var text: String
    public var quote: String?
    /// Set to comment on an amendment (its id, or a unique prefix or suffix) rather than a
    /// clause; `clause` is then ignored.
    public var amendment: String?

    public init(workshop: String, territory: String, clause: String, position: Position?, text: String, quote: String? = nil,
                amendment: String? = nil) {
        self.workshop = workshop
        self.territory = territory
        self.clause = clause
        self.position = position
        self.text = text
        self.quote = quote
        self.amendment = amendment
    }
}

extension CharterRepository {
    /// The deliberation store named by the manifest at HEAD (or the working
    /// tree's, before the first commit).
    public func deliberationStore() throws -> DeliberationStore {
        // Only the manifest is needed: read it alone (cached by blob id) when HEAD has one.
        if let head = try? git.head(), let root = try? git.commit(head).tree, let folder = try? charterTree(root),
           let entry = try? git.entry(atPath: ManifestFile.fileName, inTree: folder), entry.kind == .blob,
           let parsed = try? manifest(blob: entry.oid) {
            return DeliberationStore(git: git, branch: parsed.manifest.deliberationBranch, indexEnabled: indexEnabled)
        }
        let manifestBranch = (try? charter(.revision("HEAD")))?.manifest.deliberationBranch
            ?? (try? charter(.workingTree))?.manifest.deliberationBranch
        return DeliberationStore(git: git, branch: manifestBranch ?? Manifest.defaultDeliberationBranch, indexEnabled: indexEnabled)
    }

    /// The facilitator: the one given, else git's identity.
    public func resolveFacilitator(_ given: Person?) throws -> Person {
        if let given { return given }
        do {
            let signature = try git.defaultSignature()
            return Person(name: signature.name, email: signature.email)
        } catch {
            throw CharterError(.badInput, "no facilitator to record the entry under",
                               hint: "pass --facilitator \"Name <mail@example.org>\", or set git config user.name and user.email")
        }
    }

    // MARK: Workshops

    /// Opens a workshop on a text revision (HEAD by default) with the territories taking part.
    @discardableResult
    public func openWorkshop(id: String, title: String, date: String, place: String?, territories: [String],
                             at revision: String? = nil, facilitator: Person?) throws -> Workshop {
        guard ClauseID.isValid(id) else {
            throw CharterError(.invalidID, "`\(id)` is not a valid workshop id", hint: "use lower-case letters, digits and dashes, e.g. `lyon-2026-03`")
        }
        guard WorkshopDate.isValid(date) else {
            throw CharterError(.badInput, "`\(date)` is not a date in the form YYYY-MM-DD", hint: "e.g. --date 2026-03-14")
        }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CharterError(.badInput, "the workshop needs a title", hint: "pass --title")
        }
        let spec = revision ?? "HEAD"
        let commit = try git.commit(resolveOID(spec))
        let text = try charter(atCommit: commit, label: spec)
        guard !territories.isEmpty else {
            throw CharterError(.badInput, "name the territories taking part", hint: "pass --territories a,b,c")
        }
        for territory in territories where text.manifest.territory(territory) == nil {
            throw unknownTerritory(territory, in: text.manifest)
        }
        let store = try deliberationStore()
        let who = try resolveFacilitator(facilitator)
        try store.append(facilitator: who, message: "Open workshop \(id): \(title)") { snapshot in
            if try snapshot.workshop(id) != nil {
                throw CharterError(.alreadyExists, "workshop `\(id)` already exists", hint: "choose another id, or `charter workshop show \(id)`")
            }
            return [.workshopOpened(WorkshopOpening(workshop: id, title: title, date: date, place: place,
                                                    territories: territories, revision: commit.oid.hex))]
        }
        return try workshop(id)
    }

    /// Seals a workshop: nothing more is recorded in it until it is reopened.
    public func closeWorkshop(_ id: String, facilitator: Person?) throws {
        let store = try deliberationStore()
        try store.append(facilitator: try resolveFacilitator(facilitator), message: "Close workshop \(id)") { snapshot in
            let workshop = try requireWorkshop(id, snapshot)
            guard workshop.isOpen else {
                throw CharterError(.workshopClosed, "workshop `\(id)` is already closed")
            }
            return [.workshopClosed(WorkshopStateChange(workshop: id))]
        }
    }

    /// Reopens a closed workshop; the reopening records who and why.
    public func reopenWorkshop(_ id: String, reason: String, facilitator: Person?) throws {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CharterError(.reasonRequired, "reopening a sealed workshop needs a reason", hint: "pass --reason \"…\"")
        }
        let store = try deliberationStore()
        try store.append(facilitator: try resolveFacilitator(facilitator), message: "Reopen workshop \(id): \(reason)") { snapshot in
            let workshop = try requireWorkshop(id, snapshot)
            guard !workshop.isOpen else {
                throw CharterError(.badInput, "workshop `\(id)` is open already")
            }
            return [.workshopReopened(WorkshopStateChange(workshop: id, reason: reason))]
        }
    }

    /// A workshop as its records say.
    public func workshop(_ id: String) throws -> Workshop {
        guard let workshop = try deliberationStore().load().workshops[id] else {
            throw CharterError(.unknownWorkshop, "no workshop `\(id)`", hint: "`charter workshop list` shows them")
        }
        return workshop
    }

    func requireWorkshop(_ id: String, _ snapshot: DeliberationSnapshot) throws -> Workshop {
        guard let workshop = try snapshot.workshop(id) else {
            throw CharterError(.unknownWorkshop, "no workshop `\(id)`",
                               hint: "open it first with `charter workshop open \(id) …`, or see `charter workshop list`")
        }
        return workshop
    }

    func requireOpen(_ workshop: Workshop) throws {
        guard workshop.isOpen else {
            throw CharterError(.workshopClosed, "workshop `\(workshop.id)` is closed: nothing more is recorded in it",
                               hint: "reopen it with `charter workshop reopen \(workshop.id) --reason \"…\"`")
        }
    }

    func unknownTerritory(_ id: String, in manifest: Manifest) -> CharterError {
        CharterError(.unknownTerritory, "territory `\(id)` is not in the manifest",
                     hint: "known territories: \(manifest.territories.map(\.id).joined(separator: ", "))")
    }

    // MARK: Comments

    /// Records what a territory said about a clause at a workshop.
    @discardableResult
    public func addComment(_ request: CommentRequest, facilitator: Person?) throws -> Record {
        if let amendment = request.amendment {
            return try addAmendmentComment(request, amendment: amendment, facilitator: facilitator)
        }
        let store = try deliberationStore()
        let who = try resolveFacilitator(facilitator)
        // The message names the clause by its id, also when it was given by its number.
        let records = try store.append(facilitator: who, describe: { events in
            guard case .comment(let comment)? = events.first else { return "Comment at \(request.workshop)" }
            return "\(comment.position.map { "\($0.rawValue.prefix(1).uppercased())\($0.rawValue.dropFirst())" } ?? "Remark")"
                + " by \(comment.territory) on \(comment.clause) at \(comment.workshop)"
        }) { snapshot in
            let workshop = try requireWorkshop(request.workshop, snapshot)
            let context = try WorkshopText(repository: self, workshop: workshop)
            return [.comment(try context.comment(for: request, importKey: nil))]
        }
        guard let record = records.first else { throw CharterError(.repository, "nothing was recorded") }
        return record
    }

    /// Withdraws a comment; it stays in the history, marked retracted.
    public func retractComment(_ id: String, reason: String, facilitator: Person?) throws {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CharterError(.reasonRequired, "a retraction needs a reason", hint: "pass --reason \"…\"")
        }
        let store = try deliberationStore()
        // A full id is found through its shard; a short one (as lists show) among every comment.
        let recordID: RecordID
        if let full = RecordID(id.lowercased()) {
            recordID = full
        } else {
            let deliberation = try store.load()
            recordID = try RecordID.resolve(id, among: (deliberation.comments + deliberation.amendmentComments).map(\.id),
                                            noun: "comment", code: .unknownComment, listedBy: "charter comment list")
        }
        try store.append(facilitator: try resolveFacilitator(facilitator), message: "Retract comment \(recordID): \(reason)") { snapshot in
            guard let comment = try snapshot.comment(recordID) else {
                throw CharterError(.unknownComment, "no comment `\(id)`", hint: "`charter comment list` shows the ids")
            }
            guard !comment.isRetracted else { throw CharterError(.badInput, "comment `\(id)` is already retracted") }
            guard let workshop = try snapshot.workshop(comment.comment.workshop) else {
                throw CharterError(.unknownWorkshop, "no workshop `\(comment.comment.workshop)`")
            }
            try requireOpen(workshop)
            return [.commentRetracted(CommentRetraction(comment: recordID, clause: comment.comment.clause, reason: reason,
                                                        amendment: comment.comment.amendment))]
        }
    }
}

/// Valid `YYYY-MM-DD` days.
enum WorkshopDate {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        var components = DateComponents(year: year, month: month, day: day)
        components.calendar = Calendar(identifier: .gregorian)
        return (1...12).contains(month) && (1...31).contains(day) && components.isValidDate
    }
}
