import CharterKit
import CLibGit2
import Foundation
import GitKit

/// `charter-bench [--clauses N] [--revisions N] [--territories N] [--workshops N] [--records N]
/// [--reps N] [--out DIR] [--work DIR]`: generates the repositories, measures every workload with
/// its baseline in the same run, checks that each result agrees with its baseline's, and writes
/// `results.md` and `results.json`. `BENCH_SCALE=full` sets the reference scale.
enum Bench {
    struct Scale: Codable {
        var clauses = 200
        var revisions = 2_000
        var territories = 40
        var workshops = 20
        var records = 50_000
        var importRows = 10_000
        var adds = 100
        var reps = 7
        var diffDistance = 1_000
        var incremental = [10, 100]
    }

    static func main(_ arguments: [String]) throws {
        if arguments.first == "floor" {
            Floor.main(Array(arguments.dropFirst()))
            return
        }
        var scale = Scale()
        if ProcessInfo.processInfo.environment["BENCH_SCALE"] == "full" {
            scale = Scale(clauses: 500, revisions: 10_000, territories: 100, workshops: 200, records: 1_000_000, reps: 7)
        }
        var out = ".build/bench"
        var work = ".build/bench/work"
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch name {
            case "--clauses": scale.clauses = Int(value)!
            case "--revisions": scale.revisions = Int(value)!
            case "--territories": scale.territories = Int(value)!
            case "--workshops": scale.workshops = Int(value)!
            case "--records": scale.records = Int(value)!
            case "--import-rows": scale.importRows = Int(value)!
            case "--adds": scale.adds = Int(value)!
            case "--reps": scale.reps = Int(value)!
            case "--out": out = value
            case "--work": work = value
            default: throw BenchError("unknown argument \(name)")
            }
            index += 2
        }
        scale.diffDistance = min(scale.diffDistance, scale.revisions - 1)
        let runner = try Runner(scale: scale, out: absolute(out), work: absolute(work))
        try runner.run()
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One row of the results table.
struct Row: Codable {
    var workload: String
    var measure: String
    var size: String
    var median: Double?       // seconds (or rows/s for throughput, see unit)
    var p99: Double?
    var unit: String
    var baseline: String?
    var baselineMedian: Double?
    var ratio: Double?
    var target: String
    var met: Bool?
    var check: String
}

final class Runner {
    let scale: Bench.Scale
    let out: String
    let work: String
    let charterBinary: String
    let benchBinary: String
    let git: String
    var rows: [Row] = []
    var notes: [String] = []
    var failures: [String] = []
    let started = Date()

    init(scale: Bench.Scale, out: String, work: String) throws {
        self.scale = scale
        self.out = out
        self.work = work
        benchBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        charterBinary = URL(fileURLWithPath: benchBinary).deletingLastPathComponent().appendingPathComponent("charter").path
        git = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "git"
        guard FileManager.default.isExecutableFile(atPath: charterBinary) else {
            throw BenchError("no charter binary next to charter-bench (\(charterBinary)): build the package in release mode first")
        }
    }

    func log(_ text: String) {
        let elapsed = String(format: "%6.1f", Date().timeIntervalSince(started))
        FileHandle.standardError.write(Data("[\(elapsed)s] \(text)\n".utf8))
    }

    // MARK: Processes and timing

    struct Output { var status: Int32; var stdout: Data; var seconds: Double }

    /// Runs a program and waits for it, its standard output captured in a file (read
    /// afterwards, outside the timed span's critical path), through `posix_spawn`: Foundation's
    /// `Process` costs tens of milliseconds per launch on Linux, which would drown the
    /// commands measured.
    @discardableResult
    func run(_ executable: String, _ arguments: [String], in directory: String, environment extra: [String: String] = [:],
             allowFailure: Bool = false) throws -> Output {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Banc d’essai"
        environment["GIT_AUTHOR_EMAIL"] = "bench@example.org"
        environment["GIT_COMMITTER_NAME"] = "Banc d’essai"
        environment["GIT_COMMITTER_EMAIL"] = "bench@example.org"
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C.UTF-8"
        for (key, value) in extra { environment[key] = value }
        let outPath = NSTemporaryDirectory() + "charter-bench-out-\(getpid())"
        let errorPath = NSTemporaryDirectory() + "charter-bench-err-\(getpid())"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        // The child starts in `directory` (this process spawns one child at a time).
        let previous = FileManager.default.currentDirectoryPath
        guard chdir(directory) == 0 else { throw BenchError("cannot enter \(directory)") }
        defer { _ = chdir(previous) }
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard rc == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let data = FileManager.default.contents(atPath: outPath) ?? Data()
        if exitCode != 0 && !allowFailure {
            let errorData = FileManager.default.contents(atPath: errorPath) ?? Data()
            throw BenchError("\(URL(fileURLWithPath: executable).lastPathComponent) \(arguments.joined(separator: " ")) failed (\(exitCode)): \(String(decoding: errorData.prefix(2000), as: UTF8.self))")
        }
        return Output(status: exitCode, stdout: data, seconds: seconds)
    }

    @discardableResult
    func gitRun(_ arguments: [String], in directory: String) throws -> Output {
        try run(git, arguments, in: directory)
    }

    func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Runs `body` `reps` times (after `warmup` unmeasured runs) and returns the times.
    func repeated(_ reps: Int, warmup: Int = 1, before: () throws -> Void = {}, _ body: () throws -> Double) rethrows -> [Double] {
        for _ in 0..<warmup {
            try before()
            _ = try body()
        }
        var times: [Double] = []
        for _ in 0..<reps {
            try before()
            times.append(try body())
        }
        return times
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }

    func record(_ row: Row) {
        rows.append(row)
        let median = row.median.map { row.unit == "rows/s" ? String(format: "%.0f", $0) : String(format: "%.1f ms", $0 * 1000) } ?? "-"
        let ratio = row.ratio.map { String(format: "%.2f×", $0) } ?? ""
        log("\(row.workload) — \(row.measure): \(median) \(ratio) \(row.met.map { $0 ? "target met" : "TARGET MISSED" } ?? "") [\(row.check)]")
    }

    func verify(_ condition: Bool, _ what: String) -> String {
        if condition { return "ok" }
        failures.append(what)
        log("CHECK FAILED: \(what)")
        return "FAILED: \(what)"
    }

    // MARK: The run

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: work) { try FileManager.default.removeItem(atPath: work) }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let repo = work + "/charter-repo"
        log("scale: \(scale.clauses) clauses, \(scale.revisions) revisions, \(scale.territories) territories, \(scale.workshops) workshops, \(scale.records) records")

        // The text history.
        var generator = TextGenerator(path: repo, clauses: scale.clauses, revisions: scale.revisions, territories: scale.territories)
        let workshopRevisions = Set(TextGenerator.workshopRevisions(workshops: scale.workshops, revisions: scale.revisions))
        var history: TextHistory!
        let generation = try time { history = try generator.generate(snapshotAt: workshopRevisions, log: log) }
        log("text history generated in \(String(format: "%.1f", generation)) s")
        try gitRun(["checkout", "-q", "-f", "main"], in: repo)
        try gitRun(["config", "user.name", "Banc d’essai"], in: repo)
        try gitRun(["config", "user.email", "bench@example.org"], in: repo)
        // As a deployment would keep it: packed, with a commit-graph (what `git gc` writes).
        let gc = try time { _ = try gitRun(["gc", "-q"], in: repo) }
        try gitRun(["commit-graph", "write", "--reachable"], in: repo)
        notes.append("Baseline repository: `git gc` (\(String(format: "%.1f", gc)) s) then `git commit-graph write --reachable` (no changed-path Bloom filters, git's default); the `git log -- path` row is also measured with Bloom filters (`--changed-paths`) for reference.")

        // What starting a process costs here (Foundation's Process, as for every CLI row).
        let startTimes = try repeated(scale.reps * 3) { try run("/bin/true", [], in: repo).seconds }
        let charterStart = try repeated(scale.reps * 3) { try run(charterBinary, ["--version"], in: repo).seconds }
        record(Row(workload: "0. process start", measure: "/bin/true", size: "-", median: Runner.median(startTimes), unit: "s",
                   target: "-", check: "-"))
        record(Row(workload: "0. process start", measure: "charter --version (Swift runtime, no repository)", size: "-",
                   median: Runner.median(charterStart), unit: "s", target: "-", check: "-"))
        try historyWorkloads(repo, history)
        try blameWorkload(repo, history)
        try diffWorkload(repo, history)
        try checkWorkload(repo)

        // The deliberation branch.
        if scale.records > 0 {
            var deliberation = DeliberationGenerator(repository: try Repository.open(at: repo), history: history,
                                                     territories: scale.territories, workshops: scale.workshops, records: scale.records)
            let seconds = try time { _ = try deliberation.generate(log: log) }
            log("deliberation generated in \(String(format: "%.1f", seconds)) s")
            try deliberationWorkloads(repo, history, deliberation)
        }
        try write()
        if !failures.isEmpty {
            throw BenchError("\(failures.count) correctness check(s) failed: \(failures.joined(separator: "; "))")
        }
    }

    // MARK: Workloads 1 and 2: history

    func cacheFolder(_ repo: String) -> String { repo + "/.git/charter" }

    func removeCaches(_ repo: String) {
        try? FileManager.default.removeItem(atPath: cacheFolder(repo))
    }

    func historyWorkloads(_ repo: String, _ history: TextHistory) throws {
        let size = "\(scale.revisions) revisions, \(scale.clauses) clauses"
        // Baseline: git log --raw.
        var gitRaw = Data()
        let gitTimes = try repeated(scale.reps) {
            let output = try gitRun(["log", "--raw", "--no-renames", "--format=%H"], in: repo)
            gitRaw = output.stdout
            return output.seconds
        }
        // Floor: revwalk + tree-entry ids, in process.
        var floorResult = (0, 0)
        let floorTimes = try repeated(scale.reps) { () -> Double in
            time {
                let repository = Floor.open(repo)
                floorResult = Floor.historyWalk(repository, folder: "charter")
                git_repository_free_shim(repository)
            }
        }
        // The engine: the history index built from nothing (cold), then read (warm).
        var revisions: [IndexedRevision] = []
        let coldTimes = try repeated(scale.reps, before: { removeCaches(repo) }) {
            try time {
                let repository = try CharterRepository(discoveringFrom: repo)
                revisions = try repository.indexedHistory()
            }
        }
        let warmTimes = try repeated(scale.reps) {
            try time {
                let repository = try CharterRepository(discoveringFrom: repo)
                revisions = try repository.indexedHistory()
            }
        }
        // Check: same commits, same changed files, same blob ids as git log --raw.
        let parsed = parseRawLog(gitRaw)
        var same = parsed.count == revisions.count
        var mismatch = ""
        if same {
            for (theirs, ours) in zip(parsed, revisions.reversed()) {
                let ourFiles = ours.files.map { ("charter/" + $0.path, $0.newBlob ?? "0000000") }.sorted { $0.0 < $1.0 }
                let theirFiles = theirs.files.filter { $0.path.hasPrefix("charter/") }.sorted { $0.path < $1.path }
                let ok = theirs.commit == ours.id && ourFiles.count == theirFiles.count
                    && zip(ourFiles, theirFiles).allSatisfy { $0.0 == $1.path && $0.1.hasPrefix($1.newBlob.replacingOccurrences(of: ".", with: "")) }
                if !ok { same = false; mismatch = "commit \(ours.id)"; break }
            }
        } else {
            mismatch = "\(revisions.count) revisions vs git's \(parsed.count)"
        }
        let changeCount = revisions.reduce(0) { $0 + $1.files.count }
        let check = verify(same && changeCount == floorResult.1 && revisions.count == floorResult.0,
                           "workload 1: index differs from git log --raw / the floor (\(mismatch); \(changeCount) vs floor \(floorResult.1))")
        let floor = Runner.median(floorTimes)
        record(Row(workload: "1. history of every clause (index pass)", measure: "git log --raw --no-renames", size: size,
                   median: Runner.median(gitTimes), unit: "s", target: "baseline", check: check))
        record(Row(workload: "1. history of every clause (index pass)", measure: "floor: libgit2 revwalk + tree-entry ids", size: size,
                   median: floor, unit: "s", target: "floor", check: check))
        let cold = Runner.median(coldTimes)
        record(Row(workload: "1. history of every clause (index pass)", measure: "charter, cold (no index: build and save it)", size: size,
                   median: cold, unit: "s", baseline: "floor", baselineMedian: floor, ratio: cold / floor,
                   target: "≤ 1.2× floor", met: cold <= 1.2 * floor, check: check))
        let warm = Runner.median(warmTimes)
        record(Row(workload: "1. history of every clause (index pass)", measure: "charter, warm (index present)", size: size,
                   median: warm, unit: "s", baseline: "git log --raw", baselineMedian: Runner.median(gitTimes),
                   ratio: warm / Runner.median(gitTimes), target: "-", check: check))

        // Incremental: N new revisions on top of an indexed tip.
        var incremental: [(Int, Double)] = []
        let repository = try Repository.open(at: repo)
        for count in scale.incremental {
            var base = try repository.head()!
            let perRep = try repeated(max(3, scale.reps / 2), warmup: 0, before: {
                removeCaches(repo)
                _ = try CharterRepository(discoveringFrom: repo).indexedHistory()  // index at the current tip
                base = try appendRevisions(repository, count: count, on: base)
            }) {
                try time { _ = try CharterRepository(discoveringFrom: repo).indexedHistory() }
            }
            incremental.append((count, Runner.median(perRep)))
        }
        try gitRun(["reset", "-q", "--hard", history.commits.last!.hex], in: repo)
        removeCaches(repo)
        let incrementalCheck: String
        if incremental.count >= 2 {
            let (small, smallTime) = incremental[0], (large, largeTime) = incremental[incremental.count - 1]
            // Proportional to N: the time per new revision does not grow with history, and the
            // large step costs far less than a cold pass.
            incrementalCheck = verify(largeTime < cold, "incremental update of \(large) revisions slower than a cold pass")
            for (count, seconds) in incremental {
                record(Row(workload: "1. history of every clause (index pass)", measure: "charter, incremental after \(count) new revisions",
                           size: size, median: seconds, unit: "s", baseline: "cold pass", baselineMedian: cold, ratio: seconds / cold,
                           target: "∝ N", met: nil, check: incrementalCheck))
            }
            notes.append(String(format: "Incremental index update: %d new revisions %.1f ms, %d new revisions %.1f ms (%.2f ms and %.2f ms per revision; a cold pass over %d is %.0f ms).",
                                small, smallTime * 1000, large, largeTime * 1000, smallTime * 1000 / Double(small), largeTime * 1000 / Double(large),
                                scale.revisions, cold * 1000))
        }

        // Workload 2: charter log ID.
        let clause = history.clauseIDs[history.clauseIDs.count / 3]
        let path = "charter/clauses/\(clause).md"
        var gitCommits: [String] = []
        let gitLogTimes = try repeated(scale.reps) {
            let output = try gitRun(["log", "--format=%H", "--", path], in: repo)
            gitCommits = lines(output.stdout)
            return output.seconds
        }
        var floorCommits: [String] = []
        let floorPathTimes = try repeated(scale.reps) {
            let output = try run(benchBinary, ["floor", "path", repo, path], in: repo)
            floorCommits = lines(output.stdout)
            return output.seconds
        }
        var logJSON = Data()
        let logCold = try repeated(scale.reps, before: { removeCaches(repo) }) {
            let output = try run(charterBinary, ["log", clause, "--format", "json"], in: repo)
            logJSON = output.stdout
            return output.seconds
        }
        let logWarm = try repeated(scale.reps) {
            let output = try run(charterBinary, ["log", clause, "--format", "json"], in: repo)
            logJSON = output.stdout
            return output.seconds
        }
        let noIndex = try repeated(max(1, scale.reps / 3), warmup: 0) {
            try run(charterBinary, ["log", clause, "--format", "json"], in: repo, environment: ["CHARTER_NO_INDEX": "1"]).seconds
        }
        // Check: the revisions whose events touch the clause's file are git's commits.
        let entries = try JSONSerialization.jsonObject(with: logJSON) as? [[String: Any]] ?? []
        let fileKinds: Set<String> = ["added", "removed", "modified", "retitled", "fields"]
        let ourCommits = entries.compactMap { entry -> String? in
            guard let revision = entry["revision"] as? [String: Any], let id = revision["id"] as? String,
                  let events = entry["events"] as? [[String: Any]],
                  events.contains(where: { (($0["kinds"] as? [String]) ?? []).contains(where: fileKinds.contains) }) else { return nil }
            return id
        }
        let check2 = verify(ourCommits == gitCommits && floorCommits == gitCommits,
                            "workload 2: charter log \(clause) lists \(ourCommits.count) file changes, git \(gitCommits.count), floor \(floorCommits.count)")
        let size2 = "\(scale.revisions) revisions; \(clause): \(gitCommits.count) file changes, \(entries.count) log entries"
        let gitLog = Runner.median(gitLogTimes), floorPath = Runner.median(floorPathTimes)
        record(Row(workload: "2. charter log ID", measure: "git log --format=%H -- path (commit-graph)", size: size2,
                   median: gitLog, unit: "s", target: "baseline", check: check2))
        // With changed-path Bloom filters, for reference.
        try gitRun(["commit-graph", "write", "--reachable", "--changed-paths"], in: repo)
        let bloomTimes = try repeated(scale.reps) { try gitRun(["log", "--format=%H", "--", path], in: repo).seconds }
        try gitRun(["commit-graph", "write", "--reachable"], in: repo)
        record(Row(workload: "2. charter log ID", measure: "git log -- path with Bloom filters (reference)", size: size2,
                   median: Runner.median(bloomTimes), unit: "s", target: "-", check: check2))
        record(Row(workload: "2. charter log ID", measure: "floor: libgit2 revwalk + entry id (process)", size: size2,
                   median: floorPath, unit: "s", target: "floor", check: check2))
        let cold2 = Runner.median(logCold), warm2 = Runner.median(logWarm)
        record(Row(workload: "2. charter log ID", measure: "charter log ID, cold (no index)", size: size2, median: cold2, unit: "s",
                   baseline: "floor", baselineMedian: floorPath, ratio: cold2 / floorPath, target: "≤ 1.5× floor",
                   met: cold2 <= 1.5 * floorPath, check: check2))
        record(Row(workload: "2. charter log ID", measure: "charter log ID, warm (index present)", size: size2, median: warm2, unit: "s",
                   baseline: "git log -- path", baselineMedian: gitLog, ratio: warm2 / gitLog, target: "≤ 0.2× git",
                   met: warm2 <= 0.2 * gitLog, check: check2))
        record(Row(workload: "2. charter log ID", measure: "charter log ID, CHARTER_NO_INDEX=1 (before this work's index)", size: size2,
                   median: Runner.median(noIndex), unit: "s", baseline: "git log -- path", baselineMedian: gitLog,
                   ratio: Runner.median(noIndex) / gitLog, target: "-", check: check2))
        let recent = try repeated(scale.reps) { try run(charterBinary, ["log", "-n", "20"], in: repo).seconds }
        record(Row(workload: "2. charter log ID", measure: "charter log -n 20 (all clauses, warm)", size: size, median: Runner.median(recent),
                   unit: "s", baseline: "git log -20 --raw", baselineMedian: nil, target: "-", check: "-"))
    }

    /// Adds `count` revisions (one clause edited each) to `main` and returns the new tip.
    func appendRevisions(_ repository: Repository, count: Int, on base: OID) throws -> OID {
        var tip = base
        var tree = try repository.commit(base).tree
        let clauses = try repository.entry(atPath: "charter/clauses", inTree: tree)!
        let files = try repository.treeEntries(clauses.oid)
        for n in 0..<count {
            let file = files[(n * 37) % files.count]
            var data = try repository.blob(file.oid)
            data.append(contentsOf: " ajout\(n)\(Int.random(in: 0...1_000_000)).\n".utf8)
            let blob = try repository.writeBlob(data)
            tree = try repository.updateTree(tree, [.upsert(path: "charter/clauses/\(file.name)", blob: blob)])
            let signature = Signature(name: "Banc", email: "bench@example.org")
            tip = try repository.createCommit(tree: tree, parents: [tip], author: signature, committer: signature, message: "Ajout \(n)\n")
        }
        try repository.updateReference("refs/heads/main", to: tip, expected: base, message: "bench: incremental")
        return tip
    }

    struct RawCommit { var commit: String; var files: [(path: String, newBlob: String)] }

    /// `git log --raw --format=%H` output: commit ids and `:old new mode… status\tpath` lines.
    func parseRawLog(_ data: Data) -> [RawCommit] {
        var result: [RawCommit] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix(":") {
                let parts = line.split(separator: "\t", maxSplits: 1)
                let fields = parts[0].split(separator: " ")
                guard parts.count == 2, fields.count >= 5, !result.isEmpty else { continue }
                let status = fields[4]
                result[result.count - 1].files.append((String(parts[1]), status.hasPrefix("D") ? "0000000" : String(fields[3])))
            } else if line.count == 40 {
                result.append(RawCommit(commit: String(line), files: []))
            }
        }
        return result
    }

    func lines(_ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    // MARK: Workload 3: diff

    func diffWorkload(_ repo: String, _ history: TextHistory) throws {
        let b = history.commits[history.commits.count - 1].hex
        let a = history.commits[history.commits.count - 1 - scale.diffDistance].hex
        var gitOutput = Data()
        let gitTimes = try repeated(scale.reps) {
            let output = try gitRun(["diff", "--word-diff=porcelain", a, b, "--", "charter/"], in: repo)
            gitOutput = output.stdout
            return output.seconds
        }
        var ours = Data()
        let ourTimes = try repeated(scale.reps) {
            let output = try run(charterBinary, ["diff", a, b, "--format", "json"], in: repo)
            ours = output.stdout
            return output.seconds
        }
        let textTimes = try repeated(scale.reps) {
            try run(charterBinary, ["diff", a, b, "--color", "never"], in: repo).seconds
        }
        // Check: same changed clauses, same numbers of words added and removed per clause.
        let theirs = parseWordDiff(gitOutput)
        let json = try JSONSerialization.jsonObject(with: ours) as? [String: Any] ?? [:]
        let clauses = json["clauses"] as? [[String: Any]] ?? []
        var ourCounts: [String: (Int, Int)] = [:]
        var ourNet: [String: [String: Int]] = [:]
        var ourChanged = Set<String>()
        var addedOrRemoved = Set<String>()
        for change in clauses {
            guard let id = change["id"] as? String, let kinds = change["kinds"] as? [String] else { continue }
            let fileKinds = kinds.filter { ["added", "removed", "modified", "retitled", "fields"].contains($0) }
            if fileKinds.isEmpty { continue }
            ourChanged.insert(id)
            if kinds.contains("added") || kinds.contains("removed") { addedOrRemoved.insert(id); continue }
            var inserted = 0, deleted = 0
            var net: [String: Int] = [:]
            func add(_ text: String, _ sign: Int) {
                for word in Runner.words(text) { net[String(word), default: 0] += sign }
                if sign > 0 { inserted += Runner.words(text).count } else { deleted += Runner.words(text).count }
            }
            if let body = change["body"] as? [String: Any], let segments = body["segments"] as? [[String: Any]] {
                for segment in segments {
                    let text = segment["text"] as? String ?? ""
                    switch segment["kind"] as? String {
                    case "inserted": add(text, 1)
                    case "deleted": add(text, -1)
                    default: break
                    }
                }
            }
            if kinds.contains("retitled"), let old = change["oldTitle"] as? String, let new = change["newTitle"] as? String {
                add(new, 1)
                add(old, -1)
            }
            ourCounts[id] = (inserted, deleted)
            ourNet[id] = net.filter { $0.value != 0 }
        }
        let theirChanged = Set(theirs.keys)
        let gitInserted = theirs.values.reduce(0) { $0 + $1.inserted }, gitDeleted = theirs.values.reduce(0) { $0 + $1.deleted }
        // Same words: per clause, the words added and removed (net of words a diff shows as
        // both removed and re-added when it regroups a rewritten phrase) are git's.
        var wordMismatch: [String] = []
        for (id, net) in ourNet where !addedOrRemoved.contains(id) {
            let other = (theirs[id]?.net ?? [:]).filter { $0.value != 0 }
            if net != other { wordMismatch.append("\(id): \(net.count) words differ from git's \(other.count)") }
        }
        let check = verify(ourChanged == theirChanged && wordMismatch.isEmpty,
                           "workload 3: \(ourChanged.symmetricDifference(theirChanged).count) clauses differ; words: \(wordMismatch.prefix(3).joined(separator: "; "))")
        let totalInserted = ourCounts.values.reduce(0) { $0 + $1.0 }, totalDeleted = ourCounts.values.reduce(0) { $0 + $1.1 }
        let size = "\(scale.diffDistance) revisions apart: \(ourChanged.count) clauses changed, +\(totalInserted)/−\(totalDeleted) words (git: +\(gitInserted)/−\(gitDeleted))"
        let git = Runner.median(gitTimes), mine = Runner.median(ourTimes)
        record(Row(workload: "3. charter diff A B", measure: "git diff --word-diff=porcelain A B -- charter/", size: size, median: git,
                   unit: "s", target: "baseline", check: check))
        record(Row(workload: "3. charter diff A B", measure: "charter diff A B --format json", size: size, median: mine, unit: "s",
                   baseline: "git diff --word-diff", baselineMedian: git, ratio: mine / git, target: "≤ 1× git", met: mine <= git, check: check))
        let text = Runner.median(textTimes)
        record(Row(workload: "3. charter diff A B", measure: "charter diff A B (text)", size: size, median: text, unit: "s",
                   baseline: "git diff --word-diff", baselineMedian: git, ratio: text / git, target: "≤ 1× git", met: text <= git, check: check))
    }

    static func words(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber) }
    }

    /// Per clause file: words (letter/digit runs) on `+` and `-` lines of a porcelain word diff,
    /// counted, and as a signed multiset (+1 added, −1 removed).
    func parseWordDiff(_ data: Data) -> [String: (inserted: Int, deleted: Int, net: [String: Int])] {
        var result: [String: (inserted: Int, deleted: Int, net: [String: Int])] = [:]
        var current: String?
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("diff --git ") {
                let path = line.split(separator: " ").last.map(String.init) ?? ""
                current = path.hasPrefix("b/charter/clauses/") ? String(path.dropFirst("b/charter/clauses/".count).dropLast(3)) : nil
                if let current { result[current] = (0, 0, [:]) }
            } else if line.hasPrefix("+++") || line.hasPrefix("---") || line.hasPrefix("@@") {
                continue
            } else if let current, line.hasPrefix("+") || line.hasPrefix("-") {
                let sign = line.hasPrefix("+") ? 1 : -1
                for word in Runner.words(String(line.dropFirst())) {
                    result[current]!.net[String(word), default: 0] += sign
                    if sign > 0 { result[current]!.inserted += 1 } else { result[current]!.deleted += 1 }
                }
            }
        }
        return result
    }

    // MARK: Workload 7: check

    func checkWorkload(_ repo: String) throws {
        var status: Int32 = 0
        var findings = 0
        let times = try repeated(scale.reps) {
            let output = try run(charterBinary, ["check", "--format", "json"], in: repo, allowFailure: true)
            status = output.status
            if let json = try? JSONSerialization.jsonObject(with: output.stdout) as? [String: Any] {
                findings = (json["findings"] as? [Any])?.count ?? 0
            }
            return output.seconds
        }
        let check = verify(status == 0 || status == 1, "workload 7: charter check exited \(status)")
        let median = Runner.median(times)
        record(Row(workload: "7. charter check", measure: "charter check (working tree)", size: "\(scale.clauses) clauses, \(findings) findings",
                   median: median, unit: "s", target: "< 1 s", met: median < 1, check: check))
    }

    // MARK: Workloads 4, 5, 6: deliberation

    func deliberationWorkloads(_ repo: String, _ history: TextHistory, _ generator: DeliberationGenerator) throws {
        let size = "\(scale.records) records, \(scale.workshops) workshops, \(scale.territories) territories"
        // Workload 6 first, on exactly the generated records.
        var floorCount = 0
        let floorTimes = try repeated(max(3, scale.reps / 2)) {
            let output = try run(benchBinary, ["floor", "records", repo], in: repo)
            floorCount = Int(lines(output.stdout).first?.split(separator: " ").first ?? "") ?? -1
            return output.seconds
        }
        // Timed as a facilitator runs it (`charter status`, text); the JSON of a run after each
        // timed series is what the paths are compared on.
        var coldJSON = Data(), warmJSON = Data()
        let coldTimes = try repeated(max(3, scale.reps / 2), warmup: 0, before: { removeCaches(repo) }) {
            try run(charterBinary, ["status"], in: repo).seconds
        }
        removeCaches(repo)
        coldJSON = try run(charterBinary, ["status", "--format", "json"], in: repo).stdout
        let warmTimes = try repeated(scale.reps) {
            try run(charterBinary, ["status"], in: repo).seconds
        }
        let warmJSONTimes = try repeated(max(3, scale.reps / 2)) {
            let output = try run(charterBinary, ["status", "--format", "json"], in: repo)
            warmJSON = output.stdout
            return output.seconds
        }
        var noIndexJSON = Data()
        let noIndexTimes = try repeated(1, warmup: 0) {
            let output = try run(charterBinary, ["status", "--format", "json"], in: repo, environment: ["CHARTER_NO_INDEX": "1"])
            noIndexJSON = output.stdout
            return output.seconds
        }
        let expectedBlobs = scale.records + scale.workshops + history.commits.count * 0  // comments + openings (+ closings, retractions below)
        let check6 = verify(coldJSON == warmJSON && coldJSON == noIndexJSON && floorCount >= expectedBlobs,
                            "workload 6: status differs between cold, warm and CHARTER_NO_INDEX, or the floor read \(floorCount) records")
        let floor = Runner.median(floorTimes), cold = Runner.median(coldTimes), warm = Runner.median(warmTimes)
        record(Row(workload: "6. charter status", measure: "floor: read every record blob with libgit2 (process)", size: "\(floorCount) record files",
                   median: floor, unit: "s", target: "floor", check: check6))
        record(Row(workload: "6. charter status", measure: "charter status, cold (no cache)", size: size, median: cold, unit: "s",
                   baseline: "floor", baselineMedian: floor, ratio: cold / floor, target: "≤ 2× floor", met: cold <= 2 * floor, check: check6))
        record(Row(workload: "6. charter status", measure: "charter status, warm (cache present)", size: size, median: warm, unit: "s",
                   baseline: "floor", baselineMedian: floor, ratio: warm / floor, target: "< 200 ms", met: warm < 0.2, check: check6))
        record(Row(workload: "6. charter status", measure: "charter status --format json, warm (the whole matrix as JSON)", size: size,
                   median: Runner.median(warmJSONTimes), unit: "s", target: "-", check: check6))
        record(Row(workload: "6. charter status", measure: "charter status --format json, CHARTER_NO_INDEX=1", size: size,
                   median: Runner.median(noIndexTimes), unit: "s", baseline: "floor", baselineMedian: floor,
                   ratio: Runner.median(noIndexTimes) / floor, target: "-", check: check6))

        // Workload 4: comment add, one process each, into the last (open) workshop.
        let workshop = generator.workshopID(scale.workshops - 1)
        let people = generator.participants(scale.workshops - 1)
        let ids = history.clauseIDs
        var addTimes: [Double] = []
        let before = try Repository.open(at: repo).reference("refs/heads/deliberation")
        for n in 0..<scale.adds {
            let output = try run(charterBinary, ["comment", "add", "--workshop", workshop, "--territory", people[n % people.count],
                                                 "--clause", ids[(n * 13) % ids.count], "--position", "support",
                                                 "--facilitator", "Animatrice Banc <banc@example.org>"], in: repo)
            addTimes.append(output.seconds)
        }
        let gitRepository = try Repository.open(at: repo)
        let after = try gitRepository.reference("refs/heads/deliberation")!
        let added = try gitRepository.walk(from: [after], hiding: before.map { [$0] } ?? []).count
        let check4 = verify(added == scale.adds, "workload 4: \(added) commits for \(scale.adds) adds")
        let p99 = Runner.percentile(addTimes, 0.99)
        record(Row(workload: "4. charter comment add", measure: "comment add (one process each)", size: "\(scale.adds) adds on \(scale.records) records",
                   median: Runner.median(addTimes), p99: p99, unit: "s", target: "p99 < 50 ms", met: p99 < 0.05, check: check4))

        // Workload 5: import a 10,000-row sheet into a fresh workshop.
        let importWorkshop = "atelier-import"
        try run(charterBinary, ["workshop", "open", importWorkshop, "--title", "Import", "--date", "2026-01-15",
                                "--territories", people.joined(separator: ","), "--facilitator", "Animatrice Banc <banc@example.org>"], in: repo)
        var csv = "territoire;article;position;commentaire\n"
        for n in 0..<scale.importRows {
            let position = ["adhésion", "réserve", "objection", "adhésion"][n % 4]
            csv += "\(people[n % people.count]);\(ids[(n * 7) % ids.count]);\(position);Remarque \(n) sur le texte\n"
        }
        let csvPath = work + "/import.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))
        let importOutput = try run(charterBinary, ["comment", "import", csvPath, "--workshop", importWorkshop,
                                                   "--facilitator", "Animatrice Banc <banc@example.org>"], in: repo)
        let rate = Double(scale.importRows) / importOutput.seconds
        let check5 = verify(String(decoding: importOutput.stdout, as: UTF8.self).contains("\(scale.importRows)"),
                            "workload 5: the import did not report \(scale.importRows) rows")
        record(Row(workload: "5. charter comment import", measure: "import a \(scale.importRows)-row CSV (one process)",
                   size: "\(scale.importRows) rows on \(scale.records) records", median: rate, unit: "rows/s",
                   target: "≥ 20,000 rows/s", met: rate >= 20_000, check: check5))
        notes.append(String(format: "Import of %d rows took %.2f s in all.", scale.importRows, importOutput.seconds))

        // Workload 5b: the same rows as an .xlsx workbook (as the template is filled in), into a fresh workshop.
        let xlsxWorkshop = "atelier-import-xlsx"
        try run(charterBinary, ["workshop", "open", xlsxWorkshop, "--title", "Import xlsx", "--date", "2026-01-15",
                                "--territories", people.joined(separator: ","), "--facilitator", "Animatrice Banc <banc@example.org>"], in: repo)
        let workbook = WorkbookSheet(
            name: "Atelier", columns: ["N° article", "Territoire", "Position", "Commentaire"].map { WorkbookSheet.Column($0) },
            rows: (0..<scale.importRows).map { n in
                [.text(ids[(n * 7) % ids.count]), .text(people[n % people.count]), .text(["favorable", "réserve", "objection", "favorable"][n % 4]),
                 .text("Remarque \(n) sur le texte")]
            })
        let xlsxPath = work + "/import.xlsx"
        try Data(try WorkbookFormat.xlsx.write(workbook)).write(to: URL(fileURLWithPath: xlsxPath))
        let xlsxOutput = try run(charterBinary, ["comment", "import", xlsxPath, "--workshop", xlsxWorkshop,
                                                 "--facilitator", "Animatrice Banc <banc@example.org>"], in: repo)
        let xlsxRate = Double(scale.importRows) / xlsxOutput.seconds
        let check5b = verify(String(decoding: xlsxOutput.stdout, as: UTF8.self).contains("\(scale.importRows) new"),
                             "workload 5b: the .xlsx import did not report \(scale.importRows) new rows")
        record(Row(workload: "5b. charter comment import", measure: "import a \(scale.importRows)-row .xlsx workbook (one process)",
                   size: "\(scale.importRows) rows on \(scale.records) records", median: xlsxRate, unit: "rows/s",
                   target: "≥ 20,000 rows/s", met: xlsxRate >= 20_000, check: check5b))
        notes.append(String(format: "Import of a %d-row .xlsx took %.2f s in all.", scale.importRows, xlsxOutput.seconds))
        let warmAfter = try repeated(3) { try run(charterBinary, ["status"], in: repo).seconds }
        record(Row(workload: "6. charter status", measure: "charter status, warm after the adds and the import (incremental)", size: size,
                   median: Runner.median(warmAfter), unit: "s", target: "< 200 ms", met: Runner.median(warmAfter) < 0.2, check: "-"))
    }

    // MARK: Report

    func write() throws {
        let machine = Runner.machine()
        var md = "# charter benchmark results\n\n"
        md += "Scale: \(scale.clauses) clauses, \(scale.revisions) revisions, \(scale.territories) territories, \(scale.workshops) workshops, \(scale.records) records. "
        md += "Medians of \(scale.reps) runs (after one warm-up run) unless stated. Total run time \(String(format: "%.0f", Date().timeIntervalSince(started))) s.\n\n"
        md += "Machine: \(machine)\n\n"
        md += "| workload | measure | size | median | p99 | vs baseline | ratio | target | met | check |\n"
        md += "|---|---|---|---:|---:|---|---:|---|---|---|\n"
        for row in rows {
            let value: (Double?) -> String = { v in
                guard let v else { return "" }
                return row.unit == "rows/s" ? String(format: "%.0f rows/s", v) : String(format: "%.1f ms", v * 1000)
            }
            let met = row.met.map { $0 ? "yes" : "**no**" } ?? ""
            md += "| \(row.workload) | \(row.measure) | \(row.size) | \(value(row.median)) | \(value(row.p99)) | \(row.baseline ?? "") | \(row.ratio.map { String(format: "%.2f×", $0) } ?? "") | \(row.target) | \(met) | \(row.check) |\n"
        }
        md += "\n" + notes.map { "- \($0)" }.joined(separator: "\n") + "\n"
        if !failures.isEmpty { md += "\n**Correctness checks failed:** \(failures.joined(separator: "; "))\n" }
        try Data(md.utf8).write(to: URL(fileURLWithPath: out + "/results.md"))
        struct Report: Codable { var scale: Bench.Scale; var machine: String; var rows: [Row]; var notes: [String]; var failures: [String] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(Report(scale: scale, machine: machine, rows: rows, notes: notes, failures: failures))
            .write(to: URL(fileURLWithPath: out + "/results.json"))
        print(md)
        log("wrote \(out)/results.md and results.json")
    }

    static func machine() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }.map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "?"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let memory = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal") }.map { String($0.dropFirst(9)).trimmingCharacters(in: .whitespaces) } ?? "?"
        let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores (\(model)), \(memory) memory, libgit2 \(libgit2Version()), load average at the end \(load)"
    }
}
