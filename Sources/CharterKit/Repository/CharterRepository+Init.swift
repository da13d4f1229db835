import Foundation
import GitKit

extension CharterRepository {
    /// Opens the repository at or above `path`, or creates one at `path` when
    /// there is none, for `charter init`.
    public static func openOrCreate(at path: String, directory: String? = nil,
                                    currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> CharterRepository {
        if let existing = try? CharterRepository(discoveringFrom: path, directory: directory, currentDirectory: currentDirectory) {
            return existing
        }
        let absolute = absolute(path, from: currentDirectory)
        do {
            let git = try Repository.create(at: absolute)
            return CharterRepository(git: git, directory: relativeDirectory(directory ?? "charter", git: git, currentDirectory: currentDirectory))
        } catch let error as GitError {
            throw CharterError(.repository, Message("cli.init.cannotCreate", ["path": absolute, "problem": error.message]))
        }
    }

    /// Creates a charter skeleton (a manifest and one clause), written to the
    /// working tree or, with `commit`, committed (and checked out).
    public func initialise(title: String, language: String = "fr", commit: Bool) throws -> ImportResult {
        try refuseExistingCharter()
        let charter = CharterTemplate.skeleton(title: title, language: language)
        let files = CharterFiles(rendering: charter, directory: directory).filesByPath
        if commit {
            let revisions = try self.commit([TextCommit(files: files, message: "Create the charter « \(title) »")])
            return ImportResult(charter: charter, revisions: revisions)
        }
        try write(files)
        return ImportResult(charter: charter, revisions: [])
    }
}
