/// A whole charter at one point in time: the manifest and its clauses.
public struct Charter: Hashable, Sendable {
    public var manifest: Manifest
    public var clauses: [ClauseID: Clause]

    public init(manifest: Manifest, clauses: [ClauseID: Clause]) {
        self.manifest = manifest
        self.clauses = clauses
    }

    /// Clauses in reading order with their derived numbers (1-based) and section.
    public var numbered: [NumberedClause] {
        var result: [NumberedClause] = []
        var number = 0
        for (sectionIndex, section) in manifest.sections.enumerated() {
            for id in section.clauses {
                guard let clause = clauses[id] else { continue }
                number += 1
                result.append(NumberedClause(number: number, sectionIndex: sectionIndex, sectionTitle: section.title, clause: clause))
            }
        }
        return result
    }

    /// The derived number of a clause, nil when the charter does not hold it.
    public func number(of id: ClauseID) -> Int? {
        numbered.first { $0.clause.id == id }?.number
    }

    /// Finds a clause by id, or by its number given as digits ("7").
    public func clause(matching reference: String) -> Clause? {
        if let id = ClauseID(reference), let clause = clauses[id] { return clause }
        if let number = Int(reference) { return numbered.first { $0.number == number }?.clause }
        return nil
    }
}

/// A clause placed in the charter's order.
public struct NumberedClause: Hashable, Sendable {
    public var number: Int
    public var sectionIndex: Int
    public var sectionTitle: String
    public var clause: Clause
}
