import CareerCopilotWeb
import Vapor

/// `/assets/…`: the stylesheet and the script, from memory. Their names carry a hash of
/// their content, so browsers keep them for a year and a new build is fetched at once.
struct AssetsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("assets", ":name", use: asset)
    }

    func asset(request: Request) async throws -> Response {
        let path = request.url.path
        guard let asset = Asset.all.first(where: { $0.path == path }) else {
            throw Abort(.notFound, reason: "No such asset")
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: asset.contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        // Static text without secrets: safe and worth compressing (pages are not: see decision 0009).
        headers.responseCompression = .enable
        return Response(status: .ok, headers: headers, body: .init(string: asset.body))
    }
}
