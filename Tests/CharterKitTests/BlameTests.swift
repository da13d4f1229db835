import CharterKit
import Foundation
import GitKit
import Testing
import TestSupport

/// `blame` against a witness that replays the history revision by revision with the `git` CLI.
@Suite("Blame")
struct BlameTests {
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

    static let authors = ["Claire Martin <claire@example.org>", "Karim Benali <karim@example.org>", "Inès Roy <ines@example.org>"]
    static let words = ["alliance", "territoire", "confiance", "commun", "place", "projet", "partage", "réseau", "écoute", "règle"]

    /// A charter of two clauses whose texts are changed sentence by sentence over `revisions`
    /// commits (sentences replaced, inserted, deleted, paragraphs split; titles changed; other
    /// clauses and the manifest changed too), every sentence unique so the witness can follow it.
    static func history(seed: UInt64, revisions: Int) throws -> (Scratch, GitCLI) {
        let scratch = Scratch("charter-blame")
        let git = GitCLI(scratch.url)
        try git.initialise()
        var random = Random(state: seed)
        var counter = 0
        func sentence() -> String {
            counter += 1
            let words = (0..<Int.random(in: 2...6, using: &random)).map { _ in Self.words.randomElement(using: &random)! }
            return "Phrase \(counter) : " + words.joined(separator: " ") + [".", "\u{00A0}?", "…", " (cf. art. 3)."].randomElement(using: &random)!
        }
        var paragraphs: [String: [[String]]] = ["alpha": [[sentence(), sentence()], [sentence()]], "beta": [[sentence()]]]
        var titles = ["alpha": "Alpha", "beta": "Bêta"]
        func write() throws {
            try scratch.write("charter/charter.yml", """
                title: Charte
                sections:
                  - title: Partie
                    clauses: [alpha, beta]
                territories:
                  - id: t1
                    name: Territoire 1
                consensus:
                  rule: consent

                """)
            for (id, body) in paragraphs {
                let text = body.map { $0.joined(separator: " ") }.joined(separator: "\n\n")
                try scratch.write("charter/clauses/\(id).md", "---\nid: \(id)\ntitle: \(titles[id]!)\n---\n\n\(text)\n")
            }
        }
        try write()
        try git.commitAll("Premier texte", author: authors[0])
        for revision in 1..<revisions {
            let id = Bool.random(using: &random) ? "alpha" : "beta"
            var body = paragraphs[id]!
            let p = Int.random(in: 0..<body.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: body[p][Int.random(in: 0..<body[p].count, using: &random)] = sentence()
            case 1: body[p].insert(sentence(), at: Int.random(in: 0...body[p].count, using: &random))
            case 2 where body[p].count > 1: body[p].remove(at: Int.random(in: 0..<body[p].count, using: &random))
            case 3 where body[p].count > 1:
                let cut = Int.random(in: 1..<body[p].count, using: &random)
                body.insert(Array(body[p][cut...]), at: p + 1)
                body[p] = Array(body[p][..<cut])
            case 4: titles[id] = "Titre \(revision)"
            default: body.append([sentence()])
            }
            paragraphs[id] = body
            try write()
            try git.commitAll("Révision \(revision)", author: authors[revision % authors.count])
        }
        return (scratch, git)
    }

    /// The witness: for each sentence of the clause at HEAD, the oldest revision from which
    /// every revision up to HEAD holds it, replaying `git show REV:file` along the first parents.
    static func witness(_ git: GitCLI, clause: String) throws -> (title: String, sentences: [String]) {
        let revisions = try git("rev-list", "--first-parent", "--reverse", "HEAD").split(separator: "\n").map(String.init)
        var versions: [(revision: String, title: String, sentences: Set<String>)] = []
        for revision in revisions {
            let file = try git("show", "\(revision):charter/clauses/\(clause).md")
            let parts = file.components(separatedBy: "\n---\n")
            let title = parts[0].split(separator: "\n").first { $0.hasPrefix("title: ") }.map { String($0.dropFirst(7)) } ?? ""
            versions.append((revision, title, Set(SentenceSplitter.sentences(parts.dropFirst().joined(separator: "\n---\n")))))
        }
        func since(_ holds: (Int) -> Bool) -> String {
            var oldest = versions.count - 1
            while oldest > 0, holds(oldest - 1) { oldest -= 1 }
            return versions[oldest].revision
        }
        let last = versions.count - 1
        let head = SentenceSplitter.sentences(try git("show", "HEAD:charter/clauses/\(clause).md").components(separatedBy: "\n---\n").dropFirst().joined())
        return (since { versions[$0].title == versions[last].title },
                head.map { sentence in since { versions[$0].sentences.contains(sentence) } })
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func blameAgreesWithAReplayOfTheHistory(seed: UInt64) throws {
        let (scratch, git) = try Self.history(seed: seed, revisions: 30)
        let repository = try CharterRepository(discoveringFrom: scratch.path, directory: "charter")
        for clause in ["alpha", "beta"] {
            let blame = try repository.blame(clause)
            let witness = try Self.witness(git, clause: clause)
            #expect(blame.sentences.map(\.origin.revision.id) == witness.sentences, "seed \(seed), \(clause)")
            #expect(blame.title.origin.revision.id == witness.title)
            for sentence in blame.sentences {
                let author = try git("log", "-1", "--format=%an <%ae>", sentence.origin.revision.id).trimmingCharacters(in: .newlines)
                #expect(sentence.origin.revision.author.description == author)
                #expect(sentence.origin.amendment == nil)
            }
            // At an earlier revision, the blame is that of the history up to it.
            let earlier = try git("rev-parse", "HEAD~10").trimmingCharacters(in: .newlines)
            let past = try repository.blame(clause, at: earlier)
            #expect(past.at == earlier)
            try git("checkout", "-q", "--detach", earlier)
            let pastWitness = try Self.witness(git, clause: clause)
            try git("checkout", "-q", "main")
            #expect(past.sentences.map(\.origin.revision.id) == pastWitness.sentences)
        }
    }

    @Test func anUnknownClauseIsRefusedNamingIt() throws {
        let (scratch, _) = try Self.history(seed: 9, revisions: 2)
        let repository = try CharterRepository(discoveringFrom: scratch.path, directory: "charter")
        #expect(throws: CharterError.self) { try repository.blame("gamma") }
        do {
            _ = try repository.blame("gamma")
        } catch let error as CharterError {
            #expect(error.code == .unknownClause && error.description(in: .fr).contains("aucun article `gamma`"))
        }
    }
}
