import ArgumentParser
import CharterKit

/// `--facilitator "Name <mail>"`: who records; git's identity by default.
struct FacilitatorOption: ParsableArguments {
    @Option(help: .key("cli.option.facilitator", valueName: "person"))
    var facilitator: String?

    func person() throws -> Person? {
        guard let facilitator else { return nil }
        guard let person = Person(parsing: facilitator) else {
            throw ValidationError(key: "cli.option.facilitator.invalid")
        }
        return person
    }
}

extension Position: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
