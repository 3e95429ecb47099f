import FluentKit
import Foundation

/// An account as the API shows it. Never the password hash.
struct UserDTO: Encodable {
    let id: Int
    let email: String
    @Nullable var fullName: String?
    @Nullable var timeZone: String?
    let role: String
    @Nullable var createdAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, email, role
        case fullName = "full_name"
        case timeZone = "time_zone"
        case createdAt = "created_at"
    }

    init(_ user: User) throws {
        id = try user.requireID()
        email = user.email
        fullName = user.fullName
        timeZone = user.timeZone
        role = user.role
        createdAt = user.createdAt
    }
}
