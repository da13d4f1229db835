import Foundation
import TestSupport

/// The built `charter` binary, run as a user would run it.
struct CharterCLI {
    let directory: URL
    let home: String

    init(_ directory: URL, home: String? = nil) {
        self.directory = directory
        self.home = home ?? directory.path
    }

    /// `CHARTER_BIN` (set by `make test`), else the binary beside the test bundle.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["CHARTER_BIN"], FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("charter").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/charter").path
    }()

    /// The project's own bundled charter folder.
    static let bundledCharter: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("charter", isDirectory: true)

    @discardableResult
    func run(_ arguments: String..., input: String? = nil, environment extra: [String: String] = [:]) throws -> RunResult {
        try run(arguments, input: input, environment: extra)
    }

    @discardableResult
    func run(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:]) throws -> RunResult {
        try Shell.run(CharterCLI.binary, arguments, in: directory,
                      environment: Shell.environment(home: home, extra: extra), input: input)
    }
}
