import CareerCopilotCore
import Foundation
import Vapor

/// `{ "success": true, "data": …, "message": …, "timestamp": … }`: every successful
/// `/api/v1` answer.
struct Envelope<Payload: Encodable>: Encodable {
    let success = true
    let data: Payload
    let message: String
    let timestamp: Date
}

/// `{ "success": false, "error": { "code", "message", "details" }, "timestamp" }`.
struct ErrorEnvelope: Encodable {
    struct Body: Encodable {
        let code: String
        let message: String
        let details: [String]
    }

    let success = false
    let error: Body
    let timestamp: Date
}

/// A page of a list: `{ "items": [...], "page": 1, "page_size": 20, "total": 137 }`.
struct ListPage<Item> {
    let items: [Item]
    let page: Int
    let pageSize: Int
    let total: Int

    enum CodingKeys: String, CodingKey {
        case items, page, total
        case pageSize = "page_size"
    }

    init(items: [Item], request: Paging, total: Int) {
        self.items = items
        self.page = request.page
        self.pageSize = request.pageSize
        self.total = total
    }
}

extension ListPage: Encodable where Item: Encodable {}

extension Request {
    /// Answers `data` in the success envelope.
    func envelope<Payload: Encodable>(_ data: Payload, message: String, status: HTTPStatus = .ok) throws -> Response {
        let body = try APIJSON.encoder().encode(Envelope(data: data, message: message, timestamp: Date()))
        return Response.json(body, status: status)
    }
}

extension Request {
    /// Answers `data` in the success envelope, written by `JSONWriter` (same JSON, faster).
    func envelope<Payload: JSONWritable>(writing data: Payload, message: String, status: HTTPStatus = .ok) -> Response {
        var writer = JSONWriter(capacity: 64 * 1024)
        writer.object { json in
            json.key("success"); json.value(true)
            json.key("data"); data.write(to: &json)
            json.key("message"); json.value(message)
            json.key("timestamp"); json.value(Date())
        }
        return Response.json(Data(writer.bytes), status: status)
    }
}

extension Response {
    static func json(_ body: Data, status: HTTPStatus, headers extra: HTTPHeaders = [:]) -> Response {
        var headers = extra
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: body))
    }
}
