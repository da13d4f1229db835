import GitKit

extension CharterRepository {
    /// A clause's whole story, newest first: each revision that changed it
    /// and, under it, what each territory said at each workshop about the
    /// text that revision made.
    public func story(of clause: ClauseID, from tip: String = "HEAD") throws -> [HistoryEntry] {
        var entries = try history(of: clause, from: tip)
        // No deliberation recorded: nothing to read (and no text to judge comments against).
        guard try deliberationStore().exists() else { return entries }
        let comments = try self.comments(CommentFilter(clause: clause.rawValue), against: tip)
        guard !comments.isEmpty else { return entries }
        let workshops = try deliberationStore().load().workshops
        // The text a comment was made on is its clause blob: find the revision that made that blob.
        var entryOfBlob: [String: Int] = [:]
        for (index, entry) in entries.enumerated().reversed() {
            guard let oid = OID(hex: entry.revision.id),
                  let blob = try clauseBlob(clause, inCommitTree: git.commit(oid).tree) else { continue }
            entryOfBlob[blob.hex] = index
        }
        var grouped: [Int: [String: [CommentView]]] = [:]
        for view in comments {
            guard let index = entryOfBlob[view.comment.comment.blob] else { continue }
            grouped[index, default: [:]][view.comment.comment.workshop, default: []].append(view)
        }
        for (index, byWorkshop) in grouped {
            entries[index].discussions = byWorkshop.map { workshop, views in
                let found = workshops[workshop]
                return WorkshopDiscussion(workshop: workshop, title: found?.title ?? workshop, date: found?.date ?? "", comments: views)
            }.sorted { ($0.date, $0.workshop) < ($1.date, $1.workshop) }
        }
        return entries
    }
}
