import Foundation

/// What `check --fix` must leave exactly as it was in a clause file: the front matter other
/// than the title's text, fenced code, link destinations and clause references, reference
/// definitions, and the headings' levels. A fix whose result differs here is not applied.
struct FixedStructure: Equatable {
    var frontMatter: [String]
    var code: [String]
    var links: [String]
    var definitions: [String]
    var headings: [Int]

    init(clause data: Data, name: String, path: String) {
        let document = ClauseDocument(fileName: name, path: path, data: data)
        var frontMatter: [String] = []
        var code: [String] = []
        var links: [String] = []
        var definitions: [String] = []
        var headings: [Int] = []
        let body = document.bodyRange
        for (index, line) in document.lines.enumerated() {
            switch line.zone {
            case .yaml:
                frontMatter.append(line.text)
            case .title:
                // The key and anything that is not the title's text.
                frontMatter.append(String(String.UnicodeScalarView(line.scalars.indices.filter { !line.prose[$0] }.map { line.scalars[$0] })))
            case .code:
                code.append(line.text)
            case .body:
                links += line.links.map(\.target)
                if body.contains(index) {
                    if MarkdownProse.isReferenceDefinition(line) { definitions.append(line.text) }
                    let hashes = line.scalars.prefix { $0 == "#" }.count
                    if (1...6).contains(hashes), line.scalars.count == hashes || line.scalars[hashes] == " " { headings.append(hashes) }
                }
            }
        }
        self.frontMatter = frontMatter
        self.code = code
        self.links = links
        self.definitions = definitions
        self.headings = headings
    }
}
