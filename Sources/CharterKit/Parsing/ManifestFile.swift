import Foundation
import Yams

/// Reads and writes `charter.yml`.
public enum ManifestFile {
    public static let fileName = "charter.yml"

    /// Parses the manifest; `file` names it in errors. Also returns the line on
    /// which each listed clause id appears, for later errors.
    public static func parse(_ data: Data, file: String) throws -> (manifest: Manifest, lines: [ClauseID: Int]) {
        let text = try UTF8Text.decode(data, file: file)
        let document = try YAMLDocument(text, file: file)
        let title = try document.requiredString("title", hint: "add `title: <the charter's title>`")
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CharterError(.emptyTitle, file: file, line: document.line(of: document.root["title"]),
                               "the charter's title is empty", hint: "give the charter a title")
        }
        let language = try document.string("language") ?? "fr"
        var sections: [Section] = []
        var lines: [ClauseID: Int] = [:]
        guard let sectionNodes = try document.sequence("sections") else {
            throw CharterError(.missingField, file: file, line: 1, "missing `sections`",
                               hint: "list the sections, each with a `title` and its `clauses` in order")
        }
        for node in sectionNodes {
            let mapping = try document.mapping(node, what: "a section")
            let sectionTitle = try document.requiredString("title", in: mapping, hint: "give each section a `title:`")
            var ids: [ClauseID] = []
            for idNode in try document.sequence("clauses", in: mapping) ?? [] {
                let raw = try document.scalar(idNode, what: "a clause id")
                let line = document.line(of: idNode)
                guard let id = ClauseID(raw) else {
                    throw CharterError(.invalidID, file: file, line: line, "`\(raw)` is not a valid clause id",
                                       hint: "use lower-case ASCII letters, digits and dashes")
                }
                if let first = lines[id] {
                    throw CharterError(.duplicateID, file: file, line: line,
                                       "clause `\(raw)` is listed twice (first on line \(first))",
                                       hint: "list each clause once")
                }
                lines[id] = line ?? 0
                ids.append(id)
            }
            sections.append(Section(title: sectionTitle, clauses: ids))
        }
        var territories: [Territory] = []
        var territoryIDs: Set<String> = []
        for node in try document.sequence("territories") ?? [] {
            let mapping = try document.mapping(node, what: "a territory")
            let id = try document.requiredString("id", in: mapping, hint: "give each territory an `id:`")
            guard ClauseID.isValid(id) else {
                throw CharterError(.invalidID, file: file, line: document.line(of: mapping["id"]),
                                   "`\(id)` is not a valid territory id", hint: "use lower-case ASCII letters, digits and dashes")
            }
            guard territoryIDs.insert(id).inserted else {
                throw CharterError(.duplicateID, file: file, line: document.line(of: mapping["id"]),
                                   "territory `\(id)` is listed twice")
            }
            let name = try document.string("name", in: mapping) ?? id
            territories.append(Territory(id: id, name: name, contact: try document.string("contact", in: mapping)))
        }
        var rule = ConsensusRule()
        if let node = document.root["consensus"] {
            let mapping = try document.mapping(node, what: "`consensus`")
            if let kind = try document.string("rule", in: mapping) {
                guard let parsed = ConsensusRule.Kind(rawValue: kind) else {
                    throw CharterError(.invalidField, file: file, line: document.line(of: mapping["rule"]),
                                       "unknown consensus rule `\(kind)`",
                                       hint: "use one of: \(ConsensusRule.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                rule.kind = parsed
            }
            if let quorum = try document.string("quorum", in: mapping) {
                guard let value = Int(quorum), value >= 0 else {
                    throw CharterError(.invalidField, file: file, line: document.line(of: mapping["quorum"]),
                                       "`quorum` must be a whole number of territories")
                }
                rule.quorum = value
            }
            if let threshold = try document.string("threshold", in: mapping) {
                guard let value = Double(threshold), value > 0, value <= 1 else {
                    throw CharterError(.invalidField, file: file, line: document.line(of: mapping["threshold"]),
                                       "`threshold` must be a fraction between 0 and 1, e.g. 0.66")
                }
                rule.threshold = value
            }
        }
        var branch = Manifest.defaultDeliberationBranch
        if let node = document.root["deliberation"] {
            let mapping = try document.mapping(node, what: "`deliberation`")
            if let name = try document.string("branch", in: mapping) {
                guard !name.isEmpty, !name.contains(" "), !name.hasPrefix("-"), !name.contains("..") else {
                    throw CharterError(.invalidField, file: file, line: document.line(of: mapping["branch"]),
                                       "`\(name)` is not a usable branch name", hint: "use a name like `deliberation`")
                }
                branch = name
            }
        }
        let manifest = Manifest(title: title, language: language, sections: sections,
                                territories: territories, consensus: rule, deliberationBranch: branch)
        return (manifest, lines)
    }

    /// The manifest as YAML, in the documented key order.
    public static func render(_ manifest: Manifest) -> String {
        var pairs: [(Node, Node)] = [
            (Node("title"), Node(manifest.title)),
            (Node("language"), Node(manifest.language)),
        ]
        let sections = manifest.sections.map { section -> Node in
            let ids = Node.Sequence(section.clauses.map { Node($0.rawValue) }, .implicit, .flow)
            return .mapping(Node.Mapping([(Node("title"), Node(section.title)), (Node("clauses"), .sequence(ids))]))
        }
        pairs.append((Node("sections"), .sequence(Node.Sequence(sections))))
        if !manifest.territories.isEmpty {
            let territories = manifest.territories.map { territory -> Node in
                var fields: [(Node, Node)] = [(Node("id"), Node(territory.id)), (Node("name"), Node(territory.name))]
                if let contact = territory.contact { fields.append((Node("contact"), Node(contact))) }
                return .mapping(Node.Mapping(fields))
            }
            pairs.append((Node("territories"), .sequence(Node.Sequence(territories))))
        }
        var consensus: [(Node, Node)] = [(Node("rule"), Node(manifest.consensus.kind.rawValue))]
        if let quorum = manifest.consensus.quorum { consensus.append((Node("quorum"), Node(String(quorum)))) }
        if let threshold = manifest.consensus.threshold { consensus.append((Node("threshold"), Node(String(threshold)))) }
        pairs.append((Node("consensus"), .mapping(Node.Mapping(consensus))))
        if manifest.deliberationBranch != Manifest.defaultDeliberationBranch {
            pairs.append((Node("deliberation"), .mapping(Node.Mapping([(Node("branch"), Node(manifest.deliberationBranch))]))))
        }
        return (try? Yams.serialize(node: .mapping(Node.Mapping(pairs)), allowUnicode: true, lineBreak: .ln))
            ?? "title: \(manifest.title)\n"
    }
}
