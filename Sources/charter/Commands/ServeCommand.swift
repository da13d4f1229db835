import ArgumentParser
import CharterKit
import CharterWeb
import Dispatch
import Foundation
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: CLILanguage.text("cli.serve.abstract"),
        discussion: CLILanguage.text("cli.serve.discussion"))

    @OptionGroup var location: RepositoryOptions
    @Option(help: .key("cli.serve.host")) var host = "127.0.0.1"
    @Option(help: .key("cli.serve.port")) var port = 8080
    @Option(help: .key("cli.serve.baseURL")) var baseURL: String?
    @Flag(help: .key("cli.serve.trustProxy")) var trustProxy = false
    @Flag(inversion: .prefixedNo, help: .key("cli.serve.secureCookies")) var secureCookies: Bool?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(key: "cli.serve.badPort") }
        if let baseURL {
            let lowered = baseURL.lowercased()
            guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), ConsoleOptions.host(ofBaseURL: baseURL) != nil,
                  !baseURL.contains(where: { $0 == "?" || $0 == "#" || $0.isWhitespace }) else {
                throw ValidationError(key: "cli.serve.badBaseURL")
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
            Terminal.error(CLILanguage.text("cli.warning.prefix") + CLILanguage.current.colon + CLILanguage.text("cli.serve.exposed", ["host": host]))
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
            throw CharterError(.repository, Message("cli.serve.failed", ["host": host, "port": String(port), "problem": message]),
                               hint: Message("cli.serve.failed.hint"))
        }
    }

    static func announce(_ console: WebConsole, base: String, listening: String) {
        var lines = [CLILanguage.text("cli.serve.listening", ["url": base + "/"])]
        if base != listening { lines.append(CLILanguage.text("cli.serve.behindProxy", ["url": listening + "/"])) }
        do {
            let links = try console.signInLinks(base: base)
            if links.isEmpty {
                lines.append(CLILanguage.text("cli.serve.noFacilitator"))
            } else {
                lines.append(CLILanguage.text("cli.serve.links", count: links.count))
                for (facilitator, url) in links {
                    lines.append("  \(facilitator.name) (\(facilitator.territories.joined(separator: ", ")))\(CLILanguage.current.colon)\(url)")
                }
            }
        } catch {
            lines.append(CLILanguage.text("cli.serve.unreadable", ["problem": "\(error)"]))
        }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
