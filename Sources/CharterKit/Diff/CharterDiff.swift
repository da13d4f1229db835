/// The clause-aware difference between two charters: manifest changes and,
/// per clause followed by its id, what happened to it (added, removed,
/// modified, retitled, moved, renumbered, fields changed).
///
/// A diff is complete: `apply(to:)` rebuilds the new charter from the old one,
/// so it can be stored or sent as JSON (`JSONDiffRenderer`, schema
/// `charter-diff/1`) and replayed. Every output format is a renderer over it.
public struct CharterDiff: Hashable, Sendable {
    /// The JSON schema tag written at the top level.
    public static let schema = "charter-diff/1"

    /// What the old side is called (a revision, a tag, "working tree"…).
    public var fromLabel: String
    /// What the new side is called.
    public var toLabel: String
    /// Changes to the manifest (title, language, structure, territories, rule).
    public var manifest: ManifestChange
    /// The changed clauses in the new charter's reading order. A removed
    /// clause comes right after the clause that preceded it in the old order
    /// and survives (at the start when none does); clauses not listed in the
    /// structure come last, by id. Unchanged clauses are left out.
    public var clauses: [ClauseChange]

    public init(fromLabel: String, toLabel: String, manifest: ManifestChange = ManifestChange(), clauses: [ClauseChange] = []) {
        self.fromLabel = fromLabel
        self.toLabel = toLabel
        self.manifest = manifest
        self.clauses = clauses
    }

    /// Counts of clauses per kind of change.
    public var summary: DiffSummary { DiffSummary(clauses) }

    /// True when the two charters are the same.
    public var isEmpty: Bool { manifest.isEmpty && clauses.isEmpty }

    /// The change of the clause `id`, nil when it did not change.
    public func change(for id: ClauseID) -> ClauseChange? {
        clauses.first { $0.id == id }
    }

    /// The diff that turns `old` into `new`. Text is compared byte for byte;
    /// clause bodies that are equal are not word-diffed.
    public static func between(_ old: Charter, _ new: Charter, fromLabel: String, toLabel: String) -> CharterDiff {
        let oldNumbered = old.numbered
        let newNumbered = new.numbered
        let oldPlaces = Place.index(oldNumbered)
        let newPlaces = Place.index(newNumbered)
        let oldOrder = Place.order(oldNumbered)
        let newOrder = Place.order(newNumbered)

        // Manifest.
        var manifest = ManifestChange()
        if !old.manifest.title.utf8Equal(to: new.manifest.title) {
            manifest.title = ValueChange(old: old.manifest.title, new: new.manifest.title)
        }
        if !old.manifest.language.utf8Equal(to: new.manifest.language) {
            manifest.language = ValueChange(old: old.manifest.language, new: new.manifest.language)
        }
        let matching = SectionMatching(old.manifest.sections, new.manifest.sections)
        if !sameStructure(old.manifest.sections, new.manifest.sections) {
            manifest.structure = ValueChange(old: old.manifest.sections, new: new.manifest.sections)
            manifest.sections = matching.changes(old.manifest.sections, new.manifest.sections)
        }
        if old.manifest.territories != new.manifest.territories {
            manifest.territories = ValueChange(old: old.manifest.territories, new: new.manifest.territories)
        }
        if old.manifest.consensus != new.manifest.consensus {
            manifest.consensus = ValueChange(old: old.manifest.consensus, new: new.manifest.consensus)
        }

        // Moves: the clauses listed on both sides that fall outside the
        // longest common subsequence of the two orders.
        let oldCommon = oldOrder.filter { newPlaces[$0] != nil }
        let newCommon = newOrder.filter { oldPlaces[$0] != nil }
        var moved = Set<ClauseID>()
        for change in newCommon.difference(from: oldCommon) {
            if case .insert(_, let id, _) = change { moved.insert(id) }
        }

        // Clause changes.
        var changes: [ClauseID: ClauseChange] = [:]
        for id in Set(old.clauses.keys).union(new.clauses.keys) {
            let before = old.clauses[id], after = new.clauses[id]
            let oldPlace = before == nil ? nil : oldPlaces[id]
            let newPlace = after == nil ? nil : newPlaces[id]
            var change = ClauseChange(
                id: id, kinds: [],
                oldNumber: oldPlace?.number, newNumber: newPlace?.number,
                oldSection: oldPlace?.sectionTitle, newSection: newPlace?.sectionTitle,
                oldTitle: before?.title, newTitle: after?.title)
            switch (before, after) {
            case (nil, let added?):
                change.kinds = [.added]
                change.clause = ClauseSnapshot(added)
            case (let removed?, nil):
                change.kinds = [.removed]
                change.clause = ClauseSnapshot(removed)
            case (let a?, let b?):
                if !a.body.utf8Equal(to: b.body) {
                    change.kinds.append(.modified)
                    change.body = WordDiff.between(a.body, b.body)
                }
                if !a.title.utf8Equal(to: b.title) { change.kinds.append(.retitled) }
                switch (oldPlace, newPlace) {
                case let (o?, n?):
                    if moved.contains(id) || matching.oldToNew[o.sectionIndex] != n.sectionIndex {
                        change.kinds.append(.moved)
                    } else if o.number != n.number {
                        change.kinds.append(.renumbered)
                    }
                case (nil, nil): break
                default: change.kinds.append(.moved)
                }
                change.fields = FieldChange.between(a.fields, b.fields)
                if !change.fields.isEmpty { change.kinds.append(.fieldsChanged) }
            case (nil, nil):
                continue
            }
            if !change.kinds.isEmpty { changes[id] = change }
        }

        // Order: new reading order, removed clauses after their old predecessor.
        var ordered: [ClauseChange] = []
        ordered.reserveCapacity(changes.count)
        var emitted = Set<ClauseID>()
        var removedAfter: [ClauseID?: [ClauseID]] = [:]
        var anchor: ClauseID? = nil
        for id in oldOrder {
            if new.clauses[id] != nil, newPlaces[id] != nil {
                anchor = id
            } else if new.clauses[id] == nil {
                removedAfter[anchor, default: []].append(id)
            }
        }
        func emit(_ id: ClauseID) {
            if let change = changes[id], emitted.insert(id).inserted { ordered.append(change) }
        }
        for id in removedAfter[nil] ?? [] { emit(id) }
        for id in newOrder {
            emit(id)
            for removed in removedAfter[id] ?? [] { emit(removed) }
        }
        for id in changes.keys.sorted() where !emitted.contains(id) { emit(id) }

        return CharterDiff(fromLabel: fromLabel, toLabel: toLabel, manifest: manifest, clauses: ordered)
    }

    static func sameStructure(_ a: [Section], _ b: [Section]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.title.utf8Equal(to: $1.title) && $0.clauses == $1.clauses }
    }

    /// Where a clause stands in a charter.
    struct Place {
        var number: Int
        var sectionIndex: Int
        var sectionTitle: String

        /// First place of each listed clause.
        static func index(_ numbered: [NumberedClause]) -> [ClauseID: Place] {
            var places: [ClauseID: Place] = [:]
            places.reserveCapacity(numbered.count)
            for item in numbered where places[item.clause.id] == nil {
                places[item.clause.id] = Place(number: item.number, sectionIndex: item.sectionIndex, sectionTitle: item.sectionTitle)
            }
            return places
        }

        /// Listed clause ids in reading order, each once.
        static func order(_ numbered: [NumberedClause]) -> [ClauseID] {
            var seen = Set<ClauseID>()
            return numbered.compactMap { seen.insert($0.clause.id).inserted ? $0.clause.id : nil }
        }
    }
}
