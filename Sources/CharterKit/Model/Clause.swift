/// One clause of the charter: its identity, its title and its Markdown body.
public struct Clause: Hashable, Sendable {
    public var id: ClauseID
    public var title: String
    /// The Markdown text after the front matter (the blank line that follows
    /// the closing `---` is not part of it).
    public var body: String
    /// Optional front-matter fields besides `id` and `title`, kept as text.
    public var fields: [String: String]

    public init(id: ClauseID, title: String, body: String, fields: [String: String] = [:]) {
        self.id = id
        self.title = title
        self.body = body
        self.fields = fields
    }
}
