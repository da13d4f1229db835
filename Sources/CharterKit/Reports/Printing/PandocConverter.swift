import Foundation

/// Makes docx and odt of the published charter with pandoc, from the pandoc flavour of the
/// Markdown: real headings (with a table of contents), real footnotes, the figures embedded
/// (as PNG when `rsvg-convert` is there to draw them, else as SVG).
public struct PandocConverter: Sendable {
    public enum Format: String, Sendable, CaseIterable { case docx, odt }

    public var pandoc: ExternalTool
    public var rsvgConvert: ExternalTool?

    public init(pandoc: ExternalTool, rsvgConvert: ExternalTool?) {
        self.pandoc = pandoc
        self.rsvgConvert = rsvgConvert
    }

    /// pandoc: `CHARTER_PANDOC`, else on PATH.
    public static func findPandoc(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExternalTool? {
        ExternalTool.find(["pandoc"], variable: "CHARTER_PANDOC", environment: environment)
    }

    public static func findRsvgConvert(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExternalTool? {
        ExternalTool.find(["rsvg-convert"], environment: environment)
    }

    /// The image file to embed for an SVG figure in `folder`: a PNG drawn beside it when
    /// possible (`heatmap.png`), else the SVG itself.
    public func figure(_ svg: String, in folder: URL) throws -> String {
        guard let rsvgConvert else { return svg }
        let png = (svg as NSString).deletingPathExtension + ".png"
        let outcome = try rsvgConvert.run(["--zoom", "2", "--format", "png", "--output", folder.appendingPathComponent(png).path,
                                           folder.appendingPathComponent(svg).path], timeout: 60)
        return outcome.status == 0 && FileManager.default.fileExists(atPath: folder.appendingPathComponent(png).path) ? png : svg
    }

    /// Converts `markdown` (a file in `folder`, its figures beside it) to `output`.
    public func convert(markdown: URL, to output: URL, format: Format, in folder: URL) throws {
        try? FileManager.default.removeItem(at: output)
        let outcome = try pandoc.run(["--from", "markdown", "--to", format.rawValue, "--standalone", "--toc", "--toc-depth=3",
                                      "--resource-path", folder.path, "--output", output.path, markdown.path], timeout: 120, in: folder)
        guard outcome.status == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw CharterError(.repository, Message("report.export.toolFailed", ["tool": pandoc.name, "file": output.lastPathComponent,
                                                                                 "reason": "exit \(outcome.status): \(outcome.errorSummary)"]),
                               hint: Message("report.export.toolFailed.hint", ["tool": pandoc.name]))
        }
    }
}
