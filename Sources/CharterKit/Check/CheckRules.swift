/// Every rule of `charter check`, in the order they are documented.
enum CheckRules {
    static let all: [any CheckRule] = [
        StructureEncodingRule(),
        StructureSymlinkRule(),
        StructureYAMLRule(),
        StructureManifestRule(),
        StructureFrontMatterRule(),
        StructureIDRule(),
        StructureDuplicateIDRule(),
        StructureIDMismatchRule(),
        StructureMissingClauseRule(),
        StructureUnlistedClauseRule(),
        StructureTitleRule(),
        StructureEmptyBodyRule(),
        StructureHeadingLevelRule(),
        StructureCheckConfigRule(),
        ReferenceUnresolvedRule(),
        ReferenceRemovedRule(),
        TypographyNBSPRule(),
        TypographyGuillemetsRule(),
        TypographyEllipsisRule(),
        TypographyApostropheRule(),
        TypographyDoubleSpaceRule(),
        TypographyTrailingWhitespaceRule(),
        TypographySpaceBeforePunctuationRule(),
        TextBracketsRule(),
        TextLengthRule(),
        TextTermsRule(),
    ]

    static let descriptors: [RuleDescriptor] = all.map(\.descriptor)
}
