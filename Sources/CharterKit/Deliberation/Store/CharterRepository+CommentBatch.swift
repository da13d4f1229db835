import Foundation

/// What became of one request of a batch: its record, or why it could not be recorded.
public enum CommentBatchOutcome: Sendable {
    case recorded(Record)
    /// Recorded already by an earlier sending of the same form (the same `formKey`).
    case alreadyRecorded
    case refused(any Error)
}

extension CharterRepository {
    /// Records several comments of one workshop in one commit (a grid saved at once): each
    /// request is checked on its own; the ones refused are returned with their reason and the
    /// others are recorded together. Outcomes are in the order of `requests`. Nothing is
    /// recorded when every request is refused.
    ///
    /// `formKey` makes the batch idempotent: each comment carries the key of its form and cell
    /// (as an imported row carries its row key, under `imports/<workshop>/`), so a form sent
    /// again (a reload, a double click, a retry) records none of the cells it recorded before.
    public func addComments(_ requests: [CommentRequest], workshop id: String, formKey: String? = nil,
                            facilitator: Person?) throws -> [CommentBatchOutcome] {
        guard !requests.isEmpty else { return [] }
        let store = try deliberationStore()
        let who = try resolveFacilitator(facilitator)
        var refusals: [Int: any Error] = [:]
        var accepted: [Int] = []
        var repeated: Set<Int> = []
        if let formKey, !CharterRepository.isFormKey(formKey) {
            throw CharterError(.badInput, "`\(formKey.prefix(80))` is not a form key", hint: "a form key is 16 to 64 hexadecimal digits")
        }
        let records = try store.append(facilitator: who, describe: { events in
            // One line per record, as `charter comment add` words its commit.
            let lines = events.compactMap { event -> String? in
                guard case .comment(let comment) = event else { return nil }
                return "\(comment.position.map { "\($0.rawValue.prefix(1).uppercased())\($0.rawValue.dropFirst())" } ?? "Remark")"
                    + " by \(comment.territory) on \(comment.clause) at \(comment.workshop)"
            }
            return lines.count == 1 ? lines[0] : "Grid of \(lines.count) records at \(id)\n\n" + lines.joined(separator: "\n")
        }) { snapshot in
            refusals = [:]
            accepted = []
            repeated = []
            let workshop = try requireWorkshop(id, snapshot)
            let context = try WorkshopText(repository: self, workshop: workshop)
            var earlier: Set<String> = []
            if formKey != nil { earlier = try snapshot.importKeys(workshop: id) }
            var events: [Event] = []
            for (index, request) in requests.enumerated() {
                do {
                    guard request.workshop == id, request.amendment == nil else {
                        throw CharterError(.badInput, "a grid records the comments of workshop `\(id)` only")
                    }
                    let key = formKey.map { CharterRepository.cellKey(form: $0, request) }
                    if let key, earlier.contains(key) {
                        repeated.insert(index)
                        continue
                    }
                    events.append(.comment(try context.comment(for: request, importKey: key)))
                    accepted.append(index)
                } catch {
                    refusals[index] = error
                }
            }
            return events
        }
        var outcomes: [CommentBatchOutcome?] = Array(repeating: nil, count: requests.count)
        for (index, error) in refusals { outcomes[index] = .refused(error) }
        for index in repeated { outcomes[index] = .alreadyRecorded }
        for (index, record) in zip(accepted, records) { outcomes[index] = .recorded(record) }
        return outcomes.map { $0 ?? .refused(CharterError(.repository, "nothing was recorded")) }
    }

    /// `grid-<form key>.<clause>.<territory>`: the key a grid cell's comment is recorded under.
    static func cellKey(form: String, _ request: CommentRequest) -> String {
        "grid-\(form).\(request.clause).\(request.territory)"
    }

    /// 16 to 64 lower-case hexadecimal digits.
    public static func isFormKey(_ text: String) -> Bool {
        (16...64).contains(text.utf8.count) && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
