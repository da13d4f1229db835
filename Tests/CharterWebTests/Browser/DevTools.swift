import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal WebSocket client (RFC 6455) over a blocking TCP socket to 127.0.0.1: enough
/// for the Chrome DevTools protocol, whose messages are JSON text frames. Every read has a
/// timeout, so a silent browser fails the test instead of hanging it.
final class WebSocketConnection {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(port: Int, path: String, timeout: TimeInterval = 30) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var key = [UInt8](repeating: 0, count: 16)
        for index in key.indices { key[index] = UInt8.random(in: 0...255) }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: \(Data(key).base64EncodedString())\r\nSec-WebSocket-Version: 13\r\n\r\n"
        try write(Array(request.utf8))
        let terminator: [UInt8] = [13, 10, 13, 10]
        while true {
            if let end = buffer.firstRange(of: terminator) {
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                buffer.removeSubrange(..<end.upperBound)
                guard head.hasPrefix("HTTP/1.1 101") else { throw Failure(description: "no WebSocket upgrade: \(head)") }
                break
            }
            try fill()
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        let payload = Array(text.utf8)
        var frame: [UInt8] = [0x81]
        if payload.count < 126 {
            frame.append(0x80 | UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            frame.append(0x80 | 126)
            frame += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            frame.append(0x80 | 127)
            for shift in stride(from: 56, through: 0, by: -8) { frame.append(UInt8((payload.count >> shift) & 0xFF)) }
        }
        let mask = (0..<4).map { _ in UInt8.random(in: 0...255) }
        frame += mask
        frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        try write(frame)
    }

    /// The next text message (continuation frames joined; pings answered).
    func receive() throws -> String {
        var message: [UInt8] = []
        while true {
            let (final, opcode, payload) = try frame()
            switch opcode {
            case 0x1, 0x0:
                message += payload
                if final { return String(decoding: message, as: UTF8.self) }
            case 0x9:
                try write([0x8A, 0x80 | UInt8(payload.count)] + [0, 0, 0, 0] + payload)
            case 0x8:
                throw Failure(description: "the browser closed the connection")
            default:
                continue
            }
        }
    }

    private func frame() throws -> (Bool, UInt8, [UInt8]) {
        try need(2)
        let first = buffer[0], second = buffer[1]
        var length = Int(second & 0x7F)
        var offset = 2
        if length == 126 {
            try need(4)
            length = Int(buffer[2]) << 8 | Int(buffer[3])
            offset = 4
        } else if length == 127 {
            try need(10)
            length = (2..<10).reduce(0) { $0 << 8 | Int(buffer[$1]) }
            offset = 10
        }
        let masked = second & 0x80 != 0
        let maskOffset = offset
        if masked { offset += 4 }
        try need(offset + length)
        var payload = Array(buffer[offset..<(offset + length)])
        if masked {
            let mask = Array(buffer[maskOffset..<(maskOffset + 4)])
            payload = payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        }
        buffer.removeSubrange(..<(offset + length))
        return (first & 0x80 != 0, first & 0x0F, payload)
    }

    private func need(_ count: Int) throws {
        while buffer.count < count { try fill() }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        guard count > 0 else { throw Failure(description: count == 0 ? "connection closed" : "read timed out or failed (errno \(errno))") }
        buffer += chunk[..<count]
    }

    private func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "write failed (errno \(errno))") }
            sent += count
        }
    }
}

/// The Chrome DevTools protocol over one WebSocket to the browser, with one page attached
/// (flattened session): navigate, evaluate, click, screenshot.
final class DevTools {
    private let socket: WebSocketConnection
    private var nextID = 0
    private var session: String?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A new page (tab) of the browser; `isolated`: in a browser context of its own, with its
    /// own cookies (another person's browser).
    init(port: Int, browserPath: String, isolated: Bool = false) throws {
        socket = try WebSocketConnection(port: port, path: browserPath)
        var target: [String: Any] = ["url": "about:blank"]
        if isolated {
            let context = try call("Target.createBrowserContext", [:], onPage: false)
            if let id = context["browserContextId"] as? String { target["browserContextId"] = id }
        }
        let created = try call("Target.createTarget", target, onPage: false)
        guard let targetID = created["targetId"] as? String else { throw Failure(description: "no target: \(created)") }
        let attached = try call("Target.attachToTarget", ["targetId": targetID, "flatten": true], onPage: false)
        session = attached["sessionId"] as? String
        _ = try call("Page.enable")
        _ = try call("Emulation.setDeviceMetricsOverride", ["width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": false])
    }

    /// Sends a command and waits for its answer (events in between are skipped).
    @discardableResult
    func call(_ method: String, _ parameters: [String: Any] = [:], onPage: Bool = true) throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": parameters]
        if onPage, let session { message["sessionId"] = session }
        try socket.send(String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self))
        while true {
            let text = try socket.receive()
            guard let answer = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  answer["id"] as? Int == nextID else { continue }
            if let error = answer["error"] { throw Failure(description: "\(method): \(error)") }
            return answer["result"] as? [String: Any] ?? [:]
        }
    }

    /// Evaluates JavaScript in the page and returns its value.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try call("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] { throw Failure(description: "script failed: \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    func navigate(_ url: String) throws {
        try call("Page.navigate", ["url": url])
        try waitFor(url: { $0.hasPrefix(url) })
    }

    /// Waits until the page at a URL satisfying `matches` has loaded.
    func waitFor(url matches: (String) -> Bool, timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            if let state = try? evaluate("document.readyState + ' ' + location.href") as? String {
                last = state
                let parts = state.split(separator: " ", maxSplits: 1).map(String.init)
                if parts.count == 2, parts[0] == "complete", matches(parts[1]) { return }
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Failure(description: "the page did not load in time (last: \(last))")
    }

    /// A PNG of the whole page (up to 4,000 pixels high).
    func screenshot(to url: URL) throws {
        let metrics = try call("Page.getLayoutMetrics")
        let size = metrics["cssContentSize"] as? [String: Any] ?? [:]
        let width = (size["width"] as? Double) ?? 1366, height = min((size["height"] as? Double) ?? 900, 4000)
        let shot = try call("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true,
                                                       "clip": ["x": 0, "y": 0, "width": width, "height": height, "scale": 1]])
        guard let base64 = shot["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot data")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// The viewport: 1024×768 for a projector, 390 wide for a phone.
    func viewport(width: Int, height: Int, mobile: Bool = false) throws {
        try call("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile])
    }

    /// F5: reloads the page as it was loaded (a page answering a POST is posted again).
    func reload() throws {
        try evaluate("window.__beforeReload = true; true")
        try call("Page.reload", ["ignoreCache": false])
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if (try? evaluate("window.__beforeReload === undefined && document.readyState === 'complete'")) as? Bool == true { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Failure(description: "the page did not reload in time")
    }

    func closeBrowser() {
        _ = try? call("Browser.close", onPage: false)
    }
}
