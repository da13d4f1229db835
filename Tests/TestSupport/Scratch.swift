import Foundation

/// A temporary folder for one test, removed when the value is released.
public final class Scratch: Sendable {
    public let url: URL
    public var path: String { url.path }

    public init(_ name: String = "charter-test") {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try? FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        // Resolve /tmp symlinks so paths compare equal to what git reports.
        url = base.resolvingSymlinksInPath()
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes a text file (creating folders) relative to the scratch folder or `base`.
    @discardableResult
    public func write(_ relativePath: String, _ text: String, in base: URL? = nil) throws -> URL {
        let file = (base ?? url).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    public func read(_ relativePath: String, in base: URL? = nil) -> String? {
        FileManager.default.contents(atPath: (base ?? url).appendingPathComponent(relativePath).path)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    public func folder(_ name: String) throws -> URL {
        let folder = url.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
