import Foundation
import GitKit

/// A git lock file (`<reference>.lock`) left by a process that died while moving a reference.
enum StaleLock {
    /// Removes `.git/<reference>.lock` when it is stale, and says so (`Notices`). Call it only
    /// while holding charter's process lock for that reference: no charter process can then be
    /// writing it. It waits until the lock is `minimumAge` old (a git command holds such a lock
    /// for milliseconds), at most that long, and removes it if it is still there. True when it did.
    static func remove(_ reference: String, in git: Repository, minimumAge: TimeInterval = 1) -> Bool {
        let path = "\(git.gitDirectory)/\(reference).lock"
        let manager = FileManager.default
        guard let modified = (try? manager.attributesOfItem(atPath: path)[.modificationDate]) as? Date else { return false }
        let age = Date().timeIntervalSince(modified)
        if age < minimumAge { usleep(UInt32(min(minimumAge - age, minimumAge) * 1_000_000) + 10_000) }
        guard let again = (try? manager.attributesOfItem(atPath: path)[.modificationDate]) as? Date, again == modified,
              (try? manager.removeItem(atPath: path)) != nil else { return false }
        Notices.post(Message("reliability.lock.stale-removed", ["path": ".git/\(reference).lock"]))
        return true
    }
}
