import Foundation

/// Each sentence of a clause (and its title) with where it came from: the revision that last
/// changed it and, when that revision adopted an amendment, the amendment, its proposing
/// territory and the workshops where it was debated.
public struct ClauseBlame: Hashable, Sendable, Codable {
    public var schema = "charter-blame/1"
    public var clause: ClauseID
    /// The commit the clause is read at (`--at`), 40 hexadecimal digits.
    public var at: String
    public var title: BlamedText
    /// The body's sentences in order.
    public var sentences: [BlamedText]

    public init(clause: ClauseID, at: String, title: BlamedText, sentences: [BlamedText]) {
        self.clause = clause
        self.at = at
        self.title = title
        self.sentences = sentences
    }

    private enum CodingKeys: String, CodingKey { case schema, clause, at, title, sentences }
}

/// A sentence (or a title) and its origin.
public struct BlamedText: Hashable, Sendable, Codable {
    public var text: String
    public var origin: TextOrigin

    public init(text: String, origin: TextOrigin) {
        self.text = text
        self.origin = origin
    }
}

/// Where a piece of the text comes from.
public struct TextOrigin: Hashable, Sendable, Codable {
    public var revision: Revision
    public var amendment: AmendmentOrigin?

    public init(revision: Revision, amendment: AmendmentOrigin?) {
        self.revision = revision
        self.amendment = amendment
    }
}

/// The adopted amendment a text came through.
public struct AmendmentOrigin: Hashable, Sendable, Codable {
    public var id: String
    public var shortID: String
    public var territory: String
    public var territoryName: String
    /// Where it was proposed, and where positions or comments on it were recorded, in order.
    public var workshops: [WorkshopOrigin]

    public init(id: String, shortID: String, territory: String, territoryName: String, workshops: [WorkshopOrigin]) {
        self.id = id
        self.shortID = shortID
        self.territory = territory
        self.territoryName = territoryName
        self.workshops = workshops
    }
}

/// A workshop, as a provenance names it.
public struct WorkshopOrigin: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var date: String
    public var place: String?

    public init(id: String, title: String, date: String, place: String?) {
        self.id = id
        self.title = title
        self.date = date
        self.place = place
    }
}
