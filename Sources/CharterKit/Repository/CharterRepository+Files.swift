import Foundation
import GitKit

/// Raw charter files for `charter check`: read from a revision's tree or the
/// working tree without parsing, so that a broken charter can still be checked,
/// and written back by `--fix`.
extension CharterRepository {
    /// The charter's raw files in `source`. At a revision without the charter
    /// folder, the files are empty and the manifest is nil.
    public func files(_ source: CharterSource) throws -> CharterFiles {
        switch source {
        case .workingTree:
            return try workingTreeFiles()
        case .revision(let spec):
            let commit = try git.commit(resolveOID(spec))
            var files = CharterFiles(directory: directory, manifest: nil, clauseFiles: [:])
            guard let tree = try charterTree(commit.tree) else { return files }
            for entry in try git.treeEntries(tree) {
                if entry.name == ManifestFile.fileName, entry.kind == .blob {
                    files.manifest = try git.blob(entry.oid)
                    if entry.fileMode == 0o120000 { files.symlinks.insert(entry.name) }
                } else if entry.name == "clauses", entry.kind == .tree {
                    for file in try git.treeEntries(entry.oid) where file.kind == .blob && file.name.hasSuffix(".md") {
                        files.clauseFiles[file.name] = try git.blob(file.oid)
                        if file.fileMode == 0o120000 { files.symlinks.insert("clauses/\(file.name)") }
                    }
                }
            }
            return files
        }
    }

    /// The raw files of a charter folder outside any git repository, named
    /// `label` in findings. Unreadable files are an error (exit 2), not findings.
    public static func folderFiles(at path: String, label: String,
                                   currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> CharterFiles {
        let folder = URL(fileURLWithPath: absolute(path, from: currentDirectory), isDirectory: true)
        let manager = FileManager.default
        let directory = normalise(label)
        let manifest = manager.contents(atPath: folder.appendingPathComponent(ManifestFile.fileName).path)
        var clauses: [String: Data] = [:]
        let clauseFolder = folder.appendingPathComponent("clauses", isDirectory: true)
        for name in (try? manager.contentsOfDirectory(atPath: clauseFolder.path)) ?? [] where name.hasSuffix(".md") {
            guard let data = manager.contents(atPath: clauseFolder.appendingPathComponent(name).path) else {
                throw CharterError(.badInput, file: CharterFiles.join(directory, "clauses/\(name)"), "cannot read the file",
                                   hint: "check its permissions")
            }
            clauses[name] = data
        }
        var files = CharterFiles(directory: directory, manifest: manifest, clauseFiles: clauses)
        files.symlinks = symlinks(in: folder, clauseNames: Array(clauses.keys))
        return files
    }

    /// What `charter check` reads: the charter's raw files in `source`, the
    /// files its `check:` section names (a glossary), from the same place, and
    /// for `--changed-since` the files at that revision.
    public func checkInput(_ source: CharterSource, changedSince base: String? = nil) throws -> CheckInput {
        let files = try files(source)
        var extra: [String: Data] = [:]
        for name in CharterCheck.extraFilesNeeded(manifest: files.manifest) {
            extra[name] = try charterFile(name, in: source)
        }
        var input = CheckInput(files: files, extraFiles: extra, sourceLabel: describe(source))
        if let base {
            input.base = try self.files(.revision(base))
            input.baseLabel = describe(.revision(base))
        }
        return input
    }

    /// What `charter check` reads from a charter folder outside any git repository.
    public static func checkInput(folder path: String) throws -> CheckInput {
        let files = try folderFiles(at: path, label: path)
        var extra: [String: Data] = [:]
        let base = URL(fileURLWithPath: absolute(path, from: FileManager.default.currentDirectoryPath), isDirectory: true)
        for name in CharterCheck.extraFilesNeeded(manifest: files.manifest) {
            extra[name] = FileManager.default.contents(atPath: base.appendingPathComponent(normalise(name)).path)
        }
        return CheckInput(files: files, extraFiles: extra)
    }

    /// Writes files of a charter folder outside git (paths relative to it), as `--fix` does.
    public static func writeFolderFiles(_ files: [String: Data], folder path: String) throws {
        let base = URL(fileURLWithPath: absolute(path, from: FileManager.default.currentDirectoryPath), isDirectory: true)
        for (relativePath, data) in files.sorted(by: { $0.key < $1.key }) {
            do {
                try data.write(to: base.appendingPathComponent(relativePath), options: .atomic)
            } catch {
                throw CharterError(.badInput, file: CharterFiles.join(normalise(path), relativePath),
                                   "cannot write the file: \(error.localizedDescription)", hint: "check its permissions")
            }
        }
    }

    /// The deliberation branch the manifest in `files` names (`deliberation.branch`), as a full reference name.
    public static func deliberationBranch(in files: CharterFiles) -> String {
        let branch = files.manifest.flatMap { try? ManifestFile.parse($0, file: files.manifestPath).manifest.deliberationBranch }
        return "refs/heads/" + (branch ?? Manifest.defaultDeliberationBranch)
    }

    /// A file of the charter folder (path relative to it) in `source`; nil when absent.
    public func charterFile(_ relativePath: String, in source: CharterSource) throws -> Data? {
        let clean = CharterRepository.normalise(relativePath)
        switch source {
        case .workingTree:
            return FileManager.default.contents(atPath: try charterDirectoryURL().appendingPathComponent(clean).path)
        case .revision(let spec):
            let commit = try git.commit(resolveOID(spec))
            guard let tree = try charterTree(commit.tree),
                  let entry = try git.entry(atPath: clean, inTree: tree), entry.kind == .blob else { return nil }
            return try git.blob(entry.oid)
        }
    }

    /// Writes files of the charter folder in the working tree (paths relative to
    /// the folder, e.g. `clauses/x.md`), each through a temporary file renamed
    /// over the old one.
    public func writeCharterFiles(_ files: [String: Data]) throws {
        let folder = try charterDirectoryURL()
        for (relativePath, data) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(relativePath)
            do {
                try data.write(to: url, options: .atomic)
            } catch {
                throw CharterError(.badInput, file: CharterFiles.join(directory, relativePath),
                                   "cannot write the file: \(error.localizedDescription)", hint: "check its permissions")
            }
        }
    }

    /// `HEAD~1 (1a2b3c4)`, or `working tree`.
    public func describe(_ source: CharterSource) -> String { label(source) }

    /// Whether the reference `fullName` (e.g. `refs/heads/deliberation`) exists.
    public func hasReference(_ fullName: String) throws -> Bool {
        try git.reference(fullName) != nil
    }

    /// The deliberation gate `name`, once its records are reachable: refuses
    /// (never passes silently) when the deliberation branch is absent or the
    /// gate is not implemented.
    public func deliberationGate(named name: String, branch: String = DeliberationGates.branch) throws -> any DeliberationGate {
        guard DeliberationGates.names.contains(name) else {
            throw CharterError(.badInput, "unknown gate `\(name)`",
                               hint: "use one of: \(DeliberationGates.names.joined(separator: ", "))")
        }
        guard try hasReference(branch) else {
            let short = branch.hasPrefix("refs/heads/") ? String(branch.dropFirst("refs/heads/".count)) : branch
            throw CharterError(.repository,
                               "the `\(name)` gate reads the deliberation records on the branch `\(short)`, which this repository does not have",
                               hint: "fetch it first: git fetch origin \(short):\(short)")
        }
        guard let gate = DeliberationGates.gate(named: name) else {
            throw CharterError(.badInput,
                               "the `\(name)` gate is not available in this version of charter: the deliberation store it reads is not built yet",
                               hint: "run `charter check` without --gate; the gate will come with the deliberation commands")
        }
        return gate
    }
}
