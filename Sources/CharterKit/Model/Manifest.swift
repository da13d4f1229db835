/// The charter's manifest (`charter.yml`): title, language, ordered
/// structure, territories and consensus rule.
public struct Manifest: Hashable, Sendable {
    public var title: String
    public var language: String
    public var sections: [Section]
    public var territories: [Territory]
    public var consensus: ConsensusRule
    /// The branch that holds the deliberation records.
    public var deliberationBranch: String

    public static let defaultDeliberationBranch = "deliberation"

    public init(
        title: String, language: String = "fr", sections: [Section],
        territories: [Territory] = [], consensus: ConsensusRule = ConsensusRule(),
        deliberationBranch: String = Manifest.defaultDeliberationBranch
    ) {
        self.title = title
        self.language = language
        self.sections = sections
        self.territories = territories
        self.consensus = consensus
        self.deliberationBranch = deliberationBranch
    }

    /// The territory with this id, nil when the manifest does not list it.
    public func territory(_ id: String) -> Territory? {
        territories.first { $0.id == id }
    }

    /// Every clause id in reading order.
    public var clauseOrder: [ClauseID] { sections.flatMap(\.clauses) }
}
