/// What one revision did to one clause, as `charter log` tells it.
public struct ClauseEvent: Hashable, Sendable, Codable {
    public var id: ClauseID
    /// added, removed, modified (text changed), retitled, moved, renumbered, fields.
    public var kinds: [ClauseChange.Kind]
    public var oldNumber: Int?
    public var newNumber: Int?
    public var oldTitle: String?
    public var newTitle: String?
    /// Words added and removed by a text change.
    public var insertedWords: Int?
    public var deletedWords: Int?

    public init(_ change: ClauseChange) {
        id = change.id
        kinds = change.kinds
        oldNumber = change.oldNumber
        newNumber = change.newNumber
        oldTitle = change.oldTitle
        newTitle = change.newTitle
        insertedWords = change.body?.insertedWords
        deletedWords = change.body?.deletedWords
    }

    public func has(_ kind: ClauseChange.Kind) -> Bool { kinds.contains(kind) }
}
