import Foundation

/// A person allowed to record in the web console, and the territories they may record for.
public struct Facilitator: Hashable, Sendable, Codable {
    /// Made from the name (`Claire Martin` → `claire-martin`): how commands and sessions name them.
    public var id: String
    public var name: String
    public var email: String
    /// Territory ids, sorted.
    public var territories: [String]

    public init(id: String, name: String, email: String, territories: [String]) {
        self.id = id
        self.name = name
        self.email = email
        self.territories = territories
    }

    /// Who the records they make are signed by.
    public var person: Person { Person(name: name, email: email) }

    public func mayRecord(for territory: String) -> Bool { territories.contains(territory) }
}

/// The facilitators of a repository: a local file, outside the repository's tracked content
/// (`.git/charter/facilitators.json`), never committed nor pushed.
public struct FacilitatorRoster: Hashable, Sendable, Codable {
    public static let schemaTag = "charter-facilitators/1"

    public var schema: String
    /// Sorted by id.
    public var facilitators: [Facilitator]

    public init(facilitators: [Facilitator] = []) {
        schema = FacilitatorRoster.schemaTag
        self.facilitators = facilitators.sorted { $0.id < $1.id }
    }

    public func facilitator(_ id: String) -> Facilitator? {
        facilitators.first { $0.id == id }
    }

    /// Adds the facilitator, or replaces the one with the same id; returns whether it replaced one.
    @discardableResult
    public mutating func upsert(_ facilitator: Facilitator) -> Bool {
        let replaced = facilitators.contains { $0.id == facilitator.id }
        facilitators.removeAll { $0.id == facilitator.id }
        facilitators.append(facilitator)
        facilitators.sort { $0.id < $1.id }
        return replaced
    }

    /// Removes the facilitator; returns whether there was one.
    @discardableResult
    public mutating func remove(_ id: String) -> Bool {
        let had = facilitators.contains { $0.id == id }
        facilitators.removeAll { $0.id == id }
        return had
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data, file: String) throws -> FacilitatorRoster {
        do {
            var roster = try JSONDecoder().decode(FacilitatorRoster.self, from: data)
            guard roster.schema == schemaTag else {
                throw CharterError(.badInput, file: file, Message("cli.facilitator.error.schema", ["schema": roster.schema]),
                                   hint: Message("cli.facilitator.error.schema.hint"))
            }
            roster.facilitators.sort { $0.id < $1.id }
            return roster
        } catch let error as CharterError {
            throw error
        } catch {
            throw CharterError(.badInput, file: file, Message("cli.facilitator.error.unreadable", ["problem": "\(error)"]),
                               hint: Message("cli.facilitator.error.unreadable.hint"))
        }
    }
}

extension CharterRepository {
    /// `<git dir>/charter/facilitators.json`: local to this clone, outside the tracked content.
    public var facilitatorsFile: URL {
        URL(fileURLWithPath: git.gitDirectory, isDirectory: true)
            .appendingPathComponent("charter", isDirectory: true)
            .appendingPathComponent("facilitators.json")
    }

    /// The facilitators configured here; none when the file does not exist.
    public func facilitatorRoster() throws -> FacilitatorRoster {
        let url = facilitatorsFile
        guard let data = FileManager.default.contents(atPath: url.path) else { return FacilitatorRoster() }
        return try FacilitatorRoster.decode(data, file: url.path)
    }

    /// Adds (or updates) a facilitator allowed to record for `territories`, which must be in
    /// the manifest. Returns the facilitator and whether one with that id was replaced.
    @discardableResult
    public func addFacilitator(name: String, email: String?, territories: [String]) throws -> (facilitator: Facilitator, replaced: Bool) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw CharterError(.badInput, Message("cli.facilitator.error.name")) }
        let id = Slug.make(name)
        let email = email?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let email, email.isEmpty || email.contains(where: { $0 == "<" || $0 == ">" || $0.isNewline }) {
            throw CharterError(.badInput, Message("cli.facilitator.error.email", ["email": email]), hint: Message("cli.facilitator.error.email.hint"))
        }
        let wanted = Array(Set(territories.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })).sorted()
        guard !wanted.isEmpty else {
            throw CharterError(.badInput, Message("cli.facilitator.error.territories", ["name": name]), hint: Message("cli.facilitator.error.territories.hint"))
        }
        let manifest = try (try? charter(.revision("HEAD"))) ?? charter(.workingTree)
        for territory in wanted where manifest.manifest.territory(territory) == nil {
            throw unknownTerritory(territory, in: manifest.manifest)
        }
        var roster = try facilitatorRoster()
        let facilitator = Facilitator(id: id, name: name, email: email ?? "\(id)@facilitators.invalid", territories: wanted)
        let replaced = roster.upsert(facilitator)
        try save(roster)
        return (facilitator, replaced)
    }

    /// Removes a facilitator (by id or name); returns whether there was one.
    @discardableResult
    public func removeFacilitator(_ reference: String) throws -> Bool {
        var roster = try facilitatorRoster()
        let removed = roster.remove(Slug.make(reference)) || roster.remove(reference)
        if removed { try save(roster) }
        return removed
    }

    private func save(_ roster: FacilitatorRoster) throws {
        let url = facilitatorsFile
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try roster.encoded().write(to: url, options: .atomic)
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch {
            throw CharterError(.repository, file: url.path, Message("cli.facilitator.error.write", ["problem": error.localizedDescription]),
                               hint: Message("cli.facilitator.error.write.hint"))
        }
    }
}
