import Foundation

/// A program the export runs (Chromium, pdfinfo, pandoc, rsvg-convert): found through an
/// environment variable naming it, else on PATH; run with a time limit.
public struct ExternalTool: Sendable, Hashable {
    public var name: String
    public var path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    /// `variable` (when set: that file, if executable), else the first of `names` on PATH.
    public static func find(_ names: [String], variable: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> ExternalTool? {
        if let variable, let given = environment[variable], !given.isEmpty {
            return FileManager.default.isExecutableFile(atPath: given) ? ExternalTool(name: names.first ?? given, path: given) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return ExternalTool(name: name, path: "\(folder)/\(name)")
            }
        }
        return nil
    }

    /// What a run printed and how it ended.
    public struct Outcome: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
        /// The last lines of the error output, on one line.
        public var errorSummary: String { errors.split(separator: "\n").suffix(3).joined(separator: " ") }
    }

    /// Runs the tool and waits for it (at most `timeout` seconds: then it is stopped and
    /// `CharterError` says so).
    public func run(_ arguments: [String], timeout: TimeInterval = 120, in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw CharterError(.badInput, file: path, Message("report.export.toolFailed", ["tool": name, "file": "", "reason": error.localizedDescription]),
                               hint: Message("report.export.toolFailed.hint", ["tool": name]))
        }
        // Read both pipes while the tool runs, so that a full pipe never blocks it.
        let collected = OutputCollector()
        let group = DispatchGroup()
        for (pipe, isError) in [(output, false), (errors, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isError: isError)
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            _ = group.wait(timeout: .now() + 5)
            throw CharterError(.repository, Message("report.export.timeout", ["tool": name, "seconds": String(Int(timeout))]),
                               hint: Message("report.export.toolFailed.hint", ["tool": name]))
        }
        process.waitUntilExit()
        _ = group.wait(timeout: .now() + 10)
        let (out, err) = collected.values
        return Outcome(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }
}

/// The two outputs of a process, gathered from two reading threads.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var output = Data()
    private var errors = Data()

    func set(_ data: Data, isError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isError { errors = data } else { output = data }
    }

    var values: (Data, Data) {
        lock.lock()
        defer { lock.unlock() }
        return (output, errors)
    }
}
