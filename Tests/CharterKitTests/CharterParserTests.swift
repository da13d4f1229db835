import CharterKit
import Foundation
import Testing

@Suite("Parsing a charter's files")
struct CharterParserTests {
    static let manifest = """
        title: Charte d’essai
        language: fr
        sections:
          - title: Préambule
            clauses: [preambule]
          - title: Principes
            clauses:
              - confiance
              - juste-place
        territories:
          - id: drome
            name: Vallée de la Drôme
        consensus:
          rule: consent
          quorum: 1

        """

    static func clause(_ id: String, _ title: String, _ body: String = "Texte.\n") -> String {
        "---\nid: \(id)\ntitle: \(title)\n---\n\n\(body)"
    }

    static func files(manifest: String = manifest, clauses: [String: String]? = nil) -> CharterFiles {
        let clauses = clauses ?? [
            "preambule.md": clause("preambule", "Préambule"),
            "confiance.md": clause("confiance", "La confiance comme contrat", "La confiance se construit.\n\nPas à pas.\n"),
            "juste-place.md": clause("juste-place", "« La juste place »"),
        ]
        return CharterFiles(directory: "charter", manifest: Data(manifest.utf8),
                            clauseFiles: clauses.mapValues { Data($0.utf8) })
    }

    func expectError(_ code: CharterError.Code, file: String, line: Int?, _ files: CharterFiles,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try CharterParser.parse(files)
            Issue.record("expected \(code)", sourceLocation: sourceLocation)
        } catch let error as CharterError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.file == file, "\(error)", sourceLocation: sourceLocation)
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func parsesAWellFormedCharter() throws {
        let charter = try CharterParser.parse(Self.files())
        #expect(charter.manifest.title == "Charte d’essai")
        #expect(charter.manifest.clauseOrder.map(\.rawValue) == ["preambule", "confiance", "juste-place"])
        #expect(charter.numbered.map(\.number) == [1, 2, 3])
        #expect(charter.number(of: ClauseID("juste-place")!) == 3)
        #expect(charter.clause(matching: "2")?.id.rawValue == "confiance")
        #expect(charter.clauses[ClauseID("confiance")!]?.body == "La confiance se construit.\n\nPas à pas.\n")
        #expect(charter.clauses[ClauseID("juste-place")!]?.title == "« La juste place »")
        #expect(charter.manifest.territories == [Territory(id: "drome", name: "Vallée de la Drôme")])
        #expect(charter.manifest.consensus == ConsensusRule(kind: .consent, quorum: 1))
    }

    @Test func renderingRoundTrips() throws {
        let charter = try CharterParser.parse(Self.files())
        let rendered = CharterFiles(rendering: charter, directory: "charter")
        #expect(try CharterParser.parse(rendered) == charter)
    }

    @Test func badYAMLNamesTheLine() {
        let broken = Self.manifest.replacingOccurrences(of: "language: fr", with: "language: [fr")
        expectError(.badYAML, file: "charter/charter.yml", line: 3, Self.files(manifest: broken))
    }

    @Test func badFrontMatterYAMLNamesTheFileLine() {
        var clauses = [
            "preambule.md": Self.clause("preambule", "Préambule"),
            "confiance.md": "---\nid: confiance\ntitle: [oops\n---\n\nTexte\n",
            "juste-place.md": Self.clause("juste-place", "Juste place"),
        ]
        expectError(.badYAML, file: "charter/clauses/confiance.md", line: 4, Self.files(clauses: clauses))
        clauses["confiance.md"] = "id: confiance\n\nTexte\n"
        expectError(.missingFrontMatter, file: "charter/clauses/confiance.md", line: 1, Self.files(clauses: clauses))
        clauses["confiance.md"] = "---\nid: confiance\ntitle: Sans fin\n\nTexte\n"
        expectError(.missingFrontMatter, file: "charter/clauses/confiance.md", line: 1, Self.files(clauses: clauses))
    }

    @Test func duplicateIDInTheManifest() {
        let manifest = Self.manifest.replacingOccurrences(of: "      - juste-place", with: "      - juste-place\n      - confiance")
        expectError(.duplicateID, file: "charter/charter.yml", line: 10, Self.files(manifest: manifest))
    }

    @Test func idAndFileNameMustAgree() {
        let clauses = [
            "preambule.md": Self.clause("preambule", "Préambule"),
            "confiance.md": Self.clause("confiance-bis", "Confiance"),
            "juste-place.md": Self.clause("juste-place", "Juste place"),
        ]
        expectError(.idMismatch, file: "charter/clauses/confiance.md", line: 2, Self.files(clauses: clauses))
    }

    @Test func listedClauseMustExist() {
        let clauses = [
            "preambule.md": Self.clause("preambule", "Préambule"),
            "confiance.md": Self.clause("confiance", "Confiance"),
        ]
        expectError(.missingClause, file: "charter/charter.yml", line: 9, Self.files(clauses: clauses))
    }

    @Test func everyClauseFileMustBeListed() {
        var clauses = [
            "preambule.md": Self.clause("preambule", "Préambule"),
            "confiance.md": Self.clause("confiance", "Confiance"),
            "juste-place.md": Self.clause("juste-place", "Juste place"),
        ]
        clauses["orpheline.md"] = Self.clause("orpheline", "Orpheline")
        expectError(.unlistedClause, file: "charter/clauses/orpheline.md", line: nil, Self.files(clauses: clauses))
    }

    @Test func invalidUTF8NamesTheLine() {
        var files = Self.files()
        var bytes = Data("---\nid: confiance\ntitle: Confiance\n---\n\nLigne un\nLigne ".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        files.clauseFiles["confiance.md"] = bytes
        expectError(.invalidUTF8, file: "charter/clauses/confiance.md", line: 7, files)
    }

    @Test func emptyTitleIsRefused() {
        var files = Self.files()
        files.clauseFiles["confiance.md"] = Data("---\nid: confiance\ntitle: \"  \"\n---\n\nTexte\n".utf8)
        expectError(.emptyTitle, file: "charter/clauses/confiance.md", line: 3, files)
        let manifest = Self.manifest.replacingOccurrences(of: "title: Charte d’essai", with: "title: ''")
        expectError(.emptyTitle, file: "charter/charter.yml", line: 1, Self.files(manifest: manifest))
    }

    @Test func missingTitleAndInvalidID() {
        var files = Self.files()
        files.clauseFiles["confiance.md"] = Data("---\nid: confiance\n---\n\nTexte\n".utf8)
        expectError(.missingField, file: "charter/clauses/confiance.md", line: 2, files)
        let manifest = Self.manifest.replacingOccurrences(of: "[preambule]", with: "[Préambule]")
        expectError(.invalidID, file: "charter/charter.yml", line: 5, Self.files(manifest: manifest))
    }

    @Test func noManifestMeansNoCharter() {
        let files = CharterFiles(directory: "charter", manifest: nil, clauseFiles: [:])
        expectError(.noCharter, file: "charter/charter.yml", line: nil, files)
    }

    @Test func unknownConsensusRule() {
        let manifest = Self.manifest.replacingOccurrences(of: "rule: consent", with: "rule: sortition")
        expectError(.invalidField, file: "charter/charter.yml", line: 14, Self.files(manifest: manifest))
    }

    @Test func errorDescriptionNamesFileLineAndHint() {
        let error = CharterError(.missingClause, file: "charter/charter.yml", line: 9, "clause missing", hint: "create it")
        #expect(error.description == "charter/charter.yml:9: clause missing\n  hint: create it")
    }
}
