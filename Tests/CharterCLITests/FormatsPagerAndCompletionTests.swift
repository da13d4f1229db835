import Foundation
import TestSupport
import Testing

/// `--format` offers exactly what each command produces; writes answer in JSON with a versioned
/// schema; long output on a terminal goes through a pager; completions read the repository.
@Suite struct FormatsPagerAndCompletionTests {
    static func json(_ result: RunResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout) \(result.stderr)")
    }

    /// Help text with its line wrapping undone.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func formatsOfferedAreFormatsProduced() throws {
        let workspace = try Workspace.withBundledCharter()
        for command in [["list"], ["show", "1"], ["log"], ["workshop", "list"]] {
            let help = Self.words(try workspace.charter.run(command + ["--help"]).stdout)
            #expect(help.contains("(values: text, json; default: text)"), "\(command): \(help)")
            #expect(!help.contains("markdown"), "\(command)")
            let refused = try workspace.charter.run(command + ["--format", "markdown"])
            #expect(refused.status == 2, "\(command)")
            #expect(refused.stderr.contains("The value 'markdown' is invalid for '--format <format>'"), "\(refused.stderr)")
            let produced = try workspace.charter.run(command + ["--format", "json"])
            #expect(produced.status == 0, "\(command): \(produced.stderr)")
        }
        let diff = Self.words(try workspace.charter.run("diff", "--help").stdout)
        #expect(diff.contains("(values: text, markdown, html, json; default: text)"), "\(diff)")
        // The completion scripts offer the same values.
        let bash = try workspace.charter.run("--generate-completion-script", "bash")
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("-W 'text'$'\\n''json'"))
        #expect(bash.stdout.contains("-W 'text'$'\\n''markdown'$'\\n''html'$'\\n''json'"))
        #expect(!bash.stdout.contains("-W 'text'$'\\n''json'$'\\n''markdown'"))
    }

    @Test func writesAnswerInJSONWithTheirSchema() throws {
        let workspace = try Workspace()
        let initialised = try Self.json(workspace.charter.run("init", "--title", "Charte d’essai", "--commit", "--format", "json"))
        #expect(initialised["schema"] as? String == "charter-init/1")
        #expect(initialised["files"] as? [String] == ["charter/charter.yml", "charter/clauses/preambule.md"])
        let head = try workspace.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(initialised["revision"] as? String == head)

        let d = try Deliberating()
        let opened = try Self.json(d.recorded(["workshop", "open", "lyon", "--title", "Atelier", "--date", "2026-03-14",
                                               "--territories", "haut-verdal", "--facilitator", Deliberating.facilitator,
                                               "--format", "json"], subject: "Open workshop lyon: Atelier").result)
        #expect(opened["schema"] as? String == "charter-workshop-record/1")
        #expect(opened["action"] as? String == "open")
        #expect((opened["workshop"] as? [String: Any])?["id"] as? String == "lyon")
        let closed = try Self.json(d.recorded(["workshop", "close", "lyon", "--facilitator", Deliberating.facilitator, "--format", "json"],
                                              subject: "Close workshop lyon").result)
        #expect((closed["workshop"] as? [String: Any])?["isOpen"] as? Bool == false)

        let version = try Self.json(d.run(["version", "--verbose", "--format", "json"]))
        #expect(version["schema"] as? String == "charter-version/1")
        #expect(version["version"] as? String == "0.1.0")
        #expect(((version["libgit2"] as? [String: Any])?["version"] as? String)?.hasPrefix("1.") == true)

        let added = try Self.json(d.run(["facilitator", "add", "Claire Martin <claire@example.org>", "--territories", "haut-verdal",
                                         "--format", "json"]))
        #expect(added["schema"] as? String == "charter-facilitator-record/1")
        #expect((added["facilitator"] as? [String: Any])?["id"] as? String == "claire-martin")
    }

    /// Runs `charter` under `script`, so that its standard output is a terminal.
    static func onTerminal(_ workspace: Workspace, _ arguments: String, environment: [String: String]) throws -> RunResult {
        let command = "cd '\(workspace.url.path)' && '\(CharterCLI.binary)' \(arguments)"
        return try Shell.run("/usr/bin/script", ["-qec", command, "/dev/null"], in: workspace.url,
                             environment: Shell.environment(home: workspace.url.path, extra: environment))
    }

    @Test func longOutputOnATerminalGoesThroughThePager() throws {
        let workspace = try Workspace.withBundledCharter()
        let pager = ["CHARTER_PAGER": "sed 's/^/page> /'"]
        let paged = try Self.onTerminal(workspace, "list", environment: pager)
        #expect(paged.status == 0, "\(paged.stdout)")
        #expect(paged.stdout.contains("page> Charte du faire alliance"), "\(paged.stdout)")
        #expect(paged.stdout.contains("page>     7. La juste place de chacun  [juste-place]"))
        let fromPAGER = try Self.onTerminal(workspace, "log", environment: ["PAGER": "sed 's/^/more> /'"])
        #expect(fromPAGER.stdout.contains("more> "), "\(fromPAGER.stdout)")
        let direct = try Self.onTerminal(workspace, "list --no-pager", environment: pager)
        #expect(direct.stdout.contains("Charte du faire alliance"))
        #expect(!direct.stdout.contains("page>"), "\(direct.stdout)")
        let cat = try Self.onTerminal(workspace, "list", environment: ["CHARTER_PAGER": "cat", "PAGER": "sed 's/^/more> /'"])
        #expect(!cat.stdout.contains("more>"))
        // Not a terminal: never paged.
        let piped = try workspace.charter.run(["list"], environment: pager)
        #expect(!piped.stdout.contains("page>"))
        #expect(piped.stdout.hasPrefix("Charte du faire alliance\n"))
    }

    /// What the shell gets back for one word, asked the way the generated scripts ask.
    static func complete(_ workspace: Workspace, _ path: [String], _ argument: String, words: [String]) throws -> [String] {
        let current = words.last ?? ""
        let result = try workspace.charter.run(["---completion"] + path + ["--", argument, String(words.count - 1), String(current.count)] + words)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func completionsKnowTheCharter() throws {
        let d = try Deliberating()
        let workspace = d.workspace
        let clauses = try Self.complete(workspace, ["show"], "positional@0", words: ["charter", "show", "ju"])
        #expect(clauses == ["juste-place"], "\(clauses)")
        let numbers = try Self.complete(workspace, ["show"], "positional@0", words: ["charter", "show", "1"])
        #expect(numbers == ["1", "10", "11", "12", "13", "14", "15", "16", "17", "18"], "\(numbers)")
        let territories = try Self.complete(workspace, ["workshop", "open"], "--territories",
                                            words: ["charter", "workshop", "open", "lyon", "--territories", "haut-verdal,p"])
        #expect(territories == ["haut-verdal,plateau-des-mille-sources", "haut-verdal,pays-d-ormanges", "haut-verdal,port-saint-aubin"],
                "\(territories)")
        try d.openWorkshop("lyon", territories: ["haut-verdal"])
        try d.openWorkshop("marseille", territories: ["haut-verdal"])
        let workshops = try Self.complete(workspace, ["workshop", "close"], "positional@0", words: ["charter", "workshop", "close", ""])
        #expect(workshops.sorted() == ["lyon", "marseille"], "\(workshops)")
        let statusWorkshop = try Self.complete(workspace, ["status"], "--workshop", words: ["charter", "status", "--workshop", "ma"])
        #expect(statusWorkshop == ["marseille"])
        // From another folder, through --repo.
        let elsewhere = Scratch("charter-elsewhere")
        let outside = try Shell.run(CharterCLI.binary, ["---completion", "show", "--", "positional@0", "3", "2",
                                                        "charter", "--repo", workspace.url.path, "pr"],
                                    in: elsewhere.url, environment: Shell.environment(home: elsewhere.url.path))
        #expect(outside.stdout.split(separator: "\n") == ["preambule"], "\(outside.stdout) \(outside.stderr)")
        // The generated scripts call back into charter for these words.
        for shell in ["bash", "zsh", "fish"] {
            let script = try workspace.charter.run("--generate-completion-script", shell)
            #expect(script.stdout.contains("---completion"), "\(shell)")
        }
    }
}
