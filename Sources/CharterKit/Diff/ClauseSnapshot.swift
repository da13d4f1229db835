/// A whole clause's content (title, body, front-matter fields) as carried by a
/// diff for an added or a removed clause; the id is the change's.
public struct ClauseSnapshot: Hashable, Sendable, Codable {
    public var title: String
    /// The Markdown body, exactly as in the clause file.
    public var body: String
    /// Optional front-matter fields besides `id` and `title`.
    public var fields: [String: String]

    public init(title: String, body: String, fields: [String: String] = [:]) {
        self.title = title
        self.body = body
        self.fields = fields
    }

    public init(_ clause: Clause) {
        self.init(title: clause.title, body: clause.body, fields: clause.fields)
    }

    /// The clause this snapshot describes, under `id`.
    public func clause(id: ClauseID) -> Clause {
        Clause(id: id, title: title, body: body, fields: fields)
    }

    // MARK: - Codable: `fields` is left out when empty.

    private enum CodingKeys: String, CodingKey { case title, body, fields }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try c.decode(String.self, forKey: .title),
            body: try c.decode(String.self, forKey: .body),
            fields: try c.decodeIfPresent([String: String].self, forKey: .fields) ?? [:])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(body, forKey: .body)
        if !fields.isEmpty { try c.encode(fields, forKey: .fields) }
    }
}
