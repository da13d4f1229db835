import Foundation

/// Turns a charter's raw files into a `Charter`, checking that the manifest
/// and the clause files agree.
public enum CharterParser {
    public static func parse(_ files: CharterFiles) throws -> Charter {
        var clauses: [String: Clause] = [:]
        for (name, data) in files.clauseFiles where name.hasSuffix(".md") {
            clauses[name] = try ClauseFile.parse(data, file: files.clausePath(name)).clause
        }
        return try assemble(directory: files.directory, manifest: files.manifest, clauses: clauses)
    }

    /// Checks already-parsed clause files (by file name) against the manifest.
    /// Callers that cache parsed clauses (by blob id) come in here directly.
    public static func assemble(directory: String, manifest manifestData: Data?, clauses files: [String: Clause]) throws -> Charter {
        let paths = CharterFiles(directory: directory, manifest: manifestData, clauseFiles: [:])
        guard let manifestData else {
            throw CharterError(.noCharter, file: paths.manifestPath,
                               "no charter here: `\(paths.manifestPath)` is missing",
                               hint: "run `charter init` to create one, or pass --dir to name the charter's folder")
        }
        let (manifest, lines) = try ManifestFile.parse(manifestData, file: paths.manifestPath)
        return try assemble(directory: directory, manifest: manifest, lines: lines, clauses: files)
    }

    /// `assemble` with the manifest already parsed (callers that cache manifests by blob id).
    static func assemble(directory: String, manifest: Manifest, lines: [ClauseID: Int], clauses files: [String: Clause]) throws -> Charter {
        let paths = CharterFiles(directory: directory, manifest: nil, clauseFiles: [:])
        var clauses: [ClauseID: Clause] = [:]
        for name in files.keys.sorted() {
            guard let clause = files[name] else { continue }
            let path = paths.clausePath(name)
            let stem = String(name.dropLast(3))
            guard clause.id.rawValue == stem else {
                throw CharterError(.idMismatch, file: path, line: 2,
                                   "the front matter says `id: \(clause.id)` but the file is named `\(name)`",
                                   hint: "rename the file to `\(clause.id).md` or change its id to `\(stem)`")
            }
            guard lines[clause.id] != nil else {
                throw CharterError(.unlistedClause, file: path,
                                   "clause `\(clause.id)` is not listed in \(paths.manifestPath)",
                                   hint: "add `\(clause.id)` to a section's `clauses:` list, or delete the file")
            }
            clauses[clause.id] = clause
        }
        for id in manifest.clauseOrder where clauses[id] == nil {
            throw CharterError(.missingClause, file: paths.manifestPath, line: lines[id],
                               "clause `\(id)` is listed but \(paths.clausePath("\(id).md")) does not exist",
                               hint: "create the file or remove `\(id)` from the manifest")
        }
        return Charter(manifest: manifest, clauses: clauses)
    }
}
