import ArgumentParser
import CharterKit

/// `--facilitator "Name <mail>"`: who records; git's identity by default.
struct FacilitatorOption: ParsableArguments {
    @Option(help: ArgumentHelp("Who records this, as \"Name <mail@example.org>\" (default: git config user.name/user.email).",
                               valueName: "person"))
    var facilitator: String?

    func person() throws -> Person? {
        guard let facilitator else { return nil }
        guard let person = Person(parsing: facilitator) else {
            throw ValidationError("--facilitator must look like \"Name <mail@example.org>\"")
        }
        return person
    }
}

extension Position: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
