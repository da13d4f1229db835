import Foundation

/// Where output goes and whether it may be coloured.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("charter: " + message + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Whether standard output is a terminal that takes colour (honours NO_COLOR and TERM=dumb).
    static var stdoutTakesColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }
}
