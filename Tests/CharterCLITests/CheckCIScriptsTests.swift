import Foundation
import TestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("docs/ci: the pre-commit hook and the GitHub workflow's commands, run for real")
struct CheckCIScriptsTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/ci")

    static func environment(_ workspace: Workspace, _ extra: [String: String]) -> [String: String] {
        Shell.environment(home: workspace.url.path, extra: extra)
    }

    static let badClause = "---\nid: juste-place\ntitle: La juste place\n---\n\nChacun à sa place : rien de plus.\n"
    static let goodClause = "---\nid: juste-place\ntitle: La juste place\n---\n\nChacun à sa place\u{A0}: rien de plus.\n"

    @Test func preCommitHookRefusesABadClauseAndAcceptsAGoodOne() throws {
        let workspace = try Workspace.withBundledCharter()
        let hook = workspace.url.appendingPathComponent(".git/hooks/pre-commit")
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.docs.appendingPathComponent("pre-commit"), to: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        let environment = Self.environment(workspace, ["CHARTER": CharterCLI.binary])
        func commit(_ message: String) throws -> RunResult {
            try Shell.run(Shell.which("git"), ["commit", "-q", "-m", message], in: workspace.url, environment: environment)
        }
        let head = try workspace.git("rev-parse", "HEAD")

        try workspace.write("charter/clauses/juste-place.md", Self.badClause)
        try workspace.git("add", "-A")
        let refused = try commit("Une faute")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("charter/clauses/juste-place.md:6:18: error [typography/nbsp]"), "\(refused.stderr)")
        #expect(refused.stderr.contains("pre-commit: the staged charter text has problems"))
        #expect(try workspace.git("rev-parse", "HEAD") == head)

        // The index is what is checked: a good staged text passes even when the working tree is bad.
        try workspace.write("charter/clauses/juste-place.md", Self.goodClause)
        try workspace.git("add", "-A")
        try workspace.write("charter/clauses/juste-place.md", Self.badClause)
        let accepted = try commit("Corrigé")
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try workspace.git("show", "HEAD:charter/clauses/juste-place.md") == Self.goodClause)

        // A commit that touches no charter file does not run charter at all.
        try workspace.git("checkout", "--", "charter")
        try workspace.write("LISEZMOI.md", "Bonjour\n")
        try workspace.git("add", "LISEZMOI.md")
        let elsewhere = try Shell.run(Shell.which("git"), ["commit", "-q", "-m", "Autre"], in: workspace.url,
                                      environment: Self.environment(workspace, ["CHARTER": "/nonexistent/charter"]))
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
    }

    /// One `run:` step of the workflow.
    struct Step {
        var name: String
        var condition: String?
        var script: String
    }

    /// The workflow's `run:` steps, in order, without those marked `# ci-test: skip`.
    static func steps() throws -> [Step] {
        let text = try String(contentsOf: docs.appendingPathComponent("github-workflow.yml"), encoding: .utf8)
        var steps: [Step] = []
        var current: (name: String, condition: String?, script: [String]?, skip: Bool)?
        var inRun = false
        func flush() {
            if let step = current, let script = step.script, !step.skip {
                steps.append(Step(name: step.name, condition: step.condition, script: script.joined(separator: "\n")))
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if inRun {
                if trimmed.isEmpty || indent >= 10 {
                    current?.script?.append(String(line.dropFirst(min(indent, 10))))
                    continue
                }
                inRun = false
            }
            if indent == 6, trimmed.hasPrefix("- ") {
                flush()
                current = ("", nil, nil, false)
            }
            let field = indent == 6 && trimmed.hasPrefix("- ") ? String(trimmed.dropFirst(2)) : trimmed
            if field.hasPrefix("name: ") { current?.name = String(field.dropFirst(6)) }
            if field.hasPrefix("if: ") { current?.condition = String(field.dropFirst(4)) }
            if field.hasPrefix("# ci-test: skip") { current?.skip = true }
            if field == "run: |" {
                current?.script = []
                inRun = true
            }
        }
        flush()
        return steps
    }

    /// Runs the steps as GitHub would (bash -eo pipefail, later steps skipped
    /// after a failure unless `if: always()`); returns each step's result, and the steps skipped.
    static func runWorkflow(in directory: URL, event: String, environment: [String: String]) throws -> (results: [String: RunResult], skipped: Set<String>) {
        var results: [String: RunResult] = [:]
        var skipped: Set<String> = []
        var failed = false
        for step in try steps() {
            let runs: Bool
            switch step.condition {
            case nil: runs = !failed
            case "always()": runs = true
            case "github.event_name == 'pull_request'": runs = !failed && event == "pull_request"
            case let other?:
                Issue.record("the test does not know the condition `\(other)` of step \(step.name)")
                runs = false
            }
            guard runs else {
                skipped.insert(step.name)
                continue
            }
            let result = try Shell.run("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.script],
                                       in: directory, environment: environment)
            if result.status != 0 { failed = true }
            results[step.name] = result
        }
        return (results, skipped)
    }

    @Test func theWorkflowCommandsPassACleanPushAndAnnotateAFaultyPullRequest() throws {
        let steps = try Self.steps()
        #expect(steps.map(\.name) == ["Check the changed clauses", "Check the whole charter", "Write the reports"])
        #expect(steps.allSatisfy { !$0.script.contains("${{") }, "run scripts read the environment, not expressions")

        // origin holds main; a pull request branch adds a fault on one line.
        let scratch = Scratch("charter-workflow")
        let origin = GitCLI(scratch.url.appendingPathComponent("origin.git"))
        try origin.initialise(bare: true)
        let author = try Workspace.withBundledCharter()
        try author.git("remote", "add", "origin", origin.directory.path)
        try author.git("push", "-q", "origin", "main")
        try author.git("checkout", "-q", "-b", "pull")
        try author.write("charter/clauses/juste-place.md", Self.badClause)
        try author.git.commitAll("Une faute")
        try author.git("push", "-q", "origin", "pull")

        let clone = scratch.url.appendingPathComponent("clone")
        try GitCLI(scratch.url)("clone", "-q", origin.directory.path, clone.path)
        let git = GitCLI(clone)
        func environment(_ event: String) -> [String: String] {
            Shell.environment(home: scratch.url.path, extra: [
                "CHARTER": CharterCLI.binary, "CHARTER_DIR": "charter", "GITHUB_EVENT_NAME": event,
                "GITHUB_BASE_REF": "main", "GITHUB_ENV": scratch.url.appendingPathComponent("github-env").path,
                "RUNNER_TEMP": scratch.url.path,
            ])
        }

        // A push on main: every step passes and both reports are written.
        let push = try Self.runWorkflow(in: clone, event: "push", environment: environment("push"))
        #expect(push.skipped == ["Check the changed clauses"])
        #expect(push.results["Check the whole charter"]?.status == 0)
        #expect(push.results["Check the whole charter"]?.stdout == "no problems in 18 clauses\n")
        #expect(push.results["Write the reports"]?.status == 0)
        let junit = try XMLDocument(contentsOf: clone.appendingPathComponent("charter-check.xml"))
        #expect(try junit.nodes(forXPath: "//failure").isEmpty)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: clone.appendingPathComponent("charter-check.sarif"))) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")

        // The pull request: annotated on the changed line, the job fails, the reports are still written.
        try git("checkout", "-q", "pull")
        let pull = try Self.runWorkflow(in: clone, event: "pull_request", environment: environment("pull_request"))
        let changed = try #require(pull.results["Check the changed clauses"])
        #expect(changed.status == 1)
        #expect(changed.stdout.hasPrefix("::error file=charter/clauses/juste-place.md,line=6,col=18,"))
        #expect(pull.skipped == ["Check the whole charter"], "skipped after the failure")
        #expect(pull.results["Write the reports"]?.status == 0)
        let failing = try XMLDocument(contentsOf: clone.appendingPathComponent("charter-check.xml"))
        #expect(try failing.nodes(forXPath: "//testcase[failure]/@name").compactMap(\.stringValue) == ["juste-place"])
    }
}
