import CharterKit
import Foundation

/// What the console says, from the message catalogue (`Catalogue/Console.swift`), in its language.
extension WebConsole {
    /// The catalogue's message `key` in the console's language.
    func say(_ key: String, count: Int? = nil, _ arguments: [String: String] = [:]) -> String {
        Message(key, count: count, arguments).text(in: language)
    }

    /// A day as people write it: « 1er décembre 2026 », "1 December 2026" (UTC).
    func day(_ date: Date) -> String {
        let text = language.day(date)
        guard language == .fr, text.hasPrefix("1 ") else { return text }
        return "1er" + text.dropFirst(1)
    }

    /// A `YYYY-MM-DD` day as `day(_:)` writes it; the text itself when it is not one.
    func day(_ text: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text).map { day($0) } ?? text
    }

    /// An error as a person reads it in the console's language: the catalogue's wording when the
    /// error has one, else the console's wording of its code, else its own message.
    func errorText(_ error: any Error) -> String {
        switch error {
        case let failure as ConsoleFailure: return failure.message
        case let charter as CharterError:
            if charter.wording != nil { return charter.description(in: language) }
            let key = "console.charter-error.\(charter.code.rawValue)"
            if MessageCatalogue.entries[key] != nil {
                return say(key, ["detail": charter.message])
            }
            return language == .fr ? say("console.error.other", ["detail": charter.message]) : charter.message
        default:
            return say("console.error.other", ["detail": "\(error)"])
        }
    }
}
