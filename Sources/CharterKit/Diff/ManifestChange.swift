/// What changed in the manifest: each part is nil (or empty) when unchanged.
///
/// `structure` carries the whole old and new list of sections when anything
/// in it changed (a section title, a clause added, removed or moved), so that
/// a diff alone rebuilds the new charter; `sections` describes the section
/// changes for readers.
public struct ManifestChange: Hashable, Sendable, Codable {
    public var title: ValueChange<String>?
    public var language: ValueChange<String>?
    public var structure: ValueChange<[Section]>?
    /// Sections added, removed, retitled or moved, in new order (removed ones
    /// after the others).
    public var sections: [SectionChange]
    public var territories: ValueChange<[Territory]>?
    public var consensus: ValueChange<ConsensusRule>?

    public init(
        title: ValueChange<String>? = nil, language: ValueChange<String>? = nil,
        structure: ValueChange<[Section]>? = nil, sections: [SectionChange] = [],
        territories: ValueChange<[Territory]>? = nil, consensus: ValueChange<ConsensusRule>? = nil
    ) {
        self.title = title
        self.language = language
        self.structure = structure
        self.sections = sections
        self.territories = territories
        self.consensus = consensus
    }

    /// True when the manifest did not change.
    public var isEmpty: Bool {
        title == nil && language == nil && structure == nil && sections.isEmpty
            && territories == nil && consensus == nil
    }

    // MARK: - Codable: unchanged parts are left out of the JSON.

    private enum CodingKeys: String, CodingKey {
        case title, language, structure, sections, territories, consensus
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try c.decodeIfPresent(ValueChange<String>.self, forKey: .title),
            language: try c.decodeIfPresent(ValueChange<String>.self, forKey: .language),
            structure: try c.decodeIfPresent(ValueChange<[Section]>.self, forKey: .structure),
            sections: try c.decodeIfPresent([SectionChange].self, forKey: .sections) ?? [],
            territories: try c.decodeIfPresent(ValueChange<[Territory]>.self, forKey: .territories),
            consensus: try c.decodeIfPresent(ValueChange<ConsensusRule>.self, forKey: .consensus))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(language, forKey: .language)
        try c.encodeIfPresent(structure, forKey: .structure)
        if !sections.isEmpty { try c.encode(sections, forKey: .sections) }
        try c.encodeIfPresent(territories, forKey: .territories)
        try c.encodeIfPresent(consensus, forKey: .consensus)
    }
}
