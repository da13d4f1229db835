/// How a clause's status is decided from the territories' positions.
public struct ConsensusRule: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// No objection among current positions, quorum met.
        case consent
        /// Every territory in scope supports.
        case unanimity
        /// Supports reach `threshold` of the positions taken, quorum met.
        case majority
    }

    public var kind: Kind
    /// Territories that must have a current position for a decision.
    public var quorum: Int?
    /// For `majority`: the share of supports needed, in (0, 1].
    public var threshold: Double?

    public init(kind: Kind = .consent, quorum: Int? = nil, threshold: Double? = nil) {
        self.kind = kind
        self.quorum = quorum
        self.threshold = threshold
    }
}
