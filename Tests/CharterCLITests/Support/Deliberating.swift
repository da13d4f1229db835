import Foundation
import TestSupport
import Testing

/// A repository holding the bundled charter, for the deliberation commands:
/// runs `charter`, and checks with the `git` CLI what each command wrote on
/// the deliberation branch, or that it wrote nothing at all.
struct Deliberating {
    /// The bundled manifest's territories, in its order.
    static let territories = ["vallee-de-la-sorgeac", "plateau-des-mille-sources", "pays-d-ormanges", "haut-verdal",
                              "port-saint-aubin", "ile-de-keraven", "bassin-de-carvignac"]
    static let facilitator = "Camille Martin <camille@example.org>"
    /// Who records when no `--facilitator` is given: the identity `Shell.environment` sets.
    static let gitIdentity = "Test Éditrice <editrice@example.org>"

    let workspace: Workspace
    /// Where input files (CSV sheets) are written: outside the repository, so
    /// `git status --porcelain` must stay empty.
    let inputs = Scratch("charter-inputs")

    init() throws {
        workspace = try Workspace.withBundledCharter()
    }

    var git: GitCLI { workspace.git }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
        try workspace.charter.run(arguments, environment: environment)
    }

    /// `git rev-parse` of a revision, trimmed.
    func revParse(_ revision: String) throws -> String {
        try git("rev-parse", revision).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The deliberation branch's tip; nil while it does not exist.
    func tip() -> String? {
        (try? git("rev-parse", "--verify", "-q", "refs/heads/deliberation"))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes an input file (bytes as given) outside the repository; returns its path.
    func input(_ name: String, _ bytes: Data) throws -> String {
        let url = inputs.url.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }

    func input(_ name: String, _ text: String) throws -> String { try input(name, Data(text.utf8)) }

    /// Opens a workshop through the CLI (checked as a recording).
    @discardableResult
    func openWorkshop(_ id: String, territories: [String], date: String = "2026-03-14", title: String? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> Recording {
        let title = title ?? "Atelier \(id)"
        return try recorded(["workshop", "open", id, "--title", title, "--date", date,
                             "--territories", territories.joined(separator: ","), "--facilitator", Deliberating.facilitator],
                            subject: "Open workshop \(id): \(title)", sourceLocation: sourceLocation)
    }

    /// Adds a comment through the CLI (checked as a recording); returns its record id.
    @discardableResult
    func comment(_ workshop: String, _ territory: String, _ clause: String, _ position: String?, _ text: String = "",
                 quote: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var arguments = ["comment", "add", "--workshop", workshop, "--territory", territory, "--clause", clause,
                         "--facilitator", Deliberating.facilitator]
        if let position { arguments += ["--position", position] }
        if let quote { arguments += ["--quote", quote] }
        arguments.append(text)
        let recording = try recorded(arguments, subject: nil, sourceLocation: sourceLocation)
        let files = recording.added.filter { $0.hasPrefix("clauses/") }
        #expect(files.count == 1, "\(recording.added)", sourceLocation: sourceLocation)
        return files.first.map { String($0.split(separator: "/").last!.dropLast(5)) } ?? ""
    }

    /// What one successful recording command did.
    struct Recording {
        var result: RunResult
        /// The new tip of the deliberation branch.
        var commit: String
        /// The paths the commit added to the branch's tree, sorted.
        var added: [String]
    }

    /// Runs a recording command that must succeed as exactly one new commit on
    /// `deliberation` whose parent is the old tip, authored and committed by
    /// `author`, whose subject is `subject` (when given), that only adds files;
    /// and leaves `main`, `HEAD`, the index and the work tree as they were.
    @discardableResult
    func recorded(_ arguments: [String], subject: String?, author: String = Deliberating.facilitator,
                  environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> Recording {
        let main = try revParse("main")
        let before = tip()
        let result = try run(arguments, environment: environment)
        #expect(result.status == 0, "charter \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        let after = tip()
        #expect(after != nil && after != before, "no new commit on deliberation", sourceLocation: sourceLocation)
        guard let after else { return Recording(result: result, commit: "", added: []) }
        let parents = try git("rev-list", "--parents", "-n", "1", after).split(separator: " ").dropFirst()
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(parents == (before.map { [$0] } ?? []), "one commit on top of the old tip", sourceLocation: sourceLocation)
        let header = try git("log", "-1", "--format=%an <%ae>%n%cn <%ce>%n%s%n%b", after).components(separatedBy: "\n")
        #expect(header[0] == author, sourceLocation: sourceLocation)
        #expect(header[1] == author, sourceLocation: sourceLocation)
        if let subject { #expect(header[2] == subject, sourceLocation: sourceLocation) }
        #expect(header.contains { $0.hasPrefix("Clock: ") }, "Clock trailer", sourceLocation: sourceLocation)
        let changes: String
        if let before {
            changes = try git("diff-tree", "-r", "--no-commit-id", "--name-status", before, after)
        } else {
            changes = try git("show", "--format=", "--name-status", after)
        }
        var added: [String] = []
        for line in changes.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            #expect(fields.first == "A", "records are only ever added: \(line)", sourceLocation: sourceLocation)
            added.append(String(fields.last ?? ""))
        }
        // The text branch, HEAD, the index and the work tree are never touched.
        #expect(try revParse("main") == main, sourceLocation: sourceLocation)
        #expect(try git("symbolic-ref", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) == "refs/heads/main",
                sourceLocation: sourceLocation)
        #expect(try git("status", "--porcelain", "--untracked-files=all") == "", sourceLocation: sourceLocation)
        return Recording(result: result, commit: after, added: added.sorted())
    }

    /// Runs a command that must be refused: exit status 2, `message` in its
    /// standard error, and every ref, the index and the work tree as they were.
    @discardableResult
    func refused(_ arguments: [String], saying message: String, environment: [String: String] = [:],
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
        let before = try workspace.state()
        let result = try run(arguments, environment: environment)
        #expect(result.status == 2, "charter \(arguments.joined(separator: " ")) should be refused: \(result.stdout)",
                sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "expected « \(message) » in: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try workspace.state() == before, "a refusal changes nothing", sourceLocation: sourceLocation)
        return result
    }

    /// `git fsck --strict`: exit 0, and nothing said but unreachable ("dangling") objects,
    /// which an interrupted writer may leave and `git gc` removes.
    func expectHealthy(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fsck = try Shell.run(Shell.which("git"), ["fsck", "--strict", "--no-progress"], in: workspace.url,
                                 environment: git.environment)
        #expect(fsck.status == 0, "\(fsck.stderr)", sourceLocation: sourceLocation)
        let remarks = (fsck.stdout + fsck.stderr).split(separator: "\n").filter { !$0.hasPrefix("dangling ") }
        #expect(remarks.isEmpty, "git fsck: \(remarks)", sourceLocation: sourceLocation)
    }

    /// Paths of the files on the deliberation branch under `folder`.
    func files(under folder: String = "") throws -> [String] {
        guard tip() != nil else { return [] }
        var arguments = ["ls-tree", "-r", "--name-only", "refs/heads/deliberation"]
        if !folder.isEmpty { arguments.append(folder) }
        return try git.run(arguments).split(separator: "\n").map(String.init)
    }

    /// A record file as `git show` prints it, checked for its form (sorted
    /// keys, one line per field, final newline), and parsed.
    func record(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let text = try git("show", "refs/heads/deliberation:\(path)")
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        Deliberating.expectCanonical(text, fields: Deliberating.fieldCount(object), sourceLocation: sourceLocation)
        return object
    }

    /// The record with this id, wherever it is on the branch.
    func record(id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let path = try files().first { $0.hasSuffix("/\(id).json") }
        #expect(path != nil, "no record \(id)", sourceLocation: sourceLocation)
        return try path.map { try record($0, sourceLocation: sourceLocation) } ?? [:]
    }

    /// Keys at every depth of a parsed JSON value.
    static func fieldCount(_ value: Any) -> Int {
        if let object = value as? [String: Any] { return object.count + object.values.map(fieldCount).reduce(0, +) }
        if let array = value as? [Any] { return array.map(fieldCount).reduce(0, +) }
        return 0
    }

    /// Checks, by reading the lines, that each field has a line of its own and
    /// that the keys of every object are in sorted order.
    static func expectCanonical(_ text: String, fields: Int, sourceLocation: SourceLocation) {
        #expect(text.hasPrefix("{\n") && text.hasSuffix("}\n"), "one object, newline-terminated", sourceLocation: sourceLocation)
        var stack: [[String]] = []
        var keyLines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line.drop { $0 == " " })
            if rest.hasPrefix("\""), let separator = rest.range(of: "\" : ") {
                stack[stack.count - 1].append(String(rest[rest.index(after: rest.startIndex)..<separator.lowerBound]))
                keyLines += 1
                rest = rest[separator.upperBound...]
            }
            if rest.hasPrefix("{") || rest.hasPrefix("[") {
                if !(rest.hasSuffix("}") || rest.hasSuffix("]") || rest.hasSuffix("},") || rest.hasSuffix("],")) { stack.append([]) }
            } else if rest.hasPrefix("}") || rest.hasPrefix("]") {
                let keys = stack.popLast() ?? []
                #expect(keys == keys.sorted(), "keys in order: \(keys)", sourceLocation: sourceLocation)
            }
        }
        #expect(stack.isEmpty, sourceLocation: sourceLocation)
        #expect(keyLines == fields, "one line per field (\(keyLines) lines for \(fields) fields)", sourceLocation: sourceLocation)
    }

    /// `charter comment list --format json`, parsed.
    func commentsJSON(_ extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let result = try run(["comment", "list", "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }
}

extension Dictionary where Key == String, Value == Any {
    /// A nested value by a dotted path (`comment.quote.exact`).
    subscript(path path: String) -> Any? {
        var value: Any? = self
        for key in path.split(separator: ".") { value = (value as? [String: Any])?[String(key)] }
        return value
    }
}
