import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import Testing

/// `charter serve` behind nginx terminating TLS on loopback, with a self-signed certificate, as
/// the README documents it: `--base-url https://…` makes the links, every page needs a session,
/// the cookie is `Secure`, the proxy's `X-Forwarded-*` headers are believed with `--trust-proxy`,
/// and a foreign origin or host is refused. curl is the browser; openssl makes the certificate.
@Suite("Web console behind a TLS reverse proxy", .serialized)
struct ProxyTests {
    static let nginx: String? = ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let ready = nginx != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")

    /// A free TCP port on 127.0.0.1 (bound, read, released).
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        try #require(bound, "no free port")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// curl's answer: the status, the headers (lower-cased names), the body.
    static func curl(_ arguments: [String], in directory: URL) throws -> (status: Int, headers: String, body: String) {
        let result = try Shell.run("/usr/bin/curl", ["-sS", "--cacert", directory.appendingPathComponent("cert.pem").path, "-D", "-",
                                                     "--max-time", "20"] + arguments,
                                   in: directory, environment: ProcessInfo.processInfo.environment)
        try #require(result.status == 0, "curl \(arguments): \(result.stderr)")
        let parts = result.stdout.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, head.lowercased(), parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    @Test("behind nginx terminating TLS: https links, a session for every page, a Secure cookie, foreign origins refused",
          .enabled(if: ProxyTests.ready, "nginx, openssl or curl is missing (make test installs them): the TLS proxy test is skipped"),
          .timeLimit(.minutes(3)))
    func behindNginx() throws {
        let binary = CharterCLIBinary.path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "the charter binary is built")
        let scratch = Scratch("charter-proxy")
        let proxy = Scratch("charter-nginx")
        let git = GitCLI(scratch.url)
        try git.initialise()
        try FileManager.default.copyItem(at: ConsoleFixture.bundledCharter, to: scratch.url.appendingPathComponent("charter"))
        try git.commitAll("Charte initiale")
        let environment = Shell.environment(home: scratch.path)
        let added = try Shell.run(binary, ["facilitator", "add", "Claire Martin <claire.martin@example.org>", "--territories", "haut-verdal"],
                                  in: scratch.url, environment: environment)
        try #require(added.status == 0, "\(added.stderr)")

        // The certificate, for localhost.
        let certificate = try Shell.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                                                             "-addext", "subjectAltName=DNS:localhost", "-keyout", "key.pem", "-out", "cert.pem"],
                                        in: proxy.url, environment: ProcessInfo.processInfo.environment)
        try #require(certificate.status == 0, "\(certificate.stderr)")

        let public_ = try ProxyTests.freePort()
        let base = "https://localhost:\(public_)"
        let server = try BackgroundProcess(binary, ["serve", "--port", "0", "--base-url", base, "--trust-proxy"], in: scratch.url, environment: environment)
        defer { server.stop() }
        let announced = try server.waitForOutput(containing: "/signin/", timeout: 60)
        let backend = try #require(announced.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)\//)?.1).description
        let signIn = try #require(announced.firstMatch(of: /(https:\/\/localhost:\d+\/signin\/[0-9a-f]{64})/)?.1).description
        #expect(announced.contains("charter console: \(base)/"))

        try FileManager.default.createDirectory(at: proxy.url.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        let directory = proxy.path
        let configuration = """
            worker_processes 1;
            pid \(directory)/nginx.pid;
            error_log \(directory)/error.log;
            daemon off;
            events { worker_connections 64; }
            http {
              access_log off;
              client_body_temp_path \(directory)/tmp; proxy_temp_path \(directory)/tmp; fastcgi_temp_path \(directory)/tmp;
              uwsgi_temp_path \(directory)/tmp; scgi_temp_path \(directory)/tmp;
              client_max_body_size 5m;
              server {
                listen 127.0.0.1:\(public_) ssl;
                server_name localhost;
                ssl_certificate \(directory)/cert.pem;
                ssl_certificate_key \(directory)/key.pem;
                location / {
                  proxy_pass http://127.0.0.1:\(backend);
                  proxy_http_version 1.1;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-Host $http_host;
                  proxy_set_header X-Forwarded-Proto https;
                  proxy_buffering off;
                }
              }
            }
            """
        let file = proxy.url.appendingPathComponent("nginx.conf")
        try configuration.write(to: file, atomically: true, encoding: .utf8)
        let nginx = try BackgroundProcess(ProxyTests.nginx!, ["-p", directory, "-c", file.path], in: proxy.url,
                                          environment: ProcessInfo.processInfo.environment)
        defer { nginx.stop() }
        // Up when it answers.
        let deadline = Date().addingTimeInterval(30)
        var up = false
        while Date() < deadline && !up {
            up = (try? Shell.run("/usr/bin/curl", ["-sk", "-o", "/dev/null", base + "/assets/console.js"], in: proxy.url,
                                 environment: ProcessInfo.processInfo.environment).status) == 0
            if !up { Thread.sleep(forTimeInterval: 0.2) }
        }
        try #require(up, "nginx did not start: \(nginx.output) \((try? String(contentsOfFile: directory + "/error.log", encoding: .utf8)) ?? "")")

        // Every page needs a session behind the proxy.
        #expect(try ProxyTests.curl([base + "/"], in: proxy.url).status == 401)
        // The printed link, through TLS: a Secure, HttpOnly, SameSite=Strict cookie.
        let page = try ProxyTests.curl([signIn], in: proxy.url)
        #expect(page.status == 200)
        let token = String(signIn.split(separator: "/").last ?? "")
        let signedIn = try ProxyTests.curl(["-H", "Origin: \(base)", "--data", "token=\(token)", base + "/signin"], in: proxy.url)
        #expect(signedIn.status == 303)
        let cookieLine = try #require(signedIn.headers.split(separator: "\r\n").first { $0.hasPrefix("set-cookie:") })
        #expect(cookieLine.contains("secure") && cookieLine.contains("httponly") && cookieLine.contains("samesite=strict"), "\(cookieLine)")
        let cookie = try #require(cookieLine.firstMatch(of: /charter_session=([0-9a-f]{64})/)?.1).description
        #expect(try ProxyTests.curl(["-H", "Cookie: charter_session=\(cookie)", base + "/workshops"], in: proxy.url).status == 200)
        // An invitation made behind the proxy carries the public address.
        let invitations = try ProxyTests.curl(["-H", "Cookie: charter_session=\(cookie)", base + "/invitations"], in: proxy.url)
        let csrf = try #require(invitations.body.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)?.1).description
        let invited = try ProxyTests.curl(["-H", "Cookie: charter_session=\(cookie)", "-H", "Origin: \(base)",
                                           "--data", "csrf=\(csrf)&name=Amina&territory=haut-verdal&days=3", base + "/invitations"], in: proxy.url)
        #expect(invited.status == 201)
        #expect(invited.body.contains("value=\"\(base)/join/"), "the link is made with the base URL")
        // A write from another origin, and a request naming another host, are refused.
        let foreign = try ProxyTests.curl(["-H", "Cookie: charter_session=\(cookie)", "-H", "Origin: https://evil.example",
                                           "--data", "csrf=\(csrf)", base + "/signout"], in: proxy.url)
        #expect(foreign.status == 403)
        let rebinding = try ProxyTests.curl(["-H", "Host: evil.example:\(public_)", base + "/"], in: proxy.url)
        #expect(rebinding.status == 403)
    }
}
