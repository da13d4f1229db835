import CharterKit
import Foundation
import Synchronization

/// One line on standard error that a long transfer rewrites in place ("Receiving objects:
/// 45% (450/1000), 1.2 MiB"), shown only when standard error is a terminal and only once the
/// transfer has taken a moment, redrawn at most ten times a second.
final class ProgressLine: Sendable {
    private struct State {
        var started = Date()
        var lastDraw = Date.distantPast
        var drawn = false
        var lastPhase: SyncProgress.Phase?
    }

    private let state = Mutex(State())

    /// nil when standard error is not a terminal: no progress at all then.
    static func forTerminal() -> ProgressLine? {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" ? ProgressLine() : nil
    }

    func update(_ progress: SyncProgress) {
        let line: String? = state.withLock { state in
            let now = Date()
            let finished = progress.total > 0 && progress.current >= progress.total
            let phaseChanged = state.lastPhase != nil && state.lastPhase != progress.phase
            guard now.timeIntervalSince(state.started) > 0.3 || state.drawn else { return nil }
            guard finished || phaseChanged || now.timeIntervalSince(state.lastDraw) > 0.1 else { return nil }
            state.lastDraw = now
            state.lastPhase = progress.phase
            state.drawn = true
            var text = ProgressLine.phase(progress.phase) + CLILanguage.current.colon
            if progress.total > 0 {
                text += "\(progress.current * 100 / progress.total)% (\(progress.current)/\(progress.total))"
            } else {
                text += "\(progress.current)"
            }
            if progress.bytes > 0 { text += ", " + ProgressLine.size(progress.bytes) }
            return "\r\u{1B}[K" + text
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Ends the line if one was drawn.
    func finish() {
        let drawn = state.withLock { state -> Bool in
            defer { state.drawn = false }
            return state.drawn
        }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// « Réception des objets », "Receiving objects"…
    static func phase(_ phase: SyncProgress.Phase) -> String {
        switch phase {
        case .receiving: return CLILanguage.text("cli.sync.phase.receiving")
        case .resolving: return CLILanguage.text("cli.sync.phase.resolving")
        case .sending: return CLILanguage.text("cli.sync.phase.sending")
        }
    }

    static func size(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
    }
}
