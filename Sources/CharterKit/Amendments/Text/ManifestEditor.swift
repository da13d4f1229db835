import Foundation

/// A change to the manifest's order of clauses, as an amendment makes it.
public enum ManifestEdit: Hashable, Sendable {
    /// Lists a new clause right after another, in that clause's section.
    case insert(ClauseID, after: ClauseID)
    /// Removes a clause from its section.
    case remove(ClauseID)
    /// Moves a clause right after another (possibly into another section).
    case move(ClauseID, after: ClauseID)
}

/// Applies a `ManifestEdit` to the manifest's text. Pure.
///
/// The edit is made on the structure (the sections' lists of ids) and written back into the
/// manifest's own text where it can be: the id is added or removed on the line of its
/// neighbour (a flow list `clauses: [a, b, c]` or a block item `- a`), so comments, quoting
/// and layout elsewhere are kept and two amendments touching different clauses make edits
/// that commute. When the text cannot be edited so (an unusual layout), or the edited text
/// does not read back as the expected structure, the manifest is written in canonical form.
public enum ManifestEditor {
    /// The sections after the edit; nil when a clause it names is not where it must be
    /// (the clause to insert is listed already, a clause to remove or move or an anchor is not).
    public static func sections(_ sections: [Section], applying edit: ManifestEdit) -> [Section]? {
        let listed = Set(sections.flatMap(\.clauses))
        var result = sections
        switch edit {
        case .insert(let id, let anchor):
            guard !listed.contains(id), listed.contains(anchor) else { return nil }
            return insert(id, after: anchor, in: result)
        case .remove(let id):
            guard listed.contains(id) else { return nil }
            for index in result.indices { result[index].clauses.removeAll { $0 == id } }
            return result
        case .move(let id, let anchor):
            guard listed.contains(id), listed.contains(anchor), id != anchor else { return nil }
            for index in result.indices { result[index].clauses.removeAll { $0 == id } }
            return insert(id, after: anchor, in: result)
        }
    }

    private static func insert(_ id: ClauseID, after anchor: ClauseID, in sections: [Section]) -> [Section]? {
        var result = sections
        for index in result.indices {
            if let position = result[index].clauses.firstIndex(of: anchor) {
                result[index].clauses.insert(id, at: position + 1)
                return result
            }
        }
        return nil
    }

    /// The manifest text after the edit. Throws when the text is not a valid manifest, or
    /// `CharterError.amendmentConflict` when the edit does not apply to it (see `sections`).
    public static func apply(_ edit: ManifestEdit, to data: Data, file: String) throws -> Data {
        let (manifest, _) = try ManifestFile.parse(data, file: file)
        guard let expected = sections(manifest.sections, applying: edit) else {
            throw CharterError(.amendmentConflict, file: file, "the manifest's structure no longer allows: \(describe(edit))")
        }
        var target = manifest
        target.sections = expected
        let steps: [ManifestEdit]
        switch edit {
        case .move(let id, let anchor): steps = [.remove(id), .insert(id, after: anchor)]
        default: steps = [edit]
        }
        var text: String? = String(decoding: data, as: UTF8.self)
        for step in steps {
            text = text.flatMap { editText(step, $0, file: file) }
        }
        if let text, let reread = try? ManifestFile.parse(Data(text.utf8), file: file), reread.manifest == target {
            return Data(text.utf8)
        }
        return Data(ManifestFile.render(target).utf8)
    }

    static func describe(_ edit: ManifestEdit) -> String {
        switch edit {
        case .insert(let id, let anchor): return "list `\(id)` after `\(anchor)`"
        case .remove(let id): return "remove `\(id)`"
        case .move(let id, let anchor): return "move `\(id)` after `\(anchor)`"
        }
    }

    // MARK: Editing the text

    /// One step made on the text, nil when the line holding the id is not one this editor knows.
    private static func editText(_ edit: ManifestEdit, _ text: String, file: String) -> String? {
        guard let (_, lineNumbers) = try? ManifestFile.parse(Data(text.utf8), file: file) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch edit {
        case .remove(let id):
            guard let number = lineNumbers[id], number >= 1, number <= lines.count else { return nil }
            let line = lines[number - 1]
            if blockItem(line) == id.rawValue {
                lines.remove(at: number - 1)
            } else if let edited = editFlow(line, { items in
                guard let index = items.firstIndex(where: { unquote($0) == id.rawValue }) else { return nil }
                var items = items
                items.remove(at: index)
                return items
            }) {
                lines[number - 1] = edited
            } else {
                return nil
            }
        case .insert(let id, let anchor):
            guard let number = lineNumbers[anchor], number >= 1, number <= lines.count else { return nil }
            let line = lines[number - 1]
            if blockItem(line) == anchor.rawValue, let dash = line.firstIndex(of: "-") {
                lines.insert(String(line[..<dash]) + "- " + id.rawValue, at: number)
            } else if let edited = editFlow(line, { items in
                guard let index = items.firstIndex(where: { unquote($0) == anchor.rawValue }) else { return nil }
                var items = items
                items.insert(id.rawValue, at: index + 1)
                return items
            }) {
                lines[number - 1] = edited
            } else {
                return nil
            }
        case .move:
            return nil
        }
        return lines.joined(separator: "\n")
    }

    /// The id of a block sequence item line (`    - juste-place`, a trailing comment allowed).
    private static func blockItem(_ line: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("- ") else { return nil }
        var value = trimmed.dropFirst(2)
        if let hash = value.range(of: " #") { value = value[..<hash.lowerBound] }
        let item = unquote(value.trimmingCharacters(in: .whitespaces))
        return ClauseID.isValid(item) ? item : nil
    }

    /// Rewrites the items of the one-line flow list on `line` (`clauses: [a, b]`), keeping
    /// what surrounds it; nil when the line has no such list or `change` declines.
    private static func editFlow(_ line: String, _ change: ([String]) -> [String]?) -> String? {
        guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]"), open < close else { return nil }
        let inner = line[line.index(after: open)..<close]
        guard !inner.contains("[") && !inner.contains("{") else { return nil }
        let items = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let changed = change(items) else { return nil }
        return line[...open] + changed.joined(separator: ", ") + line[close...]
    }

    private static func unquote(_ text: String) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
