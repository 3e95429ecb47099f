/// Where the work happens.
public enum RemoteType: String, CaseIterable, Codable, Sendable {
    case onsite, hybrid, remote
}

/// The contract of a job, normalised across sources.
public enum EmploymentType: String, CaseIterable, Codable, Sendable {
    case fullTime = "full_time"
    case partTime = "part_time"
    case contract, temporary, internship, volunteer, other
}

/// The period a salary figure is paid for.
public enum SalaryPeriod: String, CaseIterable, Codable, Sendable {
    case year, month, week, day, hour
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// "a, b, c" — the accepted values, for error messages.
    public static var allowedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
