import CharterKit
import Foundation

/// Where output goes and whether it may be coloured.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("charter: " + message + "\n").utf8))
    }

    /// What charter repaired on its own during the command (`Notices`), on standard error.
    static func notices() {
        for notice in Notices.drain() { note("charter: " + notice.text(in: CLILanguage.current)) }
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
