/// How one section of the structure changed. Sections have no id: an old
/// and a new section are the same section when they share a title, or else
/// when they share the most clauses, or else when they stand at the same place.
public struct SectionChange: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        /// Only in the new structure.
        case added
        /// Only in the old structure.
        case removed
        /// Its title changed.
        case retitled
        /// Its place among the sections common to both sides changed.
        case moved

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What changed, in the order of `Kind.allCases`.
    public var kinds: [Kind]
    /// 0-based place in the old manifest's `sections`, nil when added.
    public var oldIndex: Int?
    /// 0-based place in the new manifest's `sections`, nil when removed.
    public var newIndex: Int?
    public var oldTitle: String?
    public var newTitle: String?

    public init(kinds: [Kind], oldIndex: Int?, newIndex: Int?, oldTitle: String?, newTitle: String?) {
        self.kinds = kinds
        self.oldIndex = oldIndex
        self.newIndex = newIndex
        self.oldTitle = oldTitle
        self.newTitle = newTitle
    }
}
