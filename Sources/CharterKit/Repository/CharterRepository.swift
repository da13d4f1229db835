import Foundation
import GitKit
import Synchronization

/// A charter kept in a git repository: reads it at any revision or from the
/// working tree, and commits changes to the checked-out text branch.
///
/// This is the engine's entry point; the CLI and the web console only render
/// what it returns.
public final class CharterRepository: Sendable {
    let git: Repository
    /// The charter's folder relative to the repository root (`charter` by default, `.` for the root).
    public let directory: String
    private let clauseCache = Mutex<[OID: Clause]>([:])
    private let manifestCache = Mutex<[OID: ParsedManifest]>([:])
    private let listingCache = Mutex<[OID: [TreeEntry]]>([:])
    /// Parsed manifests kept across commands (`.git/charter/manifests.cache`).
    private let manifestStore: ManifestCache
    /// Whether the derived caches under `.git/charter/` are used (`CHARTER_NO_INDEX=1` turns
    /// them off: every answer is then computed from git alone).
    let indexEnabled: Bool

    /// Opens the repository containing `path` (searching upwards) and the
    /// charter folder `directory` in it.
    ///
    /// A relative `directory` is taken from `currentDirectory` when that folder
    /// exists inside the work tree, else from the repository root.
    public init(discoveringFrom path: String, directory: String? = nil,
                currentDirectory: String = FileManager.default.currentDirectoryPath) throws {
        let start = CharterRepository.absolute(path, from: currentDirectory)
        do {
            git = try Repository.discover(from: start)
        } catch let error as GitError {
            throw CharterError(.repository, Message("cli.repository.none", ["path": start, "problem": error.message]),
                               hint: Message("cli.repository.none.hint"))
        }
        self.directory = CharterRepository.relativeDirectory(directory ?? "charter", git: git, currentDirectory: currentDirectory)
        manifestStore = ManifestCache(url: CharterRepository.cacheDirectory(git).appendingPathComponent("manifests.cache"))
        indexEnabled = !CharterRepository.indexDisabled
    }

    init(git: Repository, directory: String, indexEnabled: Bool = !CharterRepository.indexDisabled) {
        self.git = git
        self.directory = directory
        self.indexEnabled = indexEnabled
        manifestStore = ManifestCache(url: CharterRepository.cacheDirectory(git).appendingPathComponent("manifests.cache"))
    }

    /// The work tree's root, nil for a bare repository.
    public var workingDirectory: String? { git.workingDirectory }

    // MARK: Revisions

    /// Resolves a revision (`HEAD~2`, a branch, `charter/v0.1`, a short id).
    public func resolve(_ spec: String) throws -> Revision {
        try revision(git.commit(resolveOID(spec)))
    }

    func resolveOID(_ spec: String) throws -> OID {
        do {
            return try git.resolveCommit(spec)
        } catch let error as GitError {
            // A version name as released: `v0.2` for the tag `charter/v0.2`.
            if !spec.hasPrefix("charter/"), let version = try? git.resolveCommit("refs/tags/charter/\(spec)") {
                return version
            }
            if error.code == .unbornBranch || (try? git.head()) == nil {
                throw CharterError(.unknownRevision, Message("cli.repository.unborn", ["revision": spec]),
                                   hint: Message("cli.repository.unborn.hint"))
            }
            throw CharterError(.unknownRevision, Message("cli.repository.unknownRevision", ["revision": spec, "problem": error.message]),
                               hint: Message("cli.repository.unknownRevision.hint"))
        }
    }

    func revision(_ commit: CommitInfo) -> Revision {
        Revision(id: commit.oid.hex, author: Person(name: commit.author.name, email: commit.author.email),
                 date: commit.author.date, message: commit.message)
    }

    // MARK: Reading

    /// The charter as it is in `source`.
    public func charter(_ source: CharterSource) throws -> Charter {
        switch source {
        case .workingTree:
            return try CharterParser.parse(workingTreeFiles())
        case .revision(let spec):
            let oid = try resolveOID(spec)
            return try charter(atCommit: git.commit(oid), label: spec)
        }
    }

    func charter(atCommit commit: CommitInfo, label: String) throws -> Charter {
        guard let tree = try charterTree(commit.tree) else {
            throw CharterError(.noCharter, file: directory,
                               Message("cli.repository.noCharter", ["folder": directory, "revision": label]),
                               hint: Message("cli.repository.noCharter.hint"))
        }
        return try charter(tree: tree)
    }

    /// The tree of the charter folder inside a commit's root tree, nil when absent.
    func charterTree(_ root: OID) throws -> OID? {
        if directory == "." { return root }
        guard let entry = try git.entry(atPath: directory, inTree: root), entry.kind == .tree else { return nil }
        return entry.oid
    }

    /// Parses the charter whose folder is `tree`, reusing clauses already parsed (by blob id).
    func charter(tree: OID) throws -> Charter {
        var manifest: ParsedManifest?
        var clauses: [String: Clause] = [:]
        for entry in try git.treeEntries(tree) {
            if entry.name == ManifestFile.fileName, entry.kind == .blob {
                manifest = try self.manifest(blob: entry.oid)
            } else if entry.name == "clauses", entry.kind == .tree {
                for file in try git.treeEntries(entry.oid) where file.kind == .blob && file.name.hasSuffix(".md") {
                    clauses[file.name] = try clause(blob: file.oid, path: "\(clausesPath)/\(file.name)")
                }
            }
        }
        guard let manifest else {
            return try CharterParser.assemble(directory: directory, manifest: nil, clauses: clauses)
        }
        return try CharterParser.assemble(directory: directory, manifest: manifest.manifest, lines: manifest.lines, clauses: clauses)
    }

    /// The clause files (`*.md` blobs) of a `clauses` folder, listed once per tree id.
    func clauseFiles(_ tree: OID) throws -> [TreeEntry] {
        if let cached = listingCache.withLock({ $0[tree] }) { return cached }
        let files = try git.treeEntries(tree).filter { $0.kind == .blob && $0.name.hasSuffix(".md") }
        listingCache.withLock { $0[tree] = files }
        return files
    }

    /// A manifest with the line of each listed clause id, as `ManifestFile.parse` gives it.
    struct ParsedManifest: Sendable {
        var manifest: Manifest
        var lines: [ClauseID: Int]
    }

    /// The manifest in a blob, parsed once per blob id.
    func manifest(blob: OID) throws -> ParsedManifest {
        if let cached = manifestCache.withLock({ $0[blob] }) { return cached }
        let persistent = indexEnabled
        if persistent, let stored = manifestStore.lookup(blob) {
            manifestCache.withLock { $0[blob] = stored }
            return stored
        }
        let path = directory == "." ? ManifestFile.fileName : "\(directory)/\(ManifestFile.fileName)"
        let (manifest, lines) = try ManifestFile.parse(git.blob(blob), file: path)
        let parsed = ParsedManifest(manifest: manifest, lines: lines)
        manifestCache.withLock { $0[blob] = parsed }
        if persistent { manifestStore.store(blob, parsed) }
        return parsed
    }

    func clause(blob: OID, path: String) throws -> Clause {
        if let cached = clauseCache.withLock({ $0[blob] }) { return cached }
        let clause = try ClauseFile.parse(git.blob(blob), file: path).clause
        clauseCache.withLock { $0[blob] = clause }
        return clause
    }

    var clausesPath: String { directory == "." ? "clauses" : "\(directory)/clauses" }

    /// The charter folder on disk.
    public func charterDirectoryURL() throws -> URL {
        guard let root = git.workingDirectory else {
            throw CharterError(.repository, Message("cli.repository.bare"), hint: Message("cli.repository.bare.hint"))
        }
        let url = URL(fileURLWithPath: root, isDirectory: true)
        return directory == "." ? url : url.appendingPathComponent(directory, isDirectory: true)
    }

    /// The charter's raw files as they are on disk.
    public func workingTreeFiles() throws -> CharterFiles {
        let folder = try charterDirectoryURL()
        let manager = FileManager.default
        let manifest = manager.contents(atPath: folder.appendingPathComponent(ManifestFile.fileName).path)
        var clauses: [String: Data] = [:]
        let clauseFolder = folder.appendingPathComponent("clauses", isDirectory: true)
        for name in (try? manager.contentsOfDirectory(atPath: clauseFolder.path)) ?? [] where name.hasSuffix(".md") {
            guard let data = manager.contents(atPath: clauseFolder.appendingPathComponent(name).path) else {
                throw CharterError(.badInput, file: "\(clausesPath)/\(name)", Message("cli.repository.unreadable"),
                                   hint: Message("cli.repository.unreadable.hint"))
            }
            clauses[name] = data
        }
        var files = CharterFiles(directory: directory, manifest: manifest, clauseFiles: clauses)
        files.symlinks = CharterRepository.symlinks(in: folder, clauseNames: Array(clauses.keys))
        return files
    }

    /// The charter files under `folder` that are symbolic links (relative paths).
    static func symlinks(in folder: URL, clauseNames: [String]) -> Set<String> {
        let paths = [ManifestFile.fileName] + clauseNames.map { "clauses/\($0)" }
        return Set(paths.filter { path in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent(path).path)) != nil
        })
    }

    // MARK: Paths

    static func absolute(_ path: String, from base: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    static func relativeDirectory(_ directory: String, git: Repository, currentDirectory: String) -> String {
        guard let root = git.workingDirectory.map({ URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }) else {
            return normalise(directory)
        }
        var isFolder: ObjCBool = false
        let fromHere = URL(fileURLWithPath: absolute(directory, from: currentDirectory)).resolvingSymlinksInPath().path
        if directory.hasPrefix("/") || (FileManager.default.fileExists(atPath: fromHere, isDirectory: &isFolder) && isFolder.boolValue) {
            if fromHere == root { return "." }
            if fromHere.hasPrefix(root + "/") { return String(fromHere.dropFirst(root.count + 1)) }
        }
        return normalise(directory)
    }

    static func normalise(_ directory: String) -> String {
        let parts = directory.split(separator: "/").filter { $0 != "." && !$0.isEmpty }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
