import CareerCopilotWeb
import Fluent
import FluentKit
import Vapor

/// Turns every error into an answer with its real status: the API's error envelope for
/// `/api`, `/health` and `/metrics`, an error page in the product's style for every other
/// path. A request for a known path with the wrong method answers 405 with `Allow`.
struct APIErrorMiddleware: AsyncMiddleware {
    let methods: RouteMethodIndex
    let services: AppServices

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            var apiError = APIError(from: error, requestID: request.requestID)
            // The path exists for other methods only: say which. (Also when a parameter route
            // took the request, e.g. PUT /jobs/import reaching PUT /jobs/:id.)
            if apiError.status == .notFound, let allowed = methods.allowedMethods(for: request.url.path),
                !allowed.isEmpty, !allowed.contains(request.method.rawValue)
            {
                apiError = APIError(
                    status: .methodNotAllowed,
                    message: "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: ", "))",
                    headers: ["Allow": allowed.joined(separator: ", ")]
                )
            }
            if apiError.isServerFault {
                request.logger.error(
                    "Request failed",
                    metadata: ["error": .string(String(reflecting: error)), "method": .string(request.method.rawValue), "path": .string(request.url.path)])
            }
            return Self.isPage(request.url.path) ? await page(for: apiError, request) : apiError.response()
        }
    }

    /// Who is looking at an error page: the session's user when a page route resolved it, else
    /// the access cookie's (an unknown address reaches no page route), else the owner of a
    /// single-user install. Nobody, when none of these can be read.
    private func viewer(of request: Request) async -> PageContext.Viewer? {
        var current = request.webSession.user
        if current == nil, let cookie = request.cookies[SessionCookies.access]?.string, !cookie.isEmpty {
            current = try? await AuthService(request: request, services: services).authenticate(bearer: cookie).0
        }
        if current == nil, services.configuration.singleUser { current = CurrentUser(id: 1, isAdmin: true) }
        guard let current else { return nil }
        if let name = current.name, let email = current.email { return .init(name: name, email: email, isAdmin: current.isAdmin) }
        guard let user = try? await User.find(current.id, on: request.db) else { return nil }
        return .init(name: user.fullName ?? "", email: user.email, isAdmin: user.isAdmin)
    }

    static func isPage(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path == "/api" || path == "/health" || path == "/metrics")
    }

    private func page(for error: APIError, _ request: Request) async -> Response {
        // The navigation stays, so that a wrong address is one click from the right one.
        let context = PageContext(viewer: await viewer(of: request), singleUser: services.configuration.singleUser, csrfToken: "")
        let message =
            switch error.status {
            case .notFound: "There is nothing at this address. It may have been removed, or the link may be wrong."
            case .internalServerError: "Something went wrong on our side. Your data is safe; try again in a moment."
            default: ([error.message] + error.details).joined(separator: " ")
            }
        let html = ErrorPage.render(
            status: Int(error.status.code), reason: error.status.reasonPhrase, message: message,
            requestID: error.isServerFault ? request.requestID : nil, context: context
        )
        let response = request.page(html, status: error.status)
        for (name, value) in error.headers { response.headers.replaceOrAdd(name: name, value: value) }
        return response
    }
}
