import ArgumentParser
import CharterKit

/// Help texts from the message catalogue, in the CLI's language (`CLILanguage.current`, read once
/// at startup), so `charter --help` speaks French under a French locale.
extension ArgumentHelp {
    static func key(_ key: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(CLILanguage.text(key), valueName: valueName)
    }
}

extension ValidationError {
    /// A usage error worded from the catalogue.
    init(key: String, _ arguments: [String: String] = [:]) {
        self.init(CLILanguage.text(key, arguments))
    }
}
