import Fluent
import Foundation
import SQLKit
import Vapor

/// `GET /health`: no auth, no envelope (as in the seed). 200 when healthy or degraded,
/// 503 when the database cannot be reached.
struct HealthController: RouteCollection {
    let startedAt: Date
    let writeProbe: WriteProbe
    let embeddings: Embeddings

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
    }

    struct Report: Encodable {
        struct Component: Encodable {
            let status: String
            var kind: String?
            var latencyMs: Double?
            var error: String?
            var queued: Int?
            var running: Int?
            var failed: Int?
            var oldestWaitSeconds: Double?
            var alive: Int?
            var writable: Bool?

            enum CodingKeys: String, CodingKey {
                case status, kind, error, queued, running, failed, alive, writable
                case latencyMs = "latency_ms"
                case oldestWaitSeconds = "oldest_wait_seconds"
            }
        }

        let status: String
        let database: Component
        let queue: Component
        let workers: Component
        /// Semantic search: ready, embedding the catalogue (with its progress), unavailable
        /// (no model: keyword search only), or off.
        let semanticSearch: Embeddings.Status?
        let uptimeSeconds: Int
        let version: String

        enum CodingKeys: String, CodingKey {
            case status, database, queue, workers, version
            case semanticSearch = "semantic_search"
            case uptimeSeconds = "uptime_seconds"
        }
    }

    func health(request: Request) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        var database = Report.Component(status: "up", kind: request.db.dialect == .sqlite ? "sqlite" : "postgresql")
        do {
            try await request.db.sql.raw("SELECT 1").run()
            let elapsed = clock.now - start
            database.latencyMs = (Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000).rounded(toPlaces: 3)
            let write = await writeProbe.check(request.db)
            database.writable = write.writable
            if !write.writable {
                database = .init(status: "read_only", kind: database.kind, latencyMs: database.latencyMs, error: write.problem, writable: false)
            }
        } catch {
            database = .init(status: "down", kind: database.kind, error: "The database cannot be reached")
            request.logger.error("Health check: database unreachable", metadata: ["error": .string(String(reflecting: error))])
        }
        var queue = Report.Component(status: "unknown")
        var workers = Report.Component(status: "unknown")
        var semanticSearch: Embeddings.Status?
        if database.status != "down" {
            (queue, workers) = await background(request)
            semanticSearch = try? await embeddings.status(on: request.db)
        }
        let healthy = database.status != "down"
        let degraded = database.status == "read_only" || queue.status == "backlogged" || workers.status == "none_alive"
        let report = Report(
            status: !healthy ? "unhealthy" : degraded ? "degraded" : "healthy",
            database: database,
            queue: queue,
            workers: workers,
            semanticSearch: semanticSearch,
            uptimeSeconds: Int(Date().timeIntervalSince(startedAt)),
            version: CareerCopilotVersion.current
        )
        let response = Response.json(try APIJSON.encoder().encode(report), status: healthy ? .ok : .serviceUnavailable)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }
}

extension HealthController {
    /// Tasks waiting longer than this make the service degraded.
    static let maximumWait: TimeInterval = 300
    /// A worker that has not beaten for this long is taken for dead.
    static let workerSilence: TimeInterval = 90

    /// The queue's depth and the oldest wait; live workers (recent heartbeats). Degraded when
    /// a ready task has waited over five minutes, or tasks wait and no worker is alive.
    private func background(_ request: Request) async -> (queue: Report.Component, workers: Report.Component) {
        do {
            let depth = try await TaskQueue(database: request.db).depth()
            let alive =
                try await request.db.sql.raw(
                    "SELECT count(*) AS count FROM workers WHERE heartbeat_at >= \(bind: Date().addingTimeInterval(-Self.workerSilence))"
                )
                .first()?.decode(column: "count", as: Int.self) ?? 0
            let waited = depth.oldestWait ?? 0
            var queue = Report.Component(status: waited > Self.maximumWait ? "backlogged" : "ok")
            queue.queued = depth.queued
            queue.running = depth.running
            queue.failed = depth.failed
            queue.oldestWaitSeconds = depth.oldestWait.map { $0.rounded(toPlaces: 1) }
            var workers = Report.Component(status: alive > 0 ? "ok" : depth.queued > 0 ? "none_alive" : "idle")
            workers.alive = alive
            return (queue, workers)
        } catch {
            request.logger.error("Health check: queue unreadable", metadata: ["error": .string(String(reflecting: error))])
            return (.init(status: "unknown", error: "The queue cannot be read"), .init(status: "unknown"))
        }
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let scale = (0..<places).reduce(1.0) { value, _ in value * 10 }
        return (self * scale).rounded() / scale
    }
}

public enum CareerCopilotVersion {
    public static let current = "0.1.0"
}
