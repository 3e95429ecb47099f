import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Vapor

/// `/login`, `/signup`, `/logout`: the browser's way to an account. Same rules and rate
/// limits as `/api/v1/auth`, with the session in cookies.
struct AuthPagesController: RouteCollection {
    let services: AppServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.login, use: loginPage)
        routes.post(SiteURL.login, use: login)
        routes.get(SiteURL.signup, use: signupPage)
        routes.post(SiteURL.signup, use: signup)
        routes.post(SiteURL.logout, use: logout)
    }

    func loginPage(request: Request) async throws -> Response {
        if let done = alreadySignedIn(request) { return done }
        let next = request.query[String.self, at: "next"].map(Request.safeNext)
        return request.page(AuthPages.login(FormState(), next: next, context: try await request.pageContext()))
    }

    func login(request: Request) async throws -> Response {
        if let done = alreadySignedIn(request) { return done }
        let fields = try request.formFields()
        let next = Request.safeNext(fields["next"])
        do {
            let draft = try AccountDraft.login(
                .object([
                    "email": .string(fields["email"] ?? ""), "password": .string(fields["password"] ?? ""),
                ]))
            let tokens = try await AuthService(request: request, services: services).limitedLogin(draft)
            if let resume = AuthPages.Resume(signInFields: fields), let action = WebURL.localPath(resume.action) {
                // A form that was sent when the session had ended: offered to send again, with
                // the new session's token.
                let token = SessionCookies.newCSRFToken()
                var context = try await request.pageContext()
                context.csrfToken = token
                let response = request.page(AuthPages.resume(.init(action: action, fields: resume.fields), next: next, context: context))
                SessionCookies.set(tokens, on: response, for: request, csrfToken: token)
                return response
            }
            let response = request.redirect(to: next, redirectType: .normal)
            SessionCookies.set(tokens, on: response, for: request)
            // The zone chosen on another device follows the person here.
            let zone = try await User.query(on: request.db).filter(\.$email == draft.email ?? "").first()?.timeZone
            SessionCookies.setTimeZone(zone, on: response, for: request)
            return response
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            let state = FormState(values: ["email": fields["email"] ?? ""], issues: issues, fields: AuthPages.loginFields)
            let page = AuthPages.login(
                state, next: next == "/" ? nil : next, resume: AuthPages.Resume(signInFields: fields), context: try await request.pageContext())
            return request.page(page, status: status)
        }
    }

    func signupPage(request: Request) async throws -> Response {
        if let done = alreadySignedIn(request) { return done }
        return request.page(AuthPages.signup(FormState(), context: try await request.pageContext()))
    }

    func signup(request: Request) async throws -> Response {
        if let done = alreadySignedIn(request) { return done }
        let fields = try request.formFields()
        let body = JSONValue.object(AuthPages.signupFields.names.reduce(into: [:]) { $0[$1] = .string(fields[$1] ?? "") })
        do {
            let auth = AuthService(request: request, services: services)
            _ = try await auth.limitedRegister { try AccountDraft.registration(body) }
            let tokens = try await auth.login(try AccountDraft.login(body))
            let response = request.redirect(to: "/", flash: "Welcome to Career Copilot! Your account is ready.")
            SessionCookies.set(tokens, on: response, for: request)
            return response
        } catch {
            let (issues, status) = try FormFailure.issues(of: error)
            var values = fields
            values["password"] = nil
            let state = FormState(values: values, issues: issues, fields: AuthPages.signupFields)
            return request.page(AuthPages.signup(state, context: try await request.pageContext()), status: status)
        }
    }

    func logout(request: Request) async throws -> Response {
        let auth = AuthService(request: request, services: services)
        if let access = request.cookies[SessionCookies.access]?.string, let (_, token) = try? await auth.authenticate(bearer: access) {
            try await auth.logout(access: token, refreshToken: request.cookies[SessionCookies.refresh]?.string)
        } else if let refresh = request.cookies[SessionCookies.refresh]?.string, !refresh.isEmpty {
            // The access token has expired: spend the refresh token so its family cannot go on.
            _ = try? await auth.refresh(refresh)
        }
        let response = request.redirect(to: SiteURL.login.path, flash: "You have signed out.")
        SessionCookies.clear(on: response)
        return response
    }

    /// Signed in already (or single-user): the sign-in pages lead to the dashboard.
    private func alreadySignedIn(_ request: Request) -> Response? {
        guard request.webSession.singleUser || request.webSession.user != nil else { return nil }
        return request.redirect(to: "/", redirectType: .normal)
    }
}
