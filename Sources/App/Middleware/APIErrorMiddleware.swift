import Vapor

/// Turns every error into the API's error envelope, keeping its real status; a request for
/// a known path with the wrong method answers 405 with `Allow`.
struct APIErrorMiddleware: AsyncMiddleware {
    let methods: RouteMethodIndex

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            var apiError = APIError(from: error, requestID: request.requestID)
            // No route matched this method; if the path has routes for others, say which.
            if apiError.status == .notFound, request.route == nil,
               let allowed = methods.allowedMethods(for: request.url.path), !allowed.isEmpty {
                apiError = APIError(
                    status: .methodNotAllowed,
                    message: "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: ", "))",
                    headers: ["Allow": allowed.joined(separator: ", ")]
                )
            }
            if apiError.isServerFault {
                request.logger.error("Request failed", metadata: ["error": .string(String(reflecting: error))])
            }
            return apiError.response()
        }
    }
}
