import GitKit

extension DeliberationSnapshot {
    /// The ids of every amendment on the branch (the folders under `amendments/`).
    func amendmentIDs() throws -> [RecordID] {
        guard let tree, let folder = try store.git.entry(atPath: "amendments", inTree: tree), folder.kind == .tree else { return [] }
        return try store.git.treeEntries(folder.oid).compactMap { $0.kind == .tree ? RecordID($0.name) : nil }.sorted()
    }

    /// The records of one amendment folded: the amendment and the comments on it.
    func amendmentBook(_ id: RecordID) throws -> AmendmentBook {
        guard let tree else { return AmendmentBook(Deliberation(records: [])) }
        return AmendmentBook(Deliberation(records: try store.records(under: "amendments/\(id)", in: tree)))
    }

    /// The amendment a person named (full id, unique prefix or suffix), as the branch says now.
    func amendment(named reference: String) throws -> (Amendment, AmendmentBook) {
        let id = try AmendmentBook.match(reference, among: amendmentIDs())
        let book = try amendmentBook(id)
        guard let amendment = book.amendments[id] else {
            throw CharterError(.unknownAmendment, "amendment folder `\(id)` holds no proposal",
                               hint: "its records were edited by hand; restore them with git")
        }
        return (amendment, book)
    }

    /// A comment on an amendment, found by its file (`amendments/<amendment>/<id>.json`).
    func amendmentComment(_ id: RecordID) throws -> RecordedComment? {
        guard let tree else { return nil }
        for amendment in try amendmentIDs() where try store.git.entry(atPath: "amendments/\(amendment)/\(id).json", inTree: tree) != nil {
            return Deliberation(records: try store.records(under: "amendments/\(amendment)", in: tree)).comment(id)
        }
        return nil
    }
}

extension AmendmentBook {
    /// The id among `ids` that a person named: the full id, or a unique prefix or suffix of at
    /// least 4 characters.
    public static func match(_ reference: String, among ids: [RecordID]) throws -> RecordID {
        try RecordID.resolve(reference, among: ids, noun: "amendment", code: .unknownAmendment, listedBy: "charter amend list")
    }

}
