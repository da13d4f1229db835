import Foundation
import Yams

/// `charter check`: runs the rules over a charter's raw files and returns a
/// report; with `fix`, applies every mechanical fix until none is left.
///
/// A charter that cannot be parsed is not an error here: each problem becomes
/// a `structure/…` finding, and every clause file is checked on its own. Only
/// a missing manifest (no charter at all) throws.
public enum CharterCheck {
    /// Every built-in rule.
    public static var rules: [RuleDescriptor] { CheckRules.descriptors }

    /// Paths (relative to the charter folder) of files the manifest's `check:`
    /// section names, to be read from the same place as the charter.
    public static func extraFilesNeeded(manifest: Data?) -> [String] {
        guard let manifest, let text = String(data: manifest, encoding: .utf8),
              let node = try? Yams.compose(yaml: text), case .mapping(let root)? = Optional(node),
              case .mapping(let check)? = root["check"], case .mapping(let rules)? = check["rules"],
              case .mapping(let terms)? = rules["text/terms"], let file = terms["file"]?.string, !file.isEmpty else { return [] }
        return [file]
    }

    public static func run(_ input: CheckInput) throws -> CheckReport {
        let files = input.files
        guard let manifestData = files.manifest else {
            throw CharterError(.noCharter, file: files.manifestPath,
                               "no charter here: `\(files.manifestPath)` is missing, so there is nothing to check",
                               hint: "name the charter's folder (`charter check path/to/charter` or --dir), or create one with `charter init`")
        }
        let descriptors = CheckRules.descriptors
        let manifest = ManifestDocument(path: files.manifestPath, data: manifestData, descriptors: descriptors)
        let clauses = files.clauseFiles.keys.filter { $0.hasSuffix(".md") }.sorted().map { name in
            ClauseDocument(fileName: name, path: files.clausePath(name), data: files.clauseFiles[name] ?? Data())
        }
        var context = CheckContext(directory: files.directory, language: manifest.language, manifest: manifest,
                                   clauses: clauses, extraFiles: input.extraFiles)
        context.symlinks = files.symlinks
        if let base = input.base {
            let ids = Set(base.clauseFiles.keys.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
            context.base = (input.baseLabel ?? "the base revision", ids)
        }

        var findings: [CheckFinding] = []
        var enabled: [String] = []
        var scopes: [String: RuleScope] = [:]
        for rule in CheckRules.all {
            let settings = manifest.configuration.settings(for: rule.descriptor, language: manifest.language)
            guard settings.enabled else { continue }
            enabled.append(rule.descriptor.id)
            scopes[rule.descriptor.id] = rule.descriptor.scope
            findings += rule.check(context, settings)
        }

        // Inline `charter-disable` comments.
        var linesByPath: [String: [CheckLine]] = [manifest.path: manifest.text?.lines ?? CharterCheck.lenientLines(manifestData)]
        for clause in clauses {
            linesByPath[clause.path] = clause.text?.lines ?? CharterCheck.lenientLines(files.clauseFiles[clause.fileName])
        }
        findings.removeAll { finding in
            guard let lines = linesByPath[finding.file], finding.line >= 1, finding.line <= lines.count else { return false }
            return lines[finding.line - 1].isDisabled(finding.rule)
        }

        // Pull-request mode: only what changed since the base.
        var checked = clauses.map { (id: $0.id, path: $0.path) }
        if let base = input.base {
            var changed: [String: Set<Int>] = [:]
            changed[manifest.path] = ChangedLines.between(CharterCheck.lines(base.manifest), manifest.lines.map(\.scalars))
            for clause in clauses {
                changed[clause.path] = ChangedLines.between(CharterCheck.lines(base.clauseFiles[clause.fileName]),
                                                            clause.text?.lines.map(\.scalars) ?? [[]])
            }
            findings.removeAll { finding in
                switch scopes[finding.rule] ?? .line {
                case .charter: return false
                case .clause: return changed[finding.file]?.isEmpty ?? true
                case .line: return !(changed[finding.file]?.contains(finding.line) ?? false)
                }
            }
            checked = checked.filter { !(changed[$0.path]?.isEmpty ?? true) }
        }

        return CheckReport(directory: files.directory, source: input.sourceLabel, changedSince: input.base == nil ? nil : input.baseLabel,
                           findings: findings.sorted(by: CheckFinding.ordered), rules: descriptors, enabledRules: enabled,
                           manifestPath: manifest.path, clauses: checked)
    }

    /// The lines of a file that is not valid UTF-8 (bad bytes replaced), for its disable comments.
    static func lenientLines(_ data: Data?) -> [CheckLine] {
        var lines = CheckText(String(decoding: data ?? Data(), as: UTF8.self), hadBOM: false, zone: .yaml).lines
        for index in lines.indices { lines[index].disabled = InlineDisable.rules(on: lines[index], yaml: true) }
        return lines
    }

    /// A file's lines as scalars, for comparing versions (lenient decoding).
    static func lines(_ data: Data?) -> [[Unicode.Scalar]]? {
        guard let data else { return nil }
        return CheckText(String(decoding: data, as: UTF8.self), hadBOM: false, zone: .yaml).lines.map(\.scalars)
    }

    // MARK: Fixing

    /// The charter after `--fix`, and the report on it.
    public struct FixOutcome: Sendable {
        /// The files after fixing.
        public var files: CharterFiles
        /// Files that changed, by path relative to the charter folder (`clauses/x.md`, `charter.yml`).
        public var changed: [String: Data]
        public var report: CheckReport
    }

    /// Applies every mechanical fix, pass after pass, until no fixable finding
    /// is left: running it again changes nothing. Fixes never touch code
    /// spans, code blocks or URLs, and a file that a fix would make
    /// unreadable, or whose front matter, code, links, reference definitions
    /// or headings it would change (`FixedStructure`), is left as it was.
    public static func fix(_ input: CheckInput, maximumPasses: Int = 8) throws -> FixOutcome {
        var current = input
        var fixed: [CheckFinding] = []
        var frozen: Set<String> = []
        var changedNames: Set<String> = []
        for _ in 0..<maximumPasses {
            let report = try run(current)
            let fixable = report.findings.filter { $0.fix != nil && !frozen.contains($0.file) }
            guard !fixable.isEmpty else { break }
            var progressed = false
            for (path, group) in Dictionary(grouping: fixable, by: \.file) {
                guard let name = current.files.key(forPath: path), let data = current.files.data(forKey: name),
                      let text = try? UTF8Text.decode(data, file: path) else { continue }
                let accepted = nonOverlapping(group)
                guard !accepted.isEmpty else { continue }
                let hadBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
                let rewritten = Data(CheckText(text, hadBOM: hadBOM, zone: .body).applying(accepted.flatMap { $0.fix?.edits ?? [] }).utf8)
                guard rewritten != data else { continue }
                if CharterCheck.parses(data, name: name, path: path), !CharterCheck.parses(rewritten, name: name, path: path)
                    || name != ManifestFile.fileName
                    && FixedStructure(clause: data, name: name, path: path) != FixedStructure(clause: rewritten, name: name, path: path) {
                    frozen.insert(path)
                    continue
                }
                current.files.set(rewritten, forKey: name)
                changedNames.insert(name)
                fixed += accepted
                progressed = true
            }
            if !progressed { break }
        }
        var report = try run(current)
        report.fixed = fixed.sorted(by: CheckFinding.ordered)
        var changed: [String: Data] = [:]
        for name in changedNames {
            guard let data = current.files.data(forKey: name), data != input.files.data(forKey: name) else { continue }
            changed[name] = data
        }
        report.fixedFiles = changed.keys.map { CharterFiles.join(current.files.directory, $0) }.sorted()
        return FixOutcome(files: current.files, changed: changed, report: report)
    }

    /// Findings whose edits overlap none of an earlier finding's (touching counts as overlapping).
    static func nonOverlapping(_ findings: [CheckFinding]) -> [CheckFinding] {
        var taken: [Int: [(Int, Int)]] = [:]
        var accepted: [CheckFinding] = []
        for finding in findings.sorted(by: CheckFinding.ordered) {
            let edits = finding.fix?.edits ?? []
            let clashes = edits.contains { edit in
                (taken[edit.line] ?? []).contains { edit.column <= $0.1 && $0.0 <= edit.endColumn }
            }
            guard !clashes, !edits.isEmpty else { continue }
            for edit in edits { taken[edit.line, default: []].append((edit.column, edit.endColumn)) }
            accepted.append(finding)
        }
        return accepted
    }

    /// Whether the parser every other command uses reads the file.
    static func parses(_ data: Data, name: String, path: String) -> Bool {
        if name == ManifestFile.fileName { return (try? ManifestFile.parse(data, file: path)) != nil }
        return (try? ClauseFile.parse(data, file: path)) != nil
    }
}

extension CharterFiles {
    /// `charter.yml` or `clauses/<name>` for a path from the repository root.
    func key(forPath path: String) -> String? {
        if path == manifestPath { return ManifestFile.fileName }
        for name in clauseFiles.keys where clausePath(name) == path { return "clauses/\(name)" }
        return nil
    }

    func data(forKey key: String) -> Data? {
        key == ManifestFile.fileName ? manifest : clauseFiles[String(key.dropFirst("clauses/".count))]
    }

    mutating func set(_ data: Data, forKey key: String) {
        if key == ManifestFile.fileName { manifest = data } else { clauseFiles[String(key.dropFirst("clauses/".count))] = data }
    }
}
