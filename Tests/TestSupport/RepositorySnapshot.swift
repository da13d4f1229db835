import Foundation

/// What a refused command or request must leave exactly as it was: the refs, HEAD, the index's
/// bytes and every working-tree file's bytes. Two snapshots compare equal only when nothing of
/// these changed.
public enum RepositorySnapshot {
    public static func take(_ url: URL, _ git: GitCLI) throws -> [String] {
        let head: String
        if let symbolic = try? git("symbolic-ref", "-q", "HEAD") { head = symbolic } else { head = try git("rev-parse", "HEAD") }
        var parts = [try git("for-each-ref", "--format=%(refname) %(objectname)"), head]
        let index = url.appendingPathComponent(".git/index")
        parts.append(FileManager.default.contents(atPath: index.path).map { $0.base64EncodedString() } ?? "no index")
        var tree: [String] = []
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        while let file = enumerator?.nextObject() as? URL {
            let relative = String(file.path.dropFirst(url.path.count))
            if relative.hasPrefix("/.git") { enumerator?.skipDescendants(); continue }
            if let data = FileManager.default.contents(atPath: file.path) { tree.append("\(relative) \(data.base64EncodedString())") }
        }
        parts.append(tree.sorted().joined(separator: "\n"))
        return parts
    }
}
