import Foundation
import Synchronization
import TestSupport
import Testing

/// The console as the room and the territories use it, in headless Chromium against the real
/// `charter serve`: trustworthy saves (F5, an unchanged save, a refused cell), the projection
/// view following saves made in another browser, a representative on a phone, a restart, no
/// sideways scrolling at 1024×768, and axe-core on every page. Screenshots of every page at
/// 1024×768 and 390 px go to `.build/screenshots/console/`.
@Suite("Console in a real browser", .serialized)
struct ConsoleBrowserTests {
    static let territories = ["vallee-de-la-sorgeac", "plateau-des-mille-sources", "pays-d-ormanges", "haut-verdal",
                              "port-saint-aubin", "ile-de-keraven", "bassin-de-carvignac"]
    static let shots = BrowserTests.screenshots.appendingPathComponent("console", isDirectory: true)

    /// axe-core, as bundled in PyPI's `axe-selenium-python` (`make test` installs it), or `CHARTER_AXE`.
    static let axe: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["CHARTER_AXE"], FileManager.default.fileExists(atPath: given) { return given }
        let found = try? Shell.run("/usr/bin/env", ["python3", "-c",
            "import axe_selenium_python, os; print(os.path.join(os.path.dirname(axe_selenium_python.__file__), 'node_modules', 'axe-core', 'axe.min.js'))"],
            in: URL(fileURLWithPath: NSTemporaryDirectory()), environment: environment)
        let path = found?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// A scratch repository with the bundled charter, the workshop `salle` open for the seven
    /// territories, and Claire, who records for all seven.
    final class Rig {
        let scratch = Scratch("charter-console-browser")
        let profile = Scratch("charter-console-chromium")
        let binary = CharterCLIBinary.path
        var server: BackgroundProcess?
        var browser: BackgroundProcess?
        var base = ""
        var signIn = ""
        var devToolsPort = 0
        var devToolsPath = ""

        init() throws {
            try #require(FileManager.default.isExecutableFile(atPath: binary), "the charter binary is built")
            let git = GitCLI(scratch.url)
            try git.initialise()
            try FileManager.default.copyItem(at: ConsoleFixture.bundledCharter, to: scratch.url.appendingPathComponent("charter"))
            try git.commitAll("Charte initiale")
            try charter(["workshop", "open", "salle", "--title", "Atelier en salle", "--date", "2026-12-01", "--place", "Lyon",
                         "--territories", ConsoleBrowserTests.territories.joined(separator: ","), "--facilitator", "Karim Benali <karim@example.org>"])
            try charter(["facilitator", "add", "Claire Martin <claire.martin@example.org>", "--territories", ConsoleBrowserTests.territories.joined(separator: ",")])
        }

        @discardableResult
        func charter(_ arguments: [String]) throws -> String {
            let result = try Shell.run(binary, arguments, in: scratch.url, environment: Shell.environment(home: scratch.path))
            try #require(result.status == 0, "charter \(arguments.joined(separator: " ")): \(result.stderr)")
            return result.stdout
        }

        /// Starts `charter serve` (on `port`, 0 for any) and reads its address and Claire's link.
        func serve(port: Int = 0) throws {
            let server = try BackgroundProcess(binary, ["serve", "--port", String(port)], in: scratch.url, environment: Shell.environment(home: scratch.path))
            self.server = server
            let announced = try server.waitForOutput(containing: "/signin/", timeout: 60)
            base = try #require(announced.firstMatch(of: /charter console: (http:\/\/127\.0\.0\.1:\d+)\//)?.1).description
            signIn = try #require(announced.firstMatch(of: /(http:\/\/127\.0\.0\.1:\d+\/signin\/[0-9a-f]{64})/)?.1).description
        }

        func startBrowser() throws {
            let browser = try BackgroundProcess(BrowserTests.chromium!, [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--user-data-dir=\(profile.path)", "--remote-debugging-port=0",
                "--window-size=1024,768", "about:blank",
            ], in: profile.url, environment: ProcessInfo.processInfo.environment)
            self.browser = browser
            let portFile = profile.url.appendingPathComponent("DevToolsActivePort")
            let deadline = Date().addingTimeInterval(60)
            var lines: [String] = []
            while Date() < deadline {
                lines = (try? String(contentsOf: portFile, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
                if lines.count >= 2 { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            devToolsPort = try #require(lines.first.flatMap { Int($0) }, "Chromium wrote no DevToolsActivePort: \(browser.output)")
            devToolsPath = lines[1]
        }

        /// A new tab; `isolated`: another person's browser (its own cookies).
        func page(isolated: Bool = false) throws -> DevTools {
            let page = try DevTools(port: devToolsPort, browserPath: devToolsPath, isolated: isolated)
            try page.viewport(width: 1024, height: 768)
            return page
        }

        /// The comments recorded, as the CLI lists them.
        func comments() throws -> [[String: Any]] {
            let listed = try charter(["comment", "list", "--workshop", "salle", "--format", "json"])
            return try #require(JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        }

        func stop() {
            server?.stop()
            browser?.stop()
        }
    }

    /// Sets form fields as a person types (input and change events).
    static func fill(_ page: DevTools, _ values: [(String, String)]) throws {
        let assignments = values.map { "set(\(BrowserTests.javaScriptString($0.0)), \(BrowserTests.javaScriptString($0.1)));" }.joined(separator: "\n")
        try page.evaluate("""
            (function () {
              function set(name, value) {
                var field = document.querySelector('[name="' + name + '"]');
                if (!field) throw new Error('no field ' + name);
                field.focus(); field.value = value;
                field.dispatchEvent(new Event('input', { bubbles: true }));
                field.dispatchEvent(new Event('change', { bubbles: true }));
              }
              \(assignments)
              return true;
            })()
            """)
    }

    /// Waits for an element (the page a form's POST answered, which keeps the form's URL).
    static func waitForElement(_ page: DevTools, _ selector: String, timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? page.evaluate("document.readyState === 'complete' && !!document.querySelector(\(BrowserTests.javaScriptString(selector)))")) as? Bool == true { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw DevTools.Failure(description: "no \(selector) in time")
    }

    static func value(_ page: DevTools, _ name: String) throws -> String? {
        try page.evaluate("(document.querySelector('[name=\"\(name)\"]') || {}).value") as? String
    }

    /// No sideways scrolling: the page is no wider than the window.
    static func fitsWidth(_ page: DevTools) throws -> Bool {
        try page.evaluate("document.documentElement.scrollWidth <= window.innerWidth") as? Bool == true
    }

    /// axe-core's serious and critical violations on the page (its WCAG 2 A and AA rules: the copy bundled in axe-selenium-python predates the wcag21 tags).
    static func axeViolations(_ page: DevTools, source: String) throws -> [String] {
        try page.call("Runtime.evaluate", ["expression": source + "\n;true"])
        let result = try page.evaluate("""
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }).then(function (r) {
              return r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '); });
            })
            """)
        return result as? [String] ?? ["axe did not run: \(String(describing: result))"]
    }

    @Test("saves: an unchanged save and F5 record nothing, a refused cell keeps every typed value; the room: projection follows another browser's saves within 2 s, 1024×768 without sideways scrolling, axe on every page",
          .enabled(if: BrowserTests.chromium != nil, "Chromium is not installed (make test installs Debian's chromium)"),
          .timeLimit(.minutes(5)))
    func room() throws {
        let rig = try Rig()
        defer { rig.stop() }
        try rig.serve()
        try rig.startBrowser()
        try? FileManager.default.removeItem(at: ConsoleBrowserTests.shots)
        let shots = ConsoleBrowserTests.shots
        let page = try rig.page()
        defer { page.closeBrowser() }
        let base = rig.base

        try page.navigate(rig.signIn)
        try page.evaluate("document.getElementById('sign-in').click(); true")
        try page.waitFor(url: { $0 == "\(base)/workshops" })

        // The grid for seven territories at 1024×768: no sideways scrolling, header row and first column sticky.
        try page.navigate("\(base)/workshops/salle")
        #expect(try page.evaluate("document.querySelectorAll('select[name^=\"p.\"]').length") as? Int == 18 * 7)
        #expect(try ConsoleBrowserTests.fitsWidth(page), "the grid of 7 territories fits 1024 px")
        #expect(try page.evaluate("document.querySelector('.grid-wrap').scrollWidth <= document.querySelector('.grid-wrap').clientWidth + 1") as? Bool == true,
                "not even inside the grid")
        let sticky = try page.evaluate("""
            (function () {
              var wrap = document.querySelector('.grid-wrap');
              wrap.scrollTop = 600;
              var head = document.querySelector('table.grid thead th[data-territory]').getBoundingClientRect();
              var box = wrap.getBoundingClientRect();
              return Math.abs(head.top - box.top) < 3;
            })()
            """) as? Bool
        #expect(sticky == true, "the territories' row stays visible when the grid scrolls")
        try page.evaluate("document.querySelector('.grid-wrap').scrollTop = 0; true")
        try page.screenshot(to: shots.appendingPathComponent("grid-1024.png"))

        // 1. An unchanged save records nothing.
        let tip0 = try rig.comments().count
        try page.evaluate("document.getElementById('save-grid').click(); true")
        try page.waitFor(url: { $0.contains("/workshops/salle?recorded=0") })
        #expect(try rig.comments().count == tip0)
        #expect((try page.evaluate("document.querySelector('.notice').textContent") as? String)?.hasPrefix("Rien à enregistrer") == true)

        // 2. A save, then F5 on the page it led to: recorded once.
        try ConsoleBrowserTests.fill(page, [("p.gouvernance-partagee.haut-verdal", "support"), ("p.gouvernance-partagee.pays-d-ormanges", "objection"),
                                            ("c.gouvernance-partagee.pays-d-ormanges", "Qui décide ?")])
        #expect(try page.evaluate("localStorage.length") as? Int == 1, "what is typed is kept in the browser")
        try page.evaluate("document.getElementById('save-grid').click(); true")
        try page.waitFor(url: { $0.contains("/workshops/salle?recorded=2") })
        #expect(try page.evaluate("localStorage.length") as? Int == 0, "cleared once saved")
        #expect(try rig.comments().count == 2)
        try page.reload()
        try page.reload()
        #expect(try rig.comments().count == 2, "F5 after a save records nothing")
        // Ctrl+S saves the grid, from whichever cell has the focus.
        try ConsoleBrowserTests.fill(page, [("p.gouvernance-partagee.ile-de-keraven", "support")])
        try page.evaluate("document.querySelector('[name=\"p.gouvernance-partagee.ile-de-keraven\"]').focus(); true")
        try page.call("Input.dispatchKeyEvent", ["type": "keyDown", "key": "s", "code": "KeyS", "windowsVirtualKeyCode": 83, "modifiers": 2])
        try page.call("Input.dispatchKeyEvent", ["type": "keyUp", "key": "s", "code": "KeyS", "windowsVirtualKeyCode": 83, "modifiers": 2])
        try page.waitFor(url: { $0.contains("/workshops/salle?recorded=1") })
        #expect(try rig.comments().count == 3, "Ctrl+S recorded the changed cell")

        // 3. A refused cell: every typed value stays, the message is at the cell, the focus on it; F5 records nothing twice.
        try ConsoleBrowserTests.fill(page, [("p.juste-place.haut-verdal", "reservation"), ("c.juste-place.haut-verdal", ""),
                                            ("p.juste-place.ile-de-keraven", "support"), ("c.juste-place.ile-de-keraven", "D’accord."),
                                            ("c.preambule.bassin-de-carvignac", "Une question sur le préambule.")])
        try page.evaluate("document.getElementById('save-grid').click(); true")
        try page.waitFor(url: { $0.hasSuffix("/workshops/salle/grid") })
        #expect(try ConsoleBrowserTests.value(page, "p.juste-place.haut-verdal") == "reservation")
        #expect(try ConsoleBrowserTests.value(page, "p.juste-place.ile-de-keraven") == "support")
        #expect(try ConsoleBrowserTests.value(page, "c.juste-place.ile-de-keraven") == "D’accord.")
        #expect(try ConsoleBrowserTests.value(page, "c.preambule.bassin-de-carvignac") == "Une question sur le préambule.")
        #expect((try page.evaluate("document.querySelector('#e-juste-place--haut-verdal').textContent") as? String)?
            .hasPrefix("Une réserve ou une objection doit donner sa raison") == true)
        #expect(try page.evaluate("document.activeElement && document.activeElement.name") as? String == "p.juste-place.haut-verdal",
                "the faulty cell has the focus")
        try page.screenshot(to: shots.appendingPathComponent("grid-refused-cell-1024.png"))
        #expect(try rig.comments().count == 5)
        try page.reload()
        #expect(try rig.comments().count == 5, "F5 on the refused save's page records nothing twice")
        // Enter in a one-line field does not send the form.
        try page.navigate("\(base)/clauses/juste-place")
        try ConsoleBrowserTests.fill(page, [("quote", "chacun")])
        try page.call("Input.dispatchKeyEvent", ["type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"])
        try page.call("Input.dispatchKeyEvent", ["type": "keyUp", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13])
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try page.evaluate("location.pathname") as? String == "/clauses/juste-place")
        #expect(try rig.comments().count == 5, "Enter in « Citation » sent nothing")

        // 4. The projection view, in the room's browser; a save from another browser (another session).
        try page.navigate("\(base)/workshops/salle/projection/juste-place")
        #expect(try ConsoleBrowserTests.fitsWidth(page))
        try page.screenshot(to: shots.appendingPathComponent("projection-1024.png"))
        try page.evaluate("window.__loadedAt = Date.now(); true")
        let other = try rig.page(isolated: true)
        // Karim, the representative of Port-Saint-Aubin, joins from his own browser through an invitation.
        try page.navigate("\(base)/invitations")
        try ConsoleBrowserTests.fill(page, [("name", "Karim Benali"), ("territory", "port-saint-aubin"), ("days", "7")])
        try page.evaluate("document.getElementById('invite').click(); true")
        try ConsoleBrowserTests.waitForElement(page, "#invitation-link")
        let joinLink = try #require(try page.evaluate("document.getElementById('invitation-link').value") as? String)
        try page.screenshot(to: shots.appendingPathComponent("invitations-1024.png"))
        try page.navigate("\(base)/workshops/salle/projection/juste-place")
        try other.navigate(joinLink)
        try other.evaluate("document.getElementById('join').click(); true")
        try other.waitFor(url: { $0 == "\(base)/workshops/salle" })
        try page.evaluate("window.__marker = 1; true")
        try ConsoleBrowserTests.fill(other, [("p.juste-place.port-saint-aubin", "objection"), ("c.juste-place.port-saint-aubin", "Pas en l’état.")])
        let saved = Date()
        try other.evaluate("document.getElementById('save-grid').click(); true")
        var updated: Date?
        while Date().timeIntervalSince(saved) < 5 {
            if (try? page.evaluate("window.__marker === undefined && document.readyState === 'complete' && !!document.querySelector('li[data-territory=\"port-saint-aubin\"] .mark.objection')")) as? Bool == true {
                updated = Date()
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let delay = try #require(updated, "the projection view did not update").timeIntervalSince(saved)
        #expect(delay <= 2.0, "updated \(delay) s after the save")
        print("Projection view updated \(String(format: "%.2f", delay)) s after a save from another browser.")
        try page.screenshot(to: shots.appendingPathComponent("projection-updated-1024.png"))
        // ← → between clauses.
        try page.call("Input.dispatchKeyEvent", ["type": "keyDown", "key": "ArrowRight", "code": "ArrowRight", "windowsVirtualKeyCode": 39])
        try page.waitFor(url: { $0.contains("/projection/") && !$0.hasSuffix("/juste-place") })

        // 5. Every page: no sideways scrolling at 1024×768, axe finds nothing serious, screenshots at 1024 and 390.
        let axe = try ConsoleBrowserTests.axe.map { try String(contentsOfFile: $0, encoding: .utf8) }
        if axe == nil { print("axe-core not found (pip install axe-selenium-python): the accessibility checks are skipped.") }
        let pages = [("charter", "/"), ("clause", "/clauses/juste-place"), ("workshops", "/workshops"), ("workshop-grid", "/workshops/salle"),
                     ("projection", "/workshops/salle/projection/juste-place"), ("status", "/status"), ("status-workshop", "/status?workshop=salle"),
                     ("amendments", "/amendments"), ("invitations", "/invitations"), ("not-found", "/nulle-part")]
        for (name, path) in pages {
            for (width, height) in [(1024, 768), (390, 844)] {
                try page.viewport(width: width, height: height, mobile: width < 500)
                try page.navigate(base + path)
                if width == 1024 { #expect(try ConsoleBrowserTests.fitsWidth(page), "\(path) scrolls sideways at 1024×768") }
                try page.screenshot(to: shots.appendingPathComponent("\(name)-\(width).png"))
                if let axe, width == 1024 || name == "workshop-grid" {
                    let violations = try ConsoleBrowserTests.axeViolations(page, source: axe)
                    #expect(violations.isEmpty, "axe on \(path) at \(width) px: \(violations)")
                }
            }
        }
        // The representative's pages, at 390 px.
        try other.viewport(width: 390, height: 844, mobile: true)
        for (name, path) in [("representative-workshop", "/workshops/salle"), ("representative-clause", "/clauses/juste-place")] {
            try other.navigate(base + path)
            #expect(try ConsoleBrowserTests.fitsWidth(other), "\(path) fits 390 px")
            try other.screenshot(to: shots.appendingPathComponent("\(name)-390.png"))
            if let axe {
                let violations = try ConsoleBrowserTests.axeViolations(other, source: axe)
                #expect(violations.isEmpty, "axe on \(path) (representative): \(violations)")
            }
        }
        print("Screenshots of the console: \(shots.path)")
    }

    @Test("an invited representative on a 390-px phone records for their territory and is refused another's; a restart keeps sessions and invitations",
          .enabled(if: BrowserTests.chromium != nil, "Chromium is not installed (make test installs Debian's chromium)"),
          .timeLimit(.minutes(4)))
    func representativeAndRestart() throws {
        let rig = try Rig()
        defer { rig.stop() }
        try rig.serve()
        try rig.startBrowser()
        let shots = ConsoleBrowserTests.shots
        let claire = try rig.page()
        defer { claire.closeBrowser() }
        let base = rig.base
        try claire.navigate(rig.signIn)
        try claire.evaluate("document.getElementById('sign-in').click(); true")
        try claire.waitFor(url: { $0 == "\(base)/workshops" })
        try claire.navigate("\(base)/invitations")
        try ConsoleBrowserTests.fill(claire, [("name", "Amina Diallo"), ("email", "amina@example.org"), ("territory", "haut-verdal"), ("days", "14")])
        try claire.evaluate("document.getElementById('invite').click(); true")
        try ConsoleBrowserTests.waitForElement(claire, "#invitation-link")
        let link = try #require(try claire.evaluate("document.getElementById('invitation-link').value") as? String)

        // Amina, on her phone.
        let phone = try rig.page(isolated: true)
        try phone.viewport(width: 390, height: 844, mobile: true)
        try phone.navigate(link)
        try phone.screenshot(to: shots.appendingPathComponent("join-390.png"))
        try phone.evaluate("document.getElementById('join').click(); true")
        try phone.waitFor(url: { $0 == "\(base)/workshops/salle" })
        #expect(try ConsoleBrowserTests.fitsWidth(phone), "the clause-by-clause page fits 390 px")
        #expect(try phone.evaluate("document.querySelectorAll('select[name^=\"p.\"]').length") as? Int == 18, "one territory: hers")
        try ConsoleBrowserTests.fill(phone, [("p.juste-place.haut-verdal", "reservation"), ("c.juste-place.haut-verdal", "Préciser « chacun ».")])
        try phone.screenshot(to: shots.appendingPathComponent("representative-cards-390.png"))
        try phone.evaluate("document.getElementById('save-grid').click(); true")
        try phone.waitFor(url: { $0.contains("recorded=1") })
        let recorded = try rig.comments()
        #expect(recorded.count == 1)
        let comment = (recorded.first?["comment"] as? [String: Any])?["comment"] as? [String: Any]
        #expect(comment?["territory"] as? String == "haut-verdal")
        // Another territory's cell, sent from her browser by hand: refused, nothing recorded.
        let status = try phone.evaluate("""
            fetch('/workshops/salle/grid', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
              body: 'csrf=' + document.querySelector('[name=csrf]').value + '&p.juste-place.pays-d-ormanges=support&c.juste-place.pays-d-ormanges=' })
              .then(function (r) { return r.status; })
            """) as? Int
        #expect(status == 403)
        #expect(try rig.comments().count == 1)

        // A restart: the same port, the same browsers.
        let port = try #require(Int(base.split(separator: ":").last ?? ""))
        #expect(rig.server?.interrupt(timeout: 20) == 0, "Ctrl-C stops the console, event streams included")
        try rig.serve(port: port)
        try phone.navigate("\(base)/workshops/salle")
        #expect(try phone.evaluate("document.querySelector('.who') && document.querySelector('.who').dataset.facilitator") as? String != nil,
                "the representative is still signed in")
        #expect(try phone.evaluate("document.querySelectorAll('select[name^=\"p.\"]').length") as? Int == 18)
        try claire.navigate("\(base)/invitations")
        #expect(try claire.evaluate("document.querySelector('.who').dataset.facilitator") as? String == "claire-martin", "the facilitator too")
        #expect(try claire.evaluate("document.querySelectorAll('tr[data-invitation]').length") as? Int == 1, "the invitation is kept")
        let again = try rig.page(isolated: true)
        try again.navigate(link)
        #expect(try again.evaluate("!!document.getElementById('join')") as? Bool == true, "the invitation link still works")
        // Revoked from Claire's page: Amina's session ends at once.
        try claire.evaluate("document.querySelector('tr[data-invitation] button').click(); true")
        try claire.waitFor(url: { $0.hasSuffix("/invitations") })
        try phone.navigate("\(base)/workshops/salle")
        #expect(try phone.evaluate("document.querySelectorAll('select[name^=\"p.\"]').length") as? Int == 0)
    }
}
