import Foundation
import TestSupport
import Testing

/// Many writers at once, and writers killed mid-way: nothing is lost, nothing is half-written.
@Suite("Deliberation under concurrent writers and killed imports", .serialized)
struct DeliberationConcurrencyTests {
    static let t = Deliberating.territories

    /// Starts `sh -c script` in the repository with `CHARTER` pointing at the binary;
    /// standard error goes to `log`.
    static func start(_ script: String, in d: Deliberating, log: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Shell.which("sh"))
        process.arguments = ["-c", script]
        process.currentDirectoryURL = d.workspace.url
        var environment = Shell.environment(home: d.workspace.url.path)
        environment["CHARTER"] = CharterCLI.binary
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return process
    }

    enum Trigger: CustomStringConvertible {
        case seconds(Double), objects(Int)
        var description: String {
            switch self {
            case .seconds(let delay): return "\(delay) s"
            case .objects(let count): return "\(count) objects written"
            }
        }
    }

    /// Loose objects in `.git/objects`.
    static func looseObjects(_ folder: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.count == 2 }
            .reduce(0) { $0 + ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent($1).path))?.count ?? 0) }
    }

    @Test func eightProcessesAddingFiftyCommentsEachLoseNothing() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.t)
        // All eight start before any is waited for: they race for the branch the whole time.
        let writers = try (0..<8).map { writer in
            try Self.start("""
                i=0
                while [ $i -lt 50 ]; do
                  "$CHARTER" comment add --workshop lyon --territory \(Self.t[writer % 7]) --clause \(writer % 3 + 1) \
                    --position support "writer \(writer) comment $i" || exit 1
                  i=$((i + 1))
                done
                """, in: d, log: d.inputs.url.appendingPathComponent("writer-\(writer).log"))
        }
        for (writer, process) in writers.enumerated() {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0,
                    "writer \(writer): \(d.inputs.read("writer-\(writer).log") ?? "")")
        }

        #expect(try d.files(under: "clauses").count == 400)
        let comments = try d.commentsJSON()
        let expected = Set((0..<8).flatMap { writer in (0..<50).map { "writer \(writer) comment \($0)" } })
        #expect(comments.count == 400)
        #expect(Set(comments.compactMap { $0[path: "comment.comment.text"] as? String }) == expected)
        // One commit per comment on one line of history, each one clock tick after the last.
        #expect(Set(comments.compactMap { $0[path: "comment.clock"] as? Int }) == Set(2...401))
        #expect(try d.git("rev-list", "--count", "deliberation") == "401\n")
        #expect(try d.git("rev-list", "--merges", "deliberation") == "")
        #expect(!FileManager.default.fileExists(atPath: d.workspace.url.path + "/.git/refs/heads/deliberation.lock"))
        #expect(try d.git("status", "--porcelain", "--untracked-files=all") == "")
        try d.expectHealthy()
    }

    @Test func anImportKilledMidWayLeavesAllOrNothing() throws {
        let d = try Deliberating()
        try d.openWorkshop("lyon", territories: Self.t)
        let positions = ["adhésion", "réserve", "objection", ""]
        let rows = (0..<2000).map { row in
            "\(Self.t[row % 7]);\(row % 18 + 1);\(positions[row % 4]);Remarque numéro \(row), « avec des guillemets »"
        }
        let sheet = try d.input("grand.csv", "territoire;article;position;commentaire\n" + rows.joined(separator: "\n") + "\n")
        let opened = try #require(d.tip())

        // SIGKILL while it validates the rows, while it writes the records (after 400 and after
        // 2,500 of its ~4,000 objects), and once more after a delay.
        let objects = d.workspace.url.appendingPathComponent(".git/objects")
        for trigger in [Trigger.seconds(0.2), .objects(400), .objects(2_500), .seconds(1.0)] {
            let baseline = Self.looseObjects(objects)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CharterCLI.binary)
            process.arguments = ["comment", "import", sheet, "--workshop", "lyon"]
            process.currentDirectoryURL = d.workspace.url
            process.environment = Shell.environment(home: d.workspace.url.path)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let started = Date()
            try process.run()
            while process.isRunning {
                switch trigger {
                case .seconds(let delay): if Date().timeIntervalSince(started) >= delay { kill(process.processIdentifier, SIGKILL) }
                case .objects(let count): if Self.looseObjects(objects) - baseline >= count { kill(process.processIdentifier, SIGKILL) }
                }
                usleep(5_000)
            }
            process.waitUntilExit()

            let comments = try d.files(under: "clauses").count
            #expect(comments == 0 || comments == 2000, "killed at \(trigger): \(comments) records")
            #expect(try d.files(under: "imports").count == comments)
            let commits = try d.git("rev-list", "--count", "deliberation").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(commits == (comments == 0 ? "1" : "2"))
            if comments == 0 { #expect(d.tip() == opened) }
            #expect(!FileManager.default.fileExists(atPath: d.workspace.url.path + "/.git/refs/heads/deliberation.lock"))
            #expect(try d.git("status", "--porcelain", "--untracked-files=all") == "")
            try d.expectHealthy()
        }

        // Whatever happened, the import then runs to its end, and every row is there once.
        let finish = try d.run(["comment", "import", sheet, "--workshop", "lyon"])
        #expect(finish.status == 0, "\(finish.stderr)")
        let read = "  CSV in UTF-8, separator ;, column names read on row 1\n"
        #expect(finish.stdout == "Imported into lyon: 2000 new, 0 corrected, 0 unchanged.\n" + read
                || finish.stdout == "Imported into lyon: 0 new, 0 corrected, 2000 unchanged.\n" + read)
        #expect(try d.files(under: "clauses").count == 2000)
        #expect(try d.git("rev-list", "--count", "deliberation") == "2\n")
        try d.expectHealthy()
    }
}
