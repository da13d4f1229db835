import Foundation

/// Named moments of the writing commands where a test may kill charter on purpose: with
/// `CHARTER_FAULT=<name>` in the environment, the process sends itself SIGKILL there. The
/// deterministic half of the crash tests (the kill loops are the random half); unset, it is
/// one dictionary lookup.
enum FaultPoint {
    private static let armed = ProcessInfo.processInfo.environment["CHARTER_FAULT"]

    static func hit(_ name: String) {
        guard let armed, armed == name else { return }
        kill(getpid(), SIGKILL)
    }
}
