import Foundation
import GitKit

extension CharterRepository {
    /// Whether this is a shallow clone (its history is cut short).
    public var isShallowClone: Bool { git.isShallow }

    /// The error for a history walk that ran past a shallow clone's boundary: names the first
    /// commit whose parent is missing, keeps libgit2's words, and says how to fetch the rest.
    func shallowHistoryError(_ error: GitError) -> CharterError {
        let boundary = (try? String(contentsOfFile: "\(git.gitDirectory)/shallow", encoding: .utf8))?
            .split(separator: "\n").first.map { String($0.prefix(7)) } ?? "?"
        return CharterError(.repository, file: ".git/shallow",
                            Message("reliability.shallow.history", ["commit": boundary, "cause": error.description]),
                            hint: Message("reliability.shallow.history.hint"))
    }

    /// Says (as notices) that no deliberation was found because the clone fetched one branch
    /// only, with the command that fetches it; nothing when the records are there or the clone
    /// fetches every branch.
    func noteMissingDeliberation(_ store: DeliberationStore) {
        guard (try? store.exists()) == false, let command = try? singleBranchFetchCommand(branch: store.branch) else { return }
        Notices.post(Message("reliability.single-branch.status", ["branch": store.branch]))
        Notices.post(Message("reliability.single-branch.hint", ["command": command]))
    }
}
