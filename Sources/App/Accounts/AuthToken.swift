import Foundation
import JWT

/// The claims of our JWTs. `typ` keeps the two kinds apart: an access token is refused where
/// a refresh token is expected, and the other way round. `fam` names a refresh token's family.
struct AuthToken: JWTPayload {
    enum Kind: String, Codable, Sendable {
        case access, refresh
    }

    let sub: SubjectClaim
    let jti: IDClaim
    let iat: IssuedAtClaim
    let exp: ExpirationClaim
    let typ: Kind
    let fam: String?

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }

    var userID: Int? { Int(sub.value) }
}
