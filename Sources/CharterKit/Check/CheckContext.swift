import Foundation

/// Everything a rule may look at, as values: the manifest and clause files
/// read leniently, the charter's language, and, for `--changed-since`, the
/// clauses the base revision had.
struct CheckContext: Sendable {
    /// The charter folder as shown in paths, e.g. `charter`.
    var directory: String
    var language: String
    var manifest: ManifestDocument
    /// Every clause file, by file name order.
    var clauses: [ClauseDocument]
    /// Other files named by the configuration (a glossary), by path relative
    /// to the charter folder.
    var extraFiles: [String: Data]
    /// The clause ids of the base revision (`--changed-since`), and its name.
    var base: (label: String, clauseIDs: Set<String>)?
    /// Files that are symbolic links (relative to the charter folder).
    var symlinks: Set<String> = []

    /// The ids of the clause files present.
    var clauseIDs: Set<String> { Set(clauses.map(\.id)) }
}
