import Foundation
import NIOConcurrencyHelpers
import Vapor

@testable import App

/// A real HTTP server on a loopback port that answers as a job board would: each path gets
/// a list of planned answers (the last one repeats), every hit is counted, and the last
/// request to each path is kept (its query and headers).
final class FixtureServer: Sendable {
    struct Answer: Sendable {
        var status: HTTPResponseStatus = .ok
        var body: String = ""
        var headers: [(String, String)] = []
        var contentType = "application/json"
        /// Waits this long before answering (slow boards, timeouts).
        var delay: Duration = .zero
        /// Sends the body a byte at a time with this pause between bytes (a trickling server).
        var trickle: Duration = .zero
    }

    /// What a request carried.
    struct Seen: Sendable {
        var query: String?
        var headers: [String: String]
    }

    let app: Application
    let port: Int
    private let plans: NIOLockedValueBox<[String: [Answer]]>
    private let hits: NIOLockedValueBox<[String: Int]>
    private let seen: NIOLockedValueBox<[String: Seen]>

    var baseURL: String { "http://127.0.0.1:\(port)" }
    /// The same server by name: what a source behind DNS looks like to the fetcher.
    var namedBaseURL: String { "http://localhost:\(port)" }

    static func start() async throws -> FixtureServer {
        let app = try await Application.make(.testing)
        let plans = NIOLockedValueBox<[String: [Answer]]>([:])
        let hits = NIOLockedValueBox<[String: Int]>([:])
        let seen = NIOLockedValueBox<[String: Seen]>([:])
        app.middleware = Middlewares()
        app.get(.catchall) { request -> Response in
            let path = request.url.path
            let count = hits.withLockedValue { counts -> Int in
                counts[path, default: 0] += 1
                return counts[path]!
            }
            let requestHeaders = Dictionary(request.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
            seen.withLockedValue { $0[path] = Seen(query: request.url.query, headers: requestHeaders) }
            guard let answers = plans.withLockedValue({ $0[path] }), !answers.isEmpty else { return Response(status: .notFound, body: "no such board") }
            let answer = answers[min(count - 1, answers.count - 1)]
            if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
            var headers = HTTPHeaders(answer.headers)
            headers.replaceOrAdd(name: .contentType, value: answer.contentType)
            if answer.trickle > .zero {
                let bytes = Array(answer.body.utf8)
                return Response(
                    status: answer.status, headers: headers,
                    body: .init(asyncStream: { writer in
                        do {
                            for byte in bytes {
                                try await writer.writeBuffer(ByteBuffer(bytes: [byte]))
                                try await Task.sleep(for: answer.trickle)
                            }
                            try await writer.write(.end)
                        } catch {
                            // The client hung up: the stream must still be ended.
                            try? await writer.write(.error(error))
                        }
                    }))
            }
            return Response(status: answer.status, headers: headers, body: .init(string: answer.body))
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        return FixtureServer(app: app, port: app.http.server.shared.localAddress!.port!, plans: plans, hits: hits, seen: seen)
    }

    private init(
        app: Application, port: Int, plans: NIOLockedValueBox<[String: [Answer]]>, hits: NIOLockedValueBox<[String: Int]>,
        seen: NIOLockedValueBox<[String: Seen]>
    ) {
        self.app = app
        self.port = port
        self.plans = plans
        self.hits = hits
        self.seen = seen
    }

    func serve(_ path: String, _ answers: Answer...) {
        plans.withLockedValue { $0[path] = answers }
    }

    func hitCount(_ path: String) -> Int {
        hits.withLockedValue { $0[path, default: 0] }
    }

    /// The last request to `path`.
    func lastRequest(_ path: String) -> Seen? {
        seen.withLockedValue { $0[path] }
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
