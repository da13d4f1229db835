import Foundation
import TestSupport
import Testing

/// A repository holding the bundled charter (consent, quorum 4, seven territories) with a
/// workshop open, for the amendment and release commands: runs `charter`, writes proposed
/// texts outside the repository, and reads back what git says.
struct Amending {
    static let territories = ["vallee-de-la-sorgeac", "plateau-des-mille-sources", "pays-d-ormanges", "haut-verdal",
                              "port-saint-aubin", "ile-de-keraven", "bassin-de-carvignac"]
    static let facilitator = "Camille Martin <camille@example.org>"
    static let editor = "Dominique Éditrice <dominique@example.org>"

    let workspace: Workspace
    /// Proposed texts live here, outside the repository, so `git status` stays clean.
    let inputs = Scratch("charter-amend-inputs")

    init(workshop: String? = "lyon") throws {
        workspace = try Workspace.withBundledCharter()
        if let workshop {
            try ok(["workshop", "open", workshop, "--title", "Atelier de Lyon", "--date", "2026-03-14",
                    "--territories", Amending.territories.joined(separator: ","), "--facilitator", Amending.facilitator])
        }
    }

    var git: GitCLI { workspace.git }

    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> RunResult {
        try workspace.charter.run(arguments, input: input)
    }

    /// Runs a command that must succeed; returns its standard output.
    @discardableResult
    func ok(_ arguments: [String], input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments, input: input)
        #expect(result.status == 0, "charter \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// Writes a text file outside the repository; returns its path.
    func input(_ name: String, _ text: String) throws -> String {
        try inputs.write(name, text).path
    }

    /// A clause's body as the working tree has it.
    func body(_ clause: String) -> String {
        let file = workspace.read("charter/clauses/\(clause).md") ?? ""
        guard let range = file.range(of: "\n---\n\n") else { return file }
        return String(file[range.upperBound...])
    }

    /// The clause's body with `old` replaced by `new` (which must occur).
    func edited(_ clause: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let text = body(clause)
        #expect(text.contains(old), "« \(old) » is not in \(clause)", sourceLocation: sourceLocation)
        return text.replacingOccurrences(of: old, with: new)
    }

    /// Proposes an amendment (extra arguments name the operation); returns its short id.
    func propose(_ territory: String, _ operation: [String], rationale: String = "Parce que.", input: String? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let output = try ok(["amend", "propose", "--territory", territory, "--rationale", rationale, "--facilitator", Amending.facilitator,
                             "--format", "json"] + operation, input: input, sourceLocation: sourceLocation)
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let id = json?["shortID"] as? String ?? ""
        #expect(id.count == 8, "\(output)", sourceLocation: sourceLocation)
        return id
    }

    /// Records territories' positions on an amendment at the workshop.
    func position(_ amendment: String, _ position: String, _ territories: [String], workshop: String = "lyon",
                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        for territory in territories {
            try ok(["comment", "add", "--workshop", workshop, "--territory", territory, "--amendment", amendment,
                    "--position", position, "--facilitator", Amending.facilitator, position == "support" ? "" : "Parce que."],
                   sourceLocation: sourceLocation)
        }
    }

    /// `amend show ID --format json`, parsed.
    func show(_ amendment: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let output = try ok(["amend", "show", amendment, "--format", "json"], sourceLocation: sourceLocation)
        return try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
    }

    /// Each amendment's short id and status, from `amend list --format json`.
    func statuses() throws -> [String: String] {
        let output = try ok(["amend", "list", "--format", "json"])
        let list = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]] ?? []
        var result: [String: String] = [:]
        for view in list { result[view["shortID"] as? String ?? ""] = view["status"] as? String }
        return result
    }

    /// `git log -1` of a revision in the given format.
    func log(_ format: String, _ revision: String = "HEAD") throws -> String {
        try git("log", "-1", "--format=\(format)", revision).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
