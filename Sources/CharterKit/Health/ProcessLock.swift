import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (`flock`) on a file under `.git/charter/`, held by one charter process at a
/// time. The kernel releases it when the process ends, however it ends (SIGKILL included), so
/// a lock found free means that no charter process is inside the section it guards: what such
/// a process left behind (an intent file, a git lock file) is then stale, not in progress.
final class ProcessLock {
    private var descriptor: Int32

    /// Takes the lock, waiting for it when `wait`; nil when it is held and `wait` is false.
    init?(_ url: URL, wait: Bool) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let opened = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw CharterError(.repository, file: url.path, Message("reliability.lock.open", ["reason": String(cString: strerror(errno))]),
                               hint: Message("reliability.lock.open.hint"))
        }
        while flock(opened, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            if errno == EINTR { continue }
            close(opened)
            return nil
        }
        descriptor = opened
    }

    /// Whether a live process holds the lock at `url` (a missing file is a free lock).
    static func isHeld(_ url: URL) -> Bool {
        guard FileManager.default.fileExists(atPath: url.path) else { return false }
        guard let lock = try? ProcessLock(url, wait: false) else { return true }
        lock.release()
        return false
    }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    /// Whether a process with this id is alive (or exists under another user).
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
