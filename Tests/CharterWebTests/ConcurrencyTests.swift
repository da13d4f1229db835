import CharterKit
@testable import CharterWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@Suite("Web console and CLI writing at once")
struct ConcurrencyTests {
    @Test("grids saved from the web while `charter comment add` runs in other processes: nothing is lost")
    func webAndCLI() async throws {
        let fixture = try ConsoleFixture()
        let binary = CharterCLIBinary.path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "the charter binary is built")
        let clauses = try fixture.repository.charter(.revision("HEAD")).numbered.map(\.clause.id.rawValue)
        // Six CLI writers, started now and left running while the web saves.
        var processes: [Process] = []
        for (index, territory) in ["vallee-de-la-sorgeac", "plateau-des-mille-sources"].enumerated() {
            for clause in clauses.prefix(3) {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = ["comment", "add", "--workshop", "lyon", "--territory", territory, "--clause", clause,
                                     "--position", "support", "--facilitator", "CLI \(index) <cli@example.org>"]
                process.currentDirectoryURL = fixture.scratch.url
                process.environment = Shell.environment(home: fixture.scratch.path)
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                processes.append(process)
            }
        }
        try await fixture.application.test(.router) { client in
            let signedIn = try await client.signIn(fixture)
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for clause in clauses.prefix(4) {
                    group.addTask {
                        let (headers, body) = signedIn.form([("p.\(clause).haut-verdal", "support"),
                                                             ("p.\(clause).pays-d-ormanges", "reservation"),
                                                             ("c.\(clause).pays-d-ormanges", "Réserve sur \(clause).")])
                        return try await client.execute(uri: "/workshops/lyon/grid", method: .post, headers: headers, body: body).status
                    }
                }
                for try await status in group { #expect(status == .seeOther) }
            }
        }
        let deadline = Date().addingTimeInterval(60)
        while processes.contains(where: \.isRunning) && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(processes.allSatisfy { !$0.isRunning && $0.terminationStatus == 0 })
        let comments = try fixture.comments()
        #expect(comments.count == 6 + 8)
        #expect(comments.filter { $0.comment.facilitator == ConsoleFixture.claire }.count == 8)
        #expect(Set(comments.map(\.comment.id)).count == comments.count)
        try fixture.git.fsck()
    }
}
