import Foundation
import Yams

/// One clause file as the check sees it: its lines (with the prose marked),
/// its front matter read leniently so that every problem can be reported,
/// and where its body starts.
struct ClauseDocument: Sendable {
    enum FrontMatter: Sendable, Hashable {
        /// The file does not start with `---`: the whole file is taken as body.
        case missing
        /// Opened on line 1, never closed: the whole file is taken as front matter.
        case unclosed
        /// Closed by the `---` on this line.
        case closed(line: Int)
    }

    /// `juste-place.md`.
    var fileName: String
    /// Path from the repository root.
    var path: String
    var text: CheckText?
    /// Set when the file is not valid UTF-8 (nothing else is checked then).
    var decodeError: CharterError?
    var frontMatter: FrontMatter = .missing
    /// The front matter's YAML could not be read.
    var yamlError: (error: CharterError, column: Int)?
    /// The front matter is YAML but not a mapping.
    var notMapping = false
    var idField: YAMLField?
    var titleField: YAMLField?
    /// Optional fields that are not single values.
    var nonScalarFields: [(key: String, field: YAMLField)] = []
    /// The first body line (1-based); past the last line when there is no body.
    var bodyStartLine = 1
    /// What `ClauseFile.parse` (the parser every other command uses) says,
    /// nil when it reads the file.
    var parseError: CharterError?

    /// The clause's id as the check knows it: the file name without `.md`.
    var id: String { String(fileName.dropLast(3)) }

    var lines: [CheckLine] { text?.lines ?? [] }

    /// Body lines (indices into `lines`).
    var bodyRange: Range<Int> {
        let count = lines.count
        return min(max(bodyStartLine - 1, 0), count)..<count
    }

    init(fileName: String, path: String, data: Data) {
        self.fileName = fileName
        self.path = path
        var text: CheckText
        switch CheckText.decode(data, path: path) {
        case .success(let decoded): text = decoded.text
        case .failure(let error):
            decodeError = error
            return
        }
        read(&text.lines)
        for index in text.lines.indices {
            let yaml = text.lines[index].zone == .yaml || text.lines[index].zone == .title
            text.lines[index].disabled = InlineDisable.rules(on: text.lines[index], yaml: yaml)
        }
        self.text = text
        do {
            _ = try ClauseFile.parse(data, file: path)
        } catch let error as CharterError {
            parseError = error
        } catch {
            parseError = CharterError(.badInput, file: path, line: 1, "\(error)")
        }
    }

    private mutating func read(_ lines: inout [CheckLine]) {
        func isFence(_ line: CheckLine) -> Bool { line.text.trimmingCharacters(in: .whitespaces) == "---" }
        guard let first = lines.first, isFence(first) else {
            frontMatter = .missing
            bodyStartLine = 1
            MarkdownProse.mark(&lines, body: 0..<lines.count)
            return
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            frontMatter = .unclosed
            bodyStartLine = lines.count + 1
            return
        }
        frontMatter = .closed(line: closing + 1)
        bodyStartLine = closing + 2
        if closing + 1 < lines.count, lines[closing + 1].scalars.isEmpty { bodyStartLine += 1 }
        // The blank line after the fence is not part of the body but is checked as body text all the same.
        MarkdownProse.mark(&lines, body: (closing + 1)..<lines.count)

        let yaml = lines[1..<closing].map(\.text).joined(separator: "\n")
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            let position = YAMLField.position(of: error, lineOffset: 1) ?? (2, 1)
            let translated = (error as? YamlError).map { YAMLDocument.translate($0, file: path, lineOffset: 1) }
                ?? CharterError(.badYAML, file: path, line: position.line, "invalid YAML: \(error)")
            yamlError = (translated, position.column)
            return
        }
        guard let node else { return }
        guard case .mapping(let mapping) = node else {
            notMapping = true
            return
        }
        for (keyNode, valueNode) in mapping {
            switch keyNode.string {
            case "id":
                idField = YAMLField(valueNode, lineOffset: 1)
            case "title":
                let field = YAMLField(valueNode, lineOffset: 1)
                titleField = field
                ClauseDocument.markTitle(valueNode, at: field.line - 1, closing: closing, in: &lines)
            default:
                if case .scalar = valueNode { continue }
                nonScalarFields.append((keyNode.string ?? "?", YAMLField(valueNode, lineOffset: 1)))
            }
        }
    }

    /// Marks the title's text as prose, whatever its YAML form: on its line (plain or quoted),
    /// or over several lines (a plain or quoted title continued on indented lines, a folded `>`
    /// or literal `|` block). Quoted lines with escapes are left alone (their text is not as written).
    static func markTitle(_ node: Node, at index: Int, closing: Int, in lines: inout [CheckLine]) {
        guard index >= 1, index < closing, index < lines.count else { return }
        if let span = YAMLField.span(of: node, in: lines[index]) {
            lines[index].zone = .title
            for position in span { lines[index].prose[position] = true }
            return
        }
        guard case .scalar(let scalar) = node, let mark = node.mark else { return }
        var last = index
        while last + 1 < closing, lines[last + 1].isBlank || lines[last + 1].scalars.first == " " || lines[last + 1].scalars.first == "\t" {
            last += 1
        }
        while last > index, lines[last].isBlank { last -= 1 }
        guard last > index else { return }
        let quote: Unicode.Scalar? = scalar.style == .singleQuoted ? "'" : scalar.style == .doubleQuoted ? "\"" : nil
        for k in index...last {
            let line = lines[k].scalars
            var from: Int
            if k == index {
                switch scalar.style {
                case .plain: from = mark.column - 1
                case .singleQuoted, .doubleQuoted: from = mark.column
                default: continue
                }
            } else {
                from = line.firstIndex { $0 != " " && $0 != "\t" } ?? line.count
            }
            var to = line.count
            while to > from, CheckScalars.isSpace(line[to - 1]) { to -= 1 }
            if k == last, let quote, to > from, line[to - 1] == quote { to -= 1 }
            if scalar.style == .doubleQuoted, line.contains("\\") { continue }
            guard from >= 0, from < to else { continue }
            lines[k].zone = .title
            for position in from..<to { lines[k].prose[position] = true }
        }
    }

    /// Whether the lenient reading found a structural problem (so the
    /// parser's own error need not be repeated).
    var hasStructuralFacts: Bool {
        if decodeError != nil || yamlError != nil || notMapping || !nonScalarFields.isEmpty { return true }
        switch frontMatter {
        case .missing, .unclosed: return true
        case .closed: break
        }
        guard let idField, let titleField else { return true }
        if idField.value.map(ClauseID.isValid) != true { return true }
        return titleField.value == nil || titleField.isEmpty
    }
}
