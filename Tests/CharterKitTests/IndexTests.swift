@testable import CharterKit
import Foundation
import GitKit
import Testing
import TestSupport

/// The derived caches under `.git/charter/` give the same answers as a cold computation: after
/// random appends, after a union merge of two deliberation histories, and after the cache
/// files are deleted or damaged.
@Suite("Derived index")
struct IndexTests {
    /// A seeded generator, so a failure can be replayed.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A small repository whose `main` is written straight through GitKit.
    final class TextRepository {
        let scratch = Scratch("charter-index")
        let git: Repository
        var random: Random
        var sections: [[String]] = [["a", "b", "c", "d"], ["e", "f", "g"]]
        var bodies: [String: [String]] = [:]
        var titles: [String: String] = [:]
        /// What ends each clause's text: changing it alone is an editorial change.
        var endings: [String: String] = [:]
        var next = 0
        let words = ["alliance", "territoire", "confiance", "commun", "place", "projet", "partage", "réseau", "écoute", "règle"]

        init(seed: UInt64) throws {
            random = Random(state: seed)
            git = try Repository.create(at: scratch.path)
            for id in sections.flatMap({ $0 }) {
                bodies[id] = (0..<12).map { _ in words.randomElement(using: &random)! }
                titles[id] = "Titre \(id)"
            }
            try commit(files: sections.flatMap { $0 }, manifest: true, message: "Premier texte")
        }

        var repository: CharterRepository { CharterRepository(git: git, directory: "charter") }
        var coldRepository: CharterRepository { CharterRepository(git: git, directory: "charter", indexEnabled: false) }
        var cacheFolder: URL { URL(fileURLWithPath: git.gitDirectory).appendingPathComponent("charter") }

        func commit(files: [String], manifest: Bool, removed: [String] = [], message: String) throws {
            var updates: [TreeUpdate] = []
            for id in files {
                let clause = Clause(id: ClauseID(id)!, title: titles[id]!, body: bodies[id]!.joined(separator: " ") + (endings[id] ?? ".") + "\n")
                updates.append(.upsert(path: "charter/clauses/\(id).md", blob: try git.writeBlob(Data(ClauseFile.render(clause).utf8))))
            }
            for id in removed { updates.append(.remove(path: "charter/clauses/\(id).md")) }
            if manifest {
                let text = ManifestFile.render(Manifest(
                    title: "Charte", sections: sections.enumerated().map { Section(title: "Partie \($0.offset)", clauses: $0.element.map { ClauseID($0)! }) },
                    territories: (1...4).map { Territory(id: "t\($0)", name: "Territoire \($0)") },
                    consensus: ConsensusRule(kind: .consent, quorum: 2)))
                updates.append(.upsert(path: "charter/charter.yml", blob: try git.writeBlob(Data(text.utf8))))
            }
            let head = try git.reference("refs/heads/main")
            let base = try head.map { try git.commit($0).tree }
            let tree = try git.updateTree(base, updates)
            next += 1
            let signature = Signature(name: "Éditrice", email: "e@example.org", date: Date(timeIntervalSince1970: 1_700_000_000 + Double(next) * 60))
            let commit = try git.createCommit(tree: tree, parents: head.map { [$0] } ?? [], author: signature, committer: signature,
                                              message: "\(message)\n")
            try git.updateReference("refs/heads/main", to: commit, expected: head, message: "test")
        }

        /// One random revision: words changed in a clause or two, or a move, a retitle, a
        /// clause added or removed, or a file outside the charter.
        func randomRevision() throws {
            let all = sections.flatMap { $0 }
            switch Int.random(in: 0..<10, using: &random) {
            case 0:
                var from = Int.random(in: 0..<sections.count, using: &random)
                if sections[from].count < 2 { from = 1 - from }
                let id = sections[from].remove(at: Int.random(in: 0..<sections[from].count, using: &random))
                let to = Int.random(in: 0..<sections.count, using: &random)
                sections[to].insert(id, at: Int.random(in: 0...sections[to].count, using: &random))
                try commit(files: [], manifest: true, message: "Déplacer \(id)")
            case 1:
                let id = "n\(next)"
                bodies[id] = (0..<8).map { _ in words.randomElement(using: &random)! }
                titles[id] = "Nouveau \(next)"
                sections[Int.random(in: 0..<sections.count, using: &random)].append(id)
                try commit(files: [id], manifest: true, message: "Ajouter \(id)")
            case 2 where all.count > 5:
                let id = all.randomElement(using: &random)!
                for index in sections.indices { sections[index].removeAll { $0 == id } }
                bodies[id] = nil
                try commit(files: [], manifest: true, removed: [id], message: "Retirer \(id)")
            case 3:
                let id = all.randomElement(using: &random)!
                titles[id] = "Titre \(id) \(next)"
                try commit(files: [id], manifest: false, message: "Retitrer \(id)")
            case 5:
                // Punctuation only: an editorial change, positions carry forward.
                let id = all.randomElement(using: &random)!
                endings[id] = endings[id] == " !" ? "." : " !"
                try commit(files: [id], manifest: false, message: "Ponctuation \(id)")
            case 4:
                // Outside the charter: not a revision of it.
                let head = try git.reference("refs/heads/main")!
                let tree = try git.updateTree(try git.commit(head).tree,
                                              [.upsert(path: "README.md", blob: try git.writeBlob(Data("\(next)\n".utf8)))])
                next += 1
                let signature = Signature(name: "Autre", email: "o@example.org")
                let commit = try git.createCommit(tree: tree, parents: [head], author: signature, committer: signature, message: "README\n")
                try git.updateReference("refs/heads/main", to: commit, expected: head, message: "test")
            default:
                var touched: [String] = []
                for _ in 0..<Int.random(in: 1...2, using: &random) {
                    let id = all.randomElement(using: &random)!
                    var body = bodies[id]!
                    body[Int.random(in: 0..<body.count, using: &random)] = words.randomElement(using: &random)!
                    if Bool.random(using: &random) { body.insert(words.randomElement(using: &random)!, at: 0) }
                    bodies[id] = body
                    touched.append(id)
                }
                try commit(files: touched, manifest: false, message: "Réviser")
            }
        }

        /// Every clause id that ever existed.
        var everyClause: [ClauseID] { (Array(bodies.keys) + ["a", "b", "c", "d", "e", "f", "g", "absent"]).compactMap(ClauseID.init) }
    }

    /// The history as the engine computed it before the index: every first-parent commit's
    /// two whole charters compared.
    static func referenceHistory(_ repository: CharterRepository, clause: ClauseID?, from tip: OID) throws -> [HistoryEntry] {
        let git = repository.git
        let commits = try git.walk(from: [tip], firstParent: true)
        var entries: [HistoryEntry] = []
        for (index, oid) in commits.enumerated() {
            let commit = try git.commit(oid)
            let parent = index + 1 < commits.count ? try git.commit(commits[index + 1]) : nil
            let tree = try repository.charterTree(commit.tree)
            let parentTree = try parent.map { try repository.charterTree($0.tree) } ?? nil
            guard tree != parentTree else { continue }
            let old = try parentTree.map { try repository.charter(tree: $0) } ?? Charter.empty
            let new = try tree.map { try repository.charter(tree: $0) } ?? Charter.empty
            let diff = CharterDiff.between(old, new, fromLabel: "", toLabel: "")
            var changes = diff.clauses
            if let clause { changes = changes.filter { $0.id == clause } }
            var charterChanges: [String] = []
            if clause == nil && parentTree != nil {
                if diff.manifest.title != nil { charterChanges.append("title") }
                if diff.manifest.language != nil { charterChanges.append("language") }
                if !diff.manifest.sections.isEmpty { charterChanges.append("sections") }
                if diff.manifest.territories != nil { charterChanges.append("territories") }
                if diff.manifest.consensus != nil { charterChanges.append("consensus") }
            }
            if changes.isEmpty && charterChanges.isEmpty { continue }
            entries.append(HistoryEntry(revision: repository.revision(commit), events: changes.map(ClauseEvent.init), charterChanges: charterChanges))
        }
        return entries
    }

    static func expectSameHistory(_ text: TextRepository, from tip: OID? = nil) throws {
        let head = try tip ?? text.git.reference("refs/heads/main")!
        for clause in [nil] + text.everyClause {
            let indexed = try text.repository.history(of: clause, from: head.hex)
            let cold = try text.coldRepository.history(of: clause, from: head.hex)
            let reference = try referenceHistory(text.coldRepository, clause: clause, from: head)
            #expect(indexed == reference, "history of \(clause?.rawValue ?? "the charter") differs from the full comparison")
            #expect(cold == reference, "history of \(clause?.rawValue ?? "the charter") without the index differs")
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func historyMatchesTheFullComparisonAfterRandomAppends(seed: UInt64) throws {
        let text = try TextRepository(seed: seed)
        for _ in 0..<25 { try text.randomRevision() }
        try Self.expectSameHistory(text)
        let indexFile = text.repository.historyIndexURL
        #expect(FileManager.default.fileExists(atPath: indexFile.path))
        let middle = try text.git.walk(from: [text.git.reference("refs/heads/main")!], firstParent: true)[7]
        // More revisions: the index is extended from its tip, not rebuilt.
        for _ in 0..<15 { try text.randomRevision() }
        let before = try HistoryIndex.decode(Data(contentsOf: indexFile), directory: "charter")
        try Self.expectSameHistory(text)
        let after = try #require(HistoryIndex.decode(Data(contentsOf: indexFile), directory: "charter"))
        #expect(try after.tip == text.git.reference("refs/heads/main"))
        #expect(Array(after.commits.prefix(before?.count ?? 0)) == before?.commits)
        // An older tip is answered from the same index.
        try Self.expectSameHistory(text, from: middle)
        // The index lists what git lists.
        let revisions = try text.repository.indexedHistory()
        let walked = try text.git.walk(from: [text.git.reference("refs/heads/main")!], firstParent: true, reverse: true)
        #expect(revisions.map(\.id) == walked.map(\.hex))
    }

    @Test func historyIsRebuiltWhenTheCacheIsMissingOrDamaged() throws {
        let text = try TextRepository(seed: 42)
        for _ in 0..<20 { try text.randomRevision() }
        try Self.expectSameHistory(text)
        let indexFile = text.repository.historyIndexURL
        let manifests = text.cacheFolder.appendingPathComponent("manifests.cache")
        let good = try Data(contentsOf: indexFile)
        var damages: [Data] = [Data(), Data("not an index".utf8), good.prefix(good.count / 2), good + Data([1])]
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        damages.append(flipped)
        for damaged in damages {
            try damaged.write(to: indexFile)
            let manifestData = try Data(contentsOf: manifests)
            try manifestData.prefix(manifestData.count - 3).write(to: manifests)
            try Self.expectSameHistory(text)
            #expect(HistoryIndex.decode(try Data(contentsOf: indexFile), directory: "charter") != nil, "the index is written again")
        }
        try FileManager.default.removeItem(at: text.cacheFolder)
        try Self.expectSameHistory(text)
        // A rewritten branch (the last commit replaced): rebuilt, same answers.
        let head = try text.git.reference("refs/heads/main")!
        let parent = try text.git.commit(head).parents[0]
        let signature = Signature(name: "Autre", email: "o@example.org")
        let replaced = try text.git.createCommit(tree: try text.git.commit(parent).tree, parents: [parent], author: signature,
                                                 committer: signature, message: "Rien\n")
        try text.git.updateReference("refs/heads/main", to: replaced, expected: head, message: "test")
        try text.randomRevision()
        try Self.expectSameHistory(text)
    }

    // MARK: Deliberation

    static let facilitator = Person(name: "Animatrice", email: "a@example.org")

    /// Records random comments (positions, questions, quotes) and a few retractions.
    static func randomComments(_ repository: CharterRepository, workshop: String, count: Int, territories: Int = 4,
                               random: inout Random) throws {
        let clauses = try repository.charter(.revision("HEAD")).clauses.keys.map(\.rawValue).sorted()
        var recorded: [Record] = []
        for _ in 0..<count {
            let position = [Position.support, .reservation, .objection, nil].randomElement(using: &random)!
            let request = CommentRequest(workshop: workshop, territory: "t\(Int.random(in: 1...territories, using: &random))",
                                         clause: clauses.randomElement(using: &random)!, position: position,
                                         text: position == .support ? "" : "Raison \(Int.random(in: 0...9, using: &random))")
            recorded.append(try repository.addComment(request, facilitator: facilitator))
        }
        for record in recorded.prefix(2) where Bool.random(using: &random) {
            try repository.retractComment(record.id.rawValue, reason: "Erreur", facilitator: facilitator)
        }
    }

    static func expectSameStatus(_ text: TextRepository) throws {
        let indexed = try text.repository.status()
        let cold = try text.coldRepository.status()
        #expect(indexed == cold, "status from the position index differs from the fold over every record")
    }

    @Test(arguments: [UInt64(7), 8])
    func statusMatchesTheFoldAfterRandomAppends(seed: UInt64) throws {
        let text = try TextRepository(seed: seed)
        for _ in 0..<6 { try text.randomRevision() }
        var random = Random(state: seed)
        let repository = text.repository
        try repository.openWorkshop(id: "lyon", title: "Lyon", date: "2026-03-01", place: nil, territories: ["t1", "t2", "t3", "t4"],
                                    facilitator: Self.facilitator)
        try Self.randomComments(repository, workshop: "lyon", count: 25, random: &random)
        try Self.expectSameStatus(text)
        // The text moves on (some comments become stale), more is recorded: updated incrementally.
        for _ in 0..<4 { try text.randomRevision() }
        try repository.openWorkshop(id: "nantes", title: "Nantes", date: "2026-04-01", place: nil, territories: ["t1", "t2", "t3"],
                                    facilitator: Self.facilitator)
        try Self.randomComments(text.repository, workshop: "nantes", count: 20, territories: 3, random: &random)
        try Self.expectSameStatus(text)
        // Damaged or missing cache: rebuilt, same answer.
        let cache = try text.repository.deliberationStore().positionIndexURL
        let good = try Data(contentsOf: cache)
        for damaged in [Data(), good.prefix(good.count - 9), Data(good.reversed())] {
            try damaged.write(to: cache)
            try Self.expectSameStatus(text)
        }
        try FileManager.default.removeItem(at: text.cacheFolder)
        try Self.expectSameStatus(text)
    }

    @Test func statusMatchesTheFoldAfterAUnionMerge() throws {
        let text = try TextRepository(seed: 11)
        var random = Random(state: 11)
        let repository = text.repository
        try repository.openWorkshop(id: "lyon", title: "Lyon", date: "2026-03-01", place: nil, territories: ["t1", "t2", "t3", "t4"],
                                    facilitator: Self.facilitator)
        try Self.randomComments(repository, workshop: "lyon", count: 10, random: &random)
        let git = text.git
        let branch = "refs/heads/deliberation"
        let base = try git.reference(branch)!
        // One replica records on top of the base…
        try Self.randomComments(repository, workshop: "lyon", count: 12, random: &random)
        let ours = try git.reference(branch)!
        try Self.expectSameStatus(text)   // the index now stands at `ours`
        // …another replica records on the same base.
        try git.updateReference(branch, to: base, expected: ours, message: "test: other replica")
        try Self.randomComments(repository, workshop: "lyon", count: 12, random: &random)
        let theirs = try git.reference(branch)!
        // The sync-style merge: the union of both trees' files, a commit with both parents.
        var updates: [TreeUpdate] = []
        for change in try git.diffTrees(try git.commit(base).tree, try git.commit(theirs).tree) {
            #expect(change.kind == .added, "records are only ever added")
            if let blob = change.newOID { updates.append(.upsert(path: change.path, blob: blob)) }
        }
        let merged = try git.updateTree(try git.commit(ours).tree, updates)
        let signature = Signature(name: "Sync", email: "s@example.org")
        let merge = try git.createCommit(tree: merged, parents: [ours, theirs], author: signature, committer: signature, message: "Merge\n")
        try git.updateReference(branch, to: merge, expected: theirs, message: "test: union merge")
        try Self.expectSameStatus(text)
        let index = try text.repository.deliberationStore().positionIndex()
        #expect(index.tip == merge)
        #expect(index.rows.count == 34)
    }
}
