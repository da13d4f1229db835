import Foundation

/// Word (`.docx`) and OpenDocument (`.odt`) files, turned into Markdown by pandoc (Debian's
/// `pandoc` package) so that their headings become clauses as a Markdown document's do.
/// Emphasis, lists and footnotes come through as Markdown (pandoc's `gfm` writer, lines not
/// re-wrapped).
public enum OfficeDocument {
    /// The file extensions read through pandoc, with pandoc's reader for each.
    public static let readers = ["docx": "docx", "odt": "odt"]

    /// Whether `path` names an office document.
    public static func isOffice(_ path: String) -> Bool {
        readers[URL(fileURLWithPath: path).pathExtension.lowercased()] != nil
    }

    /// The Markdown pandoc makes of the file at `absolute` (`path` as the user wrote it).
    public static func markdown(at absolute: String, path: String) throws -> Data {
        guard let reader = readers[URL(fileURLWithPath: absolute).pathExtension.lowercased()] else {
            throw CharterError(.badInput, file: path, Message("import.error.office.kind"))
        }
        guard FileManager.default.isReadableFile(atPath: absolute) else {
            throw CharterError(.badInput, file: path, Message("import.error.unreadable"), hint: Message("import.error.unreadable.hint"))
        }
        guard let pandoc = executable("pandoc") else {
            throw CharterError(.badInput, file: path, Message("import.error.pandoc.missing"), hint: Message("import.error.pandoc.missing.hint"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pandoc)
        process.arguments = ["--from", reader, "--to", "gfm+footnotes-raw_html", "--wrap=none", absolute]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw CharterError(.badInput, file: path, Message("import.error.pandoc.failed", ["error": "\(error.localizedDescription)"]),
                               hint: Message("import.error.pandoc.failed.hint"))
        }
        // Read both pipes before waiting, so that a large document cannot fill one and block pandoc.
        let group = DispatchGroup()
        let errorOutput = Collected()
        group.enter()
        DispatchQueue.global().async {
            errorOutput.data = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let markdown = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errorData = errorOutput.data
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CharterError(.badInput, file: path, Message("import.error.pandoc.failed", ["error": reason]),
                               hint: Message("import.error.pandoc.failed.hint"))
        }
        return markdown
    }

    /// What pandoc wrote on its error output, read on another thread (written once, read after `wait`).
    final class Collected: @unchecked Sendable {
        var data = Data()
    }

    /// The first `name` on PATH that can be run.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
