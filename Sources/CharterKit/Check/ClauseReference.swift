import Foundation

/// A link read as a reference to a clause.
struct ClauseReference {
    var id: String
    var written: String

    init?(_ link: LinkSpan) {
        switch link.kind {
        case .reference:
            let target = link.target.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            id = target.trimmingCharacters(in: .whitespaces)
            written = "[[\(link.target)]]"
        case .markdown:
            var target = Substring(link.target)
            if let hash = target.firstIndex(of: "#") { target = target[..<hash] }
            if target.hasPrefix("./") { target = target.dropFirst(2) }
            guard target.hasSuffix(".md"), !target.contains("/"), !target.contains(":") else { return nil }
            id = String(target.dropLast(3))
            written = "(\(link.target))"
        }
    }
}
