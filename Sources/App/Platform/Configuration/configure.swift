import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import JWT
import NIOPosix
import SQLKit
import Vapor

/// Sets up an application from its configuration: database, migrations, middleware, routes
/// and commands. Tests call it with their own configuration.
public func configure(_ app: Application, _ config: AppConfiguration) async throws {
    PrometheusMetrics.bootstrapOnce()
    app.storage[ConfigurationKey.self] = config
    app.storage[JobCountsKey.self] = CountCache()
    app.http.server.configuration.port = config.port
    app.http.server.configuration.hostname = "127.0.0.1"
    app.routes.defaultMaxBodySize = "1mb"

    // SQLite calls block a thread of this pool, and a writer waiting for the write lock (the
    // busy timeout) blocks one for up to 5 s: with only one thread per core, waiting writers
    // could take every thread and starve the very connection that holds the lock.
    app.threadPool = NIOThreadPool(numberOfThreads: max(16, System.coreCount * 4))
    try await useDatabase(app, config)
    // Source fetches check every redirect hop themselves (the SSRF guard): none is followed blindly.
    app.http.client.configuration.redirectConfiguration = .disallow
    // Source fetches carry their own deadline (SourceFetcher.timeout); this bounds connecting only.
    app.http.client.configuration.timeout = .init(connect: .seconds(10))
    app.storage[PasswordHasherKey.self] = PasswordHasher(cost: config.passwordHashCost, capacity: config.passwordHashCapacity)
    app.storage[WriteProbeKey.self] = WriteProbe()
    app.lifecycle.use(WriteCheckAtStart())
    let secret = try TokenSecret.load(configured: config.jwtSecret, dataDirectory: config.dataDirectory)
    await app.jwt.keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    app.migrations.add(Migrations.all)
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(BenchSeedCommand(), as: "bench-seed")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(WorkerCommand(), as: "worker")
    app.asyncCommands.use(ScrapeCommand(), as: "scrape")
    app.asyncCommands.use(BenchQueueCommand(), as: "bench-queue")
    app.asyncCommands.use(BenchIngestCommand(), as: "bench-ingest")

    let methodIndex = RouteMethodIndex()
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(RequestIDMiddleware())
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(APIErrorMiddleware(methods: methodIndex))
    if config.singleUser { app.middleware.use(SingleUserGuardMiddleware(allowedHosts: Set(config.allowedHosts))) }
    try routes(app, config)
    methodIndex.build(from: app.routes)
}

private func useDatabase(_ app: Application, _ config: AppConfiguration) async throws {
    switch config.database {
    case let .sqlite(path):
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1), as: .sqlite)
        // WAL lets readers go on while one writer writes; it is a property of the file and persists.
        try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
        // Settings of a connection: a writer waits up to 5 s for another (instead of sqlite-nio's
        // handler that retries forever), memory-mapped reads, a larger page cache. Each event
        // loop has a pool of one connection, kept open, so setting them once per loop reaches all.
        for loop in app.eventLoopGroup.makeIterator() {
            guard let database = app.databases.database(.sqlite, logger: app.logger, on: loop) else { continue }
            try await database.run(["PRAGMA busy_timeout=5000", "PRAGMA mmap_size=268435456", "PRAGMA cache_size=-32768"])
        }
    case let .postgres(url):
        var postgres = try SQLPostgresConfiguration(url: url)
        if let schema = config.databaseSchema { postgres.searchPath = [schema] }
        let perLoop = max(1, config.databasePoolSize / System.coreCount)
        app.databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: perLoop, connectionPoolTimeout: .seconds(10)), as: .psql)
    }
}

private struct ConfigurationKey: StorageKey {
    typealias Value = AppConfiguration
}

private struct JobCountsKey: StorageKey {
    typealias Value = CountCache
}

private struct PasswordHasherKey: StorageKey {
    typealias Value = PasswordHasher
}

private struct WriteProbeKey: StorageKey {
    typealias Value = WriteProbe
}

/// Says at start when the database takes no writes: the product would otherwise look healthy
/// and refuse every change.
private struct WriteCheckAtStart: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        let result = await application.writeProbe.check(application.db)
        if !result.writable {
            application.logger.error("The database takes no writes: every change will be refused with 503 until this is fixed", metadata: ["problem": .string(result.problem ?? "")])
        }
    }
}

extension Application {
    /// The configuration the application was set up with.
    public var configuration: AppConfiguration {
        storage[ConfigurationKey.self] ?? AppConfiguration()
    }

    /// bcrypt on threads of its own (configured in `configure`).
    var passwordHasher: PasswordHasher {
        guard let hasher = storage[PasswordHasherKey.self] else { fatalError("configure(_:_:) sets the password hasher") }
        return hasher
    }

    /// Whether the database takes writes, checked at start and by `/health`.
    var writeProbe: WriteProbe {
        if let probe = storage[WriteProbeKey.self] { return probe }
        let probe = WriteProbe()
        storage[WriteProbeKey.self] = probe
        return probe
    }

    /// Totals of recent job lists, shared by the requests of this process.
    var jobCounts: CountCache {
        storage[JobCountsKey.self]!
    }
}
