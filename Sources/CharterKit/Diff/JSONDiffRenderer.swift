import Foundation

/// Renders a `CharterDiff` as JSON (schema `charter-diff/1`, documented in
/// docs/diff-json.md): sorted keys, pretty-printed, slashes unescaped, so
/// the output is stable and diffable. `decode` reads it back.
public struct JSONDiffRenderer: Sendable {
    public init() {}

    public func render(_ diff: CharterDiff) -> String {
        String(decoding: data(diff), as: UTF8.self) + "\n"
    }

    /// The JSON bytes (without the final newline `render` adds).
    public func data(_ diff: CharterDiff) -> Data {
        do {
            return try Self.encoder.encode(diff)
        } catch {
            // Only non-finite numbers can fail, and the encoder writes them as strings.
            preconditionFailure("a CharterDiff always encodes: \(error)")
        }
    }

    /// Reads a diff written by `render`; throws `DecodingError` on any other
    /// schema or malformed input.
    public static func decode(_ json: Data) throws -> CharterDiff {
        try decoder.decode(CharterDiff.self, from: json)
    }

    /// Reads a diff written by `render`.
    public static func decode(_ json: String) throws -> CharterDiff {
        try decode(Data(json.utf8))
    }

    static var encoder: JSONEncoder { StableJSON.encoder() }

    static var decoder: JSONDecoder { StableJSON.decoder() }
}
