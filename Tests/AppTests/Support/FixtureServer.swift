@testable import App
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A real HTTP server on a loopback port that answers as a job board would: each path gets
/// a list of planned answers (the last one repeats), and every hit is counted.
final class FixtureServer: Sendable {
    struct Answer: Sendable {
        var status: HTTPResponseStatus = .ok
        var body: String = ""
        var headers: [(String, String)] = []
        var contentType = "application/json"
    }

    let app: Application
    let port: Int
    private let plans: NIOLockedValueBox<[String: [Answer]]>
    private let hits: NIOLockedValueBox<[String: Int]>

    var baseURL: String { "http://127.0.0.1:\(port)" }

    static func start() async throws -> FixtureServer {
        let app = try await Application.make(.testing)
        let plans = NIOLockedValueBox<[String: [Answer]]>([:])
        let hits = NIOLockedValueBox<[String: Int]>([:])
        app.middleware = Middlewares()
        app.get(.catchall) { request -> Response in
            let path = request.url.path
            let count = hits.withLockedValue { counts -> Int in
                counts[path, default: 0] += 1
                return counts[path]!
            }
            guard let answers = plans.withLockedValue({ $0[path] }), !answers.isEmpty else { return Response(status: .notFound, body: "no such board") }
            let answer = answers[min(count - 1, answers.count - 1)]
            var headers = HTTPHeaders(answer.headers)
            headers.replaceOrAdd(name: .contentType, value: answer.contentType)
            return Response(status: answer.status, headers: headers, body: .init(string: answer.body))
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        return FixtureServer(app: app, port: app.http.server.shared.localAddress!.port!, plans: plans, hits: hits)
    }

    private init(app: Application, port: Int, plans: NIOLockedValueBox<[String: [Answer]]>, hits: NIOLockedValueBox<[String: Int]>) {
        self.app = app
        self.port = port
        self.plans = plans
        self.hits = hits
    }

    func serve(_ path: String, _ answers: Answer...) {
        plans.withLockedValue { $0[path] = answers }
    }

    func hitCount(_ path: String) -> Int {
        hits.withLockedValue { $0[path, default: 0] }
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
