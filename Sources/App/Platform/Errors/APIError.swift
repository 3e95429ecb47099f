import CareerCopilotCore
import Fluent
import Foundation
import Vapor

/// An error as the API answers it: status, code, message and details.
/// The one place where errors of every layer become HTTP.
struct APIError: Error {
    var status: HTTPStatus
    var code: String
    var message: String
    var details: [String] = []
    var headers: HTTPHeaders = [:]
    /// Whether the cause should be logged as a server fault.
    var isServerFault = false

    static func code(for status: HTTPStatus) -> String {
        switch status.code {
        case 400: "BAD_REQUEST"
        case 401: "UNAUTHORIZED"
        case 403: "FORBIDDEN"
        case 404: "NOT_FOUND"
        case 405: "METHOD_NOT_ALLOWED"
        case 409: "CONFLICT"
        case 413: "PAYLOAD_TOO_LARGE"
        case 415: "UNSUPPORTED_MEDIA_TYPE"
        case 422: "VALIDATION_ERROR"
        case 429: "RATE_LIMITED"
        case 503: "SERVICE_UNAVAILABLE"
        case 400..<500: "BAD_REQUEST"
        default: "INTERNAL_ERROR"
        }
    }

    init(status: HTTPStatus, message: String, details: [String] = [], headers: HTTPHeaders = [:]) {
        self.status = status
        self.code = Self.code(for: status)
        self.message = message
        self.details = details
        self.headers = headers
    }

    /// Maps any error thrown while answering a request.
    init(from error: any Error, requestID: String) {
        // A database that cannot serve now is not our bug: 503, whatever the driver threw.
        if let problem = DatabaseAvailability.problem(of: error) {
            self.init(databaseProblem: problem)
            return
        }
        switch error {
        case let error as APIError:
            self = error
        case let error as DomainError:
            self.init(domain: error)
        case let error as any AbortError:
            let message = error.reason.isEmpty ? error.status.reasonPhrase : error.reason
            self.init(status: error.status, message: Self.friendlyMessage(for: error.status) ?? message, headers: error.headers)
            if error.status.code >= 500 { isServerFault = true }
        case let error as DecodingError:
            self.init(status: .badRequest, message: "The request could not be decoded", details: [Self.describe(error)])
        case let error as any DatabaseError where error.isConstraintFailure:
            self.init(status: .conflict, message: "The change conflicts with existing data")
        default:
            self.init(
                status: .internalServerError,
                message: "An unexpected error occurred. Quote request id \(requestID) when reporting it."
            )
            isServerFault = true
        }
    }

    /// 503 with `Retry-After` for a database that cannot serve now.
    private init(databaseProblem problem: DatabaseAvailability.Problem) {
        let message =
            problem == .notWritable
            ? "The database cannot be written (a read-only file or a full disk); nothing was changed"
            : "The database is not available right now; nothing was changed. Try again in a moment"
        self.init(status: .serviceUnavailable, message: message, headers: ["Retry-After": "5"])
        isServerFault = true
    }

    init(domain error: DomainError) {
        switch error {
        case let .validation(issues):
            self.init(status: .unprocessableEntity, message: "Validation failed", details: issues)
        case let .badRequest(message, details):
            self.init(status: .badRequest, message: message, details: details)
        case let .notFound(message):
            self.init(status: .notFound, message: message)
        case let .conflict(message):
            self.init(status: .conflict, message: message)
        case let .forbidden(message):
            self.init(status: .forbidden, message: message)
        case let .unauthorized(message):
            self.init(status: .unauthorized, message: message)
        }
    }

    /// Clearer words than the framework's for the statuses clients meet most.
    private static func friendlyMessage(for status: HTTPStatus) -> String? {
        switch status {
        case .notFound: "No such route"
        case .payloadTooLarge: "The request body is larger than the limit of 1 MiB"
        case .unsupportedMediaType: "The request body must be JSON (Content-Type: application/json)"
        default: nil
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .dataCorrupted(context), let .keyNotFound(_, context), let .typeMismatch(_, context), let .valueNotFound(_, context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "invalid input"
        }
    }

    /// The error envelope as a response.
    func response() -> Response {
        let envelope = ErrorEnvelope(error: .init(code: code, message: message, details: details), timestamp: Date())
        let body = (try? APIJSON.encoder().encode(envelope)) ?? Data(#"{"success":false}"#.utf8)
        return Response.json(body, status: status, headers: headers)
    }
}
