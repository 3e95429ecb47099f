import CareerCopilotCore
import Foundation
import JobSources
import Logging

/// Everything the process reads from its environment, read once at start-up.
///
/// Defaults give the embedded run: SQLite in `./data`, port 8000, text logs. `load` checks
/// every variable and reports all problems together.
public struct AppConfiguration: Sendable {
    public enum Database: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    public var dataDirectory: String
    public var database: Database
    /// PostgreSQL schema (search path) to use; nil keeps the server's default (`public`).
    public var databaseSchema: String?
    /// Connections per event loop in the PostgreSQL pool.
    public var databasePoolSize: Int
    public var port: Int
    public var logLevel: Logger.Level
    public var logFormat: LogFormat
    /// Every request acts as user 1, who is created at first start. Only on loopback.
    public var singleUser: Bool
    /// Signs tokens; nil generates one in the data directory.
    public var jwtSecret: String?
    /// How long access and refresh tokens live, in seconds.
    public var accessTokenLifetime: TimeInterval = 15 * 60
    public var refreshTokenLifetime: TimeInterval = 30 * 24 * 3600
    /// A refresh token presented again this soon after it was spent is a race of one client's
    /// requests (two pages loading as the access cookie expires), not a theft: it gets a new pair.
    public var refreshReuseGrace: TimeInterval = 10
    /// `serve` also runs a worker and the scheduler in its own process (the embedded default).
    public var embeddedWorker = true
    /// Tasks one worker runs at once.
    public var workerConcurrency = 4
    /// How long a running task's lease lasts without a heartbeat: after that, another worker
    /// takes the task over.
    public var taskLease: TimeInterval = 60
    /// Periodic tasks: task kind → schedule.
    public var schedules: [(kind: String, schedule: Schedule)] = AppConfiguration.defaultSchedules
    /// Registers the `diagnostic.*` task kinds that tests and benchmarks use.
    public var diagnosticTasks = false
    /// Lets sources and imports reach private and loopback addresses (tests, intranets).
    public var allowPrivateNetwork = false
    /// How long one source request may take, body included, in seconds.
    public var sourceTimeout = 25
    /// Least time between two requests to one host, in milliseconds.
    public var sourceRequestInterval = 200
    /// Share of title words two postings of one company and place need to be one job.
    public var dedupTitleSimilarity = 0.8
    /// Keys of the sources that need them (Adzuna, USAJOBS).
    public var sourceCredentials = SourceCredentials()
    /// bcrypt's cost for passwords (12: about a quarter of a second a hash).
    public var passwordHashCost = 12
    /// Most password hashes waiting or running at once; past that, sign-ins get 503.
    public var passwordHashCapacity = 32
    /// Host names a single-user server answers to besides loopback ones (`CC_ALLOWED_HOSTS`):
    /// any other `Host` is refused, so a web page cannot reach the owner's data by DNS rebinding.
    public var allowedHosts: [String] = []

    public static let defaultSchedules: [(kind: String, schedule: Schedule)] = [
        ("maintenance.cleanup", try! Schedule("@daily")),
        ("digest.daily", try! Schedule("0 8 * * *")),
        ("discovery.due", try! Schedule("every 15m")),
    ]

    public static let sqliteFileName = "career-copilot.sqlite"

    public init(
        dataDirectory: String = "./data",
        database: Database? = nil,
        databaseSchema: String? = nil,
        databasePoolSize: Int = 8,
        port: Int = 8000,
        logLevel: Logger.Level = .info,
        logFormat: LogFormat = .text,
        singleUser: Bool = true,
        jwtSecret: String? = nil
    ) {
        self.dataDirectory = dataDirectory
        self.database = database ?? .sqlite(path: (dataDirectory as NSString).appendingPathComponent(Self.sqliteFileName))
        self.databaseSchema = databaseSchema
        self.databasePoolSize = databasePoolSize
        self.port = port
        self.logLevel = logLevel
        self.logFormat = logFormat
        self.singleUser = singleUser
        self.jwtSecret = jwtSecret
    }

    /// Reads the configuration from environment variables.
    public static func load(from environment: [String: String]) throws(ConfigurationError) -> AppConfiguration {
        var problems: [String] = []
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }

        func flag(_ name: String, default defaultValue: Bool, _ problems: inout [String]) -> Bool {
            guard let raw = value(name) else { return defaultValue }
            switch raw.lowercased() {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default:
                problems.append("\(name) must be 1 or 0")
                return defaultValue
            }
        }

        let dataDirectory = value("CC_DATA_DIR") ?? "./data"

        var database: Database?
        if let url = value("DATABASE_URL") {
            let lower = url.lowercased()
            if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
                if URLComponents(string: url)?.host == nil {
                    problems.append("DATABASE_URL must look like postgres://user:password@host:5432/database")
                }
                database = .postgres(url: url)
            } else if lower.hasPrefix("sqlite://") {
                let path = String(url.dropFirst("sqlite://".count))
                if path.isEmpty { problems.append("DATABASE_URL sqlite:// needs a file path, e.g. sqlite:///var/lib/cc/db.sqlite") }
                database = .sqlite(path: path)
            } else {
                problems.append("DATABASE_URL must start with postgres://, postgresql:// or sqlite:// (leave it unset for the embedded SQLite database)")
            }
        }

        var schema: String?
        if let raw = value("CC_DATABASE_SCHEMA") {
            if raw.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) == nil {
                problems.append("CC_DATABASE_SCHEMA must be a lowercase SQL identifier (letters, digits, _)")
            } else {
                schema = raw
            }
        }

        var poolSize = 8
        if let raw = value("DATABASE_POOL_SIZE") {
            if let size = Int(raw), (1...256).contains(size) { poolSize = size } else {
                problems.append("DATABASE_POOL_SIZE must be a whole number from 1 to 256")
            }
        }

        var port = 8000
        if let raw = value("PORT") {
            if let number = Int(raw), (0...65_535).contains(number) { port = number } else {
                problems.append("PORT must be a whole number from 0 to 65535")
            }
        }

        var level = Logger.Level.info
        if let raw = value("LOG_LEVEL") {
            if let parsed = Logger.Level(rawValue: raw.lowercased()) { level = parsed } else {
                problems.append("LOG_LEVEL must be one of: \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        var format = LogFormat.text
        if let raw = value("LOG_FORMAT") {
            if let parsed = LogFormat(rawValue: raw.lowercased()) { format = parsed } else {
                problems.append("LOG_FORMAT must be text or json")
            }
        }

        let singleUser = flag("CC_SINGLE_USER", default: true, &problems)

        let jwtSecret = value("JWT_SECRET")
        if let jwtSecret, jwtSecret.utf8.count < 32 {
            problems.append("JWT_SECRET must be at least 32 bytes long (e.g. openssl rand -base64 48)")
        }

        var accessLifetime: TimeInterval = 15 * 60
        if let raw = value("CC_ACCESS_TOKEN_MINUTES") {
            if let minutes = Int(raw), (1...1_440).contains(minutes) { accessLifetime = TimeInterval(minutes * 60) } else {
                problems.append("CC_ACCESS_TOKEN_MINUTES must be a whole number from 1 to 1440")
            }
        }
        var refreshLifetime: TimeInterval = 30 * 24 * 3600
        if let raw = value("CC_REFRESH_TOKEN_DAYS") {
            if let days = Int(raw), (1...365).contains(days) { refreshLifetime = TimeInterval(days * 24 * 3600) } else {
                problems.append("CC_REFRESH_TOKEN_DAYS must be a whole number from 1 to 365")
            }
        }

        let embeddedWorker = flag("CC_EMBEDDED_WORKER", default: true, &problems)
        let diagnosticTasks = flag("CC_DIAGNOSTIC_TASKS", default: false, &problems)
        let allowPrivateNetwork = flag("CC_ALLOW_PRIVATE_NETWORK", default: false, &problems)
        var sourceTimeout = 25
        if let raw = value("CC_SOURCE_TIMEOUT_SECONDS") {
            if let seconds = Int(raw), (1...300).contains(seconds) { sourceTimeout = seconds } else {
                problems.append("CC_SOURCE_TIMEOUT_SECONDS must be a whole number from 1 to 300")
            }
        }
        var requestInterval = 200
        if let raw = value("CC_SOURCE_REQUEST_INTERVAL_MS") {
            if let milliseconds = Int(raw), (0...60_000).contains(milliseconds) { requestInterval = milliseconds } else {
                problems.append("CC_SOURCE_REQUEST_INTERVAL_MS must be a whole number from 0 to 60000")
            }
        }
        var similarity = 0.8
        if let raw = value("CC_DEDUP_TITLE_SIMILARITY") {
            if let share = Double(raw), (0.5...1.0).contains(share) { similarity = share } else {
                problems.append("CC_DEDUP_TITLE_SIMILARITY must be a number from 0.5 to 1.0")
            }
        }
        var keys: [String: String] = [:]
        for variables in SourceKind.allCases.compactMap(\.source.keys?.variables) {
            let given = variables.filter { value($0) != nil }
            if !given.isEmpty, given.count < variables.count {
                problems.append("\(variables.joined(separator: " and ")) go together: set \(variables.count == 2 ? "both" : "all") or neither")
            }
            for variable in given { keys[variable] = value(variable) }
        }
        let credentials = SourceCredentials(
            keys,
            extraKeyHosts: Set((value("CC_SOURCE_KEY_HOSTS") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        )
        var concurrency = 4
        if let raw = value("CC_WORKER_CONCURRENCY") {
            if let count = Int(raw), (1...64).contains(count) { concurrency = count } else {
                problems.append("CC_WORKER_CONCURRENCY must be a whole number from 1 to 64")
            }
        }
        var lease: TimeInterval = 60
        if let raw = value("CC_TASK_LEASE_SECONDS") {
            if let seconds = Int(raw), (2...3_600).contains(seconds) { lease = TimeInterval(seconds) } else {
                problems.append("CC_TASK_LEASE_SECONDS must be a whole number from 2 to 3600")
            }
        }
        var schedules = defaultSchedules
        if let raw = value("CC_SCHEDULES") {
            schedules = []
            // `none`: no periodic tasks at all.
            for entry in raw.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty && raw.lowercased() != "none" {
                let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                do throws(DomainError) {
                    guard parts.count == 2, !parts[0].isEmpty else { throw DomainError.badRequest("'\(entry)' is not kind=schedule") }
                    schedules.append((parts[0], try Schedule(parts[1])))
                } catch {
                    if case let .badRequest(message, _) = error { problems.append("CC_SCHEDULES: \(message)") }
                }
            }
        }

        var allowedHosts: [String] = []
        if let raw = value("CC_ALLOWED_HOSTS") {
            allowedHosts = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            if let bad = allowedHosts.first(where: { $0.contains(where: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) }) {
                problems.append("CC_ALLOWED_HOSTS must list host names separated by commas (without ports); '\(bad)' is not one")
            }
        }

        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        var config = AppConfiguration(
            dataDirectory: dataDirectory, database: database, databaseSchema: schema, databasePoolSize: poolSize,
            port: port, logLevel: level, logFormat: format, singleUser: singleUser, jwtSecret: jwtSecret
        )
        config.accessTokenLifetime = accessLifetime
        config.refreshTokenLifetime = refreshLifetime
        config.embeddedWorker = embeddedWorker
        config.diagnosticTasks = diagnosticTasks
        config.allowPrivateNetwork = allowPrivateNetwork
        config.sourceTimeout = sourceTimeout
        config.sourceRequestInterval = requestInterval
        config.dedupTitleSimilarity = similarity
        config.sourceCredentials = credentials
        config.workerConcurrency = concurrency
        config.taskLease = lease
        config.schedules = schedules
        config.allowedHosts = allowedHosts
        return config
    }

    /// The database target with any password hidden, for logs.
    public var redactedDatabaseDescription: String {
        switch database {
        case let .sqlite(path): return "sqlite \(path)"
        case let .postgres(url):
            guard var components = URLComponents(string: url) else { return "postgres (unparseable URL)" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres"
        }
    }
}

/// An invalid configuration: every problem found, one per line.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let problems: [String]

    public var description: String {
        "Invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
