import Crypto
import Foundation

/// The key that signs tokens: `JWT_SECRET` when set (at least 32 bytes: JWTKit refuses shorter
/// HMAC keys), otherwise a random one generated on first start and kept in the data directory
/// with mode 0600, so that tokens outlive a restart.
enum TokenSecret {
    static let fileName = "jwt-secret"

    static func load(configured: String?, dataDirectory: String) throws -> String {
        if let configured { return configured }
        let path = (dataDirectory as NSString).appendingPathComponent(fileName)
        if let existing = try? String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
            existing.utf8.count >= 32
        {
            return existing
        }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
        guard FileManager.default.createFile(atPath: path, contents: Data(secret.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw TokenSecretError.cannotWrite(path)
        }
        return secret
    }
}

enum TokenSecretError: Error, CustomStringConvertible {
    case cannotWrite(String)

    var description: String {
        switch self {
        case let .cannotWrite(path): "Cannot write the token signing key to \(path)"
        }
    }
}
