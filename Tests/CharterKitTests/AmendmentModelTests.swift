import CharterKit
import Foundation
import Testing

@Suite("Amendments: records, fold, manifest and clause edits")
struct AmendmentModelTests {
    static let editor = Person(name: "Dominique Éditrice", email: "dominique@example.org")
    static let base = String(repeating: "a", count: 40)

    static func record(_ event: Event, clock: Int, id: RecordID? = nil) -> Record {
        Record(id: id ?? RecordID.make(at: Date(timeIntervalSince1970: 1_767_225_600 + Double(clock))), clock: clock,
               recordedAt: Date(timeIntervalSince1970: 1_767_225_600), facilitator: editor, event: event)
    }

    static func proposal(_ change: AmendmentChange, territory: String = "haut-verdal") -> AmendmentProposal {
        AmendmentProposal(territory: territory, workshop: "lyon", rationale: "Parce que.", change: change, base: base,
                          baseBlobs: ["juste-place": String(repeating: "b", count: 40)])
    }

    @Test("each amendment event round-trips through JSON with its payload under a key named after its kind")
    func codable() throws {
        let proposed = Self.record(.amendmentProposed(Self.proposal(.replace(ClauseID("juste-place")!, title: "La juste place", text: "Texte.\n"))), clock: 1)
        let events: [Event] = [
            .amendmentProposed(Self.proposal(.insert(ClauseID("nouvelle")!, after: ClauseID("odd-17")!, title: "Nouvelle", text: "Texte.\n"))),
            .amendmentRebased(AmendmentRebase(amendment: proposed.id, change: .delete(ClauseID("temps-long")!), base: Self.base, baseBlobs: [:])),
            .amendmentAdopted(AmendmentAdoption(amendment: proposed.id, revision: Self.base, status: .objection, forced: true, merged: true)),
            .amendmentRejected(AmendmentClosing(amendment: proposed.id, reason: "Hors sujet")),
            .amendmentWithdrawn(AmendmentClosing(amendment: proposed.id, reason: nil)),
            .comment(Comment(workshop: "lyon", territory: "haut-verdal", clause: ClauseID("juste-place")!, revision: Self.base,
                             blob: "0123456789abcdef", position: .support, text: "", amendment: proposed.id)),
        ]
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        for (index, event) in ([proposed.event] + events).enumerated() {
            let record = Self.record(event, clock: index + 1)
            let data = try encoder.encode(record)
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(object?["kind"] as? String == event.kind.rawValue)
            #expect(object?[event.kind.rawValue] != nil, "payload under \(event.kind.rawValue)")
            #expect(try decoder.decode(Record.self, from: data) == record)
        }
        let json = String(decoding: try encoder.encode(proposed), as: UTF8.self)
        #expect(json.contains("\"amendment-proposed\":{\"base\":\"\(Self.base)\",\"baseBlobs\":{\"juste-place\":"))
        #expect(json.contains("\"change\":{\"clause\":\"juste-place\",\"operation\":\"replace\",\"text\":\"Texte.\\n\",\"title\":\"La juste place\"}"))
    }

    @Test("the fold: re-basings only while open, the first closing wins, an adoption always wins")
    func fold() throws {
        let clause = ClauseID("juste-place")!
        let proposed = Self.record(.amendmentProposed(Self.proposal(.replace(clause, text: "Un.\n"))), clock: 1)
        let id = proposed.id
        let rebased = Self.record(.amendmentRebased(AmendmentRebase(amendment: id, change: .replace(clause, text: "Deux.\n"),
                                                                    base: String(repeating: "c", count: 40), baseBlobs: [:])), clock: 2)
        let rejected = Self.record(.amendmentRejected(AmendmentClosing(amendment: id, reason: "Non")), clock: 3)
        let late = Self.record(.amendmentRebased(AmendmentRebase(amendment: id, change: .replace(clause, text: "Trois.\n"),
                                                                 base: Self.base, baseBlobs: [:])), clock: 4)
        let withdrawn = Self.record(.amendmentWithdrawn(AmendmentClosing(amendment: id, reason: nil)), clock: 5)
        let adopted = Self.record(.amendmentAdopted(AmendmentAdoption(amendment: id, revision: Self.base, status: .consensus,
                                                                      forced: false, merged: false)), clock: 6)

        let open = AmendmentBook(Deliberation(records: [rebased, proposed]))
        #expect(open.list.count == 1)
        #expect(open.list[0].change.text == "Deux.\n" && open.list[0].base == String(repeating: "c", count: 40))
        #expect(open.list[0].isOpen && open.open.count == 1)

        let closed = AmendmentBook(Deliberation(records: [proposed, rebased, rejected, late, withdrawn]))
        #expect(closed.list[0].state == .rejected && closed.list[0].closingReason == "Non")
        #expect(closed.list[0].change.text == "Deux.\n")
        #expect(closed.list[0].steps.map(\.kind) == ["amendment-proposed", "amendment-rebased", "amendment-rejected"])

        let adoptedAnyway = AmendmentBook(Deliberation(records: [proposed, rejected, adopted]))
        #expect(adoptedAnyway.list[0].state == .adopted && adoptedAnyway.list[0].adoption?.revision == Self.base)
        #expect(adoptedAnyway.open.isEmpty)
    }

    @Test("an amendment is named by its id or a unique prefix or suffix of it")
    func resolve() throws {
        var generator = SystemRandomNumberGenerator()
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        let ids = (0..<3).map { _ in RecordID.make(at: date, using: &generator) }
        let records = ids.enumerated().map { index, id in
            Self.record(.amendmentProposed(Self.proposal(.delete(ClauseID("c\(index)")!))), clock: index + 1, id: id)
        }
        let book = AmendmentBook(Deliberation(records: records))
        #expect(try book.resolve(ids[1].rawValue).id == ids[1])
        #expect(try book.resolve(String(ids[2].rawValue.suffix(8))).id == ids[2])
        #expect(try book.resolve(book.list[0].shortID.uppercased()).id == ids[0])
        let shared = #expect(throws: CharterError.self) { try book.resolve(String(ids[0].rawValue.prefix(8))) }
        #expect(shared?.code == .unknownAmendment)
        #expect(shared?.message.contains("names 3 amendments") == true)
        #expect(throws: CharterError.self) { try book.resolve("abc") }
        #expect(throws: CharterError.self) { try book.resolve("ffffffffff") }
    }

    @Test("positions: current on the change as it stands, carried forward over an editorial re-basing, else stale")
    func positions() throws {
        let clause = ClauseID("juste-place")!
        let first = AmendmentChange.replace(clause, text: "Chacun a sa place.\n")
        let editorial = AmendmentChange.replace(clause, text: "Chacun  a sa place !\n")
        let rewritten = AmendmentChange.replace(clause, text: "Chacun trouve sa place.\n")
        let proposed = Self.record(.amendmentProposed(Self.proposal(first)), clock: 1)
        func position(_ territory: String, _ position: Position, on change: AmendmentChange, clock: Int) -> Record {
            Self.record(.comment(Comment(workshop: "lyon", territory: territory, clause: clause, revision: Self.base, blob: change.digest,
                                         position: position, text: position == .support ? "" : "Parce que.", amendment: proposed.id)), clock: clock)
        }
        func rebase(_ change: AmendmentChange, clock: Int) -> Record {
            Self.record(.amendmentRebased(AmendmentRebase(amendment: proposed.id, change: change, base: Self.base, baseBlobs: [:])), clock: clock)
        }
        let scope = ["haut-verdal", "pays-d-ormanges", "ile-de-keraven"]
        let rule = ConsensusRule(kind: .consent, quorum: 2)
        var records = [proposed, position("haut-verdal", .support, on: first, clock: 2), position("pays-d-ormanges", .reservation, on: first, clock: 3)]
        var book = AmendmentBook(Deliberation(records: records))
        var status = book.status(of: book.list[0], scope: scope, rule: rule)
        #expect(status.status == .consensusWithReservations)
        #expect(status.positions.map(\.currency) == [.current, .current])
        // Positions are kept apart from clause comments.
        #expect(Deliberation(records: records).comments.isEmpty && Deliberation(records: records).amendmentComments.count == 2)

        records.append(rebase(editorial, clock: 4))
        book = AmendmentBook(Deliberation(records: records))
        status = book.status(of: book.list[0], scope: scope, rule: rule)
        #expect(status.positions.map(\.currency) == [.carriedForward, .carriedForward])
        #expect(status.status == .consensusWithReservations)

        records.append(rebase(rewritten, clock: 5))
        records.append(position("ile-de-keraven", .objection, on: editorial, clock: 6))
        book = AmendmentBook(Deliberation(records: records))
        status = book.status(of: book.list[0], scope: scope, rule: rule)
        #expect(status.positions.allSatisfy { $0.currency == .stale })
        #expect(status.status == .stale)
        records.append(position("ile-de-keraven", .support, on: rewritten, clock: 7))
        book = AmendmentBook(Deliberation(records: records))
        #expect(book.status(of: book.list[0], scope: scope, rule: rule).status == .open)
        #expect(book.workshops(of: book.list[0]) == ["lyon"])
    }

    @Test("manifest edits are made on the manifest's own lines, flow or block lists, and fall back to the canonical form")
    func manifestEdits() throws {
        let flow = """
            title: Charte   # the title
            sections:
              - title: "Un"
                clauses: [a, b, c]
              - title: Deux
                clauses: [d]
            consensus:
              rule: consent

            """
        let inserted = try ManifestEditor.apply(.insert(ClauseID("n")!, after: ClauseID("b")!), to: Data(flow.utf8), file: "charter.yml")
        #expect(String(decoding: inserted, as: UTF8.self) == flow.replacingOccurrences(of: "[a, b, c]", with: "[a, b, n, c]"))
        let moved = try ManifestEditor.apply(.move(ClauseID("a")!, after: ClauseID("d")!), to: Data(flow.utf8), file: "charter.yml")
        #expect(String(decoding: moved, as: UTF8.self)
                == flow.replacingOccurrences(of: "[a, b, c]", with: "[b, c]").replacingOccurrences(of: "[d]", with: "[d, a]"))

        let block = """
            title: Charte
            sections:
              - title: Un
                clauses:
                  - a
                  - b   # second
            """
        let removed = try ManifestEditor.apply(.remove(ClauseID("a")!), to: Data(block.utf8), file: "charter.yml")
        #expect(String(decoding: removed, as: UTF8.self) == block.replacingOccurrences(of: "      - a\n", with: ""))
        let added = try ManifestEditor.apply(.insert(ClauseID("z")!, after: ClauseID("b")!), to: Data(block.utf8), file: "charter.yml")
        #expect(String(decoding: added, as: UTF8.self) == block + "\n      - z")

        let multiline = "title: Charte\nsections:\n  - title: Un\n    clauses: [a,\n      b]\n"
        let canonical = try ManifestEditor.apply(.remove(ClauseID("b")!), to: Data(multiline.utf8), file: "charter.yml")
        #expect(try ManifestFile.parse(canonical, file: "charter.yml").manifest.sections == [Section(title: "Un", clauses: [ClauseID("a")!])])

        let gone = #expect(throws: CharterError.self) {
            try ManifestEditor.apply(.move(ClauseID("x")!, after: ClauseID("a")!), to: Data(flow.utf8), file: "charter.yml")
        }
        #expect(gone?.code == .amendmentConflict)
    }

    @Test("a clause's body and title are replaced keeping the rest of its front matter; trailers are read back")
    func clauseTextAndTrailers() throws {
        let file = "---\nid: juste-place\ntitle: La juste place   \nstatut: adopté\n---\n\nAncien texte.\n"
        let body = try ClauseText.replacing(in: Data(file.utf8), title: nil, body: "Nouveau texte.\n", file: "x.md")
        #expect(String(decoding: body, as: UTF8.self) == file.replacingOccurrences(of: "Ancien", with: "Nouveau"))
        let retitled = try ClauseText.replacing(in: Data(file.utf8), title: "La place: de chacun", body: "Nouveau texte.\n", file: "x.md")
        #expect(String(decoding: retitled, as: UTF8.self)
                == "---\nid: juste-place\ntitle: 'La place: de chacun'\nstatut: adopté\n---\n\nNouveau texte.\n")
        #expect(ClauseText.normalisedBody("Texte.\r\nSuite.  \n\n\n") == "Texte.\nSuite.\n")

        let message = "Amendment 1234: amend x\n\nBecause.\n\nAmendment: 0190\nProposed-by: haut-verdal\nCo-authored-by: A <a@b.c>\n"
        #expect(CommitTrailers.value("amendment", in: message) == "0190")
        #expect(CommitTrailers.parse(message).map(\.key) == ["Amendment", "Proposed-by", "Co-authored-by"])
        #expect(CommitTrailers.parse("Only a subject: with a colon\n").isEmpty)
        #expect(CommitTrailers.parse("Subject\n\nA body line, not a trailer.\n").isEmpty)
    }
}
