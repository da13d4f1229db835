extension CharterDiff {
    /// Replays the diff on `old`: applying the diff of A → B to A gives a
    /// charter equal to B.
    ///
    /// Every old value the diff carries (manifest parts, a removed clause, a
    /// body's old text, an old title or field) is checked byte for byte
    /// against `old` first, so a diff applied to the wrong charter fails with
    /// a `DiffApplyError` rather than losing text. Moves and renumberings take
    /// effect through the manifest's new structure.
    public func apply(to old: Charter) throws(DiffApplyError) -> Charter {
        var result = old

        if let title = manifest.title {
            guard result.manifest.title.utf8Equal(to: title.old) else { throw DiffApplyError(.manifestMismatch, part: "title") }
            result.manifest.title = title.new
        }
        if let language = manifest.language {
            guard result.manifest.language.utf8Equal(to: language.old) else { throw DiffApplyError(.manifestMismatch, part: "language") }
            result.manifest.language = language.new
        }
        if let structure = manifest.structure {
            guard Self.sameStructure(result.manifest.sections, structure.old) else {
                throw DiffApplyError(.manifestMismatch, part: "structure")
            }
            result.manifest.sections = structure.new
        }
        if let territories = manifest.territories {
            guard result.manifest.territories == territories.old else { throw DiffApplyError(.manifestMismatch, part: "territories") }
            result.manifest.territories = territories.new
        }
        if let consensus = manifest.consensus {
            guard result.manifest.consensus == consensus.old else { throw DiffApplyError(.manifestMismatch, part: "consensus rule") }
            result.manifest.consensus = consensus.new
        }

        for change in clauses {
            let id = change.id
            if change.has(.added) {
                guard result.clauses[id] == nil else { throw DiffApplyError(.clauseExists, clause: id, part: "clause") }
                guard let added = change.clause else { throw DiffApplyError(.incomplete, clause: id, part: "clause content") }
                result.clauses[id] = added.clause(id: id)
                continue
            }
            guard var clause = result.clauses[id] else { throw DiffApplyError(.clauseMissing, clause: id, part: "clause") }
            if change.has(.removed) {
                if let removed = change.clause, !removed.matches(clause) {
                    throw DiffApplyError(.textMismatch, clause: id, part: "clause")
                }
                result.clauses[id] = nil
                continue
            }
            if change.has(.modified) {
                guard let body = change.body else { throw DiffApplyError(.incomplete, clause: id, part: "body diff") }
                guard clause.body.utf8Equal(to: body.oldText) else { throw DiffApplyError(.textMismatch, clause: id, part: "body") }
                clause.body = body.newText
            }
            if change.has(.retitled) {
                guard let oldTitle = change.oldTitle, let newTitle = change.newTitle else {
                    throw DiffApplyError(.incomplete, clause: id, part: "title")
                }
                guard clause.title.utf8Equal(to: oldTitle) else { throw DiffApplyError(.textMismatch, clause: id, part: "title") }
                clause.title = newTitle
            }
            if change.has(.fieldsChanged) {
                for field in change.fields {
                    let current = clause.fields[field.key]
                    let fits = switch (current, field.old) {
                    case (nil, nil): true
                    case let (a?, b?): a.utf8Equal(to: b)
                    default: false
                    }
                    guard fits else { throw DiffApplyError(.textMismatch, clause: id, part: "field \(field.key)") }
                    clause.fields[field.key] = field.new
                }
            }
            result.clauses[id] = clause
        }
        return result
    }
}

extension ClauseSnapshot {
    /// Byte-for-byte equality with a clause's content.
    func matches(_ clause: Clause) -> Bool {
        title.utf8Equal(to: clause.title) && body.utf8Equal(to: clause.body)
            && fields.count == clause.fields.count
            && fields.allSatisfy { key, value in clause.fields[key].map { $0.utf8Equal(to: value) } ?? false }
    }
}
