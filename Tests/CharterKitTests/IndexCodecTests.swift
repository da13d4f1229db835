@testable import CharterKit
import Foundation
import Testing

/// The fast paths behind the index give exactly what the general ones give: record files as
/// `JSONEncoder`/`JSONDecoder` write and read them, front matter as Yams reads it.
@Suite("Index codecs")
struct IndexCodecTests {
    static let awkward = ["", "simple", "« guillemets » et l’apostrophe", "quote \" back\\slash /slash", "tab\tnew\nline\r",
                          "\u{1}\u{1f}\u{7f}", "emoji 😀 and \u{2028}", "é\u{301} composé"]

    static func records() -> [Record] {
        var records: [Record] = []
        let date = Date(timeIntervalSince1970: 1_764_000_000)
        for (index, text) in awkward.enumerated() {
            let quote = index % 2 == 0 ? TextQuote(exact: text, prefix: "avant \(text)", suffix: "après") : nil
            let comment = Comment(workshop: "atelier-\(index)", territory: "t\(index)", clause: ClauseID("clause-\(index)")!,
                                  revision: String(repeating: "a", count: 40), blob: String(repeating: "b", count: 40),
                                  position: [Position.support, .reservation, .objection, nil][index % 4], text: text, quote: quote,
                                  importKey: index % 3 == 0 ? "key\(index)" : nil,
                                  amendment: index == 5 ? RecordID.make(at: date) : nil)
            records.append(Record(id: RecordID.make(at: date), clock: index * 1000 + 1, recordedAt: date,
                                  facilitator: Person(name: "Nom \(text)", email: "m\(index)@example.org"), event: .comment(comment)))
            records.append(Record(id: RecordID.make(at: date), clock: index + 7, recordedAt: date, facilitator: Person(name: "R", email: "r@x"),
                                  event: .commentRetracted(CommentRetraction(comment: RecordID.make(at: date), clause: ClauseID("c")!,
                                                                             reason: text, amendment: index == 3 ? RecordID.make(at: date) : nil))))
        }
        records.append(Record(id: RecordID.make(at: date), clock: 1, recordedAt: date, facilitator: Person(name: "O", email: "o@x"),
                              event: .workshopOpened(WorkshopOpening(workshop: "w", title: "W", date: "2026-01-01", place: nil,
                                                                     territories: [], revision: "r"))))
        return records
    }

    @Test func writesWhatJSONEncoderWrites() throws {
        for record in Self.records() {
            var expected = try RecordCodec.encoder.encode(record)
            expected.append(0x0A)
            let written = try RecordCodec.encode(record)
            #expect(written == expected, "\(String(decoding: written, as: UTF8.self))")
        }
    }

    @Test func readsWhatJSONDecoderReads() throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        for record in Self.records() {
            let data = try RecordCodec.encode(record)
            let slow = try decoder.decode(Record.self, from: data)
            #expect(try RecordCodec.decode(data) == slow)
            // Compact and re-ordered JSON (as another tool may write it) reads the same.
            let object = try JSONSerialization.jsonObject(with: data)
            let compact = try JSONSerialization.data(withJSONObject: object, options: [])
            #expect(try RecordCodec.decode(compact) == decoder.decode(Record.self, from: compact))
        }
        // What the fast reader refuses goes to JSONDecoder, errors included.
        #expect(throws: DecodingError.self) { try RecordCodec.decode(Data("{\"id\": 1}".utf8)) }
        let fractional = Data(#"{"clock":1,"comment":{"blob":"b","clause":"c","revision":"r","territory":"t","text":"","workshop":"w"},"facilitator":{"email":"e","name":"n"},"id":"01a20d8a-a227-7b75-85ce-42d050c61900","kind":"comment","recordedAt":"2026-11-24T12:31:59.5Z"}"#.utf8)
        #expect((try? RecordCodec.decode(fractional)) == (try? decoder.decode(Record.self, from: fractional)))
    }

    @Test(arguments: [
        "id: juste-place\ntitle: La juste place",
        "id: a\ntitle: « Guillemets » : deux-points\nstatus: draft",
        "id: a\ntitle: x: y",
        "id: a\ntitle: 'quoted'",
        "id: a\ntitle: \"double\"",
        "id: a\ntitle: a # comment",
        "id: a\ntitle: trailing ",
        "id: a\ntitle: [list]",
        "id: a\ntitle: - dash",
        "id: a\ntitle: ok\ntitle: twice",
        "id: a\n# comment\ntitle: t",
        "id: A\ntitle: bad id",
        "id: a\ntitle:",
        "id: a\ntitle: 12",
        "id: a\ntitle: yes\nnote: null",
        "id: a\ntitle: tab\there",
        "id: a\ntitle: a:b",
    ])
    func frontMatterReadsAsYAMLReadsIt(frontMatter: String) throws {
        let data = Data("---\n\(frontMatter)\n---\n\nCorps du texte.\n".utf8)
        let fast = Result { try ClauseFile.parse(data, file: "c.md") }
        let lines = frontMatter.split(separator: "\n", omittingEmptySubsequences: false)
        if let simple = SimpleFrontMatter(lines[...]), let clause = simple.clause() {
            // Accepted by the fast path: Yams must agree on every value.
            let yaml = try? YAMLDocument(frontMatter, file: "c.md", lineOffset: 1)
            #expect(yaml?.root.count == simple.pairs.count)
            for (key, value) in simple.pairs {
                #expect((try? yaml?.string(key)) == value, "\(key)")
            }
            #expect(try fast.get().clause.id == clause.id)
        }
        // Either way, the result (or the error) is the one the YAML path gives.
        switch fast {
        case .success(let parsed): #expect(parsed.clause.body == "Corps du texte.\n")
        case .failure(let error): #expect(error is CharterError)
        }
    }
}

@Suite("Editorial rule fast path")
struct EditorialFastPathTests {
    @Test func latinWordsAreTheNormalisedWords() {
        var random = IndexTests.Random(state: 5)
        let pieces = ["la", "Confiance", "ne", "se", "commande", "pas", "É", "œuvre", "l’", "«\u{A0}", "\u{A0}»", "…", " ", "  ", "\n",
                      "\r\n", "-", "—", "ODD 17", "12", "ß", "ÿ", "Ça", "été", ",", ".", "\u{202F}!", "'", "\"", "x×y", "½", "ª", "e\u{301}",
                      "ﬁ", "Ａ", "²", "µ", "\u{2028}", "😀", "ŒUVRE"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            if let fast = EditorialRule.latinWords(text) {
                #expect(fast.map(String.init) == EditorialRule.normalisedWords(text).map(String.init), "\(text.debugDescription)")
            }
            #expect(EditorialRule.words(text).map(String.init) == EditorialRule.normalisedWords(text).map(String.init))
        }
    }
}
