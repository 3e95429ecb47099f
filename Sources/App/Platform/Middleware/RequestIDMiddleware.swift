import Foundation
import Vapor

/// Gives every request an id: the client's `X-Request-ID` when it is a sane token, a new
/// UUID otherwise. The id goes into every log line of the request and into the response.
/// It also notes when the request arrived.
struct RequestIDMiddleware: AsyncMiddleware {
    let time: any TimeSource

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.storage[ArrivalKey.self] = time.now
        let incoming = request.headers.first(name: .xRequestId)
        let id: String
        if let incoming, Self.isAcceptable(incoming) {
            id = incoming
        } else {
            id = UUID().uuidString
            request.logger[metadataKey: "request-id"] = .string(id)
        }
        request.storage[RequestIDKey.self] = id
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: .xRequestId, value: id)
        return response
    }

    /// Letters, digits and `-_.:`, at most 128: nothing that could forge a log line.
    static func isAcceptable(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 128
            && value.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
            }
    }
}

private struct RequestIDKey: StorageKey {
    typealias Value = String
}

private struct ArrivalKey: StorageKey {
    typealias Value = Date
}

extension Request {
    /// The id of this request, as answered in `X-Request-ID`.
    var requestID: String { storage[RequestIDKey.self] ?? id }

    /// When the request arrived: what a client did when, however long the server then took.
    var arrivedAt: Date { storage[ArrivalKey.self] ?? Date() }
}
