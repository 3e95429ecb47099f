import CareerCopilotWeb
import Foundation
import Vapor

@testable import App

/// A browser as the pages see it: a cookie jar, and forms sent with the CSRF token the
/// page set, as `application/x-www-form-urlencoded`. Redirects are not followed.
final class Browser: @unchecked Sendable {
    let server: TestServer
    private(set) var cookies: [String: String] = [:]

    init(_ server: TestServer) {
        self.server = server
    }

    var csrfToken: String { cookies["cc_csrf"] ?? "" }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> TestResponse {
        try await send(.GET, path, body: nil, headers: headers)
    }

    /// Sends a form, with the page's CSRF token unless `csrf` says otherwise.
    func submit(_ path: String, _ fields: [String: String] = [:], csrf: String? = nil, headers: [(String, String)] = []) async throws -> TestResponse {
        if cookies["cc_csrf"] == nil { _ = try await get(SiteURL.login.path) }
        var fields = fields
        fields["csrf_token"] = csrf ?? csrfToken
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: body, headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers)
    }

    /// Sends a file form (`multipart/form-data`): the file in `field`, the CSRF token beside it.
    func upload(_ path: String, field: String = "file", filename: String, _ data: Data) async throws -> TestResponse {
        if cookies["cc_csrf"] == nil { _ = try await get(SiteURL.login.path) }
        let boundary = "cc-browser-\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(csrfToken)\r\n".utf8)
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n".utf8)
        body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8) + data + Data("\r\n--\(boundary)--\r\n".utf8)
        return try await send(.POST, path, body: nil, bytes: body, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")])
    }

    /// Signs up through the form and keeps the session.
    @discardableResult
    func signUp(_ email: String, password: String = "correct horse battery", name: String = "Test User") async throws -> TestResponse {
        _ = try await get(SiteURL.signup.path)
        return try await submit(SiteURL.signup.path, ["email": email, "password": password, "full_name": name])
    }

    func forget(_ cookie: String) {
        cookies[cookie] = nil
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?, bytes: Data? = nil, headers: [(String, String)]) async throws -> TestResponse {
        var all = headers
        if !cookies.isEmpty {
            all.append(("Cookie", cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")))
        }
        let response = try await server.request(method, path, body: body, bytes: bytes, headers: all)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard let name = pair.first.map(String.init) else { continue }
            let value = pair.count > 1 ? String(pair[1]) : ""
            let expired = header.lowercased().contains("max-age=0") || value.isEmpty
            cookies[name] = expired ? nil : value
        }
        return response
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension TestResponse {
    var location: String? { headers.first(name: .location) }
}
