/// The trailers an imported revision carries, naming the source commit and the document's path
/// there: `Source-Commit: <id>` and `Source-Path: <path>`. A later `import --history` reads them
/// back to bring only the source commits not yet imported.
public enum SourceTrailers {
    public static let commitKey = "Source-Commit"
    public static let pathKey = "Source-Path"

    /// `message` with the two trailers added (to its trailer block when it ends with one).
    public static func message(_ message: String, commit: String, path: String) -> String {
        var text = Substring(message)
        while text.last?.isWhitespace == true { text.removeLast() }
        let trailers = "\(commitKey): \(commit)\n\(pathKey): \(path)\n"
        if text.isEmpty { return "Import \(path)\n\n" + trailers }
        let paragraphs = text.components(separatedBy: "\n\n")
        let last = paragraphs.last ?? ""
        let endsWithTrailers = paragraphs.count > 1 && last.split(separator: "\n").allSatisfy(isTrailer)
        return String(text) + (endsWithTrailers ? "\n" : "\n\n") + trailers
    }

    /// The source commit ids named by `Source-Commit:` trailers in `message`.
    public static func sourceCommits(in message: String) -> [String] {
        message.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("\(commitKey): ") else { return nil }
            let value = line.dropFirst(commitKey.count + 2).trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
    }

    /// `Key: value`, the key made of letters, digits and dashes.
    static func isTrailer(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return false }
        return line[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            && line[line.index(after: colon)...].hasPrefix(" ")
    }
}
