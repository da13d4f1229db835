import CharterKit
import Foundation

/// The language the CLI speaks: `--lang fr|en` anywhere on the command line, else
/// `CHARTER_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
enum CLILanguage {
    /// `--lang` is read here, before the argument parser, so every command takes it.
    static let current: Language = Language.resolve(
        explicit: split(Array(CommandLine.arguments.dropFirst())).language,
        environment: ProcessInfo.processInfo.environment)

    /// The language given with `--lang`, if any: what the published reports and the console use
    /// (French, the charter's language, when none is given).
    static let explicit: Language? = split(Array(CommandLine.arguments.dropFirst())).language.flatMap(Language.named)

    /// The arguments without `--lang X` / `--lang=X`, and the value given.
    static func split(_ arguments: [String]) -> (language: String?, rest: [String]) {
        var rest: [String] = []
        var language: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            if argument == "--lang", index + 1 < arguments.count {
                language = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--lang=") {
                language = String(argument.dropFirst("--lang=".count))
                index += 1
                continue
            }
            rest.append(argument)
            index += 1
        }
        return (language, rest)
    }

    /// « text » as the CLI prints names: no-break spaces inside in French, plain ones in English.
    static func guillemets(_ text: String) -> String {
        current == .fr ? "«\u{00A0}" + text + "\u{00A0}»" : "« " + text + " »"
    }

    /// The message `key` in the CLI's language.
    static func text(_ key: String, count: Int? = nil, _ arguments: [String: String] = [:]) -> String {
        let text = MessageCatalogue.text(key, count: count, arguments, in: current)
        return forManual ? groffEscaped(text) : text
    }

    /// Set by `make manual`: swift-argument-parser's manual generator drops every character beyond
    /// ASCII, so the help it reads spells them as groff escapes (`\[u00E9]`), which manual.sh restores.
    static let forManual = ProcessInfo.processInfo.environment["CHARTER_MAN_ESCAPES"] == "1"

    static func groffEscaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return result
    }
}
