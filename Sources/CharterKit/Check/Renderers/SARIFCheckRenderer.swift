import Foundation

/// SARIF 2.1.0: one run of the `charter` tool, every rule described, every
/// finding a result naming its rule (by id and index), with its fix.
/// Columns are counted in Unicode code points (`columnKind`).
public struct SARIFCheckRenderer: Sendable {
    public var toolVersion: String
    /// Where the rules are documented (docs/check.md as published), when known;
    /// each rule's `helpUri` is this plus `#rule-id` without slashes.
    public var informationURI: String?

    public init(toolVersion: String = "0.1.0", informationURI: String? = nil) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
    }

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = "charter"
        var version: String
        var informationUri: String?
        var rules: [Rule]
    }

    struct Text: Encodable {
        var text: String
    }

    struct Rule: Encodable {
        struct Configuration: Encodable {
            var level: String
        }
        struct Properties: Encodable {
            var fixable: Bool
            var scope: String
            var tags: [String]
        }
        var id: String
        var shortDescription: Text
        var defaultConfiguration: Configuration
        var helpUri: String?
        var properties: Properties
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var fixes: [Fix]?
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endColumn: Int?
    }

    struct Fix: Encodable {
        var description: Text
        var artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: Text
    }

    public func render(_ report: CheckReport) -> String {
        let rules = report.rules.map { descriptor in
            Rule(id: descriptor.id, shortDescription: Text(text: descriptor.summary),
                 defaultConfiguration: .init(level: descriptor.defaultSeverity.rawValue),
                 helpUri: informationURI.map { $0 + "#" + descriptor.id.replacingAll("/", "").lowercased() },
                 properties: .init(fixable: descriptor.fixable, scope: descriptor.scope.rawValue, tags: [descriptor.category]))
        }
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() { index[rule.id] = position }
        let results = report.findings.map { finding in
            let location = ArtifactLocation(uri: finding.file)
            let fixes = finding.fix.map { fix in
                [Fix(description: Text(text: fix.description), artifactChanges: [ArtifactChange(
                    artifactLocation: location,
                    replacements: fix.edits.map {
                        Replacement(deletedRegion: Region(startLine: $0.line, startColumn: $0.column, endColumn: $0.endColumn),
                                    insertedContent: Text(text: $0.replacement))
                    })])]
            }
            return Result(ruleId: finding.rule, ruleIndex: index[finding.rule] ?? 0, level: finding.severity.rawValue,
                          message: Text(text: finding.message),
                          locations: [Location(physicalLocation: PhysicalLocation(
                              artifactLocation: location,
                              region: Region(startLine: finding.line, startColumn: finding.column, endColumn: finding.endColumn)))],
                          fixes: fixes)
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: toolVersion, informationUri: informationURI, rules: rules)),
                                 results: results)])
        return JSONCheckRenderer.encode(log)
    }
}
