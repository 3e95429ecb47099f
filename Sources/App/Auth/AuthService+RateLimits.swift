import CareerCopilotCore
import Vapor

/// Sign-up and sign-in behind their rate limits: the one way the API and the pages take.
extension AuthService {
    /// Every sign-up counts against its address, valid or not: accounts cost a bcrypt hash each.
    func limitedRegister(_ readDraft: () throws -> AccountDraft) async throws -> User {
        let limiter = RateLimiter(database: request.db)
        let buckets = RateLimiter.buckets(request, action: "register", email: nil)
        try await limiter.check(buckets)
        try await limiter.record(buckets)
        return try await register(try readDraft())
    }

    /// Failures count per address and per account; while either is full, even the right
    /// password is refused, so guessing gains nothing.
    func limitedLogin(_ draft: AccountDraft) async throws -> TokenPair {
        let limiter = RateLimiter(database: request.db)
        let buckets = RateLimiter.buckets(request, action: "login", email: draft.email)
        try await limiter.check(buckets)
        do {
            return try await login(draft)
        } catch let error as DomainError {
            if case .unauthorized = error { try await limiter.record(buckets) }
            throw error
        }
    }
}
