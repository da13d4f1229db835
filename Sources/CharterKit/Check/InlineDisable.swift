import Foundation

/// `<!-- charter-disable rule-id other-id -->` silences those rules on the
/// line that holds the comment; with no id, every rule. In YAML (the
/// manifest, a clause's front matter) a comment `# charter-disable rule-id`
/// does the same. Ids may be separated by spaces or commas; `typography/*`
/// names a whole category.
enum InlineDisable {
    static let marker = "charter-disable"

    /// The ids silenced on `line`; empty when there is no such comment.
    static func rules(on line: CheckLine, yaml: Bool) -> Set<String> {
        guard line.find(marker, from: 0) != nil else { return [] }
        var result: Set<String> = []
        var index = 0
        while let open = line.find("<!--", from: index) {
            let close = line.find("-->", from: open + 4)
            let content = Array(line.scalars[(open + 4)..<(close ?? line.scalars.count)])
            if let ids = ids(in: content) { result.formUnion(ids) }
            guard let close else { break }
            index = close + 3
        }
        if yaml {
            for (position, scalar) in line.scalars.enumerated() where scalar == "#" {
                guard position == 0 || line.scalars[position - 1] == " " || line.scalars[position - 1] == "\t" else { continue }
                if let ids = ids(in: Array(line.scalars[(position + 1)...])) {
                    result.formUnion(ids)
                    break
                }
            }
        }
        return result
    }

    /// The ids after `charter-disable` in a comment's content, nil when the
    /// comment is not a disable comment.
    private static func ids(in content: [Unicode.Scalar]) -> Set<String>? {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: content)
        let text = String(view).trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix(marker) else { return nil }
        let rest = text.dropFirst(marker.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let ids = rest.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        return ids.isEmpty ? ["*"] : Set(ids)
    }

    /// Whether a finding of `rule` is silenced by `disabled`.
    static func silences(_ disabled: Set<String>, _ rule: String) -> Bool {
        guard !disabled.isEmpty else { return false }
        if disabled.contains("*") || disabled.contains(rule) { return true }
        let category = rule.split(separator: "/").first.map { "\($0)/*" } ?? ""
        return disabled.contains(category)
    }
}
