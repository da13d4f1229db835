import Foundation
import Yams

/// A value read from YAML with where it is in the file.
struct YAMLField: Sendable, Hashable {
    /// The text, nil when the node is not a scalar (a list or a mapping).
    var value: String?
    var line: Int
    var column: Int

    init(_ node: Node, lineOffset: Int) {
        if case .scalar(let scalar) = node { value = scalar.string } else { value = nil }
        line = (node.mark?.line ?? 1) + lineOffset
        column = node.mark?.column ?? 1
    }

    var isEmpty: Bool { value?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? false }

    /// Where a YAML error is: (line, column), shifted by `lineOffset`.
    static func position(of error: Error, lineOffset: Int) -> (line: Int, column: Int)? {
        guard let error = error as? YamlError else { return nil }
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return (mark.line + lineOffset, mark.column)
        case .duplicatedKeysInMapping(_, let context):
            return (context.mark.line + lineOffset, context.mark.column)
        default:
            return nil
        }
    }

    /// The column span of a scalar's text on its line when the text is written
    /// there as is (plain, or quoted without escapes on one line); nil otherwise.
    static func span(of node: Node, in line: CheckLine) -> Range<Int>? {
        guard case .scalar(let scalar) = node, let mark = node.mark else { return nil }
        let value = Array(scalar.string.unicodeScalars)
        var start = mark.column - 1
        switch scalar.style {
        case .plain: break
        case .singleQuoted, .doubleQuoted: start += 1
        default: return nil
        }
        guard start >= 0, start + value.count <= line.scalars.count,
              Array(line.scalars[start..<(start + value.count)]) == value else { return nil }
        if scalar.style == .doubleQuoted, value.contains("\\") { return nil }
        if scalar.style == .singleQuoted, value.contains("'") { return nil }
        return start..<(start + value.count)
    }
}
