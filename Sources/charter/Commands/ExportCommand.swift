import ArgumentParser
import CharterKit
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the charter as published, ready to share: html, pdf, docx, odt, markdown or json.",
        discussion: """
            The charter numbered, with a table of contents; each clause with its status (a legend explains each), how many territories took part and how many supported, reserved or objected, the reservations' and objections' words as notes; references between clauses as links; « Ce qui a changé » since the previous version (the changed clauses with their redline); the adopted amendments with their text change, proposer and workshops; the territories' participation in the workshops; two figures: heatmap.svg (territories × clauses) and evolution.svg (per workshop). No revision hash or record id appears in the text: --technical-annex adds an annex with them.

            html: charter.html, one self-contained file (styles and figures inlined) with a print stylesheet.

            pdf: charter.pdf, A4, « page X sur Y », running header, table of contents with page numbers, tagged; printed by headless Chromium (CHARTER_CHROMIUM names another binary), the page numbers read back with poppler's pdfinfo.

            docx, odt: charter.docx or charter.odt through pandoc (CHARTER_PANDOC names another binary): real headings and footnotes, the figures embedded (as PNG when rsvg-convert is installed).

            markdown: charter.md, figures linked by file name. json: charter.json (schema charter-publication/1), the data behind the text.

            The document is in French unless --lang en.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, pdf, docx, odt, markdown, json }

    @OptionGroup var location: RepositoryOptions
    @Option(help: "html, pdf, docx, odt, markdown or json.") var format: Format = .html
    @Option(help: ArgumentHelp("The folder to write into (created if needed).", valueName: "dir")) var out: String
    @Option(help: ArgumentHelp("The text revision or version to publish (default HEAD).", valueName: "revision")) var at: String?
    @Flag(help: "Add a technical annex: the revision published, each adopted amendment's id and revision.")
    var technicalAnnex = false

    /// `--lang fr|en` (read by `CLILanguage` for every command); French by default.
    private var lang: Language { CLILanguage.explicit ?? .fr }

    func run() throws {
        let repository = try location.open()
        var chromium: ExternalTool?
        var pandoc: ExternalTool?
        switch format {
        case .pdf:
            guard let found = PDFPrinter.findChromium() else {
                throw CharterError(.badInput, Message("report.export.noChromium"), hint: Message("report.export.noChromium.hint"))
            }
            chromium = found
        case .docx, .odt:
            guard let found = PandocConverter.findPandoc() else {
                throw CharterError(.badInput, Message("report.export.noPandoc", ["format": format.rawValue]),
                                   hint: Message("report.export.noPandoc.hint"))
            }
            pandoc = found
        default: break
        }
        let publication = try repository.publication(at: at ?? "HEAD")
        let isHead = at == nil || (try? repository.resolve("HEAD").id) == publication.revision
        let matrix = try repository.status(at: isHead ? nil : publication.revision)
        let evolution = try repository.consensusEvolution(upTo: isHead ? nil : publication.revision)
        // The files carry their title; inside the document, the caption says it once.
        let heatmap = HeatmapSVG(language: lang)
        let chart = EvolutionSVG(language: lang)
        let inlined = PublicationRenderer.Figures(heatmap: heatmap.render(matrix), evolution: chart.render(evolution))
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        var renderer = PublicationRenderer(language: lang, options: .init(technicalAnnex: technicalAnnex))
        var written: [String] = []
        func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
        func write(_ name: String, _ text: String) throws {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url(name), options: .atomic)
            } catch {
                throw CharterError(.badInput, file: url(name).path, Message("report.export.cannotWrite", ["reason": error.localizedDescription]),
                                   hint: Message("report.export.cannotWrite.hint"))
            }
            written.append(shown(name))
        }
        func shown(_ name: String) -> String { (out.hasSuffix("/") ? out : out + "/") + name }
        try write("heatmap.svg", heatmap.render(matrix, title: lang.words.heatmapTitle))
        try write("evolution.svg", chart.render(evolution, title: lang.words.evolutionTitle))
        switch format {
        case .html:
            try write("charter.html", renderer.html(publication, figures: inlined))
        case .markdown:
            try write("charter.md", renderer.markdown(publication, figures: .init(heatmap: "heatmap.svg", evolution: "evolution.svg")))
        case .json:
            try write("charter.json", renderer.json(publication))
        case .pdf:
            try write("charter.html", renderer.html(publication, figures: inlined))
            let printer = PDFPrinter(chromium: chromium ?? ExternalTool(name: "chromium", path: "chromium"),
                                     pdfinfo: ExternalTool.find(["pdfinfo"]))
            try printer.print(html: url("charter.html"), pdf: url("charter.pdf")) { pages in
                renderer.options.pages = pages
                return renderer.html(publication, figures: inlined)
            }
            written.append(shown("charter.pdf"))
        case .docx, .odt:
            let converter = PandocConverter(pandoc: pandoc ?? ExternalTool(name: "pandoc", path: "pandoc"),
                                            rsvgConvert: PandocConverter.findRsvgConvert())
            // Without a drawn title: the document's caption names each figure once.
            try write("heatmap-figure.svg", inlined.heatmap)
            try write("evolution-figure.svg", inlined.evolution)
            let figures = PublicationRenderer.Figures(heatmap: try converter.figure("heatmap-figure.svg", in: folder),
                                                      evolution: try converter.figure("evolution-figure.svg", in: folder))
            let source = "charter.pandoc.md"
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try write(source, renderer.markdown(publication, figures: figures, flavour: .pandoc))
            written.removeLast()
            let name = "charter.\(format.rawValue)"
            try converter.convert(markdown: url(source), to: url(name), format: format == .docx ? .docx : .odt, in: folder)
            try? FileManager.default.removeItem(at: url(source))
            // The figures are inside the document now.
            for intermediate in Set(["heatmap-figure.svg", "evolution-figure.svg", figures.heatmap, figures.evolution]) {
                try? FileManager.default.removeItem(at: url(intermediate))
                written.removeAll { $0 == shown(intermediate) }
            }
            written.append(shown(name))
        }
        print(CLILanguage.text("report.export.done", [
            "clauses": CLILanguage.text("report.clauses", count: publication.clauseCount),
            "notes": CLILanguage.text("report.export.notes", count: publication.notes.count),
            "amendments": CLILanguage.text("common.amendments", count: publication.amendments.count),
        ]))
        for path in written { print("  \(path)") }
    }
}
