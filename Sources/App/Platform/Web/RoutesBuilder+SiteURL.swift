import CareerCopilotWeb
import Vapor

/// Page routes are registered by their `SiteURL`, the same value that pages link to.
extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ address: SiteURL, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        get(Self.components(address.pattern), use: handler)
    }

    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ address: (Int) -> SiteURL, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        get(Self.components(SiteURL.pattern(of: address)), use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ address: SiteURL, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        post(Self.components(address.pattern), use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ address: (Int) -> SiteURL, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        post(Self.components(SiteURL.pattern(of: address)), use: handler)
    }

    /// A form post that carries a file, its body collected up to `maxSize`.
    @discardableResult
    func upload<Response: AsyncResponseEncodable>(_ address: SiteURL, maxSize: ByteCount, use handler: @escaping @Sendable (Request) async throws -> Response)
        -> Route
    {
        on(.POST, Self.components(address.pattern), body: .collect(maxSize: maxSize), use: handler)
    }

    private static func components(_ pattern: [String]) -> [PathComponent] {
        pattern.map { PathComponent(stringLiteral: $0) }
    }
}

extension Request {
    /// The id of a page address with one (`SiteURL.job(_:)` …); not found when it is no id.
    func pageID(resource: String) throws -> Int {
        try idParameter(SiteURL.idParameter, resource: resource)
    }
}
