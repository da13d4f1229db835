import Synchronization

/// What charter repaired on its own while doing what was asked (a half-done adoption completed,
/// a stale lock removed): said to the person afterwards, never silently done. The CLI prints
/// them on standard error after each command.
public enum Notices {
    private static let pending = Mutex<[Message]>([])

    /// Posts a notice (once: the same notice posted again is said once).
    static func post(_ message: Message) {
        pending.withLock { if !$0.contains(message) { $0.append(message) } }
    }

    /// Forgets the pending notices with this key (a command that lists the details itself).
    public static func drop(_ key: String) {
        pending.withLock { $0.removeAll { $0.key == key } }
    }

    /// The notices posted since the last call, in order.
    public static func drain() -> [Message] {
        pending.withLock { notices in
            defer { notices.removeAll() }
            return notices
        }
    }
}
