import Foundation

/// Sign-up, sign-in and profile bodies, read and validated from JSON.
public struct AccountDraft: Sendable {
    public var email: String?
    public var password: String?
    public var fullName: Patch<String> = .absent
    /// An IANA time zone ("Europe/Berlin"); null: none chosen.
    public var timeZone: Patch<String> = .absent
    /// Sign-in for a browser: also set the session cookies.
    public var wantsCookies = false

    public static let minPasswordLength = 8
    public static let maxPasswordLength = 72  // bcrypt reads no further

    /// `POST /auth/register`: email, password (8–72 bytes, not the email), full_name.
    public static func registration(_ body: JSONValue) throws(DomainError) -> AccountDraft {
        var reader = try BodyReader(body: body)
        var draft = AccountDraft()
        draft.email = readEmail(&reader)
        draft.password = readPassword(&reader, email: draft.email)
        draft.fullName = reader.string("full_name", required: true, maxLength: 200, collapseWhitespace: true)
        try reader.validate()
        return draft
    }

    /// `POST /auth/login`: email and password, checked only for presence (any wrong value is
    /// the same "invalid e-mail or password").
    public static func login(_ body: JSONValue) throws(DomainError) -> AccountDraft {
        var reader = try BodyReader(body: body)
        var draft = AccountDraft()
        draft.email = reader.string("email", required: true, maxLength: 320).value.map { $0.lowercased() }
        draft.password = reader.rawString("password", required: true, maxLength: 1_000)
        draft.wantsCookies = reader.bool("cookies").value ?? false
        try reader.validate()
        return draft
    }

    /// `PUT /users/me/password`: current_password and new_password.
    public static func passwordChange(_ body: JSONValue, email: String) throws(DomainError) -> (current: String, new: String) {
        var reader = try BodyReader(body: body)
        let current = reader.rawString("current_password", required: true, maxLength: 1_000)
        var newReader = BodyReader(["password": body["new_password"] ?? .null])
        let new = readPassword(&newReader, email: email)
        for issue in newReader.issues { reader.addIssue(issue.replacingOccurrences(of: "password", with: "new_password")) }
        try reader.validate()
        return (current ?? "", new ?? "")
    }

    /// `DELETE /users/me`: the password, to confirm.
    public static func confirmation(_ body: JSONValue) throws(DomainError) -> String {
        var reader = try BodyReader(body: body)
        let password = reader.rawString("password", required: true, maxLength: 1_000)
        try reader.validate()
        return password ?? ""
    }

    /// `PUT /users/me`: full_name.
    public static func profile(_ body: JSONValue) throws(DomainError) -> AccountDraft {
        var reader = try BodyReader(body: body)
        var draft = AccountDraft()
        draft.fullName = reader.string("full_name", maxLength: 200, collapseWhitespace: true)
        if draft.fullName.isNull { reader.addIssue("full_name cannot be empty or null") }
        draft.timeZone = reader.string("time_zone", maxLength: 64)
        if let zone = draft.timeZone.value, !Self.isTimeZone(zone) {
            reader.addIssue("time_zone must be a time zone such as Europe/Berlin or America/New_York")
        }
        try reader.validate()
        return draft
    }

    /// A zone this machine knows by its IANA name.
    public static func isTimeZone(_ identifier: String) -> Bool {
        identifier == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(identifier)
    }

    static func readEmail(_ reader: inout BodyReader) -> String? {
        guard let email = reader.string("email", required: true, maxLength: 320).value?.lowercased() else { return nil }
        guard isPlausibleEmail(email) else {
            reader.addIssue("email must be an e-mail address such as name@example.com")
            return nil
        }
        return email
    }

    static func readPassword(_ reader: inout BodyReader, email: String?) -> String? {
        guard let password = reader.rawString("password", required: true, maxLength: 1_000) else { return nil }
        if password.utf8.count < minPasswordLength {
            reader.addIssue("password must be at least \(minPasswordLength) characters")
            return nil
        }
        if password.utf8.count > maxPasswordLength {
            reader.addIssue("password must be at most \(maxPasswordLength) bytes")
            return nil
        }
        if let email, password.lowercased() == email {
            reader.addIssue("password must not be the e-mail address")
            return nil
        }
        return password
    }

    /// One "@", something before it, a dot in the domain, no spaces.
    public static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !email.contains { $0.isWhitespace }
    }
}
