/// A territory taking part in the deliberation, as listed in the manifest.
public struct Territory: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var contact: String?

    public init(id: String, name: String, contact: String? = nil) {
        self.id = id
        self.name = name
        self.contact = contact
    }
}
