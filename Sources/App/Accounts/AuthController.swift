import CareerCopilotCore
import Vapor

/// `/api/v1/auth`: sign-up, sign-in, token refresh and sign-out.
struct AuthController {
    let services: AppServices

    /// Routes that work without a token.
    func bootPublic(_ routes: any RoutesBuilder) {
        let auth = routes.grouped("auth")
        auth.post("register", use: register)
        auth.post("login", use: login)
        auth.post("refresh", use: refresh)
    }

    /// Routes behind `CurrentUserMiddleware`.
    func bootAuthenticated(_ routes: any RoutesBuilder) {
        routes.grouped("auth").post("logout", use: logout)
    }

    func register(request: Request) async throws -> Response {
        let user = try await AuthService(request: request, services: services).limitedRegister { try AccountDraft.registration(try request.jsonBody()) }
        return try request.envelope(try UserDTO(user), message: "Account created successfully", status: .created)
    }

    func login(request: Request) async throws -> Response {
        let draft = try AccountDraft.login(try request.jsonBody())
        let tokens = try await AuthService(request: request, services: services).limitedLogin(draft)
        let response = try request.envelope(tokens, message: "Signed in successfully")
        if draft.wantsCookies { SessionCookies.set(tokens, on: response, for: request) }
        return response
    }

    func refresh(request: Request) async throws -> Response {
        var reader = try BodyReader(body: try request.jsonBody())
        let token: String? = reader.read(AccountDraft.Field.refreshToken)
        try reader.validate()
        let tokens = try await AuthService(request: request, services: services).refresh(token ?? "")
        return try request.envelope(tokens, message: "Tokens refreshed successfully")
    }

    func logout(request: Request) async throws -> Response {
        guard let access = request.accessToken else {
            throw DomainError.unauthorized("Sign out needs the access token in Authorization: Bearer")
        }
        var refreshToken: String?
        if request.body.data?.readableBytes ?? 0 > 0 {
            var reader = try BodyReader(body: try request.jsonBody())
            refreshToken = reader.read(AccountDraft.Field.refreshToken.required(false))
            try reader.validate()
        }
        try await AuthService(request: request, services: services).logout(
            access: access, refreshToken: refreshToken ?? request.cookies[SessionCookies.refresh]?.string
        )
        let response = try request.envelope(["signed_out": true], message: "Signed out successfully")
        SessionCookies.clear(on: response)
        return response
    }
}
