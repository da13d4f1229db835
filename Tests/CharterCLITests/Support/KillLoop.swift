import Foundation
import TestSupport

/// Runs the real `charter` binary and kills it with SIGKILL at a random moment of its run, on
/// copies of one prepared repository: the crash test of `docs/reliability.md`.
///
/// The number of runs comes from `CHARTER_KILL_RUNS` (20 in `make test`, 100 in
/// `make reliability`); the moments are drawn from a seeded generator (`CHARTER_KILL_SEED`)
/// over the length of an uninterrupted run, so a failing run can be replayed.
struct KillLoop {
    static var runs: Int { ProcessInfo.processInfo.environment["CHARTER_KILL_RUNS"].flatMap(Int.init) ?? 20 }
    static var seed: UInt64 { ProcessInfo.processInfo.environment["CHARTER_KILL_SEED"].flatMap(UInt64.init) ?? 0x5EED_C4A7 }

    let template: URL
    let scratch = Scratch("charter-kill")
    private var generator: SplitMix

    init(template: URL, seed: UInt64 = KillLoop.seed) {
        self.template = template
        generator = SplitMix(seed: seed)
    }

    /// A fresh copy of the template repository.
    func copy(_ name: String) throws -> URL {
        let target = scratch.url.appendingPathComponent(name, isDirectory: true)
        try? FileManager.default.removeItem(at: target)
        let result = try Shell.run(Shell.which("cp"), ["-a", template.path, target.path], in: scratch.url,
                                   environment: Shell.environment(home: scratch.path))
        guard result.status == 0 else { throw KillLoopError(message: "cp: \(result.stderr)") }
        return target
    }

    /// Runs `arguments` in `directory` to the end; returns the microseconds it took.
    func timed(_ arguments: [String], in directory: URL) throws -> (RunResult, UInt32) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try CharterCLI(directory, home: scratch.path).run(arguments)
        return (result, UInt32(min((DispatchTime.now().uptimeNanoseconds - start) / 1000, UInt64(UInt32.max))))
    }

    /// The microseconds charter takes to start and answer without touching a repository: the
    /// kills are drawn after it, so that most land while the command reads and writes.
    func startup() throws -> UInt32 {
        try timed(["version"], in: scratch.url).1
    }

    /// Starts `arguments` in `directory` and kills the process at a moment drawn between
    /// `from` and `until` microseconds (or lets it finish first); true when the kill landed
    /// before it exited.
    mutating func killed(_ arguments: [String], in directory: URL, from: UInt32 = 0, until duration: UInt32) throws -> Bool {
        let span = UInt64(duration > from ? duration - from : 1)
        let delay = from + UInt32(generator.next() % span)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CharterCLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = Shell.environment(home: scratch.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        usleep(delay)
        let landed = process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
        process.waitUntilExit()
        return landed && process.terminationReason == .uncaughtSignal
    }
}

struct KillLoopError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A small seeded generator (SplitMix64), so the kill moments can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
