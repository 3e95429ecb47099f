import CareerCopilotCore
import Foundation
import Vapor

extension Request {
    /// The JSON body, as a schema-less value for `BodyReader`.
    /// 415 unless the body is declared JSON; 400 when it is missing or not valid JSON.
    func jsonBody() throws -> JSONValue {
        guard let type = headers.contentType, type.type == "application",
            type.subType == "json" || type.subType.hasSuffix("+json")
        else {
            throw Abort(.unsupportedMediaType)
        }
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw DomainError.badRequest("A JSON body is required")
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
        } catch {
            throw DomainError.badRequest("The request body is not valid JSON")
        }
    }

    /// The query string's items, in order, decoded as HTML forms encode them: `+` is a space
    /// (a browser sends "swift developer" as `swift+developer`, and a real plus as `%2B`).
    var queryItems: [(name: String, value: String)] {
        guard let query = url.query?.replacingOccurrences(of: "+", with: "%20"),
            let items = URLComponents(string: "?" + query)?.queryItems
        else { return [] }
        return items.map { ($0.name, $0.value ?? "") }
    }

    /// An integer id from the path; 404 when it is not one (no such resource can exist).
    func idParameter(_ name: String = "id", resource: String) throws -> Int {
        guard let raw = parameters.get(name), let id = Int(raw), id > 0, id <= Int(Int32.max) else {
            throw DomainError.notFound("\(resource) not found")
        }
        return id
    }
}
