import Foundation

/// A source document read for import: its text (any encoding `SourceText` reads, LF line
/// endings), its front matter set apart, and the Markdown after it.
public struct SourceDocument: Hashable, Sendable {
    public var source: SourceText
    public var frontMatter: SourceFrontMatter?
    /// The Markdown after the front matter.
    public var body: String

    public init(_ data: Data, file: String) throws {
        source = try SourceText(data, file: file)
        (frontMatter, body) = try SourceFrontMatter.split(source.text, file: file)
    }

    /// The body cut at `level`, or at its article level (`MarkdownDocument.articleLevel`) when nil;
    /// nil when there is no heading to cut at.
    public func markdown(level: Int?) -> MarkdownDocument? {
        guard let level = level ?? MarkdownDocument.articleLevel(of: body) else { return nil }
        return MarkdownDocument(body, level: level)
    }

    /// The charter this document makes (see `DocumentImport.charter`); the front matter's title
    /// comes after `title` and before the first `#` heading.
    public func charter(level: Int?, title: String?, previous: Charter? = nil) -> Charter? {
        guard let document = markdown(level: level), !document.parts.isEmpty || document.preamble != nil else { return nil }
        return DocumentImport.charter(from: document, title: title ?? frontMatter?.title, previous: previous)
    }
}
