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

    /// The fields of the account's bodies, each rule written once: it reads the body and
    /// describes it in the API's document.
    public enum Field {
        public static let email = FieldRule(
            "email", .text(maxLength: 320), required: true,
            format: .init(
                pattern: "^\\s*[^\\s@]+@[^\\s@.][^\\s@]*\\.[^\\s@]*[^\\s@.]\\s*$", message: "email must be an e-mail address such as name@example.com",
                check: { AccountDraft.isPlausibleEmail($0) })
        )
        /// Signing in checks only presence: any wrong value is the same "invalid e-mail or password".
        public static let signInEmail = FieldRule("email", .text(maxLength: 320), required: true)
        public static let password = FieldRule("password", .secret(minLength: 1, maxLength: 1_000), required: true)
        public static let newPassword = FieldRule(
            "password", .secret(minLength: minPasswordLength, maxLength: maxPasswordLength), required: true,
            note: "\(minPasswordLength) to \(maxPasswordLength) bytes; not the e-mail address")
        public static let fullName = FieldRule("full_name", .text(maxLength: 200, collapse: true), required: true)
        /// A profile's name may be left out, not cleared.
        public static let changedFullName = FieldRule("full_name", .text(maxLength: 200, collapse: true), clearable: false)
        public static let cookies = FieldRule(
            "cookies", .flag, clearable: false,
            note: "Also set HttpOnly session cookies (browsers); unsafe requests they authenticate need X-CSRF-Token")
        public static let timeZone = FieldRule(
            "time_zone", .choice(Set(["UTC"] + TimeZone.knownTimeZoneIdentifiers).sorted()),
            format: .init(
                pattern: nil, message: "time_zone must be a time zone such as Europe/Berlin or America/New_York", check: { AccountDraft.isTimeZone($0) }),
            note: "An IANA time zone such as Europe/Berlin; null: none chosen")
        public static let refreshToken = FieldRule("refresh_token", .secret(minLength: 1, maxLength: 4_096), required: true)
        public static let currentPassword = FieldRule("current_password", .secret(minLength: 1, maxLength: 1_000), required: true)

        /// `new_password`: a new password's rule under its name in a password change.
        public static var changedPassword: FieldRule {
            var rule = newPassword
            rule.name = "new_password"
            return rule
        }
    }

    public static let registrationFields = [Field.email, Field.newPassword, Field.fullName]
    public static let signInFields = [Field.signInEmail, Field.password, Field.cookies]
    public static let passwordChangeFields = [Field.currentPassword, Field.changedPassword]
    public static let confirmationFields = [Field.password]
    public static let profileFields = [Field.changedFullName, Field.timeZone]

    /// `POST /auth/register`: email, password (8–72 bytes, not the e-mail address), full_name.
    public static func registration(_ body: JSONValue) throws(DomainError) -> AccountDraft {
        var reader = try BodyReader(body: body)
        var draft = AccountDraft()
        draft.email = reader.read(Field.email).value?.lowercased()
        draft.password = readNewPassword(&reader, Field.newPassword, email: draft.email)
        draft.fullName = reader.read(Field.fullName)
        try reader.validate()
        return draft
    }

    /// `POST /auth/login`: email and password, checked only for presence.
    public static func login(_ body: JSONValue) throws(DomainError) -> AccountDraft {
        var reader = try BodyReader(body: body)
        var draft = AccountDraft()
        draft.email = reader.read(Field.signInEmail).value?.lowercased()
        draft.password = reader.read(Field.password)
        draft.wantsCookies = reader.read(Field.cookies).value ?? false
        try reader.validate()
        return draft
    }

    /// `PUT /users/me/password`: current_password and new_password.
    public static func passwordChange(_ body: JSONValue, email: String) throws(DomainError) -> (current: String, new: String) {
        var reader = try BodyReader(body: body)
        let current: String? = reader.read(Field.currentPassword)
        let new = readNewPassword(&reader, Field.changedPassword, email: email)
        try reader.validate()
        return (current ?? "", new ?? "")
    }

    /// `DELETE /users/me`: the password, to confirm.
    public static func confirmation(_ body: JSONValue) throws(DomainError) -> String {
        var reader = try BodyReader(body: body)
        let password: String? = reader.read(Field.password)
        try reader.validate()
        return password ?? ""
    }

    /// `PUT /users/me`: full_name, time_zone.
    public static func profile(_ body: JSONValue) throws(DomainError) -> AccountDraft {
        var reader = try BodyReader(body: body)
        var draft = AccountDraft()
        draft.fullName = reader.read(Field.changedFullName)
        draft.timeZone = reader.read(Field.timeZone)
        try reader.validate()
        return draft
    }

    /// A zone this machine knows by its IANA name.
    public static func isTimeZone(_ identifier: String) -> Bool {
        identifier == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(identifier)
    }

    /// A new password by its rule; bcrypt reads no further than 72 bytes, so the limit is in
    /// bytes, and the password may not be the e-mail address.
    static func readNewPassword(_ reader: inout BodyReader, _ rule: FieldRule, email: String?) -> String? {
        guard let password: String = reader.read(rule) else { return nil }
        if password.utf8.count > maxPasswordLength {
            reader.addIssue("\(rule.name) must be at most \(maxPasswordLength) bytes")
            return nil
        }
        if let email, password.lowercased() == email {
            reader.addIssue("\(rule.name) must not be the e-mail address")
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
