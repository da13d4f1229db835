import Foundation
import TestSupport

/// Writes record files on the deliberation branch by hand, with the `git` CLI alone (as a
/// careless editor, another tool or a broken replica would): the untrusted input of the
/// reliability tests.
struct Forging {
    let git: GitCLI
    let branch = "deliberation"

    /// The branch's record files.
    func paths() throws -> [String] {
        try git("ls-tree", "-r", "--name-only", branch).split(separator: "\n").map(String.init).filter { $0.hasSuffix(".json") }
    }

    func read(_ path: String) throws -> String {
        try git("show", "\(branch):\(path)")
    }

    /// One commit on the branch writing `files` (path → content), with this message.
    func commit(_ files: [String: String], message: String = "Forged by hand") throws {
        var index = try git("ls-tree", "-r", branch)
        for (path, content) in files {
            let blob = try git.run(["hash-object", "-w", "--stdin"], input: content).trimmingCharacters(in: .whitespacesAndNewlines)
            index += "100644 blob \(blob)\t\(path)\n"
        }
        // Later lines win: keep one line per path, the last.
        var byPath: [String: String] = [:]
        for line in index.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            byPath[String(line[line.index(after: tab)...])] = String(line)
        }
        let listing = byPath.keys.sorted().map { byPath[$0]! }.joined(separator: "\n") + "\n"
        let temporaryIndex = git.directory.appendingPathComponent(".git/forging-index").path
        defer { try? FileManager.default.removeItem(atPath: temporaryIndex) }
        let environment = ["GIT_INDEX_FILE": temporaryIndex]
        _ = try Shell.run(Shell.which("git"), ["read-tree", "--empty"], in: git.directory,
                          environment: Shell.environment(home: git.home, extra: environment))
        let update = try Shell.run(Shell.which("git"), ["update-index", "--index-info"], in: git.directory,
                                   environment: Shell.environment(home: git.home, extra: environment), input: listing)
        guard update.status == 0 else { throw KillLoopError(message: update.stderr) }
        let tree = try Shell.run(Shell.which("git"), ["write-tree"], in: git.directory,
                                 environment: Shell.environment(home: git.home, extra: environment)).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let parent = try git("rev-parse", branch).trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try git.run(["commit-tree", tree, "-p", parent], input: message).trimmingCharacters(in: .whitespacesAndNewlines)
        try git("update-ref", "refs/heads/\(branch)", commit, parent)
    }

    /// The first comment record's path and text.
    func firstComment() throws -> (path: String, text: String) {
        guard let path = try paths().first(where: { $0.hasPrefix("clauses/") }) else { throw KillLoopError(message: "no comment") }
        return (path, try read(path))
    }
}
