import Foundation
import GitKit
import Testing

@Suite("Config and identity")
struct ConfigTests {
    @Test("configString reads the repository's config; nil when unset")
    func configString() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.git("config", "gitkit.scope", "local", in: "repo")
        try fixture.git("config", "gitkit.accent", "préambule « ok »", in: "repo")
        let repository = try Repository.open(at: fixture.path("repo"))
        #expect(try repository.configString("gitkit.scope") == "local")
        #expect(try repository.configString("gitkit.accent") == "préambule « ok »")
        #expect(try repository.configString("gitkit.absent") == nil)
        #expect(try repository.configString("core.bare") == "false")
        #expect(throws: GitError.self) { try repository.configString("no-section") }

        // Changes made by git after opening are seen.
        try fixture.git("config", "gitkit.late", "yes", in: "repo")
        #expect(try repository.configString("gitkit.late") == "yes")
    }

    @Test("defaultSignature: author variables, then committer variables, then user.name/user.email")
    func identityPrecedence() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        let repository = try Repository.open(at: fixture.path("repo"))
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let offset = TimeZone.current.secondsFromGMT(for: date) / 60

        let both = try repository.defaultSignature(date: date, environment: [
            "GIT_AUTHOR_NAME": "Alix", "GIT_AUTHOR_EMAIL": "alix@example.org",
            "GIT_COMMITTER_NAME": "Côme", "GIT_COMMITTER_EMAIL": "come@example.org",
        ])
        #expect(both == Signature(name: "Alix", email: "alix@example.org", date: date, timeZoneOffsetMinutes: offset))

        let committerOnly = try repository.defaultSignature(date: date, environment: [
            "GIT_COMMITTER_NAME": "Côme", "GIT_COMMITTER_EMAIL": "come@example.org",
        ])
        #expect(committerOnly.name == "Côme")
        #expect(committerOnly.email == "come@example.org")

        try fixture.git("config", "user.name", "Facilitatrice Config", in: "repo")
        try fixture.git("config", "user.email", "config@example.org", in: "repo")
        let mixed = try repository.defaultSignature(date: date, environment: ["GIT_AUTHOR_NAME": "Alix"])
        #expect(mixed.name == "Alix")
        #expect(mixed.email == "config@example.org")
        let fromConfig = try repository.defaultSignature(date: date, environment: ["GIT_AUTHOR_NAME": ""])
        #expect(fromConfig.name == "Facilitatrice Config")
        #expect(fromConfig.email == "config@example.org")
        #expect(fromConfig.date == date)
    }

    @Test("defaultSignature without any identity throws .notFound saying what to do")
    func noIdentity() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        // Empty values in the repository's file hide whatever identity this machine's global
        // config holds (libgit2 reads it in-process) and count as unset.
        try fixture.git("config", "user.name", "", in: "repo")
        try fixture.git("config", "user.email", "", in: "repo")
        let repository = try Repository.open(at: fixture.path("repo"))
        let error = #expect(throws: GitError.self) { try repository.defaultSignature(environment: [:]) }
        #expect(error?.code == .notFound)
        #expect(error?.message.contains("set user.name and user.email with git config, or pass --facilitator") == true)
        // A name alone is not enough.
        #expect(throws: GitError.self) { try repository.defaultSignature(environment: ["GIT_AUTHOR_NAME": "Alix"]) }
        // EMAIL completes the address, as for git.
        let withEmail = try repository.defaultSignature(environment: ["GIT_AUTHOR_NAME": "Alix", "EMAIL": "alix@example.org"])
        #expect(withEmail.email == "alix@example.org")
    }

    @Test("the process environment is what defaultSignature() reads")
    func processEnvironment() throws {
        let fixture = try GitFixture()
        _ = try fixture.initRepository()
        try fixture.git("config", "user.name", "Repo Identity", in: "repo")
        try fixture.git("config", "user.email", "repo@example.org", in: "repo")
        let repository = try Repository.open(at: fixture.path("repo"))
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(try repository.defaultSignature(date: date)
                == (try repository.defaultSignature(date: date, environment: ProcessInfo.processInfo.environment)))
    }
}
