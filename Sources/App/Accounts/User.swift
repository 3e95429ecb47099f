import Fluent
import Foundation

/// A person using the product. User 1 exists from the first start (single-user mode).
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    enum Role: String, Sendable {
        case admin, user
    }

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "email") var email: String
    @OptionalField(key: "full_name") var fullName: String?
    /// The IANA time zone pages show times in; nil: the browser's, or UTC.
    @OptionalField(key: "time_zone") var timeZone: String?
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "role") var role: String
    /// Access tokens issued before this are refused (set by a password change).
    @OptionalField(key: "sessions_revoked_at") var sessionsRevokedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: Int? = nil, email: String, fullName: String?, role: Role) {
        self.id = id
        self.email = email
        self.fullName = fullName
        self.role = role.rawValue
    }

    var isAdmin: Bool { role == Role.admin.rawValue }
}
