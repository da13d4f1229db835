import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import Testing

/// `charter export` as a communications team uses it, each output read back with an
/// independent tool: poppler (pdfinfo, pdftotext, pdftoppm) for the PDF, pandoc for docx and
/// odt, an XML parser for the HTML. The rendered pages are kept as PNG under
/// `.build/test-output/publication/` to be looked at.
@Suite("Export: the publication read back", .serialized)
struct ExportPublicationTests {
    static let output = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/test-output/publication", isDirectory: true)

    /// The bundled charter released as v0.1, an amendment to « La juste place de chacun »
    /// adopted at a workshop, then positions on the text (a reservation, an objection, supports).
    static func repository() throws -> Amending {
        let repo = try Amending()
        try repo.ok(["release", "v0.1", "--force", "-m", "Premier jet"])
        let text = repo.edited("juste-place", "ni instrumentalisé, ni effacé", "jamais instrumentalisé ni effacé")
        let amendment = try repo.propose("haut-verdal", ["--clause", "juste-place", "--workshop", "lyon", "--text-file",
                                                         try repo.input("juste.md", text)], rationale: "Une formulation plus nette.")
        try repo.position(amendment, "support", ["haut-verdal", "pays-d-ormanges", "port-saint-aubin", "vallee-de-la-sorgeac"])
        try repo.ok(["amend", "adopt", amendment, "--editor", Amending.editor])
        // Positions on the text as amended, at a second workshop.
        try repo.ok(["workshop", "open", "nantes", "--title", "Atelier de Nantes", "--date", "2026-03-28",
                     "--territories", Amending.territories.joined(separator: ","), "--facilitator", Amending.facilitator])
        let positions: [(String, String, String, String)] = [
            ("haut-verdal", "juste-place", "reservation", "Qui décide vraiment de la place de chacun ?"),
            ("port-saint-aubin", "transparence", "objection", "La déclaration d’intérêt doit être publique."),
            ("pays-d-ormanges", "transparence", "reservation", "Prévoir un délai."),
            ("vallee-de-la-sorgeac", "juste-place", "support", ""),
            ("pays-d-ormanges", "juste-place", "support", ""),
        ]
        for (territory, clause, position, text) in positions {
            try repo.ok(["comment", "add", "--workshop", "nantes", "--territory", territory, "--clause", clause, "--position", position,
                         "--facilitator", Amending.facilitator, text])
        }
        return repo
    }

    static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ tool: String, _ arguments: [String], in folder: URL) throws -> String {
        let result = try Shell.run(tool, arguments, in: folder, environment: Shell.environment(home: folder.path))
        #expect(result.status == 0, "\(tool) \(arguments): \(result.stderr)")
        return result.stdout
    }

    /// Whitespace (and no-break spaces) collapsed, for searching text across line breaks.
    static func flat(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func clauseTitles(_ repo: Amending) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(try repo.ok(["list", "--format", "json"]).utf8))
        return ((json as? [String: Any])?["clauses"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    }

    @Test("PDF: A4 on every page, « page X sur Y » on each, a contents listing every clause with the right page, title and language, tagged, no `[[` and no hash")
    func pdf() throws {
        guard Self.tool("chromium") != nil || Self.tool("chromium-browser") != nil, let pdfinfo = Self.tool("pdfinfo"),
              let pdftotext = Self.tool("pdftotext"), let pdftoppm = Self.tool("pdftoppm") else {
            Issue.record("the PDF test needs chromium and poppler-utils (make test installs them)")
            return
        }
        let repo = try Self.repository()
        let out = repo.inputs.url.appendingPathComponent("pdf")
        let result = try repo.run(["export", "--format", "pdf", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("charter.pdf"))
        let pdf = out.appendingPathComponent("charter.pdf").path
        let info = try Self.run(pdfinfo, [pdf], in: out)
        let pageCount = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) })
        #expect(pageCount >= 8)
        #expect(info.contains("Title:           Charte du faire alliance\n"), "\(info)")
        #expect(info.contains("Tagged:          yes"))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self).contains("/Lang (fr)"))
        // Every page A4 (595 × 842 pt), every page numbered.
        let sizes = try Self.run(pdfinfo, ["-f", "1", "-l", String(pageCount), pdf], in: out)
        let pageSizes = sizes.split(separator: "\n").filter { $0.hasPrefix("Page ") && $0.contains(" size: ") }
        #expect(pageSizes.count == pageCount)
        for line in pageSizes {
            let numbers = line.split(separator: ":").last?.split(separator: " ").compactMap { Double($0) } ?? []
            #expect(numbers.count == 2 && numbers.first.map { $0.rounded() == 595 } == true && numbers.last.map { $0.rounded() == 842 } == true, "\(line)")
        }
        var pages: [String] = []
        for page in 1...pageCount {
            let text = try Self.run(pdftotext, ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], in: out)
            #expect(Self.flat(text).contains("page \(page) sur \(pageCount)"), "page \(page) has no number")
            pages.append(text)
        }
        let all = pages.joined(separator: "\n")
        #expect(!all.contains("[["))
        #expect(HexIDs.find(in: all).isEmpty, "\(HexIDs.find(in: all))")
        #expect(Self.flat(all).contains("article 7 — La juste place de chacun"), "a reference rendered as its clause's number and title")
        // The contents list every clause title, each with the page its heading is on.
        let titles = try Self.clauseTitles(repo)
        #expect(titles.count == 18)
        let contents = Self.flat(pages.prefix(3).joined(separator: " "))
        for (index, title) in titles.enumerated() {
            let entry = "\(index + 1). \(Self.flat(title))"
            guard let range = contents.range(of: entry) else {
                Issue.record("the contents do not list « \(entry) »")
                continue
            }
            let listed = Int(contents[range.upperBound...].split(separator: " ").first ?? "")
            #expect(listed != nil, "« \(entry) » has no page number")
            if let listed, listed >= 1, listed <= pageCount {
                #expect(Self.flat(pages[listed - 1]).contains(entry), "« \(entry) » is listed on page \(listed), which does not show it")
            }
        }
        // No page ends on a clause's heading: headings stay with what follows them.
        let headings = Set(titles.enumerated().map { "\($0.offset + 1). \(Self.flat($0.element))" })
        for (index, page) in pages.enumerated() {
            let lines = page.split(separator: "\n").map { Self.flat(String($0)) }.filter { !$0.isEmpty && !$0.hasPrefix("page ") }
            if let last = lines.last { #expect(!headings.contains(last), "page \(index + 1) ends on the heading « \(last) »") }
        }
        #expect(Self.flat(all).contains("Ce qui a changé depuis la version v0.1"))
        #expect(Self.flat(all).contains("Nouvelle rédaction de l’article 7 — La juste place de chacun"))
        #expect(Self.flat(all).contains("Lire les états des articles"))
        // The pages, as images, to look at.
        try? FileManager.default.removeItem(at: Self.output)
        try FileManager.default.createDirectory(at: Self.output, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: pdf), to: Self.output.appendingPathComponent("charter.pdf"))
        _ = try Self.run(pdftoppm, ["-r", "60", "-png", pdf, Self.output.appendingPathComponent("page").path], in: out)
        let images = try FileManager.default.contentsOfDirectory(atPath: Self.output.path).filter { $0.hasSuffix(".png") }
        #expect(images.count == pageCount)
    }

    @Test("docx and odt through pandoc: the clauses in order as headings, the notes as real footnotes, the figures embedded")
    func documents() throws {
        guard let pandoc = Self.tool("pandoc") else {
            Issue.record("the docx/odt test needs pandoc (make test installs it)")
            return
        }
        let repo = try Self.repository()
        let titles = try Self.clauseTitles(repo)
        for format in ["docx", "odt"] {
            let out = repo.inputs.url.appendingPathComponent(format)
            let result = try repo.run(["export", "--format", format, "--out", out.path])
            #expect(result.status == 0, "\(result.stderr)")
            let file = out.appendingPathComponent("charter.\(format)").path
            let media = out.appendingPathComponent("media-read-back")
            // pandoc writes ’ back as '.
            let markdown = try Self.run(pandoc, ["--from", format, "--to", "markdown", "--wrap=none", "--extract-media", media.path, file], in: out)
                .replacingOccurrences(of: "’", with: "'")
            // The clauses in order, as headings.
            var position = markdown.startIndex
            for (index, title) in titles.enumerated() {
                let title = title.replacingOccurrences(of: "’", with: "'")
                guard let found = markdown.range(of: "\(index + 1). \(title)", range: position..<markdown.endIndex) else {
                    Issue.record("\(format): clause \(index + 1) « \(title) » missing or out of order")
                    continue
                }
                let lineStart = markdown[..<found.lowerBound].lastIndex(of: "\n").map { markdown.index(after: $0) } ?? markdown.startIndex
                #expect(markdown[lineStart...].hasPrefix("#"), "\(format): « \(title) » is not a heading")
                position = found.upperBound
            }
            // Real footnotes: a reference in the text and the note's words in its definition.
            let note = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("[^") && $0.contains("Qui décide vraiment de la place de chacun") },
                                    "\(format): no footnote holds the reservation")
            let label = String(note.prefix { $0 != ":" })
            #expect(markdown.components(separatedBy: label).count - 1 >= 2, "\(format): the footnote \(label) is referenced from the text")
            let footnotes = markdown.split(separator: "\n").filter { $0.hasPrefix("[^") && $0.contains("]:") }
            #expect(footnotes.count == 3)
            #expect(!markdown.contains("[["))
            #expect(HexIDs.find(in: markdown).isEmpty, "\(HexIDs.find(in: markdown))")
            // Both figures embedded.
            let images = FileManager.default.enumerator(atPath: media.path)?.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".png") || $0.hasSuffix(".svg") } ?? []
            #expect(images.count == 2, "\(format): \(images)")
            #expect(markdown.contains("Ce qui a changé depuis la version v0.1"))
            #expect(markdown.contains("article 7 --- La juste place de chacun") || markdown.contains("article 7 — La juste place de chacun"))
            if format == "docx" { #expect(markdown.contains("Sommaire"), "the table of contents is titled in French") }
        }
    }

    @Test("HTML: one well-formed, self-contained file (no external URL), every internal link has its target")
    func html() throws {
        let repo = try Self.repository()
        let out = repo.inputs.url.appendingPathComponent("html")
        let result = try repo.run(["export", "--format", "html", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: out.appendingPathComponent("charter.html"), encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        let document = try XMLDocument(data: Data(text.utf8), options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "html")
        #expect(root.attribute(forName: "lang")?.stringValue == "fr")
        var ids: [String] = []
        var links: [String] = []
        var stack: [XMLNode] = [root]
        while let node = stack.popLast() {
            if let element = node as? XMLElement {
                for attribute in element.attributes ?? [] {
                    let value = attribute.stringValue ?? ""
                    switch attribute.name {
                    case "id": ids.append(value)
                    case "href", "src", "xlink:href": links.append(value)
                    case "xmlns": #expect(value == "http://www.w3.org/2000/svg")
                    default: #expect(!value.contains("://"), "\(element.name ?? "")[\(attribute.name ?? "")] = \(value)")
                    }
                }
                #expect(element.name != "script" && element.name != "link" && element.name != "img", "nothing to fetch: \(element.name ?? "")")
            }
            stack.append(contentsOf: node.children ?? [])
        }
        #expect(Set(ids).count == ids.count, "ids are unique")
        #expect(!links.isEmpty)
        for link in links {
            #expect(link.hasPrefix("#"), "an external link: \(link)")
            #expect(ids.contains(String(link.dropFirst())), "no target for \(link)")
        }
        let visible = Self.flat(root.stringValue ?? "")
        #expect(!visible.contains("[["))
        let style = text.range(of: "<style>").flatMap { start in text.range(of: "</style>").map { text[start.upperBound..<$0.lowerBound] } } ?? ""
        #expect(!style.contains("url("), "no stylesheet fetches anything")
        #expect(HexIDs.find(in: visible.replacingOccurrences(of: String(style), with: "")).isEmpty)
        #expect(visible.contains("1 réserve1."), "a reservation counted, with its footnote marker")
    }

    @Test("the technical annex: off by default, the hashes and ids there when asked for")
    func technicalAnnex() throws {
        let repo = try Self.repository()
        let out = repo.inputs.url.appendingPathComponent("annex")
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try repo.run(["export", "--format", "markdown", "--out", out.path]).status == 0)
        #expect(!(try String(contentsOf: out.appendingPathComponent("charter.md"), encoding: .utf8)).contains(head))
        #expect(try repo.run(["export", "--format", "markdown", "--out", out.path, "--technical-annex"]).status == 0)
        let annexed = try String(contentsOf: out.appendingPathComponent("charter.md"), encoding: .utf8)
        #expect(annexed.contains("## Annexe technique"))
        #expect(annexed.contains(head))
    }

    @Test("« Origine du texte »: the sentence an adopted amendment brought, in html, markdown and json; no id unless --technical-annex")
    func origins() throws {
        let repo = try Self.repository()
        let out = repo.inputs.url.appendingPathComponent("origins")
        #expect(try repo.run(["export", "--format", "json", "--out", out.path]).status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("charter.json"))) as? [String: Any]
        let territories = json?["territories"] as? [[String: Any]] ?? []
        let proposer = try #require(territories.first { $0["id"] as? String == "haut-verdal" }?["name"] as? String)
        let clauses = (json?["sections"] as? [[String: Any]] ?? []).flatMap { $0["clauses"] as? [[String: Any]] ?? [] }
        let amended = try #require(clauses.first { $0["id"] as? String == "juste-place" })
        let origins = amended["origins"] as? [[String: Any]] ?? []
        #expect(origins.count == 1, "one amendment brought sentences of « La juste place de chacun »: \(origins)")
        #expect((origins.first?["amendment"] as? [String: Any])?["territory"] as? String == "haut-verdal")
        let sentences = origins.first?["sentences"] as? [Int] ?? []
        #expect(sentences.count >= 1, "the sentences the amendment brought: \(sentences)")
        let untouched = clauses.filter { $0["id"] as? String != "juste-place" }
        #expect(!untouched.isEmpty && untouched.allSatisfy { ($0["origins"] as? [Any] ?? []).isEmpty }, "no other clause was amended")

        #expect(try repo.run(["export", "--format", "markdown", "--out", out.path]).status == 0)
        let markdown = try String(contentsOf: out.appendingPathComponent("charter.md"), encoding: .utf8)
        let lines = markdown.split(separator: "\n").map { Self.flat(String($0)) }.filter { $0.contains("Origine du texte") }
        #expect(lines.count == 1, "\(lines)")
        let line = try #require(lines.first)
        #expect(line.contains("issu d’un amendement de \(proposer)"), "\(line)")
        #expect(line.contains("débattu lors de l’atelier"), "\(line)")
        #expect(HexIDs.find(in: line).isEmpty, "no id in the published text: \(line)")

        #expect(try repo.run(["export", "--format", "html", "--out", out.path]).status == 0)
        let html = Self.flat(try String(contentsOf: out.appendingPathComponent("charter.html"), encoding: .utf8))
        #expect(html.contains("<p class=\"origin\">Origine du texte : phrase"), "the line in html")
        #expect(html.contains("issu d’un amendement de \(proposer)"))

        #expect(try repo.run(["export", "--format", "markdown", "--out", out.path, "--technical-annex"]).status == 0)
        let annexed = try String(contentsOf: out.appendingPathComponent("charter.md"), encoding: .utf8)
        let technical = try #require(annexed.split(separator: "\n").map { Self.flat(String($0)) }.first { $0.contains("Origine du texte") })
        #expect(technical.contains("issu de l’amendement "), "\(technical)")
        #expect(HexIDs.find(in: technical).count == 1, "the amendment's id with --technical-annex: \(technical)")
    }

    @Test("docx without pandoc: refused with a clear message, nothing written")
    func noPandoc() throws {
        let repo = try Self.repository()
        let out = repo.inputs.url.appendingPathComponent("nopandoc")
        let result = try repo.workspace.charter.run(["export", "--format", "docx", "--out", out.path],
                                                    environment: ["CHARTER_PANDOC": "/nonexistent/pandoc"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("docx export needs pandoc, and it is not installed"))
        #expect(result.stderr.contains("apt-get install pandoc"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
