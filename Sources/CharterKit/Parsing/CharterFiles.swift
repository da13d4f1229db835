import Foundation

/// The raw files of a charter, wherever they were read from (a revision's
/// tree or the working tree), before parsing.
public struct CharterFiles: Sendable {
    /// The charter folder as shown in messages, e.g. `charter`.
    public var directory: String
    public var manifest: Data?
    /// Files of `clauses/` by name (`juste-place.md`); non-`.md` names are ignored.
    public var clauseFiles: [String: Data]
    /// Files that are symbolic links (paths relative to the charter folder: `charter.yml`,
    /// `clauses/<id>.md`): git stores the link, not the text read through it.
    public var symlinks: Set<String> = []

    public init(directory: String, manifest: Data?, clauseFiles: [String: Data]) {
        self.directory = directory
        self.manifest = manifest
        self.clauseFiles = clauseFiles
    }

    /// The files of `charter` in canonical form.
    public init(rendering charter: Charter, directory: String) {
        var clauses: [String: Data] = [:]
        for (id, clause) in charter.clauses {
            clauses["\(id).md"] = Data(ClauseFile.render(clause).utf8)
        }
        self.init(directory: directory, manifest: Data(ManifestFile.render(charter.manifest).utf8), clauseFiles: clauses)
    }

    /// Every file by its path relative to the charter folder (`charter.yml`, `clauses/<id>.md`).
    public var filesByPath: [String: Data] {
        var files: [String: Data] = [:]
        if let manifest { files[ManifestFile.fileName] = manifest }
        for (name, data) in clauseFiles { files["clauses/\(name)"] = data }
        return files
    }

    public var manifestPath: String { CharterFiles.join(directory, ManifestFile.fileName) }

    public func clausePath(_ name: String) -> String { CharterFiles.join(directory, "clauses/\(name)") }

    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty || directory == "." ? name : "\(directory)/\(name)"
    }
}
