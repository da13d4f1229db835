import Foundation

/// `charter export` and the console's « Exporter » page: writes the charter as published at a
/// revision into a folder, in one format, with its two figures, and says what it wrote.
public struct PublicationExport: Sendable {
    public enum Format: String, Sendable, CaseIterable, Codable { case html, pdf, docx, odt, markdown, json }

    /// What an export wrote.
    public struct Result: Sendable {
        public var publication: Publication
        /// The files written, by name inside the folder, in order.
        public var files: [String]
        /// The main file (charter.html, charter.pdf…), self-contained for html, pdf, docx, odt and json.
        public var main: String
    }

    public var format: Format
    public var revision: String
    public var language: Language
    public var technicalAnnex: Bool
    /// Where Chromium and pandoc are looked for (`PATH`, `CHARTER_CHROMIUM`, `CHARTER_PANDOC`).
    public var environment: [String: String]

    public init(format: Format, revision: String = "HEAD", language: Language = .fr, technicalAnnex: Bool = false,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.format = format
        self.revision = revision
        self.language = language
        self.technicalAnnex = technicalAnnex
        self.environment = environment
    }

    /// The versions released (`charter/<name>` tags) that can be exported, oldest first: the
    /// name and the revision it names.
    public static func versions(of repository: CharterRepository) throws -> [(name: String, revision: String)] {
        try repository.versionTags().map { ($0.name, $0.revision) }
    }

    /// The main file's name for a format.
    public static func mainFile(_ format: Format) -> String {
        switch format {
        case .markdown: return "charter.md"
        default: return "charter.\(format.rawValue)"
        }
    }

    /// Checks the external tools the format needs (before anything is read or written).
    public static func tools(for format: Format, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> (chromium: ExternalTool?, pandoc: ExternalTool?) {
        switch format {
        case .pdf:
            guard let found = PDFPrinter.findChromium(environment: environment) else {
                throw CharterError(.badInput, Message("report.export.noChromium"), hint: Message("report.export.noChromium.hint"))
            }
            return (found, nil)
        case .docx, .odt:
            guard let found = PandocConverter.findPandoc(environment: environment) else {
                throw CharterError(.badInput, Message("report.export.noPandoc", ["format": format.rawValue]),
                                   hint: Message("report.export.noPandoc.hint"))
            }
            return (nil, found)
        default:
            return (nil, nil)
        }
    }

    public func write(_ repository: CharterRepository, into folder: URL) throws -> Result {
        let (chromium, pandoc) = try Self.tools(for: format, environment: environment)
        let lang = language
        let publication = try repository.publication(at: revision)
        let isHead = (try? repository.resolve("HEAD").id) == publication.revision
        let matrix = try repository.status(at: isHead ? nil : publication.revision)
        let evolution = try repository.consensusEvolution(upTo: isHead ? nil : publication.revision)
        // The files carry their title; inside the document, the caption says it once.
        let heatmap = HeatmapSVG(language: lang)
        let chart = EvolutionSVG(language: lang)
        let inlined = PublicationRenderer.Figures(heatmap: heatmap.render(matrix), evolution: chart.render(evolution))
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
            written.append(name)
        }
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
                                     pdfinfo: ExternalTool.find(["pdfinfo"], environment: environment))
            try printer.print(html: url("charter.html"), pdf: url("charter.pdf")) { pages in
                renderer.options.pages = pages
                return renderer.html(publication, figures: inlined)
            }
            written.append("charter.pdf")
        case .docx, .odt:
            let converter = PandocConverter(pandoc: pandoc ?? ExternalTool(name: "pandoc", path: "pandoc"),
                                            rsvgConvert: PandocConverter.findRsvgConvert(environment: environment))
            // Without a drawn title: the document's caption names each figure once.
            try write("heatmap-figure.svg", inlined.heatmap)
            try write("evolution-figure.svg", inlined.evolution)
            let figures = PublicationRenderer.Figures(heatmap: try converter.figure("heatmap-figure.svg", in: folder),
                                                      evolution: try converter.figure("evolution-figure.svg", in: folder))
            let source = "charter.pandoc.md"
            try write(source, renderer.markdown(publication, figures: figures, flavour: .pandoc))
            written.removeLast()
            let name = Self.mainFile(format)
            try converter.convert(markdown: url(source), to: url(name), format: format == .docx ? .docx : .odt, in: folder)
            try? FileManager.default.removeItem(at: url(source))
            // The figures are inside the document now.
            for intermediate in Set(["heatmap-figure.svg", "evolution-figure.svg", figures.heatmap, figures.evolution]) {
                try? FileManager.default.removeItem(at: url(intermediate))
                written.removeAll { $0 == intermediate }
            }
            written.append(name)
        }
        return Result(publication: publication, files: written, main: Self.mainFile(format))
    }
}
