import CareerCopilotCore
import Crypto
import Foundation
import Vapor

/// The same tokens for browsers, in cookies: `cc_access` and `cc_refresh` are `HttpOnly`
/// (script cannot read them) and `SameSite=Lax`, `Secure` when the request came over HTTPS;
/// `cc_csrf` is readable by the page, which echoes it in `X-CSRF-Token` (or a `csrf_token`
/// form field) on every unsafe request that the cookies authenticate.
enum SessionCookies {
    static let access = "cc_access"
    static let refresh = "cc_refresh"
    static let csrf = "cc_csrf"
    static let csrfHeader = "X-CSRF-Token"
    /// The reader's IANA time zone, for the pages: not a secret, readable by the page script.
    static let timeZone = "cc_tz"
    /// The form field that echoes the token.
    static let csrfField = "csrf_token"

    /// Sets the session cookies. A new sign-in gets a new CSRF token; a silent renewal of the
    /// session keeps the current one (`csrfToken`), so forms open in other tabs still work.
    static func set(_ tokens: AuthService.TokenPair, on response: Response, for request: Request, csrfToken: String? = nil) {
        let secure = isHTTPS(request)
        response.cookies[access] = HTTPCookies.Value(
            string: tokens.accessToken, maxAge: tokens.expiresIn, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax
        )
        response.cookies[refresh] = HTTPCookies.Value(
            string: tokens.refreshToken, maxAge: tokens.refreshExpiresIn, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax
        )
        setCSRF(csrfToken ?? newCSRFToken(), maxAge: tokens.refreshExpiresIn, on: response, for: request)
    }

    /// The form token lives as long as a session may (`maxAge`: the refresh token's lifetime).
    static func setCSRF(_ token: String, maxAge: Int, on response: Response, for request: Request) {
        response.cookies[csrf] = HTTPCookies.Value(
            string: token, maxAge: maxAge, path: "/",
            isSecure: isHTTPS(request), isHTTPOnly: false, sameSite: .lax
        )
    }

    static func clear(on response: Response) {
        for name in [access, refresh, csrf] {
            response.cookies[name] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/")
        }
    }

    /// Whether an unsafe request authenticated by cookie carries the page's CSRF token.
    static func hasValidCSRFToken(_ request: Request) -> Bool {
        guard let expected = request.cookies[csrf]?.string, !expected.isEmpty else { return false }
        let sent = request.headers.first(name: csrfHeader) ?? sentField(request)
        guard let sent else { return false }
        // Constant time: the comparison must not tell how much of a guess was right.
        return Data(sent.utf8).count == Data(expected.utf8).count
            && zip(sent.utf8, expected.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The token in the body: flat form fields read as written (`URLEncodedForm`), a multipart
    /// upload's field through Vapor's decoder.
    private static func sentField(_ request: Request) -> String? {
        if request.headers.contentType == .urlEncodedForm, let body = request.body.data {
            return URLEncodedForm.fields(body.readableBytesView)[csrfField]
        }
        return try? request.content.get(String.self, at: csrfField)
    }

    static func isHTTPS(_ request: Request) -> Bool {
        request.url.scheme == "https" || request.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }

    /// Remembers the zone a person chose, for the pages of this browser.
    static func setTimeZone(_ identifier: String?, on response: Response, for request: Request) {
        guard let identifier else { return }
        response.cookies[timeZone] = HTTPCookies.Value(
            string: identifier.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "UTC", maxAge: 365 * 86_400, path: "/",
            isSecure: isHTTPS(request), isHTTPOnly: false, sameSite: .lax
        )
    }

    static func newCSRFToken() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64URLEncodedString() }
    }
}

extension Data {
    /// Base64 with the URL- and cookie-safe alphabet (`-`, `_`) and no padding.
    func base64URLEncodedString() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
