import Foundation
import Testing
@testable import CharterKit

/// Every `cli.` key the sources name exists in the catalogue (a missing key would print itself),
/// and the keys built at run time exist for every value they are built from.
@Suite struct CLICatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The `"cli.…"` literals of every Swift file under Sources, without interpolations.
    static func keysNamed() throws -> [String: String] {
        var keys: [String: String] = [:]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.path.hasSuffix("Catalogue/CLI.swift") else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /"(cli\.[A-Za-z0-9.\-]+)"/) {
                keys[String(match.output.1)] = file.lastPathComponent
            }
        }
        return keys
    }

    @Test func everyKeyTheSourcesNameIsInTheCatalogue() throws {
        let keys = try Self.keysNamed()
        #expect(keys.count > 150, "the scan found \(keys.count) keys")
        let missing = keys.filter { MessageCatalogue.entries[$0.key] == nil }.map { "\($0.key) (\($0.value))" }.sorted()
        #expect(missing.isEmpty, "keys missing from the catalogue: \(missing)")
    }

    @Test func keysBuiltAtRunTimeExist() {
        var missing: [String] = []
        for verb in ["synced", "pushed", "fetched"] {
            for key in ["cli.sync.\(verb)", "cli.sync.\(verb).rounds"] where MessageCatalogue.entries[key] == nil { missing.append(key) }
        }
        for verb in ["fetch", "push", "read"] {
            for key in ["cli.sync.error.\(verb)", "cli.sync.error.\(verb).identity"] where MessageCatalogue.entries[key] == nil { missing.append(key) }
        }
        for word in ["modified", "added", "removed", "retitled", "moved", "renumbered", "fields"] {
            for key in ["cli.diff.summary.first.\(word)", "cli.diff.summary.\(word)"] where MessageCatalogue.entries[key] == nil { missing.append(key) }
        }
        for kind in ["workshop-opened", "workshop-closed", "workshop-reopened"] where MessageCatalogue.entries["cli.workshop.event.\(kind)"] == nil {
            missing.append(kind)
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func summariesCountInEachLanguage() {
        var summary = DiffSummary()
        summary.modified = 1
        summary.renumbered = 2
        #expect(summary.text(in: .fr) == "1 clause modifiée, 2 renumérotées")
        #expect(summary.text(in: .en) == "1 clause modified, 2 renumbered")
        #expect(summary.text(in: .en) == summary.description)
        #expect(DiffSummary().text(in: .fr) == "aucune clause changée")
    }
}
