import Foundation
import GitKit

/// What `charter import` made.
public struct ImportResult: Sendable {
    /// The charter as imported (the last revision's, with `--history`).
    public var charter: Charter
    /// The commits made, oldest first; empty when the files were only written.
    public var revisions: [Revision]
}

extension CharterRepository {
    /// Splits the Markdown document at `path` into clauses at heading `level`
    /// and writes the charter folder (or commits it when `commit` is true).
    public func importDocument(at path: String, level: Int = 2, title: String? = nil, commit: Bool = false,
                               currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> ImportResult {
        let absolute = CharterRepository.absolute(path, from: currentDirectory)
        guard let data = FileManager.default.contents(atPath: absolute) else {
            throw CharterError(.badInput, file: path, "cannot read the document", hint: "check the path")
        }
        let text = try UTF8Text.decode(data, file: path)
        try refuseExistingCharter()
        let document = MarkdownDocument(text, level: level)
        try requireParts(document, path: path, level: level)
        let charter = DocumentImport.charter(from: document, title: title)
        let files = CharterFiles(rendering: charter, directory: directory).filesByPath
        if commit {
            let message = "Import \(URL(fileURLWithPath: path).lastPathComponent) as a charter (\(charter.clauses.count) clauses)"
            return ImportResult(charter: charter, revisions: try self.commit([TextCommit(files: files, message: message)]))
        }
        try write(files)
        return ImportResult(charter: charter, revisions: [])
    }

    /// Replays the git history of the document at `path` (each first-parent
    /// commit that changed it, oldest first) as successive charter revisions,
    /// each with the original author, dates and message.
    public func importHistory(of path: String, level: Int = 2, title: String? = nil,
                              currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> ImportResult {
        guard let root = git.workingDirectory else {
            throw CharterError(.repository, "the repository is bare", hint: "run the import in a clone with a working tree")
        }
        let absolute = URL(fileURLWithPath: CharterRepository.absolute(path, from: currentDirectory)).resolvingSymlinksInPath().path
        let rootPath = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard absolute.hasPrefix(rootPath + "/") else {
            throw CharterError(.badInput, file: path, "the document is not inside the repository at \(root)",
                               hint: "run the command from the document's repository, or pass --repo")
        }
        let documentPath = String(absolute.dropFirst(rootPath.count + 1))
        try refuseExistingCharter()
        guard let head = try git.head() else {
            throw CharterError(.repository, "the repository has no commits, so \(path) has no history",
                               hint: "import without --history")
        }
        var series: [TextCommit] = []
        var previous: Charter?
        var previousBlob: OID?
        for oid in try git.walk(from: [head], firstParent: true, reverse: true) {
            let commit = try git.commit(oid)
            guard let entry = try git.entry(atPath: documentPath, inTree: commit.tree), entry.kind == .blob,
                  entry.oid != previousBlob else { continue }
            previousBlob = entry.oid
            let text = try UTF8Text.decode(git.blob(entry.oid), file: "\(documentPath) at \(oid.short())")
            let document = MarkdownDocument(text, level: level)
            guard !document.parts.isEmpty || document.preamble != nil else { continue }
            let charter = DocumentImport.charter(from: document, title: title, previous: previous)
            var files: [String: Data?] = CharterFiles(rendering: charter, directory: directory).filesByPath.mapValues { $0 }
            for id in previous.map({ Array($0.clauses.keys) }) ?? [] where charter.clauses[id] == nil {
                files["clauses/\(id).md"] = .some(nil)
            }
            series.append(TextCommit(files: files, message: commit.message,
                                     author: Person(name: commit.author.name, email: commit.author.email),
                                     authorDate: commit.author.date,
                                     committer: Person(name: commit.committer.name, email: commit.committer.email),
                                     committerDate: commit.committer.date))
            previous = charter
        }
        guard let last = previous else {
            throw CharterError(.badInput, file: path, "no commit of the history holds `\(documentPath)` with headings of level \(level)",
                               hint: "commit the document first, or choose another --level")
        }
        return ImportResult(charter: last, revisions: try commit(series))
    }

    func requireParts(_ document: MarkdownDocument, path: String, level: Int) throws {
        if document.parts.isEmpty {
            throw CharterError(.badInput, file: path, "no heading of level \(level) (`\(String(repeating: "#", count: level)) Title`) to cut the document at",
                               hint: "choose the level of the document's article headings with --level")
        }
    }

    /// Refuses to overwrite a charter that is already on disk or committed.
    func refuseExistingCharter() throws {
        let onDisk = (try? charterDirectoryURL()).map {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent(ManifestFile.fileName).path)
        } ?? false
        let committed = try git.head().flatMap { try charterTree(git.commit($0).tree) }.flatMap {
            try git.entry(atPath: ManifestFile.fileName, inTree: $0)
        } != nil
        if onDisk || committed {
            throw CharterError(.alreadyExists, file: repositoryPath(ManifestFile.fileName),
                               "there is already a charter in `\(directory)`",
                               hint: "choose another folder with --dir, or remove the existing charter first")
        }
    }

    /// Writes files of the charter folder to the working tree.
    func write(_ files: [String: Data]) throws {
        let folder = try charterDirectoryURL()
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            } catch {
                throw CharterError(.badInput, file: repositoryPath(path), "cannot write the file: \(error.localizedDescription)",
                                   hint: "check the folder's permissions")
            }
        }
    }
}
