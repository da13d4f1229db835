import CharterKit
import Foundation

/// The bodies of the libFuzzer targets (`make fuzz`, Fuzz/README.md), shared with the test
/// that replays their corpus (`FuzzCorpusTests`): each feeds arbitrary bytes to one reader of
/// outside input and says how it ended. A trap (overflow, index out of range, force unwrap)
/// is a crash for libFuzzer and a failed test here; any other ending is an outcome to check.
enum FuzzTargets {
    static let names = ["manifest", "clause", "csv", "record", "diff-apply", "check-clause"]

    enum Outcome {
        /// The input was read.
        case accepted
        /// Refused with a charter error (which must name the file at fault).
        case refused(CharterError)
        /// Refused by a decoder (records, diff JSON): the decoder's own error.
        case undecodable(any Error)
        /// A property that must hold did not (a round trip that changed the value).
        case broken(String)
    }

    static func run(_ target: String, _ data: Data) -> Outcome {
        switch target {
        case "manifest":
            return outcome { _ = try ManifestFile.parse(data, file: "charter/charter.yml") }
        case "clause":
            return outcome { _ = try ClauseFile.parse(data, file: "charter/clauses/fuzz.md") }
        case "csv":
            return outcome { _ = try CommentSheet(data, file: "atelier.csv") }
        case "record":
            let record: Record
            do { record = try RecordCodec.decode(data) } catch { return .undecodable(error) }
            // What charter writes of a record it read must read back as the same record.
            // (Charter writes whole seconds: a fractional date read is compared rounded down.)
            var expected = record
            expected.recordedAt = Date(timeIntervalSince1970: expected.recordedAt.timeIntervalSince1970.rounded(.down))
            do {
                let again = try RecordCodec.decode(try RecordCodec.encode(record))
                return again == expected ? .accepted : .broken("the record changed through encode and decode")
            } catch {
                return .broken("a record read cannot be written and read back: \(error)")
            }
        case "diff-apply":
            let diff: CharterDiff
            do { diff = try JSONDiffRenderer.decode(data) } catch { return .undecodable(error) }
            do {
                _ = try diff.apply(to: base)
                return .accepted
            } catch {
                return .undecodable(error)
            }
        case "check-clause":
            return outcome {
                let files = CharterFiles(directory: "charter", manifest: Data(manifest.utf8), clauseFiles: ["fuzz.md": data])
                _ = try CharterCheck.run(CheckInput(files: files))
            }
        default:
            return .broken("no fuzz target `\(target)`")
        }
    }

    private static func outcome(_ body: () throws -> Void) -> Outcome {
        do {
            try body()
            return .accepted
        } catch let error as CharterError {
            return .refused(error)
        } catch {
            return .undecodable(error)
        }
    }

    /// The charter a fuzzed diff is applied to, and the manifest a fuzzed clause is checked with.
    static let manifest = """
        title: Charte de test
        language: fr
        territories:
          - id: haut-verdal
            name: Haut-Verdal
        sections:
          - title: Tout
            clauses: [fuzz, autre]

        """

    static let base: Charter = {
        let clause = "---\nid: fuzz\ntitle: Une clause\n---\n\nLe texte de la clause, « cité », et un autre mot.\n"
        let other = "---\nid: autre\ntitle: Une autre\n---\n\nUne seconde clause.\n"
        let files = CharterFiles(directory: "charter", manifest: Data(manifest.utf8),
                                 clauseFiles: ["fuzz.md": Data(clause.utf8), "autre.md": Data(other.utf8)])
        do {
            return try CharterParser.parse(files)
        } catch {
            preconditionFailure("the fuzz base charter must parse: \(error)")
        }
    }()
}
