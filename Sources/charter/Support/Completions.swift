import ArgumentParser
import CharterKit

/// Completions that know the charter: bash, zsh and fish ask `charter` itself, which reads the
/// repository the command line names (`--repo`, `--dir`, else the current folder).
extension CompletionKind {
    static var clauses: CompletionKind { repository(.clause) }
    static var territories: CompletionKind { repository(.territory) }
    /// A comma-separated list of territories: completes the item after the last comma.
    static var territoryList: CompletionKind { repository(.territory, list: true) }
    static var workshops: CompletionKind { repository(.workshop) }
    static var amendments: CompletionKind { repository(.amendment) }
    static var versions: CompletionKind { repository(.version) }
    static var remotes: CompletionKind { repository(.remote) }
    static var facilitators: CompletionKind { repository(.facilitator) }

    static func repository(_ subject: CompletionSubject, list: Bool = false) -> CompletionKind {
        .custom { words, index, prefix in
            RepositoryCompletion.candidates(subject, words: words, prefix: prefix, list: list)
        }
    }
}

/// The candidates the shell offers for one word.
enum RepositoryCompletion {
    static func candidates(_ subject: CompletionSubject, words: [String], prefix: String, list: Bool) -> [String] {
        let location = options(in: words)
        guard let repository = try? CharterRepository(discoveringFrom: location.repo, directory: location.dir) else { return [] }
        let all = repository.completions(subject)
        guard list, let comma = prefix.lastIndex(of: ",") else { return all.filter { $0.hasPrefix(prefix) } }
        // In `a,b,c`, complete the last item and keep what comes before it.
        let head = String(prefix[...comma]), last = String(prefix[prefix.index(after: comma)...])
        let chosen = Set(head.split(separator: ",").map(String.init))
        return all.filter { $0.hasPrefix(last) && !chosen.contains($0) }.map { head + $0 }
    }

    /// `--repo` and `--dir` as typed so far.
    static func options(in words: [String]) -> (repo: String, dir: String?) {
        var repo = ".", dir: String?
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : nil
            if word == "--repo", let next { repo = next }
            if word.hasPrefix("--repo=") { repo = String(word.dropFirst("--repo=".count)) }
            if word == "--dir", let next { dir = next }
            if word.hasPrefix("--dir=") { dir = String(word.dropFirst("--dir=".count)) }
        }
        return (repo, dir)
    }
}
