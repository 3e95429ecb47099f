import CareerCopilotCore
import Vapor

/// The errors a form shows next to its fields instead of on an error page: validation,
/// conflicts, a wrong password, rate limits. Anything else is rethrown for the error page.
enum FormFailure {
    static func issues(of error: any Error) throws -> (issues: [String], status: HTTPResponseStatus) {
        switch error {
        case let error as DomainError:
            switch error {
            case let .validation(issues): return (issues, .unprocessableEntity)
            case let .badRequest(message, details): return ([message] + details, .badRequest)
            case let .conflict(message): return ([message], .conflict)
            case let .unauthorized(message): return ([message], .unauthorized)
            case let .forbidden(message): return ([message], .forbidden)
            default: throw error
            }
        case let error as APIError where error.status == .tooManyRequests:
            return ([error.message], .tooManyRequests)
        default:
            throw error
        }
    }
}
