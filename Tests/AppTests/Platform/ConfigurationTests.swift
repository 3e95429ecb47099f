import CareerCopilotCore
import JobSources
import Logging
import Testing

@testable import App

@Suite("Configuration")
struct ConfigurationTests {
    @Test func defaults_giveTheEmbeddedRun() throws {
        let config = try AppConfiguration.load(from: [:])
        #expect(config.database == .sqlite(path: "./data/career-copilot.sqlite"))
        #expect(config.port == 8000)
        #expect(config.logLevel == .info)
        #expect(config.logFormat == .text)
        #expect(config.singleUser)
    }

    @Test func everyVariable_isRead() throws {
        let config = try AppConfiguration.load(from: [
            "CC_DATA_DIR": "/var/lib/cc", "DATABASE_URL": "postgres://u:secret@db:5432/cc", "CC_DATABASE_SCHEMA": "copilot",
            "DATABASE_POOL_SIZE": "16", "PORT": "9000", "LOG_LEVEL": "debug", "LOG_FORMAT": "json", "CC_SINGLE_USER": "0",
            "CC_ACCESS_TOKEN_MINUTES": "5", "CC_REFRESH_TOKEN_DAYS": "7", "JWT_SECRET": String(repeating: "s", count: 32),
        ])
        #expect(config.accessTokenLifetime == 300)
        #expect(config.refreshTokenLifetime == 7 * 86_400)
        #expect(config.jwtSecret?.count == 32)
        #expect(config.dataDirectory == "/var/lib/cc")
        #expect(config.database == .postgres(url: "postgres://u:secret@db:5432/cc"))
        #expect(config.databaseSchema == "copilot")
        #expect(config.databasePoolSize == 16)
        #expect(config.port == 9000)
        #expect(config.logLevel == .debug)
        #expect(config.logFormat == .json)
        #expect(!config.singleUser)
        #expect(!config.redactedDatabaseDescription.contains("secret"))
    }

    @Test func backgroundWork_isConfigurable() throws {
        let defaults = try AppConfiguration.load(from: [:])
        #expect(defaults.embeddedWorker && defaults.workerConcurrency == 4 && defaults.taskLease == 60 && !defaults.diagnosticTasks)
        #expect(defaults.passwordHashCost == 12 && defaults.workerStopDeadline == 10)
        let tuned = try AppConfiguration.load(from: ["CC_PASSWORD_HASH_COST": "4", "CC_WORKER_STOP_SECONDS": "2"])
        #expect(tuned.passwordHashCost == 4 && tuned.workerStopDeadline == 2)
        #expect(throws: ConfigurationError.self) { try AppConfiguration.load(from: ["CC_PASSWORD_HASH_COST": "3"]) }
        #expect(defaults.schedules.map(\.kind) == ["maintenance.cleanup", "digest.daily", "discovery.due", "search.embed"])
        let config = try AppConfiguration.load(from: [
            "CC_EMBEDDED_WORKER": "0", "CC_WORKER_CONCURRENCY": "8", "CC_TASK_LEASE_SECONDS": "15", "CC_DIAGNOSTIC_TASKS": "1",
            "CC_SCHEDULES": "digest.daily=@daily; discovery.run=every 6h",
        ])
        #expect(!config.embeddedWorker && config.workerConcurrency == 8 && config.taskLease == 15 && config.diagnosticTasks)
        #expect(config.schedules.map(\.kind) == ["digest.daily", "discovery.run"])
        #expect(try AppConfiguration.load(from: ["CC_SCHEDULES": ""]).schedules.count == 4, "an empty value is unset")
        #expect(try AppConfiguration.load(from: ["CC_SCHEDULES": "none"]).schedules.isEmpty)
        #expect(throws: ConfigurationError.self) {
            try AppConfiguration.load(from: ["CC_SCHEDULES": "digest.daily=every 7m", "CC_WORKER_CONCURRENCY": "0", "CC_EMBEDDED_WORKER": "maybe"])
        }
        let error = try #require(throws: ConfigurationError.self) {
            try AppConfiguration.load(from: ["CC_SCHEDULES": "nonsense", "CC_TASK_LEASE_SECONDS": "1"])
        }
        #expect(error.problems.count == 2, "every problem is reported, not the first")
    }

    @Test func discovery_isConfigurable() throws {
        let defaults = try AppConfiguration.load(from: [:])
        #expect(defaults.sourceTimeout == 25 && defaults.sourceRequestInterval == 200 && defaults.dedupTitleSimilarity == 0.8)
        #expect(defaults.sourceCredentials == SourceCredentials())
        let config = try AppConfiguration.load(from: [
            "CC_SOURCE_TIMEOUT_SECONDS": "5", "CC_SOURCE_REQUEST_INTERVAL_MS": "0", "CC_DEDUP_TITLE_SIMILARITY": "0.9",
            "CC_ADZUNA_APP_ID": "id", "CC_ADZUNA_APP_KEY": "key", "CC_USAJOBS_API_KEY": "u", "CC_USAJOBS_EMAIL": "me@example.com",
        ])
        #expect(config.sourceTimeout == 5 && config.sourceRequestInterval == 0 && config.dedupTitleSimilarity == 0.9)
        #expect(config.sourceCredentials.missing(for: .adzuna) == nil && config.sourceCredentials.missing(for: .usajobs) == nil)
        let error = try #require(throws: ConfigurationError.self) {
            try AppConfiguration.load(from: [
                "CC_SOURCE_TIMEOUT_SECONDS": "0", "CC_DEDUP_TITLE_SIMILARITY": "2", "CC_ADZUNA_APP_ID": "only-the-id", "CC_SOURCE_REQUEST_INTERVAL_MS": "-1",
            ])
        }
        #expect(error.problems.count == 4)
        #expect(error.description.contains("CC_ADZUNA_APP_ID and CC_ADZUNA_APP_KEY go together"))
    }

    @Test func sqliteURL_andDataDirectory() throws {
        #expect(try AppConfiguration.load(from: ["CC_DATA_DIR": "/tmp/x"]).database == .sqlite(path: "/tmp/x/career-copilot.sqlite"))
        #expect(try AppConfiguration.load(from: ["DATABASE_URL": "sqlite:///srv/cc.db"]).database == .sqlite(path: "/srv/cc.db"))
    }

    @Test func invalidConfiguration_listsEveryProblem() {
        #expect {
            _ = try AppConfiguration.load(from: [
                "DATABASE_URL": "mysql://x", "PORT": "eighty", "LOG_LEVEL": "loud", "LOG_FORMAT": "xml",
                "CC_SINGLE_USER": "perhaps", "DATABASE_POOL_SIZE": "0", "CC_DATABASE_SCHEMA": "Robert'); DROP",
                "JWT_SECRET": "short", "CC_ACCESS_TOKEN_MINUTES": "0", "CC_REFRESH_TOKEN_DAYS": "forever",
            ])
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.problems.count == 10 && error.description.contains("PORT must be a whole number from 0 to 65535")
        }
    }

    @Test func singleUserMode_onlyOnLoopback() {
        let single = AppConfiguration(singleUser: true)
        #expect(LaunchGuard.problems(config: single, arguments: ["cc", "serve"]).isEmpty)
        #expect(LaunchGuard.problems(config: single, arguments: ["cc", "serve", "--hostname", "127.0.0.1"]).isEmpty)
        #expect(LaunchGuard.problems(config: single, arguments: ["cc", "serve", "-H", "::1"]).isEmpty)
        #expect(LaunchGuard.problems(config: single, arguments: ["cc", "serve", "--bind", "localhost:8000"]).isEmpty)
        #expect(LaunchGuard.problems(config: single, arguments: ["cc", "serve", "--hostname", "0.0.0.0"]).count == 1)
        #expect(LaunchGuard.problems(config: single, arguments: ["cc", "serve", "--bind=192.168.1.5:80"]).count == 1)
        #expect(LaunchGuard.problems(config: single, arguments: ["cc", "serve", "--hostname=0.0.0.0"]).count == 1)
        #expect(LaunchGuard.problems(config: single, arguments: ["cc", "serve", "-b", "[::1]:8000"]).isEmpty)
        #expect(LaunchGuard.hostname(in: ["cc", "--port", "1", "-H", "example.org"]) == "example.org")
        #expect(LaunchGuard.problems(config: AppConfiguration(singleUser: false), arguments: ["cc", "serve", "-H", "0.0.0.0"]).isEmpty)
    }

    @Test
    func embeddings_areChosenByCCEmbeddings_andEachProviderSaysWhatItNeeds() throws {
        let defaults = try AppConfiguration.load(from: ["CC_DATA_DIR": "/srv/cc"])
        #expect(defaults.embeddings == .local(directory: "/srv/cc/models/all-MiniLM-L6-v2"))
        #expect(try AppConfiguration.load(from: ["CC_MODEL_DIR": "/opt/m"]).embeddings == .local(directory: "/opt/m"))
        #expect(try AppConfiguration.load(from: ["CC_EMBEDDINGS": "off"]).embeddings == .off)
        let openAI = try AppConfiguration.load(from: ["CC_EMBEDDINGS": "openai", "OPENAI_API_KEY": "sk-test", "CC_EMBEDDINGS_DIMENSIONS": "512"])
        #expect(
            openAI.embeddings
                == .remote(.init(baseURL: "https://api.openai.com/v1", apiKey: "sk-test", model: "text-embedding-3-small", dimensions: 512)))
        let ollama = try AppConfiguration.load(from: [
            "CC_EMBEDDINGS": "openai-compatible", "CC_EMBEDDINGS_BASE_URL": "http://localhost:11434/v1/", "CC_EMBEDDINGS_MODEL": "nomic-embed-text",
        ])
        #expect(ollama.embeddings == .remote(.init(baseURL: "http://localhost:11434/v1", apiKey: nil, model: "nomic-embed-text", dimensions: nil)))
        let problems = try #require(throws: ConfigurationError.self) {
            try AppConfiguration.load(from: ["CC_EMBEDDINGS": "openai-compatible", "CC_EMBEDDINGS_BASE_URL": "ftp://x", "CC_EMBEDDINGS_DIMENSIONS": "3"])
        }.problems
        #expect(problems.contains { $0.hasPrefix("CC_EMBEDDINGS_BASE_URL must be") })
        #expect(problems.contains { $0.contains("needs CC_EMBEDDINGS_MODEL") })
        #expect(problems.contains { $0.hasPrefix("CC_EMBEDDINGS_DIMENSIONS must be") })
        let keyless = try #require(throws: ConfigurationError.self) { try AppConfiguration.load(from: ["CC_EMBEDDINGS": "openai"]) }
        #expect(keyless.problems == ["CC_EMBEDDINGS=openai needs OPENAI_API_KEY"])
        #expect(throws: ConfigurationError.self) { try AppConfiguration.load(from: ["CC_EMBEDDINGS": "magic"]) }
    }
}
