import Foundation

/// Long output on a terminal goes through a pager, as git does: `CHARTER_PAGER`, else `PAGER`, else
/// `less -FRX` (which prints short output directly and keeps colours). `--no-pager` anywhere on the
/// command line, an empty pager or `cat` prints directly; so does output that is not a terminal.
enum Pager {
    /// Whether `--no-pager` was given (read before the argument parser, like `--lang`).
    static let disabled: Bool = split(Array(CommandLine.arguments.dropFirst())).noPager

    /// The arguments without `--no-pager` (up to `--`).
    static func split(_ arguments: [String]) -> (noPager: Bool, rest: [String]) {
        var rest: [String] = []
        var noPager = false
        for (index, argument) in arguments.enumerated() {
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            if argument == "--no-pager" {
                noPager = true
            } else {
                rest.append(argument)
            }
        }
        return (noPager, rest)
    }

    /// The pager command for this environment; nil when output is printed directly.
    static func command(environment: [String: String]) -> String? {
        let chosen = environment["CHARTER_PAGER"] ?? environment["PAGER"] ?? "less -FRX"
        let trimmed = chosen.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
    }

    nonisolated(unsafe) private static var pager: Process?

    /// From here on, standard output goes to the pager when it is a terminal. Call it just before
    /// printing what a reading command found, so that errors never open a pager.
    static func start() {
        guard !disabled, pager == nil, isatty(STDOUT_FILENO) == 1 else { return }
        var environment = ProcessInfo.processInfo.environment
        guard let command = command(environment: environment) else { return }
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        if environment["LV"] == nil { environment["LV"] = "-c" }
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            return // No pager to be had: print directly.
        }
        fflush(nil)
        dup2(pipe.fileHandleForWriting.fileDescriptor, STDOUT_FILENO)
        try? pipe.fileHandleForWriting.close()
        pager = process
        atexit { Pager.finish() }
    }

    /// Hands the pager the end of the output and waits until the reader quits it.
    static func finish() {
        guard let process = pager else { return }
        pager = nil
        fflush(nil)
        close(STDOUT_FILENO)
        process.waitUntilExit()
    }
}
