import Foundation
import GitKit

/// What `charter import` made.
public struct ImportResult: Sendable {
    /// The charter as imported (the last revision's, with `--history`).
    public var charter: Charter
    /// The commits made, oldest first; empty when the files were only written.
    public var revisions: [Revision]
    /// With `--history` into a charter imported before: the source commits already there.
    public var alreadyImported: Int = 0
    /// How the (last) source document was encoded and which line endings it had.
    public var source: SourceText?
}

extension CharterRepository {
    /// Splits the document at `path` (Markdown in any line ending, UTF-8 or UTF-16; `.docx` and
    /// `.odt` through pandoc) into clauses at heading `level` (nil: the document's article level)
    /// and writes the charter folder (or commits it when `commit` is true). Nothing is written
    /// when anything fails.
    public func importDocument(at path: String, level: Int? = nil, title: String? = nil, commit: Bool = false,
                               currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> ImportResult {
        let absolute = CharterRepository.absolute(path, from: currentDirectory)
        let data: Data
        if OfficeDocument.isOffice(path) {
            data = try OfficeDocument.markdown(at: absolute, path: path)
        } else {
            guard let contents = FileManager.default.contents(atPath: absolute) else {
                throw CharterError(.badInput, file: path, Message("import.error.unreadable"), hint: Message("import.error.unreadable.hint"))
            }
            data = contents
        }
        let source = try SourceDocument(data, file: path)
        try refuseExistingCharter()
        guard let document = source.markdown(level: level), !document.parts.isEmpty else {
            throw noHeadings(path: path, level: level)
        }
        let charter = DocumentImport.charter(from: document, title: title ?? source.frontMatter?.title)
        let files = CharterFiles(rendering: charter, directory: directory).filesByPath
        if commit {
            let message = "Import \(URL(fileURLWithPath: path).lastPathComponent) as a charter (\(charter.clauses.count) clauses)"
            return ImportResult(charter: charter, revisions: try self.commit([TextCommit(files: files, message: message)]),
                                source: source.source)
        }
        try write(files)
        return ImportResult(charter: charter, revisions: [], source: source.source)
    }

    /// Replays the git history of the document at `path` as successive charter revisions: every
    /// commit that changed it on every line of history reachable from HEAD, across renames
    /// (`Repository.fileHistory`), parents first, each with its author, author date and time zone
    /// and its message with `Source-Commit:` and `Source-Path:` trailers; the committer is the
    /// person importing.
    ///
    /// `source` names another repository to read the history from (the document's path is then
    /// taken from that repository's root). When the charter was imported before, only the source
    /// commits not yet imported are added. `level` nil cuts each revision at its own article level.
    public func importHistory(of path: String, level: Int? = nil, title: String? = nil, source: String? = nil,
                              currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> ImportResult {
        let (origin, documentPath) = try historySource(of: path, source: source, currentDirectory: currentDirectory)
        guard let tip = try origin.head() else {
            throw CharterError(.repository, Message("import.error.history.empty", ["path": path]),
                               hint: Message("import.error.history.empty.hint"))
        }
        guard let history = try origin.fileHistory(of: documentPath, from: tip) else {
            throw CharterError(.badInput, file: path, Message("import.error.history.notCommitted", ["path": documentPath]),
                               hint: Message("import.error.history.notCommitted.hint"))
        }
        var previous: Charter?
        var imported: Set<String> = []
        var lastImported: OID?
        if try hasCharter() {
            let trail = try importedSourceCommits()
            guard !trail.isEmpty else { throw existingCharter() }
            imported = Set(trail)
            lastImported = trail.first.flatMap { OID(hex: $0) }
            previous = try charter(.revision("HEAD"))
        }
        var pending: [FileRevision] = []
        for revision in history where !imported.contains(revision.commit.hex) {
            if let lastImported, (try? origin.isAncestor(revision.commit, of: lastImported)) == true { continue }
            pending.append(revision)
        }
        var series: [TextCommit] = []
        var lastSource: SourceText?
        for revision in pending {
            let commit = try origin.commit(revision.commit)
            let label = "\(revision.path) at \(revision.commit.short())"
            let document = try SourceDocument(origin.blob(revision.blob), file: label)
            lastSource = document.source
            guard let charter = document.charter(level: level, title: title, previous: previous) ?? previous else { continue }
            var files: [String: Data?] = CharterFiles(rendering: charter, directory: directory).filesByPath.mapValues { $0 }
            for id in previous.map({ Array($0.clauses.keys) }) ?? [] where charter.clauses[id] == nil {
                files["clauses/\(id).md"] = .some(nil)
            }
            series.append(TextCommit(files: files,
                                     message: SourceTrailers.message(commit.message, commit: revision.commit.hex, path: revision.path),
                                     author: Person(name: commit.author.name, email: commit.author.email),
                                     authorDate: commit.author.date,
                                     authorTimeZoneOffsetMinutes: commit.author.timeZoneOffsetMinutes))
            previous = charter
        }
        guard let last = previous else {
            throw CharterError(.badInput, file: path, Message("import.error.history.noText", ["path": documentPath]),
                               hint: Message("import.error.history.noText.hint"))
        }
        return ImportResult(charter: last, revisions: try commit(series), alreadyImported: imported.count, source: lastSource)
    }

    /// The repository to read a document's history from, and the document's path in it.
    func historySource(of path: String, source: String?, currentDirectory: String) throws -> (Repository, String) {
        if let source {
            let location = CharterRepository.absolute(source, from: currentDirectory)
            let origin: Repository
            do {
                origin = try Repository.discover(from: location)
            } catch let error as GitError {
                throw CharterError(.repository, Message("import.error.source", ["source": source, "error": error.message]),
                                   hint: Message("import.error.source.hint"))
            }
            var documentPath = path
            if path.hasPrefix("/"), let root = origin.workingDirectory {
                let rootPath = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
                let absolute = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                if absolute.hasPrefix(rootPath + "/") { documentPath = String(absolute.dropFirst(rootPath.count + 1)) }
            }
            while documentPath.hasPrefix("./") { documentPath.removeFirst(2) }
            return (origin, documentPath)
        }
        guard let root = git.workingDirectory else {
            throw CharterError(.repository, "the repository is bare", hint: "run the import in a clone with a working tree, or pass --source")
        }
        let absolute = URL(fileURLWithPath: CharterRepository.absolute(path, from: currentDirectory)).resolvingSymlinksInPath().path
        let rootPath = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard absolute.hasPrefix(rootPath + "/") else {
            throw CharterError(.badInput, file: path, Message("import.error.history.outside", ["root": root]),
                               hint: Message("import.error.history.outside.hint"))
        }
        return (git, String(absolute.dropFirst(rootPath.count + 1)))
    }

    /// The source commits named by `Source-Commit:` trailers on the checked-out branch, newest first.
    func importedSourceCommits() throws -> [String] {
        guard let head = try git.head() else { return [] }
        var found: [String] = []
        for commit in try git.commits(git.walk(from: [head])) {
            found += SourceTrailers.sourceCommits(in: commit.message)
        }
        return found
    }

    func noHeadings(path: String, level: Int?) -> CharterError {
        let wanted = level ?? 2
        return CharterError(.badInput, file: path,
                            "no heading of level \(wanted) (`\(String(repeating: "#", count: wanted)) Title`) to cut the document at",
                            hint: level == nil ? "write the articles as `## Title` headings"
                                : "choose the level of the document's article headings with --level")
    }

    /// Whether a charter is on disk or committed in the charter folder.
    func hasCharter() throws -> Bool {
        let onDisk = (try? charterDirectoryURL()).map {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent(ManifestFile.fileName).path)
        } ?? false
        let committed = try git.head().flatMap { try charterTree(git.commit($0).tree) }.flatMap {
            try git.entry(atPath: ManifestFile.fileName, inTree: $0)
        } != nil
        return onDisk || committed
    }

    /// Refuses to overwrite a charter that is already on disk or committed.
    func refuseExistingCharter() throws {
        if try hasCharter() { throw existingCharter() }
    }

    func existingCharter() -> CharterError {
        CharterError(.alreadyExists, file: repositoryPath(ManifestFile.fileName),
                     "there is already a charter in `\(directory)`",
                     hint: "choose another folder with --dir, or remove the existing charter first (a charter imported with --history takes later source commits)")
    }

    /// Writes files of the charter folder to the working tree, all or nothing: when one cannot be
    /// written, the files already written are put back as they were and new folders removed.
    func write(_ files: [String: Data]) throws {
        let folder = try charterDirectoryURL()
        var written: [(url: URL, before: Data?)] = []
        var created: [URL] = []
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let url = folder.appendingPathComponent(path)
                var missing: [URL] = []
                var parent = url.deletingLastPathComponent()
                while !FileManager.default.fileExists(atPath: parent.path), parent.path != "/" {
                    missing.append(parent)
                    parent = parent.deletingLastPathComponent()
                }
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    created += missing.reversed()
                    written.append((url, FileManager.default.contents(atPath: url.path)))
                    try data.write(to: url, options: .atomic)
                } catch {
                    throw CharterError(.badInput, file: repositoryPath(path), "cannot write the file: \(error.localizedDescription)",
                                       hint: "check the folder's permissions; nothing was written")
                }
            }
        } catch {
            for (url, before) in written.reversed() {
                if let before { try? before.write(to: url, options: .atomic) } else { try? FileManager.default.removeItem(at: url) }
            }
            for url in created.reversed() { try? FileManager.default.removeItem(at: url) }
            throw error
        }
    }
}
