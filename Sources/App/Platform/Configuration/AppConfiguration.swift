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
    /// bcrypt's cost for passwords (12: about a quarter of a second a hash; each step doubles it).
    public var passwordHashCost = 12
    /// How long a stopping worker lets running tasks go on before it gives them back, in seconds.
    public var workerStopDeadline = 10
    /// Most password hashes waiting or running at once; past that, sign-ins get 503.
    public var passwordHashCapacity = 32
    /// Host names a single-user server answers to besides loopback ones (`CC_ALLOWED_HOSTS`):
    /// any other `Host` is refused, so a web page cannot reach the owner's data by DNS rebinding.
    public var allowedHosts: [String] = []
    /// What turns jobs and queries into vectors for semantic search (`CC_EMBEDDINGS`).
    public var embeddings: Embedder

    /// `CC_EMBEDDINGS`: the offline model (default), OpenAI, an OpenAI-compatible server
    /// (Ollama, llama.cpp, vLLM), or none (keyword search only).
    public enum Embedder: Sendable, Equatable {
        /// all-MiniLM-L6-v2 in this process, read from `directory` (`CC_MODEL_DIR`).
        case local(directory: String)
        /// `POST {baseURL}/embeddings`. `dimensions` is sent only when set (OpenAI's
        /// text-embedding-3 models shorten their vectors to it).
        case remote(RemoteEmbedder)
        case off
    }

    public struct RemoteEmbedder: Sendable, Equatable {
        public var baseURL: String
        public var apiKey: String?
        public var model: String
        public var dimensions: Int?
    }

    public static let defaultOpenAIBaseURL = "https://api.openai.com/v1"
    public static let defaultOpenAIEmbeddingModel = "text-embedding-3-small"

    public static let defaultSchedules: [(kind: String, schedule: Schedule)] = [
        ("maintenance.cleanup", try! Schedule("@daily")),
        ("digest.daily", try! Schedule("0 8 * * *")),
        ("discovery.due", try! Schedule("every 15m")),
        // Catches any job whose change did not enqueue embedding (a direct SQL edit, a crash).
        ("search.embed", try! Schedule("every 10m")),
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
        self.embeddings = .local(directory: Self.defaultModelDirectory(dataDirectory))
    }

    /// Where `career-copilot models fetch` puts the offline model, and the run reads it.
    public static func defaultModelDirectory(_ dataDirectory: String) -> String {
        (dataDirectory as NSString).appendingPathComponent("models/all-MiniLM-L6-v2")
    }

    /// Reads the configuration from environment variables. Every default is the property's
    /// own (above): a variable that is unset keeps it.
    public static func load(from environment: [String: String]) throws(ConfigurationError) -> AppConfiguration {
        var env = EnvironmentReader(environment)
        var config = AppConfiguration(dataDirectory: env.string("CC_DATA_DIR") ?? "./data")

        if let url = env.string("DATABASE_URL") {
            let lower = url.lowercased()
            if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
                if URLComponents(string: url)?.host == nil {
                    env.problem("DATABASE_URL must look like postgres://user:password@host:5432/database")
                }
                config.database = .postgres(url: url)
            } else if lower.hasPrefix("sqlite://") {
                let path = String(url.dropFirst("sqlite://".count))
                if path.isEmpty { env.problem("DATABASE_URL sqlite:// needs a file path, e.g. sqlite:///var/lib/cc/db.sqlite") }
                config.database = .sqlite(path: path)
            } else {
                env.problem("DATABASE_URL must start with postgres://, postgresql:// or sqlite:// (leave it unset for the embedded SQLite database)")
            }
        }
        config.databaseSchema = env.value("CC_DATABASE_SCHEMA", "a lowercase SQL identifier (letters, digits, _)") { raw in
            raw.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) == nil ? nil : raw
        }
        config.databasePoolSize = env.integer("DATABASE_POOL_SIZE", in: 1...256, default: config.databasePoolSize)
        config.port = env.integer("PORT", in: 0...65_535, default: config.port)
        config.logLevel =
            env.value("LOG_LEVEL", "one of: \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))") {
                Logger.Level(rawValue: $0.lowercased())
            } ?? config.logLevel
        config.logFormat = env.value("LOG_FORMAT", "text or json") { LogFormat(rawValue: $0.lowercased()) } ?? config.logFormat
        config.singleUser = env.flag("CC_SINGLE_USER", default: config.singleUser)
        config.jwtSecret = env.value("JWT_SECRET", "at least 32 bytes long (e.g. openssl rand -base64 48)") { $0.utf8.count >= 32 ? $0 : nil }
        config.accessTokenLifetime = TimeInterval(env.integer("CC_ACCESS_TOKEN_MINUTES", in: 1...1_440, default: Int(config.accessTokenLifetime) / 60) * 60)
        config.refreshTokenLifetime = TimeInterval(
            env.integer("CC_REFRESH_TOKEN_DAYS", in: 1...365, default: Int(config.refreshTokenLifetime) / 86_400) * 86_400
        )
        config.embeddedWorker = env.flag("CC_EMBEDDED_WORKER", default: config.embeddedWorker)
        config.diagnosticTasks = env.flag("CC_DIAGNOSTIC_TASKS", default: config.diagnosticTasks)
        config.allowPrivateNetwork = env.flag("CC_ALLOW_PRIVATE_NETWORK", default: config.allowPrivateNetwork)
        config.sourceTimeout = env.integer("CC_SOURCE_TIMEOUT_SECONDS", in: 1...300, default: config.sourceTimeout)
        config.sourceRequestInterval = env.integer("CC_SOURCE_REQUEST_INTERVAL_MS", in: 0...60_000, default: config.sourceRequestInterval)
        config.dedupTitleSimilarity = env.number("CC_DEDUP_TITLE_SIMILARITY", in: 0.5...1.0, default: config.dedupTitleSimilarity)
        config.sourceCredentials = SourceCredentials(
            env.sourceKeys(),
            extraKeyHosts: Set(
                (env.string("CC_SOURCE_KEY_HOSTS") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        )
        config.workerConcurrency = env.integer("CC_WORKER_CONCURRENCY", in: 1...64, default: config.workerConcurrency)
        config.taskLease = TimeInterval(env.integer("CC_TASK_LEASE_SECONDS", in: 2...3_600, default: Int(config.taskLease)))
        config.workerStopDeadline = env.integer("CC_WORKER_STOP_SECONDS", in: 1...600, default: config.workerStopDeadline)
        config.passwordHashCost = env.integer("CC_PASSWORD_HASH_COST", in: 4...16, default: config.passwordHashCost)
        if let raw = env.string("CC_SCHEDULES") {
            config.schedules = []
            // `none`: no periodic tasks at all.
            for entry in raw.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty && raw.lowercased() != "none" {
                let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                do throws(DomainError) {
                    guard parts.count == 2, !parts[0].isEmpty else { throw DomainError.badRequest("'\(entry)' is not kind=schedule") }
                    config.schedules.append((parts[0], try Schedule(parts[1])))
                } catch {
                    if case let .badRequest(message, _) = error { env.problem("CC_SCHEDULES: \(message)") }
                }
            }
        }
        if let raw = env.string("CC_ALLOWED_HOSTS") {
            config.allowedHosts = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            if let bad = config.allowedHosts.first(where: { $0.contains(where: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) }) {
                env.problem("CC_ALLOWED_HOSTS must list host names separated by commas (without ports); '\(bad)' is not one")
            }
        }
        config.embeddings = env.embedder(dataDirectory: config.dataDirectory)
        guard env.problems.isEmpty else { throw ConfigurationError(problems: env.problems) }
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

extension EnvironmentReader {
    /// `CC_EMBEDDINGS` and the variables of the embedder it names.
    mutating func embedder(dataDirectory: String) -> AppConfiguration.Embedder {
        let kind =
            value("CC_EMBEDDINGS", "local, openai, openai-compatible or off") { raw in
                ["local", "openai", "openai-compatible", "off"].contains(raw.lowercased()) ? raw.lowercased() : nil
            } ?? "local"
        let baseURL =
            value("CC_EMBEDDINGS_BASE_URL", "an http:// or https:// URL, e.g. http://localhost:11434/v1", Self.httpURL)
            ?? value("OPENAI_BASE_URL", "an http:// or https:// URL, e.g. https://api.openai.com/v1", Self.httpURL)
        let model = value("CC_EMBEDDINGS_MODEL", "a model name of at most 200 characters") { $0.count <= 200 ? $0 : nil }
        let dimensions = string("CC_EMBEDDINGS_DIMENSIONS") == nil ? nil : integer("CC_EMBEDDINGS_DIMENSIONS", in: 8...8_192, default: 0)
        let apiKey = string("OPENAI_API_KEY")
        switch kind {
        case "off":
            return .off
        case "openai":
            if apiKey == nil { problem("CC_EMBEDDINGS=openai needs OPENAI_API_KEY") }
            return .remote(
                .init(
                    baseURL: baseURL ?? AppConfiguration.defaultOpenAIBaseURL, apiKey: apiKey, model: model ?? AppConfiguration.defaultOpenAIEmbeddingModel,
                    dimensions: dimensions))
        case "openai-compatible":
            if baseURL == nil { problem("CC_EMBEDDINGS=openai-compatible needs CC_EMBEDDINGS_BASE_URL (e.g. http://localhost:11434/v1 for Ollama)") }
            if model == nil { problem("CC_EMBEDDINGS=openai-compatible needs CC_EMBEDDINGS_MODEL (e.g. nomic-embed-text)") }
            return .remote(.init(baseURL: baseURL ?? "", apiKey: apiKey, model: model ?? "", dimensions: dimensions))
        default:
            return .local(directory: string("CC_MODEL_DIR") ?? AppConfiguration.defaultModelDirectory(dataDirectory))
        }
    }

    /// The URL without a trailing slash, when it is http(s) with a host.
    static func httpURL(_ raw: String) -> String? {
        guard let components = URLComponents(string: raw), ["http", "https"].contains(components.scheme?.lowercased() ?? ""), components.host?.isEmpty == false
        else { return nil }
        return raw.hasSuffix("/") ? String(raw.dropLast()) : raw
    }
}

/// An invalid configuration: every problem found, one per line.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let problems: [String]

    public var description: String {
        "Invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// Reads environment variables, collecting every problem instead of stopping at the first:
/// one parse-and-check rule per kind of value, each message naming the variable and what it
/// must be.
struct EnvironmentReader {
    private let environment: [String: String]
    private(set) var problems: [String] = []

    init(_ environment: [String: String]) {
        self.environment = environment
    }

    mutating func problem(_ message: String) {
        problems.append(message)
    }

    /// The value, trimmed; nil when unset or blank.
    func string(_ name: String) -> String? {
        guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        return raw
    }

    /// The value as `parse` reads it; nil when unset, or (with a problem: "NAME must be …")
    /// when `parse` refuses it.
    mutating func value<T>(_ name: String, _ mustBe: String, _ parse: (String) -> T?) -> T? {
        guard let raw = string(name) else { return nil }
        guard let value = parse(raw) else {
            problems.append("\(name) must be \(mustBe)")
            return nil
        }
        return value
    }

    mutating func flag(_ name: String, default defaultValue: Bool) -> Bool {
        value(name, "1 or 0") { raw -> Bool? in
            switch raw.lowercased() {
            case "1", "true", "yes", "on": true
            case "0", "false", "no", "off": false
            default: nil
            }
        } ?? defaultValue
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) -> Int {
        value(name, "a whole number from \(range.lowerBound) to \(range.upperBound)") { Int($0).flatMap { range.contains($0) ? $0 : nil } }
            ?? defaultValue
    }

    mutating func number(_ name: String, in range: ClosedRange<Double>, default defaultValue: Double) -> Double {
        value(name, "a number from \(range.lowerBound) to \(range.upperBound)") { Double($0).flatMap { range.contains($0) ? $0 : nil } }
            ?? defaultValue
    }

    /// The operator's keys of every registered source that needs them; a source's variables
    /// go together.
    mutating func sourceKeys() -> [String: String] {
        var keys: [String: String] = [:]
        for variables in SourceKind.allCases.compactMap(\.source.keys?.variables) {
            let given = variables.filter { string($0) != nil }
            if !given.isEmpty, given.count < variables.count {
                problems.append("\(variables.joined(separator: " and ")) go together: set \(variables.count == 2 ? "both" : "all") or neither")
            }
            for variable in given { keys[variable] = string(variable) }
        }
        return keys
    }
}
