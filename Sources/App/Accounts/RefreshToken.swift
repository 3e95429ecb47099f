import Fluent
import Foundation

/// A refresh token that was issued, by its `jti`. Tokens of one sign-in form a family: each
/// refresh spends one and issues the next; presenting a spent one revokes the family.
final class RefreshToken: Model, @unchecked Sendable {
    static let schema = "refresh_tokens"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "jti") var jti: String
    @Parent(key: "user_id") var user: User
    @Field(key: "family_id") var familyID: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "spent_at") var spentAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(jti: String, userID: Int, familyID: String, expiresAt: Date) {
        self.jti = jti
        self.$user.id = userID
        self.familyID = familyID
        self.expiresAt = expiresAt
    }
}

/// An access token revoked before it expires (logout), by its `jti`. Rows are useless after
/// `expires_at` and are purged.
final class RevokedAccessToken: Model, @unchecked Sendable {
    static let schema = "revoked_access_tokens"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "jti") var jti: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(jti: String, expiresAt: Date) {
        self.jti = jti
        self.expiresAt = expiresAt
    }
}
