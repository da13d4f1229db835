import ArgumentParser
import CharterKit
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the consolidated charter as published, with its figures.",
        discussion: """
            The charter numbered, each clause with its consensus status, reservations and objections as
            footnotes, the adopted amendments as an appendix; and two SVG figures: heatmap.svg (territories ×
            clauses) and evolution.svg (clauses in consensus, with reservations, in objection, per workshop).

            Formats: html (charter.html, figures inlined), markdown (charter.md), json (charter.json, schema
            charter-publication/1), pdf (charter.pdf, printed by headless Chromium when it is installed;
            CHARTER_CHROMIUM names another browser binary).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, markdown, json, pdf }

    @OptionGroup var location: RepositoryOptions
    @Option(help: "html, markdown, json or pdf.") var format: Format = .html
    @Option(help: ArgumentHelp("The folder to write into (created if needed).", valueName: "dir")) var out: String
    @Option(help: ArgumentHelp("The text revision to publish (default HEAD).", valueName: "revision")) var at: String?

    /// `--lang fr|en` (read by `CLILanguage` for every command); French by default.
    private var lang: Language { CLILanguage.explicit ?? .fr }

    func run() throws {
        let repository = try location.open()
        var chromium: String?
        if format == .pdf {
            guard let found = Chromium.find() else {
                throw CharterError(.badInput, "PDF export needs headless Chromium, and none is installed",
                                   hint: "install it (Debian: apt-get install chromium) or set CHARTER_CHROMIUM to a Chromium or Chrome binary; "
                                       + "--format html writes the same document, for any browser to print")
            }
            chromium = found
        }
        let publication = try repository.publication(at: at ?? "HEAD")
        let isHead = at == nil || (try? repository.resolve("HEAD").id) == publication.revision
        let matrix = try repository.status(at: isHead ? nil : publication.revision)
        let evolution = try repository.consensusEvolution(upTo: isHead ? nil : publication.revision)
        let heatmap = HeatmapSVG(language: lang).render(matrix, title: lang.words.heatmapTitle)
        let chart = EvolutionSVG(language: lang).render(evolution, title: lang.words.evolutionTitle)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        let renderer = PublicationRenderer(language: lang)
        var written: [String] = []
        func write(_ name: String, _ text: String) throws {
            let url = folder.appendingPathComponent(name)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw CharterError(.badInput, file: url.path, "cannot write the file: \(error.localizedDescription)",
                                   hint: "check that --out names a folder you may write in")
            }
            written.append(shown(name))
        }
        func shown(_ name: String) -> String { (out.hasSuffix("/") ? out : out + "/") + name }
        try write("heatmap.svg", heatmap)
        try write("evolution.svg", chart)
        switch format {
        case .html:
            try write("charter.html", renderer.html(publication, figures: .init(heatmap: heatmap, evolution: chart)))
        case .markdown:
            try write("charter.md", renderer.markdown(publication, figures: .init(heatmap: "heatmap.svg", evolution: "evolution.svg")))
        case .json:
            try write("charter.json", renderer.json(publication))
        case .pdf:
            try write("charter.html", renderer.html(publication, figures: .init(heatmap: heatmap, evolution: chart)))
            let pdf = folder.appendingPathComponent("charter.pdf")
            try Chromium.printToPDF(chromium ?? "chromium", html: folder.appendingPathComponent("charter.html"), pdf: pdf)
            written.append(shown("charter.pdf"))
        }
        print("Exported the charter at \(publication.revision.prefix(7)) (\(publication.clauseCount) clauses, "
              + "\(publication.notes.count) footnotes, \(publication.amendments.count) adopted amendments):")
        for path in written { print("  \(path)") }
    }
}

/// Headless Chromium, for PDF.
enum Chromium {
    /// `CHARTER_CHROMIUM`, else the first of chromium, chromium-browser, google-chrome on PATH.
    static func find() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["CHARTER_CHROMIUM"], !given.isEmpty {
            return FileManager.default.isExecutableFile(atPath: given) ? given : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    static func printToPDF(_ binary: String, html: URL, pdf: URL, timeout: TimeInterval = 90) throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("charter-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        try? FileManager.default.removeItem(at: pdf)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--print-to-pdf-no-header",
                             "--print-to-pdf=\(pdf.path)", html.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch {
            throw CharterError(.badInput, "cannot run \(binary): \(error.localizedDescription)", hint: "check CHARTER_CHROMIUM or the installation")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            throw CharterError(.repository, "Chromium did not print the PDF within \(Int(timeout)) s", hint: "try --format html")
        }
        guard FileManager.default.fileExists(atPath: pdf.path) else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw CharterError(.repository, "Chromium did not write the PDF (exit \(process.terminationStatus)): "
                               + message.split(separator: "\n").suffix(3).joined(separator: " "), hint: "try --format html")
        }
    }
}
