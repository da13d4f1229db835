import Foundation

/// The JSON form (schema `charter-diff/1`, documented in docs/diff-json.md):
/// `schema`, `from`, `to`, `manifest`, `clauses`, and `summary`, which is
/// written for readers and recomputed from `clauses` when decoding.
extension CharterDiff: Codable {
    private enum CodingKeys: String, CodingKey {
        case schema, from, to, manifest, clauses, summary
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let schema = try container.decode(String.self, forKey: .schema)
        guard schema == Self.schema else {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: container,
                debugDescription: "unsupported diff schema '\(schema)', expected '\(Self.schema)'")
        }
        self.init(
            fromLabel: try container.decode(String.self, forKey: .from),
            toLabel: try container.decode(String.self, forKey: .to),
            manifest: try container.decode(ManifestChange.self, forKey: .manifest),
            clauses: try container.decode([ClauseChange].self, forKey: .clauses))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schema, forKey: .schema)
        try container.encode(fromLabel, forKey: .from)
        try container.encode(toLabel, forKey: .to)
        try container.encode(manifest, forKey: .manifest)
        try container.encode(clauses, forKey: .clauses)
        try container.encode(summary, forKey: .summary)
    }
}
