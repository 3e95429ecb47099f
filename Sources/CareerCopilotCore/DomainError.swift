/// The errors of the domain. They know nothing of HTTP: the App target maps each case to a
/// status and to the API's error envelope in one place.
public enum DomainError: Error, Sendable, Equatable {
    /// The input broke one or more rules; one readable line per problem.
    case validation([String])
    /// The request itself could not be understood (malformed JSON, a bad query parameter).
    case badRequest(String, details: [String] = [])
    /// The resource does not exist, or belongs to someone else (existence is not disclosed).
    case notFound(String)
    /// The change would break a uniqueness or integrity rule.
    case conflict(String)
    /// The caller is known but not allowed to do this.
    case forbidden(String)
    /// The caller is not known.
    case unauthorized(String)
}
