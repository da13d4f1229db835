/// One line of a checked file, as Unicode scalars (so columns count code
/// points), with the positions prose rules may look at.
struct CheckLine: Sendable {
    enum Zone: Sendable, Hashable {
        /// YAML: the manifest, or a clause's front matter other than its title.
        case yaml
        /// The clause's `title:` line in the front matter (its value is prose).
        case title
        /// Markdown body text.
        case body
        /// Inside a fenced code block, or its fences.
        case code
    }

    /// 1-based line number in the file.
    var number: Int
    var scalars: [Unicode.Scalar]
    /// `true` where typography and text rules look: not code spans, fenced
    /// code, URLs, link targets, `[[references]]`, HTML comments and tags, or
    /// YAML (except a clause's title value).
    var prose: [Bool]
    var zone: Zone
    /// The line ended with `\r\n`; the `\r` is not in `scalars`.
    var hasCR: Bool
    /// Rule ids silenced on this line by `<!-- charter-disable … -->`
    /// (or `# charter-disable …` in YAML); `*` silences every rule.
    var disabled: Set<String> = []
    /// Clause references and link destinations found on the line (body only).
    var links: [LinkSpan] = []
    /// HTML character references in prose (`&nbsp;`, `&laquo;`), by the index of their `&`:
    /// the index after their `;` and the character they stand for (body only).
    var entities: [Int: (end: Int, scalar: Unicode.Scalar)] = [:]

    /// The character reference ending just before `index`, if any.
    func entity(endingAt index: Int) -> (start: Int, scalar: Unicode.Scalar)? {
        guard index > 0, scalars[index - 1] == ";" else { return nil }
        for (start, entity) in entities where entity.end == index { return (start, entity.scalar) }
        return nil
    }

    init(number: Int, scalars: [Unicode.Scalar], zone: Zone, hasCR: Bool) {
        self.number = number
        self.scalars = scalars
        self.prose = [Bool](repeating: zone == .body, count: scalars.count)
        self.zone = zone
        self.hasCR = hasCR
    }

    var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    var isBlank: Bool { scalars.allSatisfy { $0 == " " || $0 == "\t" } }

    func isDisabled(_ rule: String) -> Bool {
        InlineDisable.silences(disabled, rule)
    }

    /// Whether `scalars[index...]` starts with `prefix`.
    func has(_ prefix: String, at index: Int) -> Bool {
        var position = index
        for scalar in prefix.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    /// The first index at or after `start` where `needle` begins, nil when absent.
    func find(_ needle: String, from start: Int) -> Int? {
        let first = needle.unicodeScalars.first!
        var index = start
        while index < scalars.count {
            if scalars[index] == first, has(needle, at: index) { return index }
            index += 1
        }
        return nil
    }
}
