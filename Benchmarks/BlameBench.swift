import Foundation

extension Runner {
    // MARK: Workload 7: blame

    /// `charter blame ID` (warm: history index present) against `git blame` on the clause's
    /// file, on the clause with the most file changes among a few. Check: every revision the
    /// blame names changed the clause's file (git log -- path says so), and the warm and
    /// CHARTER_NO_INDEX outputs are the same.
    func blameWorkload(_ repo: String, _ history: TextHistory) throws {
        let clause = history.clauseIDs[history.clauseIDs.count / 3]
        let path = "charter/clauses/\(clause).md"
        let touching = Set(lines(try gitRun(["log", "--format=%H", "--", path], in: repo).stdout))
        _ = try run(charterBinary, ["log", "-n", "1"], in: repo)  // the index is built (warm)
        var json = Data()
        let warm = try repeated(scale.reps) {
            let output = try run(charterBinary, ["blame", clause, "--format", "json"], in: repo)
            json = output.stdout
            return output.seconds
        }
        let noIndex = try run(charterBinary, ["blame", clause, "--format", "json"], in: repo, environment: ["CHARTER_NO_INDEX": "1"]).stdout
        let gitTimes = try repeated(scale.reps) { try gitRun(["blame", "--porcelain", "--", path], in: repo).seconds }
        let blame = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        let sentences = blame?["sentences"] as? [[String: Any]] ?? []
        let named = sentences.compactMap { (($0["origin"] as? [String: Any])?["revision"] as? [String: Any])?["id"] as? String }
        let check = verify(!sentences.isEmpty && named.count == sentences.count && named.allSatisfy(touching.contains) && json == noIndex,
                           "workload 7: charter blame \(clause) names revisions that did not change its file, or differs without the index")
        let size = "\(scale.revisions) revisions; \(clause): \(touching.count) file changes, \(sentences.count) sentences"
        let gitMedian = Runner.median(gitTimes), ours = Runner.median(warm)
        record(Row(workload: "7. charter blame ID", measure: "git blame --porcelain -- path", size: size, median: gitMedian, unit: "s",
                   target: "baseline", check: check))
        record(Row(workload: "7. charter blame ID", measure: "charter blame ID --format json, warm (index present)", size: size,
                   median: ours, unit: "s", baseline: "git blame", baselineMedian: gitMedian, ratio: ours / gitMedian,
                   target: "-", check: check))
    }
}
