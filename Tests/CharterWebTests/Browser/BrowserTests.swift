import Foundation
import Synchronization
import TestSupport
import Testing

/// A facilitator's path in a real browser: headless Chromium, driven through the DevTools
/// protocol, against `charter serve` on a scratch repository. Screenshots go to
/// `.build/screenshots/`; the assertions are on the recorded data.
@Suite("Real browser", .serialized)
struct BrowserTests {
    static let chromium: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["CHARTER_CHROMIUM"], FileManager.default.isExecutableFile(atPath: given) { return given }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/screenshots", isDirectory: true)

    static let territories = ["vallee-de-la-sorgeac", "haut-verdal", "pays-d-ormanges", "port-saint-aubin"]
    static let reason = "Les comptes rendus doivent être publiés plus vite."

    @Test("sign in, open the workshop grid, record three positions, see the status change",
          .enabled(if: BrowserTests.chromium != nil, "Chromium is not installed (make test installs Debian's chromium): the real-browser test is skipped"),
          .timeLimit(.minutes(3)))
    func facilitatorPath() throws {
        if BrowserTests.chromium == nil { print("Real-browser test skipped: chromium is not installed.") }
        let binary = CharterCLIBinary.path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "the charter binary is built")
        // A scratch repository: the bundled charter, a workshop, one position already there, a facilitator.
        let scratch = Scratch("charter-browser")
        let git = GitCLI(scratch.url)
        try git.initialise()
        try FileManager.default.copyItem(at: ConsoleFixture.bundledCharter, to: scratch.url.appendingPathComponent("charter"))
        try git.commitAll("Charte initiale")
        func charter(_ arguments: [String]) throws -> String {
            let result = try Shell.run(binary, arguments, in: scratch.url, environment: Shell.environment(home: scratch.path))
            try #require(result.status == 0, "charter \(arguments.joined(separator: " ")): \(result.stderr)")
            return result.stdout
        }
        try charter(["workshop", "open", "atelier", "--title", "Atelier du navigateur", "--date", "2026-05-04", "--place", "Lyon",
                     "--territories", BrowserTests.territories.joined(separator: ","), "--facilitator", "Karim Benali <karim@example.org>"])
        try charter(["comment", "add", "--workshop", "atelier", "--territory", "vallee-de-la-sorgeac", "--clause", "gouvernance-partagee",
                     "--position", "support", "--facilitator", "Karim Benali <karim@example.org>"])
        try charter(["facilitator", "add", "Claire Martin <claire.martin@example.org>", "--territories", "haut-verdal,pays-d-ormanges,port-saint-aubin"])
        #expect(try BrowserTests.status(charter, "gouvernance-partagee") == "open", "one position of four: quorum not met")

        // The console.
        let server = try BackgroundProcess(binary, ["serve", "--port", "0"], in: scratch.url, environment: Shell.environment(home: scratch.path))
        defer { server.stop() }
        let announced = try server.waitForOutput(containing: "/signin/", timeout: 60)
        let base = try #require(announced.firstMatch(of: /charter console: (http:\/\/127\.0\.0\.1:\d+)\//)?.1).description
        let signIn = try #require(announced.firstMatch(of: /(http:\/\/127\.0\.0\.1:\d+\/signin\/[0-9a-f]{64})/)?.1).description

        // The browser.
        let profile = Scratch("charter-chromium")
        let browser = try BackgroundProcess(BrowserTests.chromium!, [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--user-data-dir=\(profile.path)", "--remote-debugging-port=0",
            "--window-size=1366,900", "about:blank",
        ], in: profile.url, environment: ProcessInfo.processInfo.environment)
        defer { browser.stop() }
        let portFile = profile.url.appendingPathComponent("DevToolsActivePort")
        let deadline = Date().addingTimeInterval(60)
        var lines: [String] = []
        while Date() < deadline {
            lines = (try? String(contentsOf: portFile, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
            if lines.count >= 2 { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let port = try #require(lines.first.flatMap { Int($0) }, "Chromium wrote no DevToolsActivePort: \(browser.output)")
        let page = try DevTools(port: port, browserPath: lines[1])
        defer { page.closeBrowser() }
        let shots = BrowserTests.screenshots
        try? FileManager.default.removeItem(at: shots)

        // 1. Sign in with the one-time link.
        try page.navigate(signIn)
        try page.screenshot(to: shots.appendingPathComponent("01-sign-in.png"))
        try page.evaluate("document.getElementById('sign-in').click(); true")
        try page.waitFor(url: { $0 == "\(base)/workshops" })
        #expect(try page.evaluate("document.querySelector('.who').dataset.facilitator") as? String == "claire-martin")

        // 2. The workshop's grid.
        try page.navigate("\(base)/workshops/atelier")
        let editable = try page.evaluate("document.querySelectorAll('select[name^=\"p.\"]').length") as? Int
        #expect(editable == 18 * 3, "18 clauses × Claire's 3 territories")
        try page.screenshot(to: shots.appendingPathComponent("02-grid.png"))

        // 3. Three positions, typed as people speak, then saved.
        let fill = """
            (function () {
              function set(name, value) {
                var field = document.querySelector('[name="' + name + '"]');
                if (!field) throw new Error('no field ' + name);
                field.focus(); field.value = value;
                field.dispatchEvent(new Event('input', { bubbles: true }));
                field.dispatchEvent(new Event('change', { bubbles: true }));
              }
              set('p.gouvernance-partagee.haut-verdal', 'support');
              set('p.gouvernance-partagee.pays-d-ormanges', 'support');
              set('p.gouvernance-partagee.port-saint-aubin', 'reservation');
              set('c.gouvernance-partagee.port-saint-aubin', \(BrowserTests.javaScriptString(BrowserTests.reason)));
              document.querySelector('tr[data-clause="gouvernance-partagee"]').scrollIntoView({ block: 'center' });
              return document.querySelectorAll('td.changed').length;
            })()
            """
        #expect(try page.evaluate(fill) as? Int == 3)
        try page.screenshot(to: shots.appendingPathComponent("03-grid-filled.png"))
        try page.evaluate("document.getElementById('save-grid').click(); true")
        try page.waitFor(url: { $0.contains("/workshops/atelier?recorded=3") })
        #expect(try page.evaluate("document.querySelector('.notice').textContent") as? String == "3 cases enregistrées.")
        try page.screenshot(to: shots.appendingPathComponent("04-grid-saved.png"))

        // 4. The status changed: the heatmap as of the workshop says so.
        try page.navigate("\(base)/status?workshop=atelier")
        #expect(try page.evaluate("document.querySelector('tr[data-clause=\"gouvernance-partagee\"]').dataset.status") as? String
                == "consensus-with-reservations")
        try page.screenshot(to: shots.appendingPathComponent("05-status.png"))
        try page.navigate("\(base)/clauses/gouvernance-partagee")
        try page.screenshot(to: shots.appendingPathComponent("06-clause.png"))

        // The recorded data, read back with the CLI: three comments by Claire, as entered.
        let listed = try charter(["comment", "list", "--workshop", "atelier", "--format", "json"])
        let comments = try #require(JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let recorded = comments.compactMap { view -> (String, String, String, String)? in
            guard let record = view["comment"] as? [String: Any], let comment = record["comment"] as? [String: Any],
                  let facilitator = record["facilitator"] as? [String: Any], facilitator["name"] as? String == "Claire Martin" else { return nil }
            return (comment["territory"] as? String ?? "", comment["clause"] as? String ?? "", comment["position"] as? String ?? "",
                    comment["text"] as? String ?? "")
        }
        // In the grid's order: the manifest's order of territories.
        #expect(recorded.map(\.0) == ["pays-d-ormanges", "haut-verdal", "port-saint-aubin"])
        #expect(recorded.allSatisfy { $0.1 == "gouvernance-partagee" })
        #expect(recorded.map(\.2) == ["support", "support", "reservation"])
        #expect(recorded.map(\.3) == ["", "", BrowserTests.reason])
        #expect(try BrowserTests.status(charter, "gouvernance-partagee") == "consensus-with-reservations")
        for name in ["01-sign-in", "02-grid", "03-grid-filled", "04-grid-saved", "05-status", "06-clause"] {
            let file = shots.appendingPathComponent("\(name).png")
            #expect(FileManager.default.fileExists(atPath: file.path), "\(name)")
        }
        print("Screenshots of the facilitator's path: \(shots.path)")

        // Ctrl-C stops the console cleanly.
        #expect(server.interrupt(timeout: 15) == 0)
    }

    /// A clause's status as of the workshop, from `charter status --workshop atelier --format json`.
    static func status(_ charter: ([String]) throws -> String, _ clause: String) throws -> String? {
        let text = try charter(["status", "--workshop", "atelier", "--format", "json"])
        let matrix = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let rows = matrix?["rows"] as? [[String: Any]] ?? []
        return rows.first { $0["clause"] as? String == clause }?["status"] as? String
    }

    static func javaScriptString(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text])
        return String(decoding: data ?? Data("[\"\"]".utf8), as: UTF8.self).dropFirst().dropLast().description
    }
}

/// A program run in the background, its output collected; stopped when the test ends.
final class BackgroundProcess: Sendable {
    private let process: Process
    private let collected = OutputBuffer()

    final class OutputBuffer: Sendable {
        let text = Mutex("")
    }

    init(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        self.process = process
        let collected = self.collected
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil; return }
            collected.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    var output: String { collected.text.withLock { $0 } }

    func waitForOutput(containing text: String, timeout: TimeInterval) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let output = self.output
            if output.contains(text) { return output }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw WebSocketConnection.Failure(description: "no « \(text) » in the output: \(output)")
    }

    /// Sends SIGINT (Ctrl-C) and waits; the exit status, or nil when it did not stop in time.
    func interrupt(timeout: TimeInterval) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        process.interrupt()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return process.isRunning ? nil : process.terminationStatus
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
