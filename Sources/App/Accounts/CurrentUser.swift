import CareerCopilotCore
import Fluent
import Vapor

/// Who is making the request. Every service call that touches private data takes it.
struct CurrentUser: Sendable {
    let id: Int
    let isAdmin: Bool
    /// Name and e-mail as read when a token was checked (the page header shows them without
    /// reading the user again); nil where the user was not read.
    var name: String?
    var email: String?
}

/// Resolves the current user for `/api/v1`: the bearer access token's user, or the session
/// cookie's (with a CSRF check on unsafe methods); without either, user 1 in single-user mode,
/// and 401 otherwise.
struct CurrentUserMiddleware: AsyncMiddleware {
    let services: AppServices
    private var singleUser: Bool { services.configuration.singleUser }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let bearer = request.headers.bearerAuthorization?.token
        let cookie = request.cookies[SessionCookies.access].map(\.string).flatMap { $0.isEmpty ? nil : $0 }
        if let token = bearer ?? cookie {
            let (user, payload) = try await AuthService(request: request, services: services).authenticate(bearer: token)
            // A browser: cookies come with every request, even one another site triggers, so
            // unsafe requests they carry must also prove they come from our page.
            if bearer == nil, ![.GET, .HEAD, .OPTIONS].contains(request.method) {
                if request.headers.first(name: SessionCookies.csrfHeader) == nil { try await request.collectBody() }
            }
            if bearer == nil, ![.GET, .HEAD, .OPTIONS].contains(request.method), !SessionCookies.hasValidCSRFToken(request) {
                throw DomainError.forbidden("Missing or wrong CSRF token: send the cc_csrf cookie's value in X-CSRF-Token")
            }
            request.storage[CurrentUserKey.self] = user
            request.storage[AccessTokenKey.self] = payload
        } else if singleUser {
            // User 1 is created by a migration and is the admin of a single-user install.
            request.storage[CurrentUserKey.self] = CurrentUser(id: 1, isAdmin: true)
        } else {
            throw DomainError.unauthorized("Sign in: send Authorization: Bearer <access_token>")
        }
        return try await next.respond(to: request)
    }
}

private struct CurrentUserKey: StorageKey {
    typealias Value = CurrentUser
}

private struct AccessTokenKey: StorageKey {
    typealias Value = AuthToken
}

extension Request {
    /// The authenticated user; only on routes behind `CurrentUserMiddleware`.
    var currentUser: CurrentUser {
        get throws {
            guard let user = storage[CurrentUserKey.self] else {
                throw DomainError.unauthorized("Sign in to use the API")
            }
            return user
        }
    }

    /// The verified access token of this request, when it came with one.
    var accessToken: AuthToken? { storage[AccessTokenKey.self] }
}
