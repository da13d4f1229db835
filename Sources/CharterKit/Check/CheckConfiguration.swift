import Foundation
import Yams

/// The manifest's `check:` section: per rule (or per category with
/// `category/*`), on or off, a severity, parameters.
///
/// ```yaml
/// check:
///   rules:
///     typography/nbsp: { space: U+202F }
///     typography/apostrophe: { style: straight }
///     text/length: { max-words: 300, severity: error }
///     text/brackets: off
///     typography/ellipsis: warning
///     typography/*: off
/// ```
///
/// Problems in the section are findings of `structure/check-config`, never
/// fatal: the rest of the check runs with the defaults.
struct CheckConfiguration: Sendable {
    struct Override: Sendable {
        var enabled: Bool?
        var severity: CheckSeverity?
        var parameters: [String: RuleValue] = [:]
        /// Where the entry is, for messages about its parameters.
        var line: Int
    }

    struct Problem: Hashable, Sendable {
        var line: Int
        var column: Int
        var message: String
    }

    var overrides: [String: Override] = [:]
    var problems: [Problem] = []
    /// The `check:` line, when there is a section.
    var line: Int?

    init() {}

    /// Reads the `check:` node of a manifest (nil when there is none).
    init(_ node: Node?, descriptors: [RuleDescriptor]) {
        guard let node else { return }
        line = node.mark?.line
        guard case .mapping(let section) = node else {
            problem(node, "`check:` must be a mapping with a `rules:` entry")
            return
        }
        let byID = Dictionary(descriptors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let categories = Set(descriptors.map(\.category))
        for (keyNode, valueNode) in section {
            guard keyNode.string == "rules" else {
                problem(keyNode, "unknown key `\(keyNode.string ?? "?")` in `check:`: the section holds `rules:` only")
                continue
            }
            guard case .mapping(let rules) = valueNode else {
                if valueNode.string?.isEmpty == true || valueNode.string == "~" { continue }
                problem(valueNode, "`rules:` must map rule ids to `off`, `error`, `warning` or a mapping of settings")
                continue
            }
            for (ruleNode, settingNode) in rules {
                let key = ruleNode.string ?? ""
                if key.hasSuffix("/*") {
                    let category = String(key.dropLast(2))
                    guard categories.contains(category) else {
                        problem(ruleNode, "unknown rule category `\(category)`: use one of \(categories.sorted().joined(separator: ", "))")
                        continue
                    }
                    if let override = read(settingNode, for: nil, key: key) { overrides[key] = override }
                } else if let descriptor = byID[key] {
                    if let override = read(settingNode, for: descriptor, key: key) { overrides[key] = override }
                } else {
                    let suggestion = Suggestion.closest(to: key, among: Array(byID.keys)).map { " (did you mean `\($0)`?)" } ?? ""
                    problem(ruleNode, "unknown rule `\(key)`\(suggestion): correct or remove it (docs/check.md lists the rules)")
                }
            }
        }
    }

    /// The settings of `descriptor` for a charter in `language`.
    func settings(for descriptor: RuleDescriptor, language: String) -> RuleSettings {
        var enabled = !descriptor.frenchOnly || CheckConfiguration.isFrench(language)
        var severity = descriptor.defaultSeverity
        var parameters: [String: RuleValue] = [:]
        for parameter in descriptor.parameters {
            if let value = CheckConfiguration.defaultValue(parameter) { parameters[parameter.name] = value }
        }
        var line: Int?
        for key in ["\(descriptor.category)/*", descriptor.id] {
            guard let override = overrides[key] else { continue }
            if let value = override.enabled { enabled = value }
            if let value = override.severity {
                severity = value
                if override.enabled == nil { enabled = true }
            }
            parameters.merge(override.parameters) { _, new in new }
            line = override.line
        }
        return RuleSettings(rule: descriptor.id, enabled: enabled, severity: severity, parameters: parameters, configLine: line)
    }

    static func isFrench(_ language: String) -> Bool {
        let lower = language.lowercased()
        return lower == "fr" || lower.hasPrefix("fr-") || lower.hasPrefix("fr_")
    }

    static func defaultValue(_ parameter: RuleParameter) -> RuleValue? {
        switch parameter.kind {
        case .choice, .path: return parameter.defaultValue.isEmpty ? nil : .text(parameter.defaultValue)
        case .integer: return Int(parameter.defaultValue).map(RuleValue.number)
        case .terms: return .pairs([])
        }
    }

    // MARK: Reading one entry

    private mutating func read(_ node: Node, for descriptor: RuleDescriptor?, key: String) -> Override? {
        var override = Override(line: node.mark?.line ?? line ?? 1)
        switch node {
        case .scalar(let scalar):
            guard applyWord(scalar.string, to: &override, node: node, key: key) else { return nil }
            return override
        case .mapping(let mapping):
            for (nameNode, valueNode) in mapping {
                let name = nameNode.string ?? ""
                switch name {
                case "enabled":
                    guard let value = CheckConfiguration.bool(valueNode.string) else {
                        problem(valueNode, "`enabled` of `\(key)` must be true or false")
                        continue
                    }
                    override.enabled = value
                case "severity":
                    let word = valueNode.string ?? ""
                    if word == "off" {
                        override.enabled = false
                    } else if let severity = CheckSeverity(rawValue: word) {
                        override.severity = severity
                    } else {
                        problem(valueNode, "`severity` of `\(key)` must be error, warning or off")
                    }
                default:
                    guard let descriptor, let parameter = descriptor.parameters.first(where: { $0.name == name }) else {
                        let known = (descriptor?.parameters.map(\.name) ?? []) + ["enabled", "severity"]
                        problem(nameNode, "`\(key)` takes no `\(name)`: use \(known.map { "`\($0)`" }.joined(separator: ", "))")
                        continue
                    }
                    if let value = parse(valueNode, as: parameter, key: key) { override.parameters[name] = value }
                }
            }
            return override
        default:
            problem(node, "`\(key)` must be `off`, `error`, `warning` or a mapping of settings")
            return nil
        }
    }

    private mutating func applyWord(_ word: String, to override: inout Override, node: Node, key: String) -> Bool {
        if let value = CheckConfiguration.bool(word) {
            override.enabled = value
        } else if let severity = CheckSeverity(rawValue: word) {
            override.severity = severity
        } else {
            problem(node, "`\(key): \(word)`: write off, on, error or warning")
            return false
        }
        return true
    }

    private mutating func parse(_ node: Node, as parameter: RuleParameter, key: String) -> RuleValue? {
        switch parameter.kind {
        case .choice(let choices):
            let word = node.string ?? ""
            guard let match = choices.first(where: { $0.lowercased() == word.lowercased() }) else {
                problem(node, "`\(parameter.name)` of `\(key)` must be one of \(choices.joined(separator: ", ")), not `\(word)`")
                return nil
            }
            return .text(match)
        case .integer(let minimum):
            guard let value = node.string.flatMap({ Int($0) }), value >= minimum else {
                problem(node, "`\(parameter.name)` of `\(key)` must be a whole number of at least \(minimum)")
                return nil
            }
            return .number(value)
        case .path:
            guard let path = node.string, !path.isEmpty else {
                problem(node, "`\(parameter.name)` of `\(key)` must be a path relative to the charter folder")
                return nil
            }
            return .text(path)
        case .terms:
            guard case .mapping(let mapping) = node else {
                problem(node, "`\(parameter.name)` of `\(key)` must map each forbidden term to its replacement")
                return nil
            }
            var pairs: [TermPair] = []
            for (termNode, replacementNode) in mapping {
                guard let term = termNode.string, !term.trimmingCharacters(in: .whitespaces).isEmpty,
                      case .scalar(let replacement) = replacementNode else {
                    problem(termNode, "each entry of `\(parameter.name)` must be `forbidden term: replacement`")
                    continue
                }
                pairs.append(TermPair(term: term, replacement: replacement.string))
            }
            return .pairs(pairs)
        }
    }

    static func bool(_ word: String?) -> Bool? {
        switch word?.lowercased() {
        case "on", "true", "yes": return true
        case "off", "false", "no": return false
        default: return nil
        }
    }

    private mutating func problem(_ node: Node, _ message: String) {
        problems.append(Problem(line: node.mark?.line ?? line ?? 1, column: node.mark?.column ?? 1, message: message))
    }
}
