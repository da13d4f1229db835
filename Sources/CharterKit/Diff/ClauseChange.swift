/// How one clause, followed by its id, changed between two charters.
///
/// Old-side properties (`oldNumber`, `oldSection`, `oldTitle`) are set when
/// the clause exists on the old side, new-side ones when it exists on the new
/// side, whether or not they changed, so a reader can always show them.
public struct ClauseChange: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        /// Only in the new charter; `clause` holds it whole.
        case added
        /// Only in the old charter; `clause` holds the old clause whole.
        case removed
        /// Its body text changed; `body` holds the word diff.
        case modified
        /// Its title changed.
        case retitled
        /// Its place changed: it left the longest run of clauses kept in the
        /// same relative order, or it changed section (or became listed or
        /// unlisted in the structure).
        case moved
        /// Its number changed only because other clauses were added, removed
        /// or moved; never together with `moved`.
        case renumbered
        /// Its optional front-matter fields changed; `fields` lists them.
        case fieldsChanged = "fields"

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The clause's stable id.
    public var id: ClauseID
    /// What changed, never empty, in the order of `Kind.allCases`.
    public var kinds: [Kind]
    /// 1-based number in the old charter (nil when absent or not listed).
    public var oldNumber: Int?
    /// 1-based number in the new charter (nil when absent or not listed).
    public var newNumber: Int?
    /// Title of the section holding the clause in the old charter.
    public var oldSection: String?
    /// Title of the section holding the clause in the new charter.
    public var newSection: String?
    /// The clause title in the old charter.
    public var oldTitle: String?
    /// The clause title in the new charter.
    public var newTitle: String?
    /// The body's word diff, for `modified`.
    public var body: WordDiff?
    /// The front-matter fields that changed, sorted by key, for `fieldsChanged`.
    public var fields: [FieldChange]
    /// The whole new clause for `added`, the whole old clause for `removed`.
    public var clause: ClauseSnapshot?

    public init(
        id: ClauseID, kinds: [Kind], oldNumber: Int? = nil, newNumber: Int? = nil,
        oldSection: String? = nil, newSection: String? = nil,
        oldTitle: String? = nil, newTitle: String? = nil,
        body: WordDiff? = nil, fields: [FieldChange] = [], clause: ClauseSnapshot? = nil
    ) {
        self.id = id
        self.kinds = kinds
        self.oldNumber = oldNumber
        self.newNumber = newNumber
        self.oldSection = oldSection
        self.newSection = newSection
        self.oldTitle = oldTitle
        self.newTitle = newTitle
        self.body = body
        self.fields = fields
        self.clause = clause
    }

    /// Whether `kind` is among the changes.
    public func has(_ kind: Kind) -> Bool { kinds.contains(kind) }

    /// The number to show: the new one, or the old one for a removed clause.
    public var number: Int? { newNumber ?? oldNumber }

    /// The title to show: the new one, or the old one for a removed clause.
    public var title: String { newTitle ?? oldTitle ?? "" }

    // MARK: - Codable: optional and empty parts are left out of the JSON.

    private enum CodingKeys: String, CodingKey {
        case id, kinds, oldNumber, newNumber, oldSection, newSection, oldTitle, newTitle, body, fields, clause
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ClauseID.self, forKey: .id),
            kinds: try c.decode([Kind].self, forKey: .kinds),
            oldNumber: try c.decodeIfPresent(Int.self, forKey: .oldNumber),
            newNumber: try c.decodeIfPresent(Int.self, forKey: .newNumber),
            oldSection: try c.decodeIfPresent(String.self, forKey: .oldSection),
            newSection: try c.decodeIfPresent(String.self, forKey: .newSection),
            oldTitle: try c.decodeIfPresent(String.self, forKey: .oldTitle),
            newTitle: try c.decodeIfPresent(String.self, forKey: .newTitle),
            body: try c.decodeIfPresent(WordDiff.self, forKey: .body),
            fields: try c.decodeIfPresent([FieldChange].self, forKey: .fields) ?? [],
            clause: try c.decodeIfPresent(ClauseSnapshot.self, forKey: .clause))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kinds, forKey: .kinds)
        try c.encodeIfPresent(oldNumber, forKey: .oldNumber)
        try c.encodeIfPresent(newNumber, forKey: .newNumber)
        try c.encodeIfPresent(oldSection, forKey: .oldSection)
        try c.encodeIfPresent(newSection, forKey: .newSection)
        try c.encodeIfPresent(oldTitle, forKey: .oldTitle)
        try c.encodeIfPresent(newTitle, forKey: .newTitle)
        try c.encodeIfPresent(body, forKey: .body)
        if !fields.isEmpty { try c.encode(fields, forKey: .fields) }
        try c.encodeIfPresent(clause, forKey: .clause)
    }
}
