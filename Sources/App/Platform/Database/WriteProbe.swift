import Fluent
import Foundation
import SQLKit

/// Whether the database takes writes: a read-only SQLite file (or directory, or a full disk)
/// and a read-only PostgreSQL (a hot standby) still answer every read, so a check that only
/// reads reports them healthy while every change fails. Probed at start and, at most every
/// `maximumAge`, by `/health`: the probe on SQLite rewrites the header's `user_version` with
/// its own value, a real (tiny) write.
actor WriteProbe {
    struct Result: Sendable {
        let writable: Bool
        let problem: String?
    }

    private var last: (at: Date, result: Result)?
    let maximumAge: TimeInterval

    init(maximumAge: TimeInterval = 30) {
        self.maximumAge = maximumAge
    }

    func check(_ database: any Database) async -> Result {
        if let last, Date().timeIntervalSince(last.at) < maximumAge { return last.result }
        let result = await Self.probe(database)
        last = (Date(), result)
        return result
    }

    private static func probe(_ database: any Database) async -> Result {
        do {
            switch database.dialect {
            case .sqlite:
                struct Version: Decodable { let user_version: Int }
                let version = try await database.sql.raw("PRAGMA user_version").first(decoding: Version.self)?.user_version ?? 0
                try await database.sql.raw("PRAGMA user_version = \(unsafeRaw: String(version))").run()
            case .postgres:
                struct Setting: Decodable { let read_only: String }
                let setting = try await database.sql.raw("SELECT current_setting('transaction_read_only') AS read_only").first(decoding: Setting.self)
                if setting?.read_only == "on" {
                    return Result(writable: false, problem: "PostgreSQL is read-only (a standby, or default_transaction_read_only)")
                }
            }
            return Result(writable: true, problem: nil)
        } catch {
            if DatabaseAvailability.problem(of: error) == .notWritable {
                return Result(writable: false, problem: "The database file cannot be written (read-only file or directory, or a full disk)")
            }
            // Unreachable: the read check of /health reports that.
            return Result(writable: true, problem: nil)
        }
    }
}
