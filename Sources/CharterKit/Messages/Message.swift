/// Something said to a person, by key: rendered in their language from `MessageCatalogue`.
///
/// Arguments fill `{name}` placeholders; `count` chooses the singular or plural wording
/// (« 1 clause », « 2 clauses ») and fills `{count}`.
public struct Message: Hashable, Sendable, Codable, CustomStringConvertible {
    public var key: String
    public var arguments: [String: String]
    public var count: Int?

    public init(_ key: String, count: Int? = nil, _ arguments: [String: String] = [:]) {
        self.key = key
        self.count = count
        self.arguments = arguments
    }

    /// The message in `language`; an unknown key shows itself (a test walks every key used).
    public func text(in language: Language) -> String {
        guard let entry = MessageCatalogue.entries[key] else { return key }
        let wording = entry.wording(in: language)
        var template = wording.other
        if let count, let one = wording.one, language.isSingular(count) { template = one }
        var values = arguments
        if let count { values["count"] = String(count) }
        return MessageCatalogue.fill(template, with: values)
    }

    /// English, for logs and for errors that reach no person.
    public var description: String { text(in: .en) }
}
