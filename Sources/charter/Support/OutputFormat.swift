import ArgumentParser

/// `--format` of the commands that print text or JSON, and nothing else: what `--help` and the
/// completions offer is exactly what the command produces.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format` of `charter diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html, json
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
