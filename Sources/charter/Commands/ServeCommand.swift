import ArgumentParser
import CharterKit
import CharterWeb
import Dispatch
import Foundation
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the facilitators' web console on this machine.",
        discussion: """
            Pages: the charter, each clause (text, history, redline, comments by territory), the workshops and
            their entry grid, the status heatmap, the amendments; each also as JSON (Accept: application/json).

            It listens on 127.0.0.1 unless told otherwise. Reading needs nothing there; every write needs a
            facilitator session: it prints a one-time sign-in link for each facilitator of
            .git/charter/facilitators.json (see `charter facilitator add`). Facilitators invite territories'
            representatives from the Invitations page. Sign-in links, invitations and sessions survive a restart:
            they are kept in .git/charter/console-access.json, as SHA-256 digests only. Ctrl-C stops it.

            Behind a TLS reverse proxy (nginx…): --base-url https://charte.example.org makes links with that
            address, accepts only that host and origin, requires a session for every page and marks the cookie
            Secure; --trust-proxy believes the proxy's X-Forwarded-Host and X-Forwarded-Proto (only when the
            console is reachable through the proxy alone, e.g. bound to 127.0.0.1).
            """)

    @OptionGroup var location: RepositoryOptions
    @Option(help: "The address to listen on (beyond loopback, every page needs a session).") var host = "127.0.0.1"
    @Option(help: "The port (0: any free port).") var port = 8080
    @Option(help: "The address people reach the console at, behind a reverse proxy (e.g. https://charte.example.org).")
    var baseURL: String?
    @Flag(help: "Believe the reverse proxy's X-Forwarded-Host and X-Forwarded-Proto headers.") var trustProxy = false
    @Flag(inversion: .prefixedNo, help: "Mark the session cookie Secure (default: when --base-url is https).") var secureCookies: Bool?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let baseURL {
            let lowered = baseURL.lowercased()
            guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), ConsoleOptions.host(ofBaseURL: baseURL) != nil,
                  !baseURL.contains(where: { $0 == "?" || $0 == "#" || $0.isWhitespace }) else {
                throw ValidationError("--base-url must be an http(s) address such as https://charte.example.org")
            }
        }
    }

    /// `--lang fr|en` (read by `CLILanguage` for every command); French by default.
    private var lang: Language { CLILanguage.explicit ?? .fr }

    func run() throws {
        let repository = try location.open()
        _ = try repository.charter(.revision("HEAD"))
        let options = ConsoleOptions.forBinding(host: host, language: lang, baseURL: baseURL, trustProxyHeaders: trustProxy,
                                                secureCookies: secureCookies)
        if !ConsoleOptions.isLoopback(host), baseURL == nil {
            Terminal.error("warning: listening on \(host), beyond this machine: every page now needs a facilitator session, "
                           + "and the traffic is not encrypted (put a TLS proxy in front of it)")
        }
        let console = WebConsole(repository: repository, options: options, sessions: try SessionStore(repository: repository))
        let host = self.host
        let base = options.baseURL
        let application = console.application(host: host, port: port) { port in
            ServeCommand.announce(console, base: base ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)",
                                  listening: "http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
        }
        let failure = Mutex<String?>(nil)
        let stopped = DispatchSemaphore(value: 0)
        Task {
            do {
                try await application.runService()
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            stopped.signal()
        }
        stopped.wait()
        if let message = failure.withLock({ $0 }) {
            throw CharterError(.repository, "the console could not run on \(host):\(port): \(message)",
                               hint: "is the port taken? try another with --port")
        }
    }

    static func announce(_ console: WebConsole, base: String, listening: String) {
        var lines = ["charter console: \(base)/  (Ctrl-C to stop)"]
        if base != listening { lines.append("listening on \(listening)/ behind the proxy") }
        do {
            let links = try console.signInLinks(base: base)
            if links.isEmpty {
                lines.append("No facilitator yet, so the console is read-only: add one with "
                             + "`charter facilitator add NAME --territories a,b`, then restart.")
            } else {
                lines.append("One-time sign-in links:")
                for (facilitator, url) in links {
                    lines.append("  \(facilitator.name) (\(facilitator.territories.joined(separator: ", "))): \(url)")
                }
            }
        } catch {
            lines.append("The facilitators file cannot be read (\(error)): the console is read-only.")
        }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
