import Foundation

/// The `[[clause-id]]` and `[[clause-id|shown text]]` references of clause bodies, read for
/// publication: each becomes a link « article 7 — La juste place de chacun » (or the text
/// shown) to the clause; a reference to no clause of the text keeps only its words.
public struct ClauseReferences: Sendable {
    public struct Target: Hashable, Sendable {
        public var number: Int
        public var title: String
    }

    /// A run of body text: plain text, or a reference resolved.
    public enum Piece: Hashable, Sendable {
        case text(String)
        /// `anchor` is nil when the reference names no clause of the text.
        case link(text: String, anchor: String?)
    }

    public var targets: [String: Target]
    public var language: Language

    public init(targets: [String: Target], language: Language) {
        self.targets = targets
        self.language = language
    }

    /// Every clause of a publication, by id.
    public init(_ publication: Publication, language: Language) {
        var targets: [String: Target] = [:]
        for section in publication.sections {
            for clause in section.clauses { targets[clause.id.rawValue] = Target(number: clause.number, title: clause.title) }
        }
        self.init(targets: targets, language: language)
    }

    /// What a reader sees for the clause `id`: « article 7 — Title ».
    public func name(of id: String) -> String? {
        targets[id].map { MessageCatalogue.text("report.reference", ["number": String($0.number), "title": $0.title], in: language) }
    }

    /// `text` cut into plain runs and references.
    public func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            let inside = rest[open.upperBound..<close.lowerBound]
            if inside.isEmpty || inside.contains("\n") || inside.contains("[") {
                pieces.append(.text(String(rest[..<open.upperBound])))
                rest = rest[open.upperBound...]
                continue
            }
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            let parts = inside.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let id = parts[0].trimmingCharacters(in: .whitespaces)
            let shown = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
            if let name = name(of: id) {
                pieces.append(.link(text: shown.flatMap { $0.isEmpty ? nil : $0 } ?? name, anchor: id))
            } else {
                pieces.append(.link(text: shown.flatMap { $0.isEmpty ? nil : $0 } ?? id, anchor: nil))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return merged(pieces)
    }

    /// `text` with each reference replaced by the words it shows (for redlines).
    public func plain(_ text: String) -> String {
        pieces(text).map { piece in
            switch piece {
            case .text(let run): return run
            case .link(let shown, _): return shown
            }
        }.joined()
    }

    /// The word diff between the two sides of `diff` with their references in words.
    public func plain(_ diff: WordDiff) -> WordDiff {
        WordDiff.between(plain(diff.oldText), plain(diff.newText))
    }

    private func merged(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = []
        for piece in pieces {
            if case .text(let next) = piece, case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + next)
            } else {
                out.append(piece)
            }
        }
        return out
    }
}
