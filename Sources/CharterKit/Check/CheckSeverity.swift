/// How serious a finding is. `charter check` exits 1 when a finding is at or
/// above `--fail-on` (default `error`).
public enum CheckSeverity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case warning
    case error

    public static func < (lhs: CheckSeverity, rhs: CheckSeverity) -> Bool {
        lhs == .warning && rhs == .error
    }
}
