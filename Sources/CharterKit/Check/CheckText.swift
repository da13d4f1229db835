import Foundation

/// A file decoded and cut into lines, and how to write it back after edits.
struct CheckText: Sendable {
    var lines: [CheckLine]
    var hadBOM: Bool
    var endsWithNewline: Bool

    /// Cuts `text` into lines of scalars, all in `zone`.
    init(_ text: String, hadBOM: Bool, zone: CheckLine.Zone) {
        var lines: [CheckLine] = []
        var current: [Unicode.Scalar] = []
        current.reserveCapacity(256)
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                let cr = current.last == "\r"
                if cr { current.removeLast() }
                lines.append(CheckLine(number: lines.count + 1, scalars: current, zone: zone, hasCR: cr))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(scalar)
            }
        }
        endsWithNewline = current.isEmpty && !lines.isEmpty
        if !current.isEmpty || lines.isEmpty {
            lines.append(CheckLine(number: lines.count + 1, scalars: current, zone: zone, hasCR: false))
        }
        self.lines = lines
        self.hadBOM = hadBOM
    }

    /// The text with `edits` applied. Edits must not overlap; they are applied
    /// from the end of each line so columns stay valid.
    func applying(_ edits: [TextEdit]) -> String {
        var byLine: [Int: [TextEdit]] = [:]
        for edit in edits { byLine[edit.line, default: []].append(edit) }
        var view = String.UnicodeScalarView()
        if hadBOM { view.append("\u{FEFF}") }
        for (index, line) in lines.enumerated() {
            var scalars = line.scalars
            for edit in (byLine[line.number] ?? []).sorted(by: { $0.column > $1.column }) {
                let start = min(max(edit.column - 1, 0), scalars.count)
                let end = min(max(edit.endColumn - 1, start), scalars.count)
                scalars.replaceSubrange(start..<end, with: Array(edit.replacement.unicodeScalars))
            }
            view.append(contentsOf: scalars)
            if index < lines.count - 1 || endsWithNewline {
                if line.hasCR { view.append("\r") }
                view.append("\n")
            }
        }
        return String(view)
    }
}

extension CheckText {
    /// A file's bytes as lines to check (all in `.yaml` until the caller zones them) and as text, or
    /// the error to report when they are not UTF-8.
    static func decode(_ data: Data, path: String) -> Result<(text: CheckText, string: String), CharterError> {
        do {
            let decoded = try UTF8Text.decode(data, file: path)
            return .success((CheckText(decoded, hadBOM: data.starts(with: [0xEF, 0xBB, 0xBF]), zone: .yaml), decoded))
        } catch let error as CharterError {
            return .failure(error)
        } catch {
            return .failure(CharterError(.invalidUTF8, file: path, line: 1, "the file is not valid UTF-8"))
        }
    }
}
