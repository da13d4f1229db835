import Foundation
import Yams

/// `text/terms`: forbidden terms, each with the term to write instead.
///
/// Terms come from the rule's `terms:` mapping in the manifest and from a
/// glossary file (`file:`, relative to the charter folder) holding a YAML
/// mapping `forbidden term: replacement` (at the top level or under `terms:`).
/// Matching ignores case and needs whole words; the fix keeps a capital
/// initial.
struct TextTermsRule: CheckRule {
    let descriptor = RuleDescriptor(
        id: "text/terms",
        summary: "Forbidden terms (from `terms:` or a glossary `file:`) are replaced by the preferred term.",
        fixable: true,
        parameters: [
            RuleParameter("terms", .terms, default: "", "a mapping `forbidden term: replacement`"),
            RuleParameter("file", .path, default: "", "a YAML glossary file, relative to the charter folder, mapping forbidden terms to replacements"),
        ])

    func check(_ context: CheckContext, _ settings: RuleSettings) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        var pairs = settings.pairs("terms") ?? []
        if let file = settings.text("file") {
            switch TextTermsRule.glossary(context.extraFiles[file]) {
            case .success(let more):
                pairs += more
            case .failure(let problem):
                findings.append(settings.finding(in: context.manifest, line: settings.configLine ?? 1,
                    "the glossary `\(file)` named by text/terms \(problem.message)"))
            }
        }
        let terms = pairs.map { (folded: $0.term.unicodeScalars.map(CheckScalars.folded), pair: $0) }.filter { !$0.folded.isEmpty }
        guard !terms.isEmpty else { return findings }
        for document in context.clauses {
            for line in document.lines where line.zone == .title || line.zone == .body {
                let s = line.scalars
                let folded = s.map(CheckScalars.folded)
                var taken = [Bool](repeating: false, count: s.count)
                for term in terms {
                    let needle = term.folded
                    guard needle.count <= s.count else { continue }
                    var i = 0
                    while i + needle.count <= s.count {
                        let end = i + needle.count
                        guard folded[i] == needle[0], Array(folded[i..<end]) == needle,
                              i == 0 || !TextTermsRule.joins(s[i - 1]), end == s.count || !TextTermsRule.joins(s[end]),
                              (i..<end).allSatisfy({ line.prose[$0] && !taken[$0] }) else {
                            i += 1
                            continue
                        }
                        for index in i..<end { taken[index] = true }
                        let found = String(String.UnicodeScalarView(s[i..<end]))
                        let replacement = TextTermsRule.matchingCase(term.pair.replacement, like: found)
                        let edit = TextEdit(line: line.number, column: i + 1, endColumn: end + 1, replacement: replacement)
                        findings.append(settings.finding(in: document, line: line.number, column: i + 1, endColumn: end + 1,
                            Message("check.terms", ["replacement": replacement, "found": found]), fix: CheckFix("replace with `\(replacement)`", edits: [edit])))
                        i = end
                    }
                }
            }
        }
        return findings
    }

    /// Letters, digits, `-` and apostrophes glue a match to its neighbours: no whole word then.
    static func joins(_ scalar: Unicode.Scalar) -> Bool {
        CheckScalars.isWord(scalar) || scalar == "-" || scalar == "'" || scalar == "’" || scalar == "_"
    }

    static func matchingCase(_ replacement: String, like found: String) -> String {
        guard let first = found.unicodeScalars.first, first.properties.isUppercase,
              let initial = replacement.first, initial.isLowercase else { return replacement }
        return initial.uppercased() + replacement.dropFirst()
    }

    struct GlossaryProblem: Error { var message: String }

    static func glossary(_ data: Data?) -> Result<[TermPair], GlossaryProblem> {
        guard let data else { return .failure(GlossaryProblem(message: "does not exist in the charter folder: create it or correct `file:`")) }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(GlossaryProblem(message: "is not valid UTF-8")) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            return .failure(GlossaryProblem(message: "is not valid YAML (\(YAMLField.position(of: error, lineOffset: 0).map { "line \($0.line)" } ?? "?"))"))
        }
        guard var mapping = node.flatMap({ node -> Node.Mapping? in if case .mapping(let m) = node { return m } else { return nil } }) else {
            return node == nil ? .success([]) : .failure(GlossaryProblem(message: "must be a mapping `forbidden term: replacement`"))
        }
        if let inner = mapping["terms"], case .mapping(let terms) = inner { mapping = terms }
        var pairs: [TermPair] = []
        for (key, value) in mapping {
            guard let term = key.string, let replacement = value.string else {
                return .failure(GlossaryProblem(message: "must map each forbidden term to one replacement (line \(key.mark?.line ?? 1))"))
            }
            pairs.append(TermPair(term: term, replacement: replacement))
        }
        return .success(pairs)
    }
}
