import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import JWT
import NIOPosix
import SQLKit
import Vapor

/// Sets up an application with the services built from its configuration: database,
/// migrations, middleware, routes and commands, each given what it uses from `services`.
/// Tests call it with services of their own.
public func configure(_ app: Application, _ services: AppServices) async throws {
    let config = services.configuration
    PrometheusMetrics.bootstrapOnce()
    app.http.server.configuration.port = config.port
    app.http.server.configuration.hostname = "127.0.0.1"
    app.routes.defaultMaxBodySize = "1mb"

    // SQLite calls block a thread of this pool, and a writer waiting for the write lock (the
    // busy timeout) blocks one for up to 5 s: with only one thread per core, waiting writers
    // could take every thread and starve the very connection that holds the lock.
    app.threadPool = NIOThreadPool(numberOfThreads: max(16, System.coreCount * 4))
    try await useDatabase(app, config)
    app.lifecycle.use(WriteCheckAtStart(probe: services.writeProbe))
    let secret = try TokenSecret.load(configured: config.jwtSecret, dataDirectory: config.dataDirectory)
    await app.jwt.keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    app.migrations.add(Migrations.all)
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(BenchSeedCommand(), as: "bench-seed")
    app.asyncCommands.use(DemoCommand(services: services), as: "demo")
    app.asyncCommands.use(ModelsCommand(services: services), as: "models")
    app.asyncCommands.use(EvalSearchCommand(services: services), as: "eval-search")
    app.asyncCommands.use(BenchSearchCommand(services: services), as: "bench-search")
    app.asyncCommands.use(WorkerCommand(services: services), as: "worker")
    app.asyncCommands.use(ScrapeCommand(services: services), as: "scrape")
    app.asyncCommands.use(BenchQueueCommand(services: services), as: "bench-queue")
    app.asyncCommands.use(BenchIngestCommand(services: services), as: "bench-ingest")
    app.asyncCommands.use(BenchMatchCommand(services: services), as: "bench-match")
    app.asyncCommands.use(BenchEmbedCommand(services: services), as: "bench-embed")

    let methodIndex = RouteMethodIndex()
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(RequestIDMiddleware(time: services.time))
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(TaskSignalMiddleware(signal: services.taskSignal))
    app.middleware.use(APIErrorMiddleware(methods: methodIndex, services: services))
    if config.singleUser { app.middleware.use(SingleUserGuardMiddleware(allowedHosts: Set(config.allowedHosts))) }
    try routes(app, services)
    methodIndex.build(from: app.routes)
}

private func useDatabase(_ app: Application, _ config: AppConfiguration) async throws {
    switch config.database {
    case let .sqlite(path):
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        // One connection per event loop (SQLite writes one at a time anyway): requests of a
        // burst queue for it, and on two busy cores a queue of dozens outlasts the driver's
        // 10 s default, answering 503 to requests that only had to wait.
        app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30)), as: .sqlite)
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

/// Says at start when the database takes no writes: the product would otherwise look healthy
/// and refuse every change.
private struct WriteCheckAtStart: LifecycleHandler {
    let probe: WriteProbe

    func didBootAsync(_ application: Application) async throws {
        let result = await probe.check(application.db)
        if !result.writable {
            application.logger.error(
                "The database takes no writes: every change will be refused with 503 until this is fixed", metadata: ["problem": .string(result.problem ?? "")])
        }
    }
}

/// Requests run with this process's task signal: a task they enqueue wakes its workers.
private struct TaskSignalMiddleware: AsyncMiddleware {
    let signal: TaskSignal

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await TaskSignal.$current.withValue(signal) { try await next.respond(to: request) }
    }
}
