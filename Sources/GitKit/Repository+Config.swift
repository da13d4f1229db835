import CLibGit2
import Foundation

extension Repository {
    /// A config value as git would read it for this repository (repository, then global,
    /// XDG and system files); `nil` when unset.
    public func configString(_ key: String) throws -> String? {
        try withRepository { repository in try Repository.configString(repository, key) }
    }

    /// The identity to record work under, e.g. the facilitator of a comment: like git, the
    /// `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL` variables first, then `GIT_COMMITTER_NAME`/
    /// `GIT_COMMITTER_EMAIL`, then `user.name`/`user.email` (and `EMAIL` for the address).
    /// The offset is the local time zone's at `date`. Throws `.notFound` when no identity is set.
    public func defaultSignature(date: Date = Date()) throws -> Signature {
        try defaultSignature(date: date, environment: ProcessInfo.processInfo.environment)
    }

    /// `defaultSignature(date:)` reading the variables from `environment` instead of the
    /// process's own (tests, or a server acting for someone else).
    public func defaultSignature(date: Date = Date(), environment: [String: String]) throws -> Signature {
        func variable(_ name: String) -> String? {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        var name = variable("GIT_AUTHOR_NAME") ?? variable("GIT_COMMITTER_NAME")
        var email = variable("GIT_AUTHOR_EMAIL") ?? variable("GIT_COMMITTER_EMAIL")
        if name == nil || email == nil {
            let (configName, configEmail) = try withRepository { repository in
                (try Repository.configString(repository, "user.name"), try Repository.configString(repository, "user.email"))
            }
            name = name ?? configName.flatMap { $0.isEmpty ? nil : $0 }
            email = email ?? configEmail.flatMap { $0.isEmpty ? nil : $0 } ?? variable("EMAIL")
        }
        guard let name, let email else {
            throw GitError(code: .notFound,
                           message: "no identity: set user.name and user.email with git config, or pass --facilitator",
                           operation: "find who is recording")
        }
        let offset = TimeZone.current.secondsFromGMT(for: date) / 60
        return Signature(name: name, email: email, date: date, timeZoneOffsetMinutes: offset)
    }

    static func configString(_ repository: OpaquePointer, _ key: String) throws -> String? {
        let operation = "read config '\(key)'"
        let config = try make(operation) { git_repository_config(&$0, repository) }
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let rc = git_config_get_string_buf(&buffer, config, key)
        if rc == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try check(rc, operation)
        return buffer.ptr.map { String(cString: $0) } ?? ""
    }
}
