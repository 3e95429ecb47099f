import CareerCopilotCore
import Vapor

/// `/api/v1/auth`: sign-up, sign-in, token refresh and sign-out.
struct AuthController {
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
        // Every sign-up counts against its address: accounts cost a bcrypt hash each.
        let limiter = RateLimiter(database: request.db)
        let buckets = RateLimiter.buckets(request, action: "register", email: nil)
        try await limiter.check(buckets)
        try await limiter.record(buckets)
        let draft = try AccountDraft.registration(try request.jsonBody())
        let user = try await AuthService(request: request).register(draft)
        return try request.envelope(try UserDTO(user), message: "Account created successfully", status: .created)
    }

    func login(request: Request) async throws -> Response {
        let draft = try AccountDraft.login(try request.jsonBody())
        // Failures count per address and per account; while either is full, even the right
        // password is refused, so guessing gains nothing.
        let limiter = RateLimiter(database: request.db)
        let buckets = RateLimiter.buckets(request, action: "login", email: draft.email)
        try await limiter.check(buckets)
        do {
            let tokens = try await AuthService(request: request).login(draft)
            let response = try request.envelope(tokens, message: "Signed in successfully")
            if draft.wantsCookies { SessionCookies.set(tokens, on: response, for: request) }
            return response
        } catch let error as DomainError {
            if case .unauthorized = error { try await limiter.record(buckets) }
            throw error
        }
    }

    func refresh(request: Request) async throws -> Response {
        var reader = try BodyReader(body: try request.jsonBody())
        let token = reader.rawString("refresh_token", required: true, maxLength: 4_096)
        try reader.validate()
        let tokens = try await AuthService(request: request).refresh(token ?? "")
        return try request.envelope(tokens, message: "Tokens refreshed successfully")
    }

    func logout(request: Request) async throws -> Response {
        guard let access = request.accessToken else {
            throw DomainError.unauthorized("Sign out needs the access token in Authorization: Bearer")
        }
        var refreshToken: String?
        if request.body.data?.readableBytes ?? 0 > 0 {
            var reader = try BodyReader(body: try request.jsonBody())
            refreshToken = reader.rawString("refresh_token", required: false, maxLength: 4_096)
            try reader.validate()
        }
        try await AuthService(request: request).logout(
            access: access, refreshToken: refreshToken ?? request.cookies[SessionCookies.refresh]?.string
        )
        let response = try request.envelope(["signed_out": true], message: "Signed out successfully")
        SessionCookies.clear(on: response)
        return response
    }
}
