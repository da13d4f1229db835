import Foundation
import GitKit

extension CharterError {
    /// A libgit2 failure said as a sentence a person can act on: `failure` names what charter
    /// was doing (a catalogue sentence with a `{cause}` placeholder, which receives libgit2's
    /// own words, kept whole), and the hint says what to do for the kind of failure.
    static func wrapping(_ error: GitError, _ failure: Message, file: String? = nil) -> CharterError {
        var sentence = failure
        sentence.arguments["cause"] = error.description
        return CharterError(.repository, file: file, sentence, hint: hint(for: error.code, error.message))
    }

    /// A Foundation failure (a file that could not be written or read) said the same way.
    static func wrapping(_ error: any Error, _ failure: Message, file: String? = nil) -> CharterError {
        if let git = error as? GitError { return wrapping(git, failure, file: file) }
        if let charter = error as? CharterError { return charter }
        var sentence = failure
        let cause = (error as NSError).localizedDescription
        sentence.arguments["cause"] = cause
        return CharterError(.repository, file: file, sentence, hint: hint(for: nil, cause))
    }

    /// Any failure that reached the command line unconverted (a libgit2 or Foundation error
    /// from a path not wrapped closer to its cause), said as a sentence with a hint and the
    /// underlying message kept; nil for errors that are not failures of git or of the disk
    /// (the command line's own usage errors).
    public static func unexpected(_ error: any Error) -> CharterError? {
        switch error {
        case let error as CharterError: return error
        case let error as GitError: return wrapping(error, Message("reliability.failed.unexpected"))
        case let error as CocoaError: return wrapping(error, Message("reliability.failed.unexpected"))
        case let error as POSIXError: return wrapping(error, Message("reliability.failed.unexpected"))
        default: return nil
        }
    }

    private static func hint(for code: GitError.Code?, _ text: String) -> Message {
        let lowered = text.lowercased()
        if code == .locked || lowered.contains(".lock") { return Message("reliability.hint.locked") }
        if lowered.contains("no space") || lowered.contains("disk full") || lowered.contains("quota") {
            return Message("reliability.hint.disk-full")
        }
        if lowered.contains("permission") || lowered.contains("read-only") || lowered.contains("not permitted") {
            return Message("reliability.hint.read-only")
        }
        return Message("reliability.hint.git-other")
    }
}
