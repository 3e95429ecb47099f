import Fluent
import Foundation
import SQLKit
import Vapor

/// `GET /health`: no auth, no envelope (as in the seed). 200 when healthy or degraded,
/// 503 when the database cannot be reached.
struct HealthController: RouteCollection {
    let startedAt: Date

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
    }

    struct Report: Encodable {
        struct Component: Encodable {
            let status: String
            var kind: String?
            var latencyMs: Double?
            var error: String?

            enum CodingKeys: String, CodingKey {
                case status, kind, error
                case latencyMs = "latency_ms"
            }
        }

        let status: String
        let database: Component
        let queue: Component
        let workers: Component
        let uptimeSeconds: Int
        let version: String

        enum CodingKeys: String, CodingKey {
            case status, database, queue, workers, version
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
        } catch {
            database = .init(status: "down", kind: database.kind, error: "The database cannot be reached")
            request.logger.error("Health check: database unreachable", metadata: ["error": .string(String(reflecting: error))])
        }
        let healthy = database.status == "up"
        let report = Report(
            status: healthy ? "healthy" : "unhealthy",
            database: database,
            // The background queue arrives with the background-work issue; until then nothing waits.
            queue: .init(status: "not_configured"),
            workers: .init(status: "not_configured"),
            uptimeSeconds: Int(Date().timeIntervalSince(startedAt)),
            version: CareerCopilotVersion.current
        )
        let response = Response.json(try APIJSON.encoder().encode(report), status: healthy ? .ok : .serviceUnavailable)
        response.headers.cacheControl = .init(noStore: true)
        return response
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
