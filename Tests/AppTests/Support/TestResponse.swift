import CareerCopilotCore
import Foundation
import Testing
import Vapor

/// An HTTP response as a test reads it.
struct TestResponse: Sendable {
    let status: HTTPResponseStatus
    let headers: HTTPHeaders
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    var json: JSONValue {
        get throws { try JSONDecoder().decode(JSONValue.self, from: body) }
    }

    /// `data` of a success envelope, after checking the envelope's shape.
    var data: JSONValue {
        get throws {
            let json = try json
            #expect(json["success"] == .bool(true), "expected a success envelope, got \(text)")
            #expect(json["message"]?.stringValue != nil)
            #expect(json["timestamp"]?.stringValue.flatMap(ISODate.parse) != nil)
            return try #require(json["data"])
        }
    }

    /// The `error` object of an error envelope, after checking the envelope's shape.
    var error: (code: String, message: String, details: [String]) {
        get throws {
            let json = try json
            #expect(json["success"] == .bool(false), "expected an error envelope, got \(text)")
            #expect(json["timestamp"]?.stringValue.flatMap(ISODate.parse) != nil)
            let error = try #require(json["error"])
            let details = try #require(error["details"]?.arrayValue).compactMap(\.stringValue)
            return (try #require(error["code"]?.stringValue), try #require(error["message"]?.stringValue), details)
        }
    }
}
