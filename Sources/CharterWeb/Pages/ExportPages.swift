import CharterKit
import Foundation

extension WebConsole {
    struct ExportValue: Codable, Sendable {
        struct Version: Codable, Sendable {
            var name: String
            var revision: String
        }

        var formats: [String]
        var versions: [Version]
    }

    /// `/export`: « Exporter », the files of `charter export` for the current text or a released
    /// version, downloaded by the browser.
    func exportPage(_ exchange: Exchange) throws -> Reply {
        let versions = try PublicationExport.versions(of: repository)
        let formats: [HTML] = PublicationExport.Format.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }
        let texts: [HTML] = ["<option value=\"\">\(say("console.export.current"))</option>"] + versions.reversed().map { version in
            let date = (try? repository.resolve(version.revision)).map { day($0.date) } ?? String(version.revision.prefix(7))
            return "<option value=\"\(version.name)\">\(say("console.export.released", ["version": version.name, "day": date]))</option>"
        }
        let body: HTML = """
            <h1>\(say("console.export.title"))</h1>
            <p>\(say("console.export.intro"))</p>
            <form method="get" action="/export/download" class="stack export-form">
            <label>\(say("console.export.format")) <select name="format">\(formats)</select></label>
            <label>\(say("console.export.version")) <select name="version">\(texts)</select></label>
            <label><input type="checkbox" name="annex" value="1"> \(say("console.export.annex"))</label>
            <button type="submit">\(say("console.export.submit"))</button>
            </form>
            <p class="meta">\(say("console.export.tools"))</p>
            <p class="meta">\(say("console.export.markdown-figures"))</p>
            """
        return Reply(title: say("console.export.title"), body: body,
                     json: ExportValue(formats: PublicationExport.Format.allCases.map(\.rawValue),
                                       versions: versions.map { ExportValue.Version(name: $0.name, revision: $0.revision) }))
    }

    /// `/export/download?format=&version=&annex=1`: the export's main file, as an attachment.
    func exportDownload(_ exchange: Exchange) throws -> Reply {
        let given = exchange.query["format"] ?? "html"
        guard let format = PublicationExport.Format(rawValue: given) else {
            throw ConsoleFailure(.badRequest, say("console.export.unknown-format", ["format": String(given.prefix(20))]),
                                 hint: say("console.export.unknown-format-hint"), code: "unknown-format")
        }
        var revision = "HEAD"
        var stem = "charte"
        if let name = exchange.query["version"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            guard let version = try PublicationExport.versions(of: repository).first(where: { $0.name == name }) else {
                throw ConsoleFailure(.notFound, say("console.export.unknown-version", ["version": String(name.prefix(60))]),
                                     hint: say("console.export.unknown-version-hint"), code: "unknown-version")
            }
            revision = version.revision
            stem += "-" + version.name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "-" }.reduce("") { $0 + String($1) }
        }
        let export = PublicationExport(format: format, revision: revision, language: language,
                                       technicalAnnex: exchange.query["annex"] == "1", environment: options.environment)
        // Before anything is written: a missing Chromium or pandoc is said plainly.
        _ = try PublicationExport.tools(for: format, environment: options.environment)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charter-export-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try export.write(repository, into: folder)
        let data = try Data(contentsOf: folder.appendingPathComponent(result.main))
        let extensionName = (result.main as NSString).pathExtension
        return Reply(download: (data, Self.mediaType(format), "\(stem).\(extensionName)"))
    }

    static func mediaType(_ format: PublicationExport.Format) -> String {
        switch format {
        case .html: return "text/html; charset=utf-8"
        case .markdown: return "text/markdown; charset=utf-8"
        case .json: return "application/json; charset=utf-8"
        case .pdf: return "application/pdf"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .odt: return "application/vnd.oasis.opendocument.text"
        }
    }
}
