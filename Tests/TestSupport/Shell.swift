import Foundation

/// The result of running a program.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs programs the way a user would, with an environment that never
/// depends on the machine: a fixed git identity, no global or system git config.
public enum Shell {
    /// Identity and isolation shared by git and charter runs. `home` keeps
    /// git from reading the user's ~/.gitconfig.
    public static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var environment: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_AUTHOR_NAME": "Test Éditrice",
            "GIT_AUTHOR_EMAIL": "editrice@example.org",
            "GIT_COMMITTER_NAME": "Test Éditrice",
            "GIT_COMMITTER_EMAIL": "editrice@example.org",
            "GIT_AUTHOR_DATE": "2026-01-15T10:00:00Z",
            "GIT_COMMITTER_DATE": "2026-01-15T10:00:00Z",
            "LANG": "C.UTF-8",
            "TERM": "dumb",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], in directory: URL,
                           environment: [String: String], input: String? = nil) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inPipe = Pipe()
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        // Read both pipes fully before waiting so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Path of a program on PATH.
    public static func which(_ name: String) -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/\(name)"
    }
}
