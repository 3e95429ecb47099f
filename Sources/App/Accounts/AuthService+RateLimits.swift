import CareerCopilotCore
import Fluent
import Vapor

/// Sign-up and sign-in behind their rate limits: the one way the API and the pages take.
extension AuthService {
    /// Every sign-up counts against its address, valid or not: accounts cost a bcrypt hash each.
    func limitedRegister(_ readDraft: () throws -> AccountDraft) async throws -> User {
        let limiter = RateLimiter(database: request.db)
        _ = try await limiter.reserve(RateLimiter.buckets(request, action: "register", email: nil))
        return try await register(try readDraft())
    }

    /// Failures count per address and per account; while either is full, even the right
    /// password is refused, so guessing gains nothing. Each attempt reserves its place before
    /// the password is checked, so attempts in flight count too; a success gives it back.
    func limitedLogin(_ draft: AccountDraft) async throws -> TokenPair {
        let limiter = RateLimiter(database: request.db)
        let reservation = try await limiter.reserve(RateLimiter.buckets(request, action: "login", email: draft.email))
        do {
            let tokens = try await login(draft)
            try await limiter.release(reservation)
            return tokens
        } catch let error as DomainError {
            if case .unauthorized = error { throw error }
            // Not a wrong password (a validation error, say): the attempt does not count.
            try? await limiter.release(reservation)
            throw error
        } catch {
            try? await limiter.release(reservation)
            throw error
        }
    }
}
