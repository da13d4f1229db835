import Foundation

/// What `charter check` reads: the charter's raw files (from a revision or the
/// working tree), other files its configuration names, and for
/// `--changed-since` the files of the base revision.
public struct CheckInput: Sendable {
    public var files: CharterFiles
    /// Files named by the `check:` section (a glossary), by path relative to
    /// the charter folder; see `CharterCheck.extraFilesNeeded`.
    public var extraFiles: [String: Data]
    /// What `files` are, as shown to the user (`working tree`, `HEAD~1`).
    public var sourceLabel: String
    /// The base revision's files for `--changed-since`, nil to check everything.
    public var base: CharterFiles?
    public var baseLabel: String?

    public init(files: CharterFiles, extraFiles: [String: Data] = [:], sourceLabel: String = "working tree",
                base: CharterFiles? = nil, baseLabel: String? = nil) {
        self.files = files
        self.extraFiles = extraFiles
        self.sourceLabel = sourceLabel
        self.base = base
        self.baseLabel = baseLabel
    }
}
