import CharterKit
import Foundation
import Hummingbird
import ServiceLifecycle

extension WebConsole {
    /// How long one event stream stays open; the browser reconnects by itself after. A stream
    /// also ends as soon as the console shuts down (Ctrl-C), which would otherwise wait for it.
    static let eventStreamLifetime: Duration = .seconds(300)

    /// `GET /workshops/ID/projection/CLAUSE/events`: server-sent events, one `change` event each
    /// time something is recorded (through this console, or by anyone else on the deliberation
    /// branch), checked four times a second; a comment line every 15 seconds keeps proxies from
    /// closing the stream.
    func projectionEvents(_ request: Request, context: BasicRequestContext) async throws -> Response {
        var exchange = Exchange(console: self, request: request, parameters: context.parameters)
        exchange.session = currentSession(request)
        if options.readRequiresSession, exchange.session == nil {
            return failure(ConsoleFailure(.unauthorized, say("console.error.sign-in-first")), exchange: exchange).response(for: exchange)
        }
        do {
            _ = try exchange.id("workshop")
            _ = try exchange.id("clause")
        } catch {
            return failure(error, exchange: exchange).response(for: exchange)
        }
        var headers = HTTPFields()
        SecurityHeaders.apply(to: &headers)
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.init("X-Accel-Buffering")!] = "no"
        let signal = changes
        let store = try repository.deliberationStore()
        let body = ResponseBody { writer in
            var seen = signal.current
            var version = try? store.version()
            let clock = ContinuousClock()
            let end = clock.now.advanced(by: WebConsole.eventStreamLifetime)
            var lastWrite = clock.now
            var tick = 0
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            while clock.now < end, !Task.isShuttingDownGracefully, !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(250))
                tick += 1
                var changed = signal.current != seen
                if !changed, tick % 4 == 0 {
                    let now = try? store.version()
                    changed = now != version
                }
                if changed {
                    seen = signal.current
                    version = try? store.version()
                    try await writer.write(ByteBuffer(string: "event: change\ndata: \(seen)\n\n"))
                    lastWrite = clock.now
                } else if clock.now - lastWrite > .seconds(15) {
                    try await writer.write(ByteBuffer(string: ": still here\n\n"))
                    lastWrite = clock.now
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
