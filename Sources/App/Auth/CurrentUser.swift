import CareerCopilotCore
import Fluent
import Vapor

/// Who is making the request. Every service call that touches private data takes it.
struct CurrentUser: Sendable {
    let id: Int
    let isAdmin: Bool
}

/// Resolves the current user for `/api/v1`. In single-user mode that is user 1; the
/// accounts work adds bearer tokens here.
struct CurrentUserMiddleware: AsyncMiddleware {
    let singleUser: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard singleUser else {
            throw DomainError.unauthorized("Sign in to use the API")
        }
        // User 1 is created by a migration and is the admin of a single-user install.
        request.storage[CurrentUserKey.self] = CurrentUser(id: 1, isAdmin: true)
        return try await next.respond(to: request)
    }
}

private struct CurrentUserKey: StorageKey {
    typealias Value = CurrentUser
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
}
