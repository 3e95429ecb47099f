/// A preference a person can make hard, so that a job failing it is filtered out, or leave
/// soft, so that such a job only scores lower.
public enum PreferenceKind: String, Sendable, Codable, CaseIterable, Equatable {
    case titles, locations, remote, salary
}
