import Foundation
import TestSupport

/// A scratch git repository with the `git` CLI and the `charter` binary pointed at it.
struct Workspace {
    let scratch = Scratch("charter-e2e")
    let git: GitCLI
    let charter: CharterCLI

    init() throws {
        git = GitCLI(scratch.url)
        charter = CharterCLI(scratch.url)
        try git.initialise()
    }

    var url: URL { scratch.url }

    /// A copy of the bundled charter, committed.
    static func withBundledCharter() throws -> Workspace {
        let workspace = try Workspace()
        try FileManager.default.copyItem(at: CharterCLI.bundledCharter, to: workspace.url.appendingPathComponent("charter"))
        try workspace.git.commitAll("Charte initiale")
        return workspace
    }

    /// The state a failed command must leave untouched: refs, index, work tree.
    func state() throws -> String {
        let refs = try git("for-each-ref", "--format=%(refname) %(objectname)")
        let status = try git("status", "--porcelain", "--untracked-files=all")
        let head = (try? git("rev-parse", "--verify", "-q", "HEAD")) ?? "unborn"
        return [refs, status, head].joined(separator: "\n")
    }

    func write(_ path: String, _ text: String) throws { try scratch.write(path, text) }
    func read(_ path: String) -> String? { scratch.read(path) }
}
