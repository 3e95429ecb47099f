import CareerCopilotCore
import CareerCopilotWeb
import Foundation
import Vapor

/// What a page request knows about its browser: the signed-in user (if any), the CSRF
/// token its forms carry, and the message the previous request left.
struct WebSession: Sendable {
    /// The product runs for one person, without accounts.
    var singleUser = false
    var user: CurrentUser?
    var csrfToken: String
    var flash: PageContext.Flash?
}

/// Resolves the browser session of every page request:
/// - the `cc_csrf` cookie, created on the first visit, whose value every form must echo
///   (checked here for every unsafe method, signed in or not: login CSRF too);
/// - the user from the `cc_access` cookie; when it has expired, the session is renewed with
///   `cc_refresh` (rotation as in the API); in single-user mode, user 1;
/// - the one-time flash message (`cc_flash`), cleared once read.
struct WebSessionMiddleware: AsyncMiddleware {
    let services: AppServices
    private var singleUser: Bool { services.configuration.singleUser }
    static let flashCookie = "cc_flash"
    static let expiredForm = DomainError.forbidden("This form has expired or did not come from Career Copilot. Reload the page and send it again.")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existingToken = request.cookies[SessionCookies.csrf]?.string ?? ""
        let csrfToken = existingToken.isEmpty ? SessionCookies.newCSRFToken() : existingToken
        var tokenExpired = false
        if ![.GET, .HEAD].contains(request.method) {
            // The token may be a field of the form: read the whole body first. Checked on a
            // body still arriving, a long form (2,500 characters of notes) lost its token and
            // was refused as expired.
            try await request.collectBody()
            if existingToken.isEmpty || !SessionCookies.hasValidCSRFToken(request) {
                // A form of our own whose session ended (its token went with it) is kept for
                // after signing in, below; nothing of it is applied.
                guard !singleUser, Self.isOwnPageForm(request) else {
                    throw Self.expiredForm
                }
                tokenExpired = true
            }
        }

        let auth = AuthService(request: request, services: services)
        var user: CurrentUser?
        var renewed: AuthService.TokenPair?
        if let access = request.cookies[SessionCookies.access]?.string, !access.isEmpty {
            user = try? await auth.authenticate(bearer: access).0
        }
        if user == nil, let refresh = request.cookies[SessionCookies.refresh]?.string, !refresh.isEmpty,
            let pair = try? await auth.refresh(refresh)
        {
            renewed = pair
            user = try? await auth.authenticate(bearer: pair.accessToken).0
        }
        if user == nil, singleUser {
            user = CurrentUser(id: 1, isAdmin: true)
        }
        if tokenExpired {
            guard user == nil else {
                throw Self.expiredForm
            }
            request.storage[WebSessionKey.self] = WebSession(singleUser: singleUser, user: nil, csrfToken: csrfToken, flash: nil)
            let response = try await RequireSignInMiddleware.signInToResume(request)
            SessionCookies.setCSRF(csrfToken, maxAge: Int(services.configuration.refreshTokenLifetime), on: response, for: request)
            return response
        }
        let flash = request.cookies[Self.flashCookie].flatMap { Self.decodeFlash($0.string) }
        request.storage[WebSessionKey.self] = WebSession(singleUser: singleUser, user: user, csrfToken: csrfToken, flash: flash)

        // Times in the reader's zone: the one they chose (set on sign-in and in Settings), else
        // their browser's (set by the page script), else UTC.
        let zone = request.cookies[SessionCookies.timeZone]?.string.removingPercentEncoding
        let response = try await Formatting.inTimeZone(zone) { try await next.respond(to: request) }
        if let renewed {
            SessionCookies.set(renewed, on: response, for: request, csrfToken: csrfToken)
        } else if existingToken.isEmpty {
            SessionCookies.setCSRF(csrfToken, maxAge: Int(services.configuration.refreshTokenLifetime), on: response, for: request)
        }
        if flash != nil, response.cookies[Self.flashCookie] == nil {
            response.cookies[Self.flashCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/")
        }
        return response
    }

    /// A form sent from one of our own pages (the browser says so: `Sec-Fetch-Site`), other
    /// than the sign-in forms themselves, whose fields are never carried over.
    static func isOwnPageForm(_ request: Request) -> Bool {
        request.headers.first(name: "Sec-Fetch-Site") == "same-origin"
            && ![SiteURL.login.path, SiteURL.signup.path, SiteURL.logout.path].contains(request.url.path)
    }

    /// "s:" or "e:" then the message, base64url: cookie values cannot hold every character.
    static func encodeFlash(_ flash: PageContext.Flash) -> String {
        Data(((flash.isError ? "e:" : "s:") + flash.message).utf8).base64URLEncodedString()
    }

    static func decodeFlash(_ value: String) -> PageContext.Flash? {
        var base64 = value.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard value.count <= 1_000, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8), text.count > 2 else { return nil }
        return PageContext.Flash(String(text.dropFirst(2)), isError: text.hasPrefix("e:"))
    }
}

/// Pages behind it need a signed-in user; others are sent to `/login`, and come back after.
/// A form sent after the session ended is not lost: the sign-in page carries it, says why,
/// and after signing in offers to send it again (`AuthPages.Resume`).
struct RequireSignInMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.webSession.user != nil else {
            if request.method == .GET || request.method == .HEAD {
                let back = request.url.string
                return request.redirect(
                    to: SiteURL.login.path + (back == "/" ? "" : "?next=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")))
            }
            return try await Self.signInToResume(request)
        }
        return try await next.respond(to: request)
    }

    /// The sign-in page, carrying the form that was sent (401).
    static func signInToResume(_ request: Request) async throws -> Response {
        let fields = ((try? request.formFields()) ?? [:]).filter { $0.key != SessionCookies.csrfField && !$0.key.hasPrefix("resume") }
        let resume = AuthPages.Resume(action: request.url.path, fields: fields)
        let back = page(for: request.url.path, on: request.application)
        let page = AuthPages.login(FormState(), next: back == "/" ? nil : back, resume: resume, context: try await request.pageContext())
        return request.page(page, status: .unauthorized)
    }

    /// The page a form's action belongs to: the path itself when it is a page, else the
    /// nearest page above it (`/applications/7/notes` → `/applications/7`).
    static func page(for path: String, on application: Application) -> String {
        var parts = path.split(separator: "/").map(String.init)
        let pages = application.routes.all.filter { $0.method == .GET }.map(\.path)
        while !parts.isEmpty {
            if pages.contains(where: { route in
                route.count == parts.count
                    && zip(route, parts).allSatisfy { component, part in
                        if case let .constant(name) = component { return name == part }
                        return true
                    }
            }) {
                return "/" + parts.joined(separator: "/")
            }
            parts.removeLast()
        }
        return "/"
    }
}

private struct WebSessionKey: StorageKey {
    typealias Value = WebSession
}

extension Request {
    var webSession: WebSession {
        storage[WebSessionKey.self] ?? WebSession(user: nil, csrfToken: "", flash: nil)
    }

    /// The signed-in user of a page behind `RequireSignInMiddleware`.
    var pageUser: CurrentUser {
        get throws {
            guard let user = webSession.user else { throw DomainError.unauthorized("Sign in to see this page") }
            return user
        }
    }

    /// A rendered page. Pages show private data: never stored by caches.
    func page(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    /// For a destructive form: nil once the person confirmed it (the script's prompt, or the
    /// page this returns, which asks and sends the form again).
    func confirmation(_ question: String, detail: String, button: String, cancel: String) async throws -> Response? {
        guard try formFields()[ConfirmPage.field] != "yes" else { return nil }
        return page(ConfirmPage.render(question: question, detail: detail, action: url.path, button: button, cancel: cancel, context: try await pageContext()))
    }

    /// POST-redirect-GET: 303 to `path`, with a message for the next page.
    func redirect(to path: String, flash: String, isError: Bool = false) -> Response {
        let response = redirect(to: path, redirectType: .normal)
        response.cookies[WebSessionMiddleware.flashCookie] = HTTPCookies.Value(
            string: WebSessionMiddleware.encodeFlash(.init(flash, isError: isError)), maxAge: 60, path: "/",
            isSecure: SessionCookies.isHTTPS(self), isHTTPOnly: true, sameSite: .lax
        )
        return response
    }

    /// Reads a streamed body to its end (up to the route limit: 1 MiB, or the upload limit for
    /// a file upload), so that `content` sees all of it; a body already collected is left as
    /// it is.
    func collectBody() async throws {
        guard body.data == nil else { return }
        let upload = headers.contentType?.type == "multipart"
        _ = try await body.collect(max: upload ? ProfilesController.uploadLimit.value : 1_048_576).get()
    }

    /// The fields of a submitted form (`application/x-www-form-urlencoded`).
    func formFields() throws -> [String: String] {
        guard headers.contentType == .urlEncodedForm else {
            throw Abort(.unsupportedMediaType, reason: "Send the form as application/x-www-form-urlencoded")
        }
        guard let body = body.data, body.readableBytes > 0 else { return [:] }
        return URLEncodedForm.fields(body.readableBytesView)
    }
}
