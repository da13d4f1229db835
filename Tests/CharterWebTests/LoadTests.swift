import CharterKit
@testable import CharterWeb
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import TestSupport
import Testing

/// Twenty representatives saving positions at once against the real `charter serve`, each
/// through their own invitation: every save is recorded exactly once, none is lost. Ten seconds
/// in `make test`; `CHARTER_LOAD_SECONDS=60` for the run reported in docs/performance.md (it
/// prints p50 and p99). A check of correctness under load, not a benchmark: nothing is asserted
/// on the times.
@Suite("Web console under load", .serialized)
struct LoadTests {
    static let representatives = 20

    struct Save: Sendable {
        var clause: String
        var territory: String
        var text: String
        var seconds: Double
    }

    @Test("20 representatives saving concurrently: every record present exactly once", .timeLimit(.minutes(4)))
    func concurrentSaves() async throws {
        let binary = CharterCLIBinary.path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "the charter binary is built")
        let seconds = ProcessInfo.processInfo.environment["CHARTER_LOAD_SECONDS"].flatMap { Double($0) } ?? 10
        let scratch = Scratch("charter-load")
        let git = GitCLI(scratch.url)
        try git.initialise()
        try FileManager.default.copyItem(at: ConsoleFixture.bundledCharter, to: scratch.url.appendingPathComponent("charter"))
        try git.commitAll("Charte initiale")
        let repository = try CharterRepository(discoveringFrom: scratch.path)
        let territories = try repository.charter(.revision("HEAD")).manifest.territories.map(\.id)
        let clauses = try repository.charter(.revision("HEAD")).numbered.map(\.clause.id.rawValue)
        try repository.openWorkshop(id: "charge", title: "Atelier à distance", date: "2026-12-01", place: nil, territories: territories,
                                    facilitator: Person(name: "Claire Martin", email: "claire.martin@example.org"))
        // The invitations, made before the console starts: it reads them from .git/charter/.
        let store = try SessionStore(repository: repository)
        var tokens: [(territory: String, token: String)] = []
        for index in 0..<LoadTests.representatives {
            let territory = territories[index % territories.count]
            tokens.append((territory, try store.invite(name: "Représentant \(index)", email: nil, territory: territory, lifetime: 86_400,
                                                       by: "claire-martin").token))
        }
        let server = try BackgroundProcess(binary, ["serve", "--port", "0"], in: scratch.url, environment: Shell.environment(home: scratch.path))
        defer { server.stop() }
        let announced = try server.waitForOutput(containing: "charter console:", timeout: 60)
        let base = try #require(announced.firstMatch(of: /charter console: (http:\/\/127\.0\.0\.1:\d+)\//)?.1).description

        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpMaximumConnectionsPerHost = LoadTests.representatives
        configuration.timeoutIntervalForRequest = 60
        let session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)

        // Each representative joins: the cookie and the CSRF token of their session.
        var joined: [(territory: String, cookie: String, csrf: String)] = []
        for (territory, token) in tokens {
            var request = URLRequest(url: try #require(URL(string: "\(base)/join")))
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.setValue("application/json", forHTTPHeaderField: "Accept")
            request.httpBody = Data("token=\(token)".utf8)
            let (_, response) = try await session.data(for: request)
            let cookie = try #require((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Set-Cookie")?
                .split(separator: ";").first?.split(separator: "=", maxSplits: 1).last.map(String.init))
            joined.append((territory, cookie, SessionStore.csrf(for: cookie)))
        }

        let deadline = Date().addingTimeInterval(seconds)
        let saves = try await withThrowingTaskGroup(of: [Save].self) { group in
            for (index, person) in joined.enumerated() {
                group.addTask {
                    var done: [Save] = []
                    var round = 0
                    while Date() < deadline {
                        round += 1
                        let clause = clauses[(index + round) % clauses.count]
                        let text = "Représentant \(index), enregistrement \(round)"
                        let key = "\(person.territory)"
                        let form = [("csrf", person.csrf), ("form-key", SessionStore.randomHex(bytes: 16)),
                                    ("p.\(clause).\(key)", round % 2 == 0 ? "support" : "reservation"), ("c.\(clause).\(key)", text)]
                        var request = URLRequest(url: URL(string: "\(base)/workshops/charge/grid")!)
                        request.httpMethod = "POST"
                        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
                        request.setValue("application/json", forHTTPHeaderField: "Accept")
                        request.setValue("\(SessionCookie.name)=\(person.cookie)", forHTTPHeaderField: "Cookie")
                        request.httpBody = Data(form.map { "\(URLText.component($0.0))=\(URLText.component($0.1))" }.joined(separator: "&").utf8)
                        let started = Date()
                        let (data, response) = try await session.data(for: request)
                        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                        guard status == 201 else {
                            throw WebSocketConnection.Failure(description: "save refused (\(status)): \(String(decoding: data, as: UTF8.self))")
                        }
                        done.append(Save(clause: clause, territory: person.territory, text: text, seconds: Date().timeIntervalSince(started)))
                    }
                    return done
                }
            }
            var all: [Save] = []
            for try await part in group { all += part }
            return all
        }
        session.invalidateAndCancel()

        // Every save is in the deliberation exactly once, as the CLI lists it.
        let listed = try Shell.run(binary, ["comment", "list", "--workshop", "charge", "--format", "json"], in: scratch.url,
                                   environment: Shell.environment(home: scratch.path))
        try #require(listed.status == 0, "\(listed.stderr)")
        let comments = try #require(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        var counts: [String: Int] = [:]
        for view in comments {
            guard let comment = (view["comment"] as? [String: Any])?["comment"] as? [String: Any] else { continue }
            counts["\(comment["clause"] ?? "")|\(comment["territory"] ?? "")|\(comment["text"] ?? "")", default: 0] += 1
        }
        #expect(comments.count == saves.count, "\(comments.count) records for \(saves.count) saves")
        let missingOrTwice = saves.filter { counts["\($0.clause)|\($0.territory)|\($0.text)"] != 1 }
        #expect(missingOrTwice.isEmpty, "\(missingOrTwice.count) saves missing or recorded twice")
        #expect(saves.count >= LoadTests.representatives, "every representative saved at least once")
        let times = saves.map(\.seconds).sorted()
        func percentile(_ p: Double) -> Double { times[min(times.count - 1, Int((Double(times.count) * p).rounded(.down)))] }
        print(String(format: "Load: %d representatives, %.0f s, %d saves (%.1f/s), save latency p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                     LoadTests.representatives, seconds, saves.count, Double(saves.count) / seconds,
                     percentile(0.5) * 1000, percentile(0.99) * 1000, (times.last ?? 0) * 1000))
    }
}

/// Answers as they come: a 303 is looked at, not followed.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
