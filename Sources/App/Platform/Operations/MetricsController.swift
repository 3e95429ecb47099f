import CoreMetrics
import Prometheus
import Vapor

/// `GET /metrics`: Prometheus text format. Vapor reports every request's count and
/// duration by route pattern, method and status through swift-metrics.
struct MetricsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: metrics)
    }

    func metrics(request: Request) async throws -> Response {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16_384)
        PrometheusMetrics.registry.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.add(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }
}

/// The process-wide registry. swift-metrics can be bootstrapped once per process, so this
/// happens on first use and every `Application` (tests make many) shares it.
enum PrometheusMetrics {
    static let registry = PrometheusCollectorRegistry()

    private static let bootstrapped: Void = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }()

    static func bootstrapOnce() {
        _ = bootstrapped
    }
}
