import Foundation

/// The JSON form of what `charter import` did (schema `charter-import/1`).
public struct ImportReport: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var id: String
        public var date: Date
        public var author: String
        public var summary: String
        /// The source commit the revision was made from (`Source-Commit:` trailer), with `--history`.
        public var sourceCommit: String?
        public var sourcePath: String?
    }

    public var schema = "charter-import/1"
    public var title: String
    public var directory: String
    public var clauses: [String]
    public var sections: Int
    public var revisions: [Entry]
    public var alreadyImported: Int
    /// `UTF-8`, `UTF-8 with BOM`, `UTF-16LE`, `UTF-16BE` (the last source revision's).
    public var encoding: String?
    /// `LF`, `CRLF`, `CR`, `mixed` or `none` (the last source revision's); clause files are written with LF.
    public var lineEndings: String?

    public init(_ result: ImportResult, directory: String) {
        title = result.charter.manifest.title
        self.directory = directory
        clauses = result.charter.numbered.map(\.clause.id.rawValue)
        sections = result.charter.manifest.sections.count
        revisions = result.revisions.map { revision in
            Entry(id: revision.id, date: revision.date, author: revision.author.description, summary: revision.summary,
                  sourceCommit: SourceTrailers.sourceCommits(in: revision.message).first,
                  sourcePath: revision.message.split(separator: "\n").first { $0.hasPrefix("\(SourceTrailers.pathKey): ") }
                    .map { String($0.dropFirst(SourceTrailers.pathKey.count + 2)) })
        }
        alreadyImported = result.alreadyImported
        encoding = result.source?.encoding.rawValue
        lineEndings = result.source?.lineEndings.rawValue
    }
}
