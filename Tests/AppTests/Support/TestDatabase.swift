import Foundation
import Testing

/// The databases every app test runs on. PostgreSQL joins when `CC_TEST_POSTGRES_URL` is set,
/// which `scripts/test` always does (it starts a throwaway server).
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["CC_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var all: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// For tests of HTTP and validation that answer before any query: the database plays no
    /// part, so one suffices.
    static let protocolOnly: [TestDatabase] = [.sqlite]

    var testDescription: String { rawValue }
}
