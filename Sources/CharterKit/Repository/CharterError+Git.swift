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
