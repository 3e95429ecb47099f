import CareerCopilotCore
import Fluent
import Foundation
import JWT
import SQLKit
import Vapor

/// Accounts and sessions: sign-up, sign-in, refresh-token rotation with reuse detection,
/// sign-out, and checking a bearer token.
struct AuthService {
    let request: Request
    let services: AppServices
    private var database: any Database { request.db }
    private var configuration: AppConfiguration { services.configuration }

    struct TokenPair: Encodable {
        let accessToken: String
        let refreshToken: String
        let tokenType = "bearer"
        let expiresIn: Int
        /// How long the refresh token (and so the browser's session) lasts, in seconds.
        let refreshExpiresIn: Int

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case refreshToken = "refresh_token"
            case tokenType = "token_type"
            case expiresIn = "expires_in"
        }
    }

    // MARK: Accounts

    /// Creates an account. The first account claims user 1, the owner of a single-user
    /// install (and its data), and is an admin; later ones are users.
    ///
    /// The password is hashed before anything is looked up, so a taken e-mail answers after
    /// the same work as a new one. The checks and the write then run as one serialised step:
    /// two first sign-ups at once used to both claim user 1 (the second overwrote the first).
    func register(_ draft: AccountDraft) async throws -> User {
        guard let email = draft.email, let password = draft.password else { throw DomainError.validation(["email and password are required"]) }
        let hash = try await hasher.hash(password)
        let fullName = draft.fullName.value
        return try await database.serializedTransaction(on: "accounts") { transaction in
            if try await User.query(on: transaction).filter(\.$email == email).first() != nil {
                throw DomainError.conflict("An account with this e-mail address already exists")
            }
            let accounts = try await User.query(on: transaction).filter(\.$passwordHash != nil).countRows()
            if accounts == 0, let owner = try await User.find(1, on: transaction), owner.passwordHash == nil {
                owner.email = email
                owner.fullName = fullName
                owner.passwordHash = hash
                owner.role = User.Role.admin.rawValue
                try await owner.save(on: transaction)
                return owner
            }
            let user = User(email: email, fullName: fullName, role: accounts == 0 ? .admin : .user)
            user.passwordHash = hash
            try await user.create(on: transaction)
            return user
        }
    }

    /// Signs in. A wrong e-mail and a wrong password answer the same, after the same work.
    func login(_ draft: AccountDraft) async throws -> TokenPair {
        let user = try await draft.email.asyncFlatMap { email in try await User.query(on: database).filter(\.$email == email).first() }
        let password = draft.password ?? ""
        let matches =
            if let hash = user?.passwordHash {
                try await hasher.verify(password, against: hash)
            } else {
                try await hasher.verifyDecoy(password)
            }
        guard let user, user.passwordHash != nil, matches else {
            throw DomainError.unauthorized("Invalid e-mail address or password")
        }
        // Refresh tokens past their expiry protect nothing any more.
        try await RefreshToken.query(on: database).filter(\.$expiresAt < services.time.now).delete()
        return try await issueTokens(for: user, family: UUID().uuidString)
    }

    /// Changes the password after checking the current one, and ends every session of the
    /// account: refresh families revoked, access tokens issued until now refused.
    func changePassword(of userID: Int, current: String, new: String) async throws {
        let user = try await passwordUser(userID, password: current)
        user.passwordHash = try await hasher.hash(new)
        // Tokens carry whole seconds: refuse everything issued up to the end of this second.
        user.sessionsRevokedAt = Date(timeIntervalSince1970: services.time.now.timeIntervalSince1970.rounded(.up))
        try await database.writeTransaction { transaction in
            try await user.save(on: transaction)
            try await RefreshToken.query(on: transaction).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: services.time.now).update()
        }
    }

    /// Deletes the account and every private row of it (applications, their timelines, skills,
    /// sessions) in one transaction; jobs it created stay in the shared catalogue.
    func deleteAccount(_ userID: Int, password: String) async throws {
        let user = try await passwordUser(userID, password: password)
        try await database.writeTransaction { transaction in
            // Foreign keys cascade from users to applications, their timelines, user skills and
            // refresh tokens, and set jobs.created_by to null.
            try await user.delete(on: transaction)
        }
    }

    private func passwordUser(_ userID: Int, password: String) async throws -> User {
        guard let user = try await User.find(userID, on: database), let hash = user.passwordHash else {
            throw DomainError.forbidden("This account has no password: sign up first")
        }
        guard try await hasher.verify(password, against: hash) else {
            throw DomainError.forbidden("The password is not correct")
        }
        return user
    }

    // MARK: Sessions

    /// Spends a refresh token and issues the next pair of its family. A token presented a
    /// second time means it was stolen (or replayed): the whole family is revoked — unless it
    /// comes within `refreshReuseGrace` of its first use, as when two pages of one browser
    /// load at the moment the access cookie expires (both then get a pair of the family).
    func refresh(_ token: String) async throws -> TokenPair {
        guard let payload = try? await request.jwt.verify(token, as: AuthToken.self),
            payload.typ == .refresh, let userID = payload.userID, let family = payload.fam,
            let stored = try await RefreshToken.query(on: database).filter(\.$jti == payload.jti.value).first(),
            stored.revokedAt == nil
        else {
            throw DomainError.unauthorized("Invalid, expired or revoked refresh token")
        }
        // When the token was presented, not when this server got to it: two pages of one
        // browser refreshing at once stay within the grace however long the first one takes.
        let now = request.arrivedAt
        let spent = try await database.sql.update(RefreshToken.schema)
            .set("spent_at", to: SQLBind(now))
            .where("jti", .equal, SQLBind(stored.jti))
            .where("spent_at", .is, SQLLiteral.null)
            .returning("id")
            .all()
        if spent.isEmpty {
            let spentAt = try await RefreshToken.query(on: database).filter(\.$jti == stored.jti).first()?.spentAt
            guard let spentAt, now.timeIntervalSince(spentAt) <= configuration.refreshReuseGrace else {
                try await revokeFamily(family, at: now)
                throw DomainError.unauthorized("This refresh token was already used; every session of its sign-in has been ended")
            }
        }
        guard let user = try await User.find(userID, on: database) else {
            throw DomainError.unauthorized("Invalid, expired or revoked refresh token")
        }
        return try await issueTokens(for: user, family: family)
    }

    /// Revokes the access token until it expires and, when given, the refresh token's family.
    func logout(access: AuthToken, refreshToken: String?) async throws {
        let now = services.time.now
        if try await RevokedAccessToken.query(on: database).filter(\.$jti == access.jti.value).first() == nil {
            try await RevokedAccessToken(jti: access.jti.value, expiresAt: access.exp.value).create(on: database)
        }
        if let refreshToken, let payload = try? await request.jwt.verify(refreshToken, as: AuthToken.self),
            payload.typ == .refresh, payload.sub == access.sub, let family = payload.fam
        {
            try await revokeFamily(family, at: now)
        }
        // Entries past their token's expiry protect nothing any more.
        try await RevokedAccessToken.query(on: database).filter(\.$expiresAt < now).delete()
    }

    /// The user a bearer access token stands for.
    func authenticate(bearer token: String) async throws -> (CurrentUser, AuthToken) {
        guard let payload = try? await request.jwt.verify(token, as: AuthToken.self),
            payload.typ == .access, let userID = payload.userID
        else {
            throw DomainError.unauthorized("Invalid or expired access token")
        }
        if try await RevokedAccessToken.query(on: database).filter(\.$jti == payload.jti.value).first() != nil {
            throw DomainError.unauthorized("This session has ended; sign in again")
        }
        guard let user = try await User.find(userID, on: database), user.passwordHash != nil else {
            throw DomainError.unauthorized("Invalid or expired access token")
        }
        if let revokedAt = user.sessionsRevokedAt, payload.iat.value < revokedAt {
            throw DomainError.unauthorized("This session has ended; sign in again")
        }
        return (CurrentUser(id: userID, isAdmin: user.isAdmin, name: user.fullName ?? "", email: user.email), payload)
    }

    // MARK: Helpers

    /// Tokens carry whole seconds, and a password change refuses every token issued up to the
    /// end of its second (`sessionsRevokedAt`, rounded up). A token issued later within that
    /// same second is dated at its end, so it is not refused along with the old ones.
    private func issueTokens(for user: User, family: String) async throws -> TokenPair {
        let userID = try user.requireID()
        let now = max(services.time.now, user.sessionsRevokedAt ?? .distantPast)
        let access = AuthToken(
            sub: .init(value: String(userID)), jti: .init(value: UUID().uuidString), iat: .init(value: now),
            exp: .init(value: now.addingTimeInterval(configuration.accessTokenLifetime)), typ: .access, fam: nil
        )
        let refresh = AuthToken(
            sub: .init(value: String(userID)), jti: .init(value: UUID().uuidString), iat: .init(value: now),
            exp: .init(value: now.addingTimeInterval(configuration.refreshTokenLifetime)), typ: .refresh, fam: family
        )
        try await RefreshToken(jti: refresh.jti.value, userID: userID, familyID: family, expiresAt: refresh.exp.value).create(on: database)
        return TokenPair(
            accessToken: try await request.jwt.sign(access),
            refreshToken: try await request.jwt.sign(refresh),
            expiresIn: Int(configuration.accessTokenLifetime), refreshExpiresIn: Int(configuration.refreshTokenLifetime)
        )
    }

    private func revokeFamily(_ family: String, at date: Date) async throws {
        try await RefreshToken.query(on: database)
            .filter(\.$familyID == family).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: date)
            .update()
    }

    private var hasher: PasswordHasher { services.passwordHasher }
}

private extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
