/// What the shell completes on the command line: the ids and numbers the repository knows.
public enum CompletionSubject: String, Sendable, CaseIterable {
    /// Clause ids and numbers in the working tree (else HEAD).
    case clause
    /// Territory ids of the manifest.
    case territory
    /// Workshop ids on the deliberation branch.
    case workshop
    /// Amendment ids (full and short).
    case amendment
    /// Released versions (`v1.0` for the tag `charter/v1.0`).
    case version
    /// git remotes.
    case remote
    /// Facilitator ids of this clone.
    case facilitator
}

extension CharterRepository {
    /// The candidates for `subject`, each once, in the repository's order (clauses by number);
    /// empty when there is nothing to offer. Completion never fails: a shell is waiting.
    public func completions(_ subject: CompletionSubject) -> [String] {
        var seen: Set<String> = []
        return ((try? candidates(subject)) ?? []).filter { seen.insert($0).inserted }
    }

    private func candidates(_ subject: CompletionSubject) throws -> [String] {
        switch subject {
        case .clause:
            let charter = try (try? self.charter(.workingTree)) ?? self.charter(.revision("HEAD"))
            return charter.numbered.map { $0.clause.id.rawValue } + charter.numbered.map { String($0.number) }
        case .territory:
            let charter = try (try? self.charter(.workingTree)) ?? self.charter(.revision("HEAD"))
            return charter.manifest.territories.map(\.id)
        case .workshop:
            let store = try deliberationStore()
            guard try store.exists() else { return [] }
            return try store.load().workshopList.map(\.id)
        case .amendment:
            guard try deliberationStore().exists() else { return [] }
            return try amendments().flatMap { [$0.shortID, $0.amendment.id.rawValue] }
        case .version:
            let prefix = "refs/tags/" + Self.versionTagPrefix
            return try git.references(withPrefix: prefix).keys.map { String($0.dropFirst(prefix.count)) }.sorted()
        case .remote:
            return try git.remoteNames()
        case .facilitator:
            return try facilitatorRoster().facilitators.map(\.id)
        }
    }
}
