/// The charter's manifest (`charter.yml`): title, language, ordered
/// structure, territories and consensus rule.
public struct Manifest: Hashable, Sendable {
    public var title: String
    public var language: String
    public var sections: [Section]
    public var territories: [Territory]
    public var consensus: ConsensusRule

    public init(
        title: String, language: String = "fr", sections: [Section],
        territories: [Territory] = [], consensus: ConsensusRule = ConsensusRule()
    ) {
        self.title = title
        self.language = language
        self.sections = sections
        self.territories = territories
        self.consensus = consensus
    }

    /// Every clause id in reading order.
    public var clauseOrder: [ClauseID] { sections.flatMap(\.clauses) }
}
