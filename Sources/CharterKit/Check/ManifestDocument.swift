import Foundation
import Yams

/// The manifest (`charter.yml`) as the check sees it: read leniently, so that
/// several problems can be reported at once and the clause files can still
/// be compared with the structure when something else is wrong.
struct ManifestDocument: Sendable {
    /// A clause id as listed in a section.
    struct Listed: Sendable, Hashable {
        var field: YAMLField
        var raw: String { field.value ?? "" }
    }

    /// A schema problem (`structure/manifest`).
    struct Problem: Sendable, Hashable {
        var line: Int
        var column: Int
        var message: String
    }

    var path: String
    var text: CheckText?
    var decodeError: CharterError?
    var yamlError: (error: CharterError, column: Int)?
    /// The top level is not a mapping.
    var notMapping = false
    var title: YAMLField?
    var language = "fr"
    /// Section titles as written (nil entries: the section has no `title:`),
    /// with the line of the section.
    var sectionTitles: [(field: YAMLField?, line: Int, column: Int)] = []
    /// Every clause id listed, in order, duplicates included.
    var listed: [Listed] = []
    /// Every territory id, in order, duplicates included.
    var territories: [YAMLField] = []
    /// Whether `sections` could be read, so that clause files can be compared with it.
    var structureIsKnown = false
    var problems: [Problem] = []
    /// The `check:` section.
    var configuration = CheckConfiguration()
    /// What `ManifestFile.parse` (the parser every other command uses) says,
    /// nil when it reads the manifest.
    var parseError: CharterError?
    /// Lines the lenient reading already reports something on.
    var reportedLines: Set<Int> = []

    var lines: [CheckLine] { text?.lines ?? [] }

    init(path: String, data: Data, descriptors: [RuleDescriptor]) {
        self.path = path
        var text: CheckText
        let decoded: String
        switch CheckText.decode(data, path: path) {
        case .success(let result): (text, decoded) = result
        case .failure(let error):
            decodeError = error
            return
        }
        for index in text.lines.indices {
            text.lines[index].disabled = InlineDisable.rules(on: text.lines[index], yaml: true)
        }
        self.text = text
        do {
            _ = try ManifestFile.parse(data, file: path)
        } catch let error as CharterError {
            parseError = error
        } catch {
            parseError = CharterError(.badInput, file: path, line: 1, "\(error)")
        }
        read(decoded, descriptors: descriptors)
    }

    private mutating func read(_ yaml: String, descriptors: [RuleDescriptor]) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            let position = YAMLField.position(of: error, lineOffset: 0) ?? (1, 1)
            let translated = (error as? YamlError).map { YAMLDocument.translate($0, file: path, lineOffset: 0) }
                ?? CharterError(.badYAML, file: path, line: position.line, "invalid YAML: \(error)")
            yamlError = (translated, position.column)
            reportedLines.insert(translated.line ?? position.line)
            return
        }
        guard let node, case .mapping(let root) = node else {
            notMapping = true
            reportedLines.insert(1)
            return
        }
        if let titleNode = root["title"] { title = YAMLField(titleNode, lineOffset: 0) }
        if let languageNode = root["language"] {
            if let value = languageNode.string { language = value } else { problem(languageNode, "`language` must be a language code such as `fr`") }
        }
        configuration = CheckConfiguration(root["check"], descriptors: descriptors)
        readTerritories(root["territories"])
        readConsensus(root["consensus"])
        guard let sectionsNode = root["sections"] else {
            problems.append(Problem(line: 1, column: 1, message: "missing `sections`: list the sections, each with a `title` and its `clauses` in order"))
            reportedLines.insert(1)
            return
        }
        guard case .sequence(let sections) = sectionsNode else {
            problem(sectionsNode, "`sections` must be a list of sections, each with a `title` and its `clauses`")
            return
        }
        structureIsKnown = true
        for section in sections {
            guard case .mapping(let mapping) = section else {
                problem(section, "a section must be a mapping with `title:` and `clauses:`")
                continue
            }
            let line = section.mark?.line ?? 1
            sectionTitles.append((mapping["title"].map { YAMLField($0, lineOffset: 0) }, line, section.mark?.column ?? 1))
            guard let clausesNode = mapping["clauses"] else { continue }
            if case .scalar(let scalar) = clausesNode, scalar.string.isEmpty || scalar.string == "~" { continue }
            guard case .sequence(let ids) = clausesNode else {
                problem(clausesNode, "`clauses` must be a list of clause ids, e.g. `[preambule, juste-place]`")
                continue
            }
            for idNode in ids {
                let field = YAMLField(idNode, lineOffset: 0)
                if field.value == nil { problem(idNode, "a clause id must be a single word such as `juste-place`") }
                listed.append(Listed(field: field))
            }
        }
        for entry in listed {
            if entry.field.value.map(ClauseID.isValid) == false { reportedLines.insert(entry.field.line) }
        }
        var seen: Set<String> = []
        for entry in listed where entry.field.value != nil && !seen.insert(entry.raw).inserted {
            reportedLines.insert(entry.field.line)
        }
        if title == nil || title?.value == nil || title?.isEmpty == true { reportedLines.insert(title?.line ?? 1) }
        for section in sectionTitles where section.field == nil || section.field?.isEmpty == true || section.field?.value == nil {
            reportedLines.insert(section.field?.line ?? section.line)
        }
    }

    private mutating func readTerritories(_ node: Node?) {
        guard let node else { return }
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" { return }
        guard case .sequence(let items) = node else {
            problem(node, "`territories` must be a list of territories, each with an `id` and a `name`")
            return
        }
        for item in items {
            guard case .mapping(let mapping) = item else {
                problem(item, "a territory must be a mapping with `id:` and `name:`")
                continue
            }
            guard let idNode = mapping["id"] else {
                problem(item, "missing `id` for a territory: give each territory an `id:`")
                continue
            }
            let field = YAMLField(idNode, lineOffset: 0)
            if field.value == nil { problem(idNode, "a territory id must be a single word such as `haut-verdal`") }
            territories.append(field)
            for key in ["name", "contact"] {
                if let value = mapping[key], value.string == nil { problem(value, "`\(key)` must be a single text value") }
            }
        }
        var seen: Set<String> = []
        for field in territories {
            guard let value = field.value else { continue }
            if !ClauseID.isValid(value) || !seen.insert(value).inserted { reportedLines.insert(field.line) }
        }
    }

    private mutating func readConsensus(_ node: Node?) {
        guard let node else { return }
        guard case .mapping(let mapping) = node else {
            problem(node, "`consensus` must be a mapping with `rule:` (and optional `quorum:`, `threshold:`)")
            return
        }
        if let rule = mapping["rule"], ConsensusRule.Kind(rawValue: rule.string ?? "") == nil {
            let kinds = ConsensusRule.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            problem(rule, "unknown consensus rule `\(rule.string ?? "?")`: use one of \(kinds)")
        }
        if let quorum = mapping["quorum"], (quorum.string.flatMap { Int($0) } ?? -1) < 0 {
            problem(quorum, "`quorum` must be a whole number of territories")
        }
        if let threshold = mapping["threshold"] {
            let value = threshold.string.flatMap { Double($0) } ?? -1
            if !(value > 0 && value <= 1) { problem(threshold, "`threshold` must be a fraction between 0 and 1, e.g. 0.66") }
        }
    }

    private mutating func problem(_ node: Node, _ message: String) {
        let line = node.mark?.line ?? 1
        problems.append(Problem(line: line, column: node.mark?.column ?? 1, message: message))
        reportedLines.insert(line)
    }
}
