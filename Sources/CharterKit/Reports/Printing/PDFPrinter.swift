import Foundation

/// Prints the published charter's HTML to PDF with headless Chromium: A4 and the page
/// layout from the print stylesheet, a tagged PDF with its outline, the title and language
/// from the document. The table of contents gets its page numbers in two passes: print,
/// read each anchor's page back (poppler's `pdfinfo -dests`), print again with them (and
/// once more if the numbers moved the pages).
public struct PDFPrinter: Sendable {
    public var chromium: ExternalTool
    /// `pdfinfo`, to read the pages back; without it the contents have no page numbers.
    public var pdfinfo: ExternalTool?

    public init(chromium: ExternalTool, pdfinfo: ExternalTool?) {
        self.chromium = chromium
        self.pdfinfo = pdfinfo
    }

    /// Headless Chromium: `CHARTER_CHROMIUM`, else chromium, chromium-browser or google-chrome on PATH.
    public static func findChromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExternalTool? {
        ExternalTool.find(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"], variable: "CHARTER_CHROMIUM",
                          environment: environment)
    }

    /// Writes `pdf` from the HTML `render` makes for the given page numbers; `html` is where
    /// the HTML is written (the last one printed stays there). Returns the page numbers used.
    @discardableResult
    public func print(html: URL, pdf: URL, render: ([String: Int]) throws -> String) throws -> [String: Int] {
        var pages: [String: Int] = [:]
        for _ in 0..<3 {
            try write(render(pages), to: html)
            try printOnce(html: html, pdf: pdf)
            guard let pdfinfo else { return pages }
            let found = try destinations(pdf, pdfinfo)
            if found == pages { return pages }
            pages = found
        }
        try write(render(pages), to: html)
        try printOnce(html: html, pdf: pdf)
        return pages
    }

    func write(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CharterError(.badInput, file: url.path, Message("report.export.cannotWrite", ["reason": error.localizedDescription]),
                               hint: Message("report.export.cannotWrite.hint"))
        }
    }

    func printOnce(html: URL, pdf: URL) throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("charter-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        try? FileManager.default.removeItem(at: pdf)
        let outcome = try chromium.run(["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                        "--disable-extensions", "--user-data-dir=\(profile.path)", "--no-pdf-header-footer",
                                        "--export-tagged-pdf", "--generate-pdf-document-outline",
                                        "--print-to-pdf=\(pdf.path)", html.absoluteString], timeout: 120)
        guard FileManager.default.fileExists(atPath: pdf.path) else {
            throw CharterError(.repository, Message("report.export.toolFailed", ["tool": chromium.name, "file": pdf.lastPathComponent,
                                                                                 "reason": "exit \(outcome.status): \(outcome.errorSummary)"]),
                               hint: Message("report.export.toolFailed.hint", ["tool": chromium.name]))
        }
    }

    /// Each named destination's page (`pdfinfo -dests`: « page [ XYZ … ] "name" » lines).
    func destinations(_ pdf: URL, _ pdfinfo: ExternalTool) throws -> [String: Int] {
        let outcome = try pdfinfo.run(["-dests", pdf.path], timeout: 30)
        var pages: [String: Int] = [:]
        for line in outcome.output.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let page = fields.first.flatMap({ Int($0) }), let open = line.firstIndex(of: "\""), line.last == "\"" else { continue }
            let name = String(line[line.index(after: open)..<line.index(before: line.endIndex)])
            if pages[name] == nil { pages[name] = page }
        }
        return pages
    }
}
