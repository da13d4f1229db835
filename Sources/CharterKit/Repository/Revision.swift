import Foundation

/// One commit of the text branch, in domain terms.
public struct Revision: Hashable, Sendable, Codable {
    /// The commit id, 40 hexadecimal digits.
    public var id: String
    public var author: Person
    public var date: Date
    public var message: String

    public var shortID: String { String(id.prefix(7)) }
    /// The first line of the message.
    public var summary: String { String(message.split(separator: "\n", maxSplits: 1).first ?? "") }

    public init(id: String, author: Person, date: Date, message: String) {
        self.id = id
        self.author = author
        self.date = date
        self.message = message
    }
}

/// A person as git records them: a name and an e-mail address.
public struct Person: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// Parses `Name <mail@example.org>`; nil when the form is not that.
    public init?(parsing text: String) {
        guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return nil }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard !name.isEmpty, !email.isEmpty else { return nil }
        self.init(name: name, email: email)
    }

    public var description: String { "\(name) <\(email)>" }
}
