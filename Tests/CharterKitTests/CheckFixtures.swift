import Foundation
@testable import CharterKit

/// A small charter in memory for `charter check` tests: a manifest listing
/// the clauses (or given whole), clause files, `check:` rule lines, and an
/// optional base for `--changed-since`.
struct CheckFixture: Sendable {
    var manifest: String?
    var clauses: [String: Data]
    /// Lines under `check: rules:` in the generated manifest.
    var rules: [String] = []
    var listed: [String]?
    var language = "fr"
    var base: [String: Data]?
    var extraFiles: [String: Data] = [:]
    /// Files (relative to the charter folder) that the working tree holds as symbolic links.
    var symlinks: Set<String> = []

    /// One clause `a` with this body.
    static func body(_ body: String, rules: [String] = []) -> CheckFixture {
        CheckFixture(manifest: nil, clauses: ["a.md": Data(clause("a", body: body).utf8)], rules: rules)
    }

    /// Clause files given whole, by name (`a.md`).
    static func files(_ files: [String: String], listed: [String]? = nil, rules: [String] = []) -> CheckFixture {
        CheckFixture(manifest: nil, clauses: files.mapValues { Data($0.utf8) }, rules: rules, listed: listed)
    }

    /// A manifest given whole, with one good clause `a`.
    static func manifest(_ manifest: String, clauses: [String: String]? = nil) -> CheckFixture {
        let files = clauses ?? ["a.md": clause("a", body: "Texte.\n")]
        return CheckFixture(manifest: manifest, clauses: files.mapValues { Data($0.utf8) })
    }

    static func clause(_ id: String, title: String = "Titre", body: String) -> String {
        "---\nid: \(id)\ntitle: \(title)\n---\n\n\(body)"
    }

    var manifestText: String {
        if let manifest { return manifest }
        let ids = listed ?? clauses.keys.sorted().map { String($0.dropLast(3)) }
        var text = "title: Charte d’essai\nlanguage: \(language)\nsections:\n  - title: Section\n    clauses: [\(ids.joined(separator: ", "))]\n"
        if !rules.isEmpty { text += "check:\n  rules:\n" + rules.map { "    \($0)\n" }.joined() }
        return text
    }

    var files: CharterFiles {
        var files = CharterFiles(directory: "charter", manifest: Data(manifestText.utf8), clauseFiles: clauses)
        files.symlinks = symlinks
        return files
    }

    /// The same charter with these files held as symbolic links.
    func linking(_ paths: Set<String>) -> CheckFixture {
        var copy = self
        copy.symlinks = paths
        return copy
    }

    var input: CheckInput {
        var input = CheckInput(files: files, extraFiles: extraFiles)
        if let base {
            input.base = CharterFiles(directory: "charter", manifest: Data(manifestText.utf8), clauseFiles: base)
            input.baseLabel = "base"
        }
        return input
    }

    func report() throws -> CheckReport { try CharterCheck.run(input) }

    func findings(_ rule: String) throws -> [CheckFinding] { try report().findings.filter { $0.rule == rule } }

    func with(rules more: [String]) -> CheckFixture {
        var copy = self
        if let manifest = copy.manifest {
            copy.manifest = manifest + (manifest.contains("check:") ? "" : "check:\n  rules:\n") + more.map { "    \($0)\n" }.joined()
        } else {
            copy.rules += more
        }
        return copy
    }

    /// The text of a clause file.
    func text(_ name: String) -> String? { clauses[name].map { String(decoding: $0, as: UTF8.self) } }
}
