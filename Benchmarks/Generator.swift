import CharterKit
import Foundation
import GitKit

/// A small, fast, seeded random number generator (SplitMix64): the same seed gives the same
/// repositories on every machine.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What the text generator made, for the workloads and the deliberation generator.
struct TextHistory {
    var commits: [OID]                 // oldest first
    var clauseIDs: [String]            // the clauses present at the tip
    /// For chosen revision indexes: each clause's blob there.
    var blobsAt: [Int: [String: OID]]
}

/// Writes a charter history straight into the object database (one pack), the way a long
/// editorial process would have made it: an initial text, then revisions that each change a
/// few words in one to three clauses, with now and then a clause moved in the manifest, a
/// clause retitled, a clause added and one removed.
struct TextGenerator {
    let path: String
    let clauses: Int
    let revisions: Int
    let territories: Int
    var random = SeededRandom(seed: 0xC4A7_7E12)

    static let syllables = ["ba", "ce", "di", "fo", "gu", "la", "mé", "no", "pi", "ré", "sa", "tè", "vu", "ro", "mi",
                            "ka", "lé", "tu", "an", "on", "ai", "ou", "en", "é", "cha", "pré", "tion", "vers", "al", "li"]
    lazy var vocabulary: [String] = {
        var words = Set<String>()
        var rng = SeededRandom(seed: 7)
        while words.count < 4000 {
            let count = Int.random(in: 2...4, using: &rng)
            words.insert((0..<count).map { _ in TextGenerator.syllables.randomElement(using: &rng)! }.joined())
        }
        return words.sorted()
    }()

    init(path: String, clauses: Int, revisions: Int, territories: Int) {
        self.path = path
        self.clauses = clauses
        self.revisions = revisions
        self.territories = territories
    }

    static func clauseID(_ index: Int) -> String { "clause-" + String(format: "%04d", index) }
    static func territoryID(_ index: Int) -> String { "territoire-" + String(format: "%03d", index) }

    mutating func word() -> String { vocabulary.randomElement(using: &random)! }

    /// Paragraphs of tokens; a token carries its own capital and full stop, so an edit
    /// changes only the words it touches (as an editor's would).
    mutating func body() -> [[String]] {
        (0..<Int.random(in: 2...3, using: &random)).map { _ in
            let count = Int.random(in: 30...55, using: &random)
            return (0..<count).map { index in
                var token = word()
                if index % 11 == 0 { token = token.prefix(1).uppercased() + token.dropFirst() }
                if index % 11 == 10 || index == count - 1 { token += "." }
                return token
            }
        }
    }

    static func render(id: String, title: String, body: [[String]]) -> Data {
        let paragraphs = body.map { $0.joined(separator: " ") }
        return Data("---\nid: \(id)\ntitle: \(title)\n---\n\n\(paragraphs.joined(separator: "\n\n"))\n".utf8)
    }

    static func manifest(sections: [[String]], territories: Int) -> Data {
        let manifest = Manifest(
            title: "Charte de référence (banc d’essai)", language: "fr",
            sections: sections.enumerated().map { Section(title: "Partie \($0.offset + 1)", clauses: $0.element.map { ClauseID($0)! }) },
            territories: (1...max(territories, 1)).map { Territory(id: territoryID($0), name: "Territoire \($0)") },
            consensus: ConsensusRule(kind: .consent, quorum: max(1, min(territories, 10) / 2)))
        return Data(ManifestFile.render(manifest).utf8)
    }

    /// Builds the history on `main` and checks it out. `snapshotAt` names the revision indexes
    /// whose clause blobs the deliberation generator needs.
    mutating func generate(snapshotAt: Set<Int>, log: (String) -> Void) throws -> TextHistory {
        let repository = try Repository.create(at: path)
        let writer = try repository.bufferedWriter()
        let git = writer
        var titles: [String: String] = [:]
        var bodies: [String: [[String]]] = [:]
        var blobs: [String: OID] = [:]
        var nextClause = clauses + 1
        let sectionCount = max(1, clauses / 50)
        var sections: [[String]] = Array(repeating: [], count: sectionCount)
        for index in 1...clauses {
            let id = TextGenerator.clauseID(index)
            sections[(index - 1) * sectionCount / clauses].append(id)
            titles[id] = "Article \(index) \(word())"
            bodies[id] = body()
        }
        var updates: [TreeUpdate] = []
        for (id, body) in bodies {
            let blob = try git.writeBlob(TextGenerator.render(id: id, title: titles[id]!, body: body))
            blobs[id] = blob
            updates.append(.upsert(path: "charter/clauses/\(id).md", blob: blob))
        }
        updates.append(.upsert(path: "charter/charter.yml", blob: try git.writeBlob(TextGenerator.manifest(sections: sections, territories: territories))))
        updates.append(.upsert(path: "README.md", blob: try git.writeBlob(Data("Banc d’essai de charter.\n".utf8))))
        var tree = try git.updateTree(nil, updates)
        let editors = (1...12).map { Signature(name: "Éditrice \($0)", email: "editrice\($0)@example.org") }
        let start = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01
        func signature(_ index: Int) -> Signature {
            var signature = editors[index % editors.count]
            signature.date = start.addingTimeInterval(TimeInterval(index) * 3600)
            return signature
        }
        var parent = try git.createCommit(tree: tree, parents: [], author: signature(0), committer: signature(0),
                                          message: "Premier texte de la charte\n")
        var commits = [parent]
        var blobsAt: [Int: [String: OID]] = [:]
        if snapshotAt.contains(0) { blobsAt[0] = blobs }
        for revision in 1..<max(revisions, 1) {
            updates.removeAll(keepingCapacity: true)
            var touched: [String] = []
            var message = ""
            let ids = sections.flatMap { $0 }
            if revision % 100 == 50 {
                // Move a clause to another place (renumbers the clauses in between).
                var from = Int.random(in: 0..<sections.count, using: &random)
                if sections[from].count < 2 { from = sections.indices.max { sections[$0].count < sections[$1].count }! }
                let id = sections[from].remove(at: Int.random(in: 0..<sections[from].count, using: &random))
                let to = Int.random(in: 0..<sections.count, using: &random)
                sections[to].insert(id, at: Int.random(in: 0...sections[to].count, using: &random))
                message = "Déplacer \(id)"
            } else if revision % 1000 == 500 {
                // Replace a clause: one removed, a new one added in its place.
                let section = Int.random(in: 0..<sections.count, using: &random)
                let slot = Int.random(in: 0..<sections[section].count, using: &random)
                let removed = sections[section][slot]
                let added = TextGenerator.clauseID(nextClause)
                nextClause += 1
                sections[section][slot] = added
                titles[added] = "Article \(nextClause - 1) \(word())"
                bodies[added] = body()
                bodies[removed] = nil
                blobs[removed] = nil
                updates.append(.remove(path: "charter/clauses/\(removed).md"))
                touched.append(added)
                message = "Remplacer \(removed) par \(added)"
            } else {
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let id = ids.randomElement(using: &random)!
                    guard var body = bodies[id] else { continue }
                    if revision % 1000 == 250 {
                        titles[id] = "Article \(id.suffix(4)) \(word())"
                    } else {
                        for _ in 0..<Int.random(in: 1...3, using: &random) {
                            let p = Int.random(in: 0..<body.count, using: &random)
                            let w = Int.random(in: 0..<body[p].count, using: &random)
                            switch Int.random(in: 0..<3, using: &random) {
                            case 0: body[p][w] = word()
                            case 1: body[p].insert(word(), at: w)
                            default: if body[p].count > 5 { body[p].remove(at: w) } else { body[p][w] = word() }
                            }
                        }
                    }
                    bodies[id] = body
                    if !touched.contains(id) { touched.append(id) }
                }
                message = "Réviser \(touched.joined(separator: ", "))"
            }
            for id in touched {
                let blob = try git.writeBlob(TextGenerator.render(id: id, title: titles[id]!, body: bodies[id]!))
                blobs[id] = blob
                updates.append(.upsert(path: "charter/clauses/\(id).md", blob: blob))
            }
            if touched.isEmpty || message.hasPrefix("Remplacer") || message.hasPrefix("Déplacer") {
                updates.append(.upsert(path: "charter/charter.yml",
                                       blob: try git.writeBlob(TextGenerator.manifest(sections: sections, territories: territories))))
            }
            tree = try git.updateTree(tree, updates)
            parent = try git.createCommit(tree: tree, parents: [parent], author: signature(revision), committer: signature(revision),
                                          message: "\(message)\n")
            commits.append(parent)
            if snapshotAt.contains(revision) { blobsAt[revision] = blobs }
            if revision % 20_000 == 0 { try writer.flush() }
            if revision % 2000 == 0 { log("  \(revision) revisions") }
        }
        try writer.flush()
        try repository.updateReference("refs/heads/main", to: parent, expected: nil, message: "bench: generated history")
        return TextHistory(commits: commits, clauseIDs: sections.flatMap { $0 }, blobsAt: blobsAt)
    }

    /// The revision index `i` of `count` workshops is opened on.
    static func workshopRevisions(workshops: Int, revisions: Int) -> [Int] {
        (0..<workshops).map { min(revisions - 1, ($0 + 1) * revisions / (workshops + 1)) }
    }
}

/// Writes a deliberation branch: workshops opened on revisions spread over the history, each
/// with its share of positions and comments, a few retractions, workshops closed in turn.
struct DeliberationGenerator {
    let repository: Repository
    let history: TextHistory
    let territories: Int
    let workshops: Int
    let records: Int
    var random = SeededRandom(seed: 0xDE11_BE7A)

    func workshopID(_ index: Int) -> String { "atelier-" + String(format: "%03d", index + 1) }

    /// Territories taking part in workshop `index`: up to 50, rotating.
    func participants(_ index: Int) -> [String] {
        let count = min(territories, 50)
        return (0..<count).map { TextGenerator.territoryID((index * 7 + $0) % territories + 1) }
    }

    mutating func generate(log: (String) -> Void) throws -> OID {
        let writer = try repository.bufferedWriter()
        let git = writer
        let facilitators = (1...20).map { Person(name: "Animatrice \($0)", email: "animatrice\($0)@example.org") }
        let revisionIndexes = TextGenerator.workshopRevisions(workshops: workshops, revisions: history.commits.count)
        var tree: OID? = nil
        var tip: OID? = nil
        var clock = 0
        var millis: Int64 = 1_735_689_600_000  // 2025-01-01
        let perWorkshop = records / max(workshops, 1)
        var written = 0
        var sinceFlush = 0
        let texts = ["Trop vague.", "Il manque les moyens.", "À préciser avec les partenaires.", "Formulation ambiguë.",
                     "D’accord sur le fond, réserve sur la forme.", "Ce point contredit l’article précédent."]
        func commit(_ updates: [TreeUpdate], message: String, by person: Person) throws {
            tree = try git.updateTree(tree, updates)
            let signature = Signature(name: person.name, email: person.email, date: Date(timeIntervalSince1970: TimeInterval(millis / 1000)))
            tip = try git.createCommit(tree: tree!, parents: tip.map { [$0] } ?? [], author: signature, committer: signature,
                                       message: "\(message)\n\nClock: \(clock)\n")
        }
        func write(_ event: Event, by person: Person) throws -> (Record, TreeUpdate) {
            clock += 1
            millis += Int64.random(in: 1...2000, using: &random)
            let date = Date(timeIntervalSince1970: TimeInterval(millis) / 1000)
            let record = Record(id: RecordID.make(at: date, using: &random), clock: clock,
                                recordedAt: Date(timeIntervalSince1970: TimeInterval(millis / 1000)), facilitator: person, event: event)
            let blob = try git.writeBlob(try RecordCodec.encode(record))
            return (record, .upsert(path: DeliberationStore.path(of: record), blob: blob))
        }
        for index in 0..<workshops {
            let id = workshopID(index)
            let revisionIndex = revisionIndexes[index]
            let revision = history.commits[revisionIndex]
            guard let blobs = history.blobsAt[revisionIndex] else { fatalError("no snapshot at \(revisionIndex)") }
            let clauseIDs = blobs.keys.sorted()
            let people = participants(index)
            let facilitator = facilitators[index % facilitators.count]
            let (_, opening) = try write(.workshopOpened(WorkshopOpening(
                workshop: id, title: "Atelier \(index + 1)", date: String(format: "2025-%02d-%02d", index % 12 + 1, index % 28 + 1),
                place: "Salle \(index % 9 + 1)", territories: people, revision: revision.hex)), by: facilitator)
            try commit([opening], message: "Open workshop \(id): Atelier \(index + 1)", by: facilitator)
            let count = index == workshops - 1 ? records - written : perWorkshop
            var made: [Record] = []
            var batch: [TreeUpdate] = []
            for n in 0..<count {
                let clause = clauseIDs.randomElement(using: &random)!
                let roll = Int.random(in: 0..<100, using: &random)
                let position: Position? = roll < 60 ? .support : roll < 85 ? .reservation : roll < 95 ? .objection : nil
                let text = position == .support ? "" : texts.randomElement(using: &random)!
                let comment = Comment(workshop: id, territory: people.randomElement(using: &random)!, clause: ClauseID(clause)!,
                                      revision: revision.hex, blob: blobs[clause]!.hex, position: position,
                                      text: position == nil ? "Question : \(text)" : text)
                let (record, update) = try write(.comment(comment), by: facilitator)
                if n % 200 == 0 { made.append(record) }
                batch.append(update)
                if batch.count == 2000 || n == count - 1 {
                    try commit(batch, message: "Import \(batch.count) comments into workshop \(id)", by: facilitator)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            written += count
            sinceFlush += count
            // A few retractions, then the workshop closes (the last three stay open).
            var closing: [TreeUpdate] = []
            for retracted in made.prefix(3) {
                guard case .comment(let comment) = retracted.event else { continue }
                closing.append(try write(.commentRetracted(CommentRetraction(comment: retracted.id, clause: comment.clause,
                                                                             reason: "Saisie en double")), by: facilitator).1)
            }
            if index < workshops - 3 {
                closing.append(try write(.workshopClosed(WorkshopStateChange(workshop: id)), by: facilitator).1)
            }
            if !closing.isEmpty { try commit(closing, message: "Close workshop \(id)", by: facilitator) }
            if sinceFlush >= 100_000 {
                try writer.flush()
                sinceFlush = 0
                log("  \(written) records")
            }
        }
        try writer.flush()
        try repository.updateReference("refs/heads/deliberation", to: tip!, expected: nil, message: "bench: generated deliberation")
        return tip!
    }
}
