import CharterKit
@testable import CharterWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// « Exporter »: the files of `charter export`, for the current text or a released version,
/// downloaded by the browser.
@Suite("Console: the export page")
struct ExportPageTests {
    static let amended = "La juste place est reconnue à chacun."

    /// The fixture's charter released as v0.1, then an amendment to « juste-place » adopted.
    static func released(_ fixture: ConsoleFixture) throws {
        let editor = Person(name: "Éditrice", email: "editrice@example.org")
        _ = try fixture.repository.release("v0.1", message: "Premier jet", force: true, tagger: editor)
        let view = try fixture.repository.proposeAmendment(
            AmendmentRequest(territory: "haut-verdal", workshop: "lyon", rationale: "Plus court.", operation: .replace,
                             clause: "juste-place", text: amended + "\n"),
            facilitator: ConsoleFixture.claire)
        try fixture.repository.adoptAmendment(view.amendment.id.rawValue, force: true, editor: editor)
    }

    @Test("the page: linked from the navigation, every format, the current text and each released version")
    func page() async throws {
        let fixture = try ConsoleFixture()
        try Self.released(fixture)
        let tagged = try fixture.git("rev-parse", "charter/v0.1^{commit}").trimmingCharacters(in: .whitespacesAndNewlines)
        try await fixture.application.test(.router) { client in
            let home = try await client.get("/")
            #expect(home.text.contains("<a href=\"/export\""), "the navigation links the page")
            let page = try await client.get("/export")
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>Exporter la charte</h1>"))
            for format in ["html", "pdf", "docx", "odt", "markdown", "json"] {
                #expect(page.text.contains("<option value=\"\(format)\">\(format)</option>"))
            }
            #expect(page.text.contains("<option value=\"\">Texte en cours</option>"))
            #expect(page.text.contains("<option value=\"v0.1\">Version v0.1 ("))
            let value = try await client.get("/export", json: true).decode(WebConsole.ExportValue.self)
            #expect(value.versions.map(\.name) == ["v0.1"])
            #expect(value.versions.first?.revision == tagged, "the version names the tagged commit, as git sees it")
        }
    }

    @Test("html and markdown downloaded, for the current text and for the release")
    func downloads() async throws {
        let fixture = try ConsoleFixture()
        try Self.released(fixture)
        try await fixture.application.test(.router) { client in
            let cases: [(query: String, file: String, type: String, amended: Bool)] = [
                ("format=html", "charte.html", "text/html; charset=utf-8", true),
                ("format=markdown", "charte.md", "text/markdown; charset=utf-8", true),
                ("format=html&version=v0.1", "charte-v0.1.html", "text/html; charset=utf-8", false),
                ("format=markdown&version=v0.1", "charte-v0.1.md", "text/markdown; charset=utf-8", false),
            ]
            for item in cases {
                let response = try await client.get("/export/download?\(item.query)")
                #expect(response.status == .ok, "\(item.query): \(response.text.prefix(400))")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"\(item.file)\"")
                #expect(response.headers[.contentType] == item.type)
                let text = Self.flat(response.text)
                #expect(text.contains("La juste place de chacun"), "\(item.query): the clause's title")
                #expect(text.contains(Self.amended) == item.amended, "\(item.query): the amended sentence only after the adoption")
                #expect(text.contains("Origine du texte") == item.amended, "\(item.query): the provenance only where an amendment brought text")
            }
            let html = try await client.get("/export/download?format=html")
            #expect(html.text.hasPrefix("<!DOCTYPE html>"))
            #expect(!html.text.contains("src=\"heatmap.svg\""), "the figures inlined: one file")
            let markdown = try await client.get("/export/download?format=markdown&version=v0.1")
            #expect(markdown.text.contains("## "), "Markdown headings")
        }
    }

    @Test("without Chromium or pandoc: a clear French message, no file")
    func absentTools() async throws {
        var options = ConsoleOptions(language: .fr)
        options.environment = ["PATH": "/nonexistent", "CHARTER_PANDOC": "/nonexistent/pandoc", "CHARTER_CHROMIUM": "/nonexistent/chromium"]
        let fixture = try ConsoleFixture(options: options)
        try await fixture.application.test(.router) { client in
            let docx = try await client.get("/export/download?format=docx")
            #expect(docx.status == .unprocessableContent)
            #expect(docx.headers[.contentDisposition] == nil)
            #expect(Self.flat(docx.text).contains("l’export docx demande pandoc, et il n’est pas installé"), "\(docx.text.prefix(2000))")
            let pdf = try await client.get("/export/download?format=pdf")
            #expect(pdf.status == .unprocessableContent)
            #expect(Self.flat(pdf.text).contains("l’export PDF demande Chromium sans interface, et aucun n’est installé"))
            let unknown = try await client.get("/export/download?format=rtf")
            #expect(unknown.status == .badRequest)
            #expect(Self.flat(unknown.text).contains("format inconnu « rtf »"))
            let missing = try await client.get("/export/download?format=html&version=v9")
            #expect(missing.status == .notFound)
            #expect(Self.flat(missing.text).contains("aucune version « v9 » publiée"))
        }
    }

    static func flat(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
