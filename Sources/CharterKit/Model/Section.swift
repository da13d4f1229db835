/// A titled group of clauses; the manifest's order of sections and clauses
/// gives the numbering.
public struct Section: Hashable, Sendable, Codable {
    public var title: String
    public var clauses: [ClauseID]

    public init(title: String, clauses: [ClauseID]) {
        self.title = title
        self.clauses = clauses
    }
}
