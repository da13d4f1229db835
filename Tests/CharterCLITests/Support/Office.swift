import Foundation
import TestSupport
import Testing

/// Real office software for the spreadsheet tests: LibreOffice headless (Debian's
/// `libreoffice-calc-nogui`, which `make test` installs) converts a sheet a person made into the
/// files LibreOffice writes; openpyxl (from PyPI, which `make test` installs) fills a template
/// as a script would and reads back what a workbook declares.
enum Office {
    static let soffice: String? = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let python: String? = {
        let found = Shell.which("python3")
        guard FileManager.default.isExecutableFile(atPath: found) else { return nil }
        let python = found
        let probe = try? Shell.run(python, ["-c", "import openpyxl"], in: URL(fileURLWithPath: "/"), environment: ProcessInfo.processInfo.environment)
        return probe?.status == 0 ? python : nil
    }()

    /// Converts `source` with LibreOffice (`--convert-to FILTER`) into `folder`; returns the file written.
    /// Each call has its own profile, so tests running at once do not share LibreOffice's lock.
    static func convert(_ source: URL, to filter: String, extension ext: String, in folder: URL) throws -> URL {
        let soffice = try #require(soffice)
        let profile = Scratch("charter-lo-profile")
        let result = try Shell.run(soffice, ["-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore",
                                             "--convert-to", filter, "--outdir", folder.path, source.path],
                                   in: folder, environment: ProcessInfo.processInfo.environment.merging(["HOME": profile.path]) { _, new in new })
        let written = folder.appendingPathComponent(source.deletingPathExtension().lastPathComponent + "." + ext)
        #expect(result.status == 0 && FileManager.default.fileExists(atPath: written.path), "soffice: \(result.stdout) \(result.stderr)")
        return written
    }

    /// Runs a Python script (with openpyxl) and returns its standard output.
    static func runPython(_ script: String, _ arguments: [String], in folder: URL) throws -> String {
        let python = try #require(python)
        let file = folder.appendingPathComponent("script-\(UUID().uuidString.prefix(6)).py")
        try Data(script.utf8).write(to: file)
        let result = try Shell.run(python, [file.path] + arguments, in: folder, environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "python: \(result.stderr)")
        return result.stdout
    }

    /// A flat OpenDocument spreadsheet (.fods) as a person makes one: `rows` of cells, a cell
    /// spanning the whole first row when `mergedTitle` is given.
    static func flatODS(sheet: String, mergedTitle: String?, width: Int, rows: [[Cell]]) -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func paragraphs(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                // Spaces kept as they are typed: a trailing one is a <text:s/>.
                var body = escaped(String(line))
                if body.hasSuffix(" ") { body = String(body.dropLast()) + "<text:s/>" }
                return "<text:p>\(body)</text:p>"
            }.joined()
        }
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
            <office:body><office:spreadsheet><table:table table:name="\(escaped(sheet))">
            """
        if let mergedTitle {
            xml += "<table:table-row><table:table-cell table:number-columns-spanned=\"\(width)\" table:number-rows-spanned=\"1\" office:value-type=\"string\">"
                + paragraphs(mergedTitle) + "</table:table-cell><table:covered-table-cell table:number-columns-repeated=\"\(width - 1)\"/></table:table-row>"
        }
        for row in rows {
            xml += "<table:table-row>"
            for cell in row {
                switch cell {
                case .text(let text) where text.isEmpty: xml += "<table:table-cell/>"
                case .text(let text): xml += "<table:table-cell office:value-type=\"string\">\(paragraphs(text))</table:table-cell>"
                case .number(let number):
                    xml += "<table:table-cell office:value-type=\"float\" office:value=\"\(number)\"><text:p>\(number)</text:p></table:table-cell>"
                }
            }
            xml += "</table:table-row>"
        }
        return xml + "</table:table></office:spreadsheet></office:body></office:document>\n"
    }

    enum Cell: ExpressibleByStringLiteral {
        case text(String)
        case number(Int)
        init(stringLiteral value: String) { self = .text(value) }
    }
}
