import Foundation
import GitKit

/// What changed between two versions, for the people who publish it: the clause changes,
/// the amendments adopted (who proposed them, where they were debated, why), and the
/// revisions in between. JSON schema `charter-changelog/1`.
public struct Changelog: Hashable, Sendable, Codable {
    public struct End: Hashable, Sendable, Codable {
        /// The version (`v0.2`) or revision as named.
        public var label: String
        public var revision: String
        /// The tag, when the end is a version.
        public var tag: String?
        public var date: Date
    }

    public struct ClauseEntry: Hashable, Sendable, Codable {
        public var id: ClauseID
        /// Number in the newer version (the older one's for a removed clause).
        public var number: Int?
        public var title: String
        public var kinds: [ClauseChange.Kind]
        /// "modified (+12 −3 words), moved 5 → 7".
        public var description: String
        public var insertedWords: Int?
        public var deletedWords: Int?
        /// Short ids of the amendments that changed it.
        public var amendments: [String]
    }

    public struct WorkshopEntry: Hashable, Sendable, Codable {
        public var id: String
        public var title: String?
        public var date: String?
        public var place: String?
    }

    public struct AmendmentEntry: Hashable, Sendable, Codable {
        public var id: String
        public var shortID: String
        public var operation: AmendmentOperation?
        public var clause: ClauseID?
        /// "amends « La juste place de chacun » (juste-place)", "inserts « Le littoral » (littoral)
        /// after « Le territoire » (le-territoire)"…
        public var summary: String
        public var territory: String
        public var territoryName: String
        /// Where it was proposed and debated.
        public var workshops: [WorkshopEntry]
        public var rationale: String?
        /// The adoption commit.
        public var revision: String
        public var forced: Bool
        /// What the adoption did to the clause's text, word by word (the commit against its
        /// parent): nil when it changed no text (a move).
        public var textChange: WordDiff?
    }

    public struct RevisionEntry: Hashable, Sendable, Codable {
        public var revision: Revision
        /// The amendment the revision adopted, if any (short id).
        public var amendment: String?
    }

    public var schema = "charter-changelog/1"
    public var title: String
    public var from: End
    public var to: End
    /// Changes of the manifest besides clauses (title, sections, territories, rule).
    public var charterChanges: [String]
    public var clauses: [ClauseEntry]
    /// In adoption order.
    public var amendments: [AmendmentEntry]
    /// The first-parent revisions after `from` up to `to`, oldest first.
    public var revisions: [RevisionEntry]
}

/// One adoption commit between two revisions and the clauses it changed.
struct AmendmentCommit {
    var commit: CommitInfo
    var amendment: String
    var clauses: [ClauseID]
    /// The word diff of the first clause text it changed.
    var textChange: WordDiff?
}

extension CharterRepository {
    /// The changelog between two versions (`v0.1`, the tag `charter/v0.1`, or any revision).
    public func changelog(from old: String, to new: String) throws -> Changelog {
        let (oldOID, oldLabel, oldTag) = try resolveVersion(old)
        let (newOID, newLabel, newTag) = try resolveVersion(new)
        let oldCommit = try git.commit(oldOID), newCommit = try git.commit(newOID)
        let oldText = try charter(atCommit: oldCommit, label: oldLabel)
        let newText = try charter(atCommit: newCommit, label: newLabel)
        let diff = CharterDiff.between(oldText, newText, fromLabel: oldLabel, toLabel: newLabel)
        let commits = try amendmentCommits(from: oldOID, to: newOID)
        let book = AmendmentBook(try deliberationStore().load())
        let deliberation = try deliberationStore().load()

        var byClause: [ClauseID: [String]] = [:]
        var amendments: [Changelog.AmendmentEntry] = []
        for found in commits {
            let amendment = RecordID(found.amendment).flatMap { book.amendments[$0] }
            let short = amendment?.shortID ?? String(found.amendment.suffix(8))
            for clause in found.clauses where !(byClause[clause]?.contains(short) ?? false) { byClause[clause, default: []].append(short) }
            let territory = amendment?.territory ?? CommitTrailers.value("Proposed-by", in: found.commit.message) ?? "?"
            let workshops = amendment.map { book.workshops(of: $0) } ?? []
            amendments.append(Changelog.AmendmentEntry(
                id: found.amendment, shortID: short, operation: amendment?.change.operation, clause: amendment?.change.clause,
                summary: amendment.map { Self.summary($0.change, old: oldText, new: newText) } ?? found.commit.summary, territory: territory,
                territoryName: newText.manifest.territory(territory)?.name ?? oldText.manifest.territory(territory)?.name ?? territory,
                workshops: workshops.map { id in
                    let workshop = deliberation.workshops[id]
                    return Changelog.WorkshopEntry(id: id, title: workshop?.title, date: workshop?.date, place: workshop?.place)
                },
                rationale: amendment?.proposal.rationale, revision: found.commit.oid.hex,
                forced: CommitTrailers.value("Forced", in: found.commit.message) != nil, textChange: found.textChange))
        }
        let clauses = diff.clauses.filter { $0.kinds != [.renumbered] }.map { change in
            Changelog.ClauseEntry(id: change.id, number: change.number, title: change.title, kinds: change.kinds,
                                  description: DiffWording.kinds(change), insertedWords: change.body?.insertedWords,
                                  deletedWords: change.body?.deletedWords, amendments: byClause[change.id] ?? [])
        }
        let revisions = try git.walk(from: [newOID], hiding: [oldOID], firstParent: true, reverse: true).map { oid in
            let commit = try git.commit(oid)
            return Changelog.RevisionEntry(revision: revision(commit),
                                           amendment: CommitTrailers.value(Self.amendmentTrailer, in: commit.message).map { String($0.suffix(8)) })
        }
        return Changelog(title: newText.manifest.title,
                         from: Changelog.End(label: oldLabel, revision: oldOID.hex, tag: oldTag, date: oldCommit.committer.date),
                         to: Changelog.End(label: newLabel, revision: newOID.hex, tag: newTag, date: newCommit.committer.date),
                         charterChanges: DiffWording.manifestLines(diff), clauses: clauses, amendments: amendments, revisions: revisions)
    }

    /// "amends « La juste place de chacun » (juste-place)": a change in words, with titles.
    static func summary(_ change: AmendmentChange, old: Charter, new: Charter) -> String {
        func title(_ id: ClauseID?) -> String {
            guard let id else { return "?" }
            let title = old.clauses[id]?.title ?? new.clauses[id]?.title ?? change.title
            return title.map { "« \($0) » (\(id))" } ?? "`\(id)`"
        }
        switch change.operation {
        case .replace:
            let retitled = change.title.map { ", retitled « \($0) »" } ?? ""
            return "amends \(title(change.clause))\(retitled)"
        case .insert: return "inserts \(title(change.clause)) after \(title(change.after))"
        case .delete: return "deletes \(title(change.clause))"
        case .move: return "moves \(title(change.clause)) after \(title(change.after))"
        }
    }

    /// The adoption commits on the first-parent history after `old` up to `new`, oldest
    /// first, with the clauses each changed (renumbering alone does not count).
    func amendmentCommits(from old: OID?, to new: OID) throws -> [AmendmentCommit] {
        var found: [AmendmentCommit] = []
        for oid in try git.walk(from: [new], hiding: old.map { [$0] } ?? [], firstParent: true, reverse: true) {
            let commit = try git.commit(oid)
            guard let amendment = CommitTrailers.value(Self.amendmentTrailer, in: commit.message) else { continue }
            var clauses: [ClauseID] = []
            var textChange: WordDiff?
            if let parent = commit.parents.first,
               let before = try? charter(atCommit: git.commit(parent), label: parent.short()),
               let after = try? charter(atCommit: commit, label: oid.short()) {
                let changes = CharterDiff.between(before, after, fromLabel: "", toLabel: "").clauses.filter { $0.kinds != [.renumbered] }
                clauses = changes.map(\.id)
                textChange = changes.lazy.compactMap(\.body).first { $0.insertedWords + $0.deletedWords > 0 || $0.segments.contains { $0.kind != .equal } }
            }
            found.append(AmendmentCommit(commit: commit, amendment: amendment, clauses: clauses, textChange: textChange))
        }
        return found
    }

    /// For `charter diff --amendments`: for each clause, the amendments (short ids) adopted
    /// between two revisions that changed it. With the working tree as the new side, up to HEAD.
    public func amendmentAnnotations(from old: CharterSource, to new: CharterSource) throws -> [ClauseID: [String]] {
        func oid(_ source: CharterSource) throws -> OID? {
            switch source {
            case .workingTree: return try git.head()
            case .revision(let spec): return try resolveOID(spec)
            }
        }
        guard let newOID = try oid(new) else { return [:] }
        let oldOID = try oid(old)
        guard oldOID != newOID else { return [:] }
        var annotations: [ClauseID: [String]] = [:]
        for found in try amendmentCommits(from: oldOID, to: newOID) {
            let short = String(found.amendment.suffix(8))
            for clause in found.clauses where !(annotations[clause]?.contains(short) ?? false) {
                annotations[clause, default: []].append(short)
            }
        }
        return annotations
    }
}

/// Renders a `Changelog` as Markdown, the text a communications team publishes.
public struct ChangelogMarkdownRenderer: Sendable {
    public init() {}

    public func render(_ log: Changelog) -> String {
        var out = "# \(log.title): from \(log.from.label) to \(log.to.label)\n\n"
        out += "\(Self.day(log.from.date)) → \(Self.day(log.to.date)) · \(log.revisions.count) revision\(log.revisions.count == 1 ? "" : "s")"
        out += ", \(log.amendments.count) amendment\(log.amendments.count == 1 ? "" : "s") adopted\n\n"
        if !log.amendments.isEmpty {
            out += "## Amendments adopted\n\n"
            for amendment in log.amendments {
                out += "- **\(amendment.shortID)** — \(amendment.summary), proposed by \(amendment.territoryName)"
                if !amendment.workshops.isEmpty {
                    let places = amendment.workshops.map { workshop -> String in
                        var text = workshop.title.map { "« \($0) »" } ?? "`\(workshop.id)`"
                        if let date = workshop.date { text += " (\(date))" }
                        return text
                    }
                    out += ", debated at " + places.joined(separator: ", ")
                }
                out += amendment.forced ? "; adopted without consensus.\n" : ".\n"
                if let rationale = amendment.rationale, !rationale.isEmpty {
                    out += "  > " + rationale.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  > ") + "\n"
                }
                if let change = amendment.textChange {
                    // The text change itself, word by word, around the changes.
                    let words = MarkdownDiffRenderer.words(WordDiff(segments: DiffContext().shorten(change.segments)))
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                    if !words.isEmpty {
                        out += "\n  " + words.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ") + "\n\n"
                    }
                }
            }
            out += "\n"
        }
        out += "## Changes to the text\n\n"
        if log.clauses.isEmpty && log.charterChanges.isEmpty { out += "No change.\n\n" }
        for line in log.charterChanges { out += "- \(line)\n" }
        for clause in log.clauses {
            let number = clause.number.map { "\($0). " } ?? ""
            out += "- \(number)« \(clause.title) » (`\(clause.id)`): \(clause.description)"
            if !clause.amendments.isEmpty { out += " — amendment \(clause.amendments.joined(separator: ", "))" }
            out += "\n"
        }
        if !log.clauses.isEmpty || !log.charterChanges.isEmpty { out += "\n" }
        let others = log.revisions.filter { $0.amendment == nil }
        if !others.isEmpty {
            out += "## Other revisions\n\n"
            for entry in others {
                out += "- \(entry.revision.shortID) \(entry.revision.summary) (\(entry.revision.author.name), \(Self.day(entry.revision.date)))\n"
            }
            out += "\n"
        }
        return out
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
