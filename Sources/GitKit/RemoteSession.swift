import CLibGit2
import Foundation

/// What the libgit2 callbacks of one transfer share. libgit2 calls C function pointers, which
/// cannot capture anything: the session reaches them through the `payload` pointer (an
/// unretained reference kept alive by the caller for the duration of the call). It lives inside
/// one locked body on one thread, like every other libgit2 object.
final class RemoteSession {
    let remoteName: String
    let url: String
    let options: TransferOptions

    /// Credential sources already offered (each at most once), in order, for the error message.
    private var offered: Set<String> = []
    /// What was offered and what was unavailable, in order.
    private(set) var attempts: [String] = []
    /// Set when the credential callback ran out of sources.
    private(set) var authFailure: String?
    /// References a push reported as rejected, with the remote's reason.
    private(set) var rejections: [(reference: String, reason: String)] = []
    /// A credential obtained from git's helpers, to approve or reject once the outcome is known.
    private var helperCredential: [String: String]?

    init(remoteName: String, url: String, options: TransferOptions) {
        self.remoteName = remoteName
        self.url = url
        self.options = options
    }

    /// libgit2 callbacks pointing back at this session.
    func callbacks(_ operation: String) throws -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        try check(git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), operation)
        callbacks.credentials = remoteSessionCredentials
        callbacks.transfer_progress = remoteSessionTransferProgress
        callbacks.push_transfer_progress = remoteSessionPushProgress
        callbacks.push_update_reference = remoteSessionPushStatus
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        return callbacks
    }

    /// Throws for a failed transfer call: an authentication failure names the remote and the
    /// methods tried; anything else carries libgit2's message. Tells git's credential helpers
    /// whether the credential they gave worked.
    func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws {
        if rc >= 0 { return }
        let error = GitError.fromLibgit2(rc, operation: operation())
        if let authFailure {
            throw GitError(code: .auth, message: authFailure, operation: error.operation)
        }
        if error.code == .auth || rc == GIT_EAUTH.rawValue {
            rejectHelperCredential()
            throw GitError(code: .auth, message: failureMessage(detail: error.message), operation: error.operation)
        }
        throw error
    }

    /// Called after the whole transfer succeeded.
    func succeeded() {
        if let credential = helperCredential {
            GitCredentialHelper.run("approve", credential, environment: options.environment)
            helperCredential = nil
        }
    }

    // MARK: Callbacks (called by libgit2 through the C trampolines below)

    func credential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, url rawURL: String?,
                    usernameFromURL: String?, allowed: UInt32) -> Int32 {
        guard let out else { return -1 }
        let environment = options.environment
        let sources = options.credentials
        let url = rawURL ?? self.url

        // ssh first asks for the user name alone when the URL has none.
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0, offer("username") {
            let user = usernameFromURL ?? environment["USER"] ?? "git"
            return git_credential_username_new(out, user)
        }
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            let user = usernameFromURL ?? environment["USER"] ?? "git"
            if sources.contains(.sshAgent), offer("ssh-agent") {
                if let socket = environment["SSH_AUTH_SOCK"], !socket.isEmpty {
                    attempts.append("ssh-agent (its keys were refused)")
                    return git_credential_ssh_key_from_agent(out, user)
                }
                attempts.append("ssh-agent (not running: SSH_AUTH_SOCK is not set)")
            }
            if sources.contains(.sshKeyFiles) {
                let folder = (environment["HOME"] ?? NSHomeDirectory()) + "/.ssh"
                for name in ["id_ed25519", "id_ecdsa", "id_rsa"] where offer("key:\(name)") {
                    let key = "\(folder)/\(name)"
                    guard FileManager.default.fileExists(atPath: key) else { continue }
                    attempts.append("key ~/.ssh/\(name) (refused, or it needs a passphrase: add it to ssh-agent)")
                    let publicKey = FileManager.default.fileExists(atPath: key + ".pub") ? key + ".pub" : nil
                    return git_credential_ssh_key_new(out, user, publicKey, key, nil)
                }
                if offer("key-files-none"), !attempts.contains(where: { $0.hasPrefix("key ~/.ssh/") }) {
                    attempts.append("key files (none in ~/.ssh)")
                }
            }
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 {
            if sources.contains(.environment), offer("environment") {
                if let user = environment["GIT_USERNAME"], let password = environment["GIT_PASSWORD"], !user.isEmpty {
                    attempts.append("GIT_USERNAME/GIT_PASSWORD (refused)")
                    return git_credential_userpass_plaintext_new(out, user, password)
                }
                attempts.append("GIT_USERNAME/GIT_PASSWORD (not set)")
            }
            if sources.contains(.gitCredentialHelper), offer("helper") {
                var request = GitCredentialHelper.fields(for: url)
                if let user = usernameFromURL { request["username"] = user }
                if let answer = GitCredentialHelper.fill(request, environment: environment),
                   let user = answer["username"], let password = answer["password"] {
                    attempts.append("git credential helper (its credential was refused)")
                    helperCredential = answer
                    return git_credential_userpass_plaintext_new(out, user, password)
                }
                attempts.append("git credential helper (gave no credential)")
            }
        }
        let message = failureMessage(detail: nil)
        authFailure = message
        rejectHelperCredential()
        git_error_set_str(Int32(GIT_ERROR_NET.rawValue), message)
        return GIT_EAUTH.rawValue
    }

    func transferProgress(_ stats: git_indexer_progress) -> Int32 {
        guard let report = options.progress else { return 0 }
        if stats.received_objects < stats.total_objects || stats.total_deltas == 0 {
            report(TransferProgress(phase: .receiving, current: Int(stats.received_objects),
                                    total: Int(stats.total_objects), bytes: Int(stats.received_bytes)))
        } else {
            report(TransferProgress(phase: .resolving, current: Int(stats.indexed_deltas),
                                    total: Int(stats.total_deltas), bytes: Int(stats.received_bytes)))
        }
        return 0
    }

    func pushProgress(current: Int, total: Int, bytes: Int) -> Int32 {
        options.progress?(TransferProgress(phase: .sending, current: current, total: total, bytes: bytes))
        return 0
    }

    func pushStatus(reference: String, status: String?) -> Int32 {
        if let status { rejections.append((reference, status)) }
        return 0
    }

    // MARK: Helpers

    /// Marks `source` as offered; false when it already was.
    private func offer(_ source: String) -> Bool {
        offered.insert(source).inserted
    }

    private func failureMessage(detail: String?) -> String {
        var message = "authentication to remote '\(remoteName)' (\(url)) failed"
        if let detail, !detail.isEmpty { message += ": \(detail)" }
        let tried = attempts.isEmpty ? "no credential method applies to this remote" : attempts.joined(separator: "; ")
        return message + "; tried: " + tried
    }

    private func rejectHelperCredential() {
        if let credential = helperCredential {
            GitCredentialHelper.run("reject", credential, environment: options.environment)
            helperCredential = nil
        }
    }
}

// MARK: C trampolines: no captures, the session comes from the payload.

private func session(_ payload: UnsafeMutableRawPointer?) -> RemoteSession? {
    guard let payload else { return nil }
    return Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
}

private let remoteSessionCredentials: git_credential_acquire_cb = { out, url, usernameFromURL, allowed, payload in
    guard let session = session(payload) else { return GIT_PASSTHROUGH.rawValue }
    return session.credential(out, url: url.map { String(cString: $0) },
                              usernameFromURL: usernameFromURL.map { String(cString: $0) }, allowed: allowed)
}

private let remoteSessionTransferProgress: git_indexer_progress_cb = { stats, payload in
    guard let stats, let session = session(payload) else { return 0 }
    return session.transferProgress(stats.pointee)
}

private let remoteSessionPushProgress: git_push_transfer_progress_cb = { current, total, bytes, payload in
    session(payload)?.pushProgress(current: Int(current), total: Int(total), bytes: bytes) ?? 0
}

private let remoteSessionPushStatus: git_push_update_reference_cb = { reference, status, payload in
    guard let reference, let session = session(payload) else { return 0 }
    return session.pushStatus(reference: String(cString: reference), status: status.map { String(cString: $0) })
}

/// Progress of a pack written straight into a local remote's object folder.
let remoteSessionPackWriteProgress: git_indexer_progress_cb = { stats, payload in
    guard let stats, let session = session(payload) else { return 0 }
    // The pack builder leaves the byte count unset: objects only.
    return session.pushProgress(current: Int(stats.pointee.indexed_objects), total: Int(stats.pointee.total_objects), bytes: 0)
}

/// git's credential helpers, through `git credential fill|approve|reject`.
enum GitCredentialHelper {
    /// The fields git's credential protocol wants for `url`.
    static func fields(for url: String) -> [String: String] {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else {
            return ["url": url]
        }
        var fields = ["protocol": scheme, "host": components.port.map { "\(host):\($0)" } ?? host]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        if !path.isEmpty { fields["path"] = path }
        if let user = components.user { fields["username"] = user }
        return fields
    }

    /// Asks the helpers (and, on a terminal, the person) for a credential; nil when none.
    static func fill(_ request: [String: String], environment: [String: String]) -> [String: String]? {
        guard let output = run("fill", request, environment: environment) else { return nil }
        var answer: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            answer[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return answer["password"] == nil ? nil : answer
    }

    /// Runs `git credential <action>` with `fields`; its output, or nil when it failed or took
    /// too long. Prompts are allowed only when standard input is a terminal.
    @discardableResult
    static func run(_ action: String, _ fields: [String: String], environment: [String: String]) -> String? {
        let interactive = isatty(STDIN_FILENO) == 1
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "credential", action]
        var env = environment
        if !interactive { env["GIT_TERMINAL_PROMPT"] = "0" }
        process.environment = env
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let text = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined() + "\n"
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        // Bounded when nobody can answer a prompt; a person at a terminal takes the time they need.
        let deadline = Date().addingTimeInterval(interactive ? .infinity : 30)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                return nil
            }
            usleep(5_000)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
