import Foundation

/// A territory's representative invited by a facilitator to record for that territory only,
/// through a link of their own (until it expires or is revoked).
public struct Invitation: Hashable, Sendable, Codable {
    /// 16 hex digits: how pages and revocations name it (not the secret of the link).
    public var id: String
    public var name: String
    public var email: String?
    /// The one territory they record for.
    public var territory: String
    /// The SHA-256 of the link's secret, in hex: the secret itself is never stored.
    public var digest: String
    /// The facilitator (roster id) who invited them.
    public var invitedBy: String
    public var created: Date
    public var expires: Date
    public var revoked: Date?

    public init(id: String, name: String, email: String?, territory: String, digest: String, invitedBy: String,
                created: Date, expires: Date, revoked: Date? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.territory = territory
        self.digest = digest
        self.invitedBy = invitedBy
        self.created = created
        self.expires = expires
        self.revoked = revoked
    }

    public func isValid(at now: Date) -> Bool { revoked == nil && now < expires }

    /// Who their records are signed by.
    public var person: Person {
        Person(name: name, email: email ?? "\(Slug.make(name))@representatives.invalid")
    }

    /// The representative as someone who records: one territory.
    public var recorder: Facilitator {
        Facilitator(id: "invitation-\(id)", name: name, email: person.email, territories: [territory])
    }
}
