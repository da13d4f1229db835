import CharterKit
import Foundation
import GitKit
import Testing
import TestSupport

@Suite("Amendment adoption properties")
struct AmendmentPropertyTests {
    static let editor = Person(name: "Dominique Éditrice", email: "dominique@example.org")

    /// The bundled charter's files, by path relative to its folder.
    static func bundledFiles() throws -> [String: Data?] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("charter")
        var files: [String: Data?] = ["charter.yml": try Data(contentsOf: folder.appendingPathComponent("charter.yml"))]
        let clauses = folder.appendingPathComponent("clauses")
        for name in try FileManager.default.contentsOfDirectory(atPath: clauses.path) where name.hasSuffix(".md") {
            files["clauses/\(name)"] = try Data(contentsOf: clauses.appendingPathComponent(name))
        }
        return files
    }

    /// Six amendments of every kind, each on its own clause (and anchors none of them
    /// touches), adopted in seeded random orders from the same start: every order gives the
    /// same charter tree, with each change made, each revision naming its amendment.
    @Test func adoptingAmendmentsOnDifferentClausesInAnyOrderGivesTheSameText() throws {
        let scratch = Scratch("charter-amend-property")
        let git = try Repository.create(at: scratch.path, bare: true)
        let repository = try CharterRepository(discoveringFrom: scratch.path, directory: "charter")
        let start = try repository.commit([TextCommit(files: Self.bundledFiles(), message: "Charte initiale\n",
                                                      author: Self.editor, committer: Self.editor)])[0]
        let text = try repository.charter(.revision("HEAD"))
        func body(_ id: String) -> String { text.clauses[ClauseID(id)!]!.body }
        let requests = [
            AmendmentRequest(territory: "haut-verdal", rationale: "Plus direct.", operation: .replace, clause: "juste-place",
                             text: body("juste-place").replacingOccurrences(of: "ni instrumentalisé", with: "jamais instrumentalisé")),
            AmendmentRequest(territory: "pays-d-ormanges", rationale: "Un titre plus juste.", operation: .replace, clause: "bien-commun",
                             title: "Le bien commun pour horizon", text: body("bien-commun") + "\nUn paragraphe de plus.\n"),
            AmendmentRequest(territory: "ile-de-keraven", rationale: "Il manquait la mer.", operation: .insert, clause: "littoral",
                             after: "le-territoire", title: "Le littoral", text: "Les territoires littoraux ont leurs alliances.\n"),
            AmendmentRequest(territory: "haut-verdal", rationale: "Redondant.", operation: .delete, clause: "temps-long"),
            AmendmentRequest(territory: "bassin-de-carvignac", rationale: "Plus tôt.", operation: .move, clause: "transparence",
                             after: "preambule"),
            AmendmentRequest(territory: "port-saint-aubin", rationale: "À la fin.", operation: .move, clause: "odd-17",
                             after: "charte-vivante"),
        ]
        let ids = try requests.map { try repository.proposeAmendment($0, facilitator: Self.editor).amendment.id.rawValue }
        let deliberation = try #require(try git.reference("refs/heads/deliberation"))
        let main = try #require(OID(hex: start.id))

        var random = SplitMix64(seed: 0xA11E_D0C5)
        var orders: [[Int]] = [Array(ids.indices), Array(ids.indices.reversed())]
        for _ in 0..<3 { orders.append(Array(ids.indices).shuffled(using: &random)) }
        var trees: Set<OID> = []
        for order in orders {
            try git.updateReference("refs/heads/main", to: main, expected: git.reference("refs/heads/main"), message: "reset")
            try git.updateReference("refs/heads/deliberation", to: deliberation, expected: git.reference("refs/heads/deliberation"), message: "reset")
            for index in order {
                let result = try repository.adoptAmendment(ids[index], force: true, editor: Self.editor)
                #expect(result.forced && !result.merged, "order \(order)")
            }
            let head = try #require(try git.head())
            let tip = try git.commit(head)
            let folder = try #require(try git.entry(atPath: "charter", inTree: tip.tree))
            trees.insert(folder.oid)
            #expect(try repository.amendments(AmendmentFilter(status: "open")).isEmpty)
            #expect(try repository.history().prefix(ids.count).allSatisfy { $0.amendment != nil })
        }
        #expect(trees.count == 1, "every order gives the same text")

        let final = try repository.charter(.revision("HEAD"))
        #expect(final.clauses[ClauseID("temps-long")!] == nil)
        #expect(final.clauses[ClauseID("littoral")!]?.title == "Le littoral")
        #expect(final.clauses[ClauseID("bien-commun")!]?.title == "Le bien commun pour horizon")
        #expect(final.clauses[ClauseID("juste-place")!]?.body.contains("jamais instrumentalisé") == true)
        let order = final.manifest.clauseOrder.map(\.rawValue)
        #expect(Array(order.prefix(2)) == ["preambule", "transparence"])
        #expect(order.last == "odd-17")
        #expect(order[order.firstIndex(of: "le-territoire")! + 1] == "littoral")
        // The manifest was edited on its own lines: its quoting of section titles is kept.
        let head = try #require(try git.head())
        let entry = try #require(try git.entry(atPath: "charter/charter.yml", inTree: git.commit(head).tree))
        let manifest = try git.blob(entry.oid)
        #expect(String(decoding: manifest, as: UTF8.self).contains("- title: \"Le sens de l’alliance\"\n    clauses: [bien-commun, envie-alliance, interdependances]\n"))
    }

    /// A small seeded generator, so the orders tried are the same on every run.
    struct SplitMix64: RandomNumberGenerator {
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
}
