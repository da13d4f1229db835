import Yams

/// A parsed YAML mapping that remembers where each value came from, so every
/// error can name its file and line.
struct YAMLDocument {
    let file: String
    /// Added to Yams' line numbers when the YAML starts further down a file
    /// (front matter starts on line 2).
    let lineOffset: Int
    let root: Node.Mapping

    init(_ text: String, file: String, lineOffset: Int = 0) throws {
        self.file = file
        self.lineOffset = lineOffset
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw YAMLDocument.translate(error, file: file, lineOffset: lineOffset)
        }
        guard let node else {
            throw CharterError(.badYAML, file: file, line: lineOffset + 1, "the YAML is empty",
                               hint: "write a mapping of keys and values")
        }
        guard case .mapping(let mapping) = node else {
            throw CharterError(.badYAML, file: file, line: lineOffset + (node.mark?.line ?? 1),
                               "expected a mapping of `key: value` lines at the top level")
        }
        self.root = mapping
    }

    func line(of node: Node?) -> Int? {
        guard let mark = node?.mark else { return nil }
        return mark.line + lineOffset
    }

    /// The string at `key` in `mapping`, or nil when absent; an error when it
    /// is there but not a scalar.
    func string(_ key: String, in mapping: Node.Mapping? = nil) throws -> String? {
        let mapping = mapping ?? root
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let scalar) = node else {
            throw CharterError(.invalidField, file: file, line: line(of: node), "`\(key)` must be a single text value")
        }
        return scalar.string
    }

    func requiredString(_ key: String, in mapping: Node.Mapping? = nil, hint: String? = nil) throws -> String {
        guard let value = try string(key, in: mapping) else {
            let mapping = mapping ?? root
            throw CharterError(.missingField, file: file, line: line(of: .mapping(mapping)) ?? lineOffset + 1,
                               "missing `\(key)`", hint: hint ?? "add a `\(key):` line")
        }
        return value
    }

    func sequence(_ key: String, in mapping: Node.Mapping? = nil) throws -> [Node]? {
        let mapping = mapping ?? root
        guard let node = mapping[key] else { return nil }
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" { return [] }
        guard case .sequence(let sequence) = node else {
            throw CharterError(.invalidField, file: file, line: line(of: node), "`\(key)` must be a list")
        }
        return Array(sequence)
    }

    func mapping(_ node: Node, what: String) throws -> Node.Mapping {
        guard case .mapping(let mapping) = node else {
            throw CharterError(.invalidField, file: file, line: line(of: node), "\(what) must be a mapping of `key: value` lines")
        }
        return mapping
    }

    func scalar(_ node: Node, what: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw CharterError(.invalidField, file: file, line: line(of: node), "\(what) must be a single text value")
        }
        return scalar.string
    }

    static func translate(_ error: YamlError, file: String, lineOffset: Int) -> CharterError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return CharterError(.badYAML, file: file, line: mark.line + lineOffset, "invalid YAML: \(detail)",
                                hint: "check indentation and quote values that contain `:` or `#`")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return CharterError(.badYAML, file: file, line: context.mark.line + lineOffset,
                                "duplicate key \(duplicates.joined(separator: ", ")) in YAML")
        default:
            return CharterError(.badYAML, file: file, line: lineOffset + 1, "invalid YAML: \(error)")
        }
    }
}
