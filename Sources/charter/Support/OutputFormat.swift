import ArgumentParser

/// Output formats offered by the reading commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html
}

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    var enabled: Bool {
        switch self {
        case .auto: return Terminal.stdoutTakesColor
        case .always: return true
        case .never: return false
        }
    }
}
