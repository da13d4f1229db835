import ArgumentParser
import CharterKit
import Foundation

extension PublicationExport.Format: ExpressibleByArgument {}

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

    typealias Format = PublicationExport.Format

    @OptionGroup var location: RepositoryOptions
    @Option(help: "html, pdf, docx, odt, markdown or json.") var format: Format = .html
    @Option(help: ArgumentHelp("The folder to write into (created if needed).", valueName: "dir")) var out: String
    @Option(help: ArgumentHelp("The text revision or version to publish (default HEAD).", valueName: "revision")) var at: String?
    @Flag(help: "Add a technical annex: the revision published, each adopted amendment's id and revision.")
    var technicalAnnex = false

    /// `--lang fr|en` (read by `CLILanguage` for every command); French by default.
    private var lang: Language { CLILanguage.explicit ?? .fr }

    func run() throws {
        // The tools first: nothing is read when the format cannot be made.
        _ = try PublicationExport.tools(for: format)
        let repository = try location.open()
        let export = PublicationExport(format: format, revision: at ?? "HEAD", language: lang, technicalAnnex: technicalAnnex)
        let result = try export.write(repository, into: URL(fileURLWithPath: out, isDirectory: true))
        let publication = result.publication
        let written = result.files.map { (out.hasSuffix("/") ? out : out + "/") + $0 }
        print(CLILanguage.text("report.export.done", [
            "clauses": CLILanguage.text("report.clauses", count: publication.clauseCount),
            "notes": CLILanguage.text("report.export.notes", count: publication.notes.count),
            "amendments": CLILanguage.text("common.amendments", count: publication.amendments.count),
        ]))
        for path in written { print("  \(path)") }
    }
}
