import CareerCopilotCore
import Fluent
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import Vapor

/// The background work of a process — a worker, the scheduler and, on PostgreSQL, the listener
/// that wakes them — as services of a `ServiceGroup`: what `career-copilot worker` runs, and
/// what `serve` runs beside its HTTP server unless `CC_EMBEDDED_WORKER=0`.
struct BackgroundWork {
    let worker: Worker
    let services: [any Service]

    init(_ services: AppServices, application: Application, queues: [String]? = nil, concurrency: Int? = nil) {
        let config = services.configuration
        let logger = Logger(label: "career-copilot.background")
        var options = Worker.Options()
        options.queues = queues ?? ["default"]
        options.concurrency = concurrency ?? config.workerConcurrency
        options.lease = config.taskLease
        options.stopDeadline = .seconds(config.workerStopDeadline)
        let database: @Sendable () -> any Database = { application.db }
        worker = Worker(options: options, handlers: services.taskHandlers, signal: services.taskSignal, logger: logger, database: database)
        let scheduler = Scheduler(entries: config.schedules.map { .init(kind: $0.kind, schedule: $0.schedule) }, logger: logger, database: database)
        var all: [any Service] = [worker, scheduler]
        if case let .postgres(url) = config.database {
            all.append(PostgresTaskListener(url: url, searchPath: config.databaseSchema, signal: services.taskSignal, logger: logger))
        }
        self.services = all
    }

    /// What a start owes: jobs changed while nothing ran, or the catalogue under a newly
    /// configured embedding model, are embedded (a no-op when a run is already queued).
    static func enqueueStartUpWork(on database: any Database, logger: Logger) async {
        do {
            try await TaskQueue(database: database).enqueue(EmbeddingRefreshHandler.request)
        } catch {
            logger.warning("Could not queue the start-up embedding run", metadata: ["error": .string(String(describing: error))])
        }
    }
}

/// Runs the process's services in one `ServiceGroup` until SIGTERM or SIGINT, then shuts them
/// down gracefully in reverse order: `serve` stops taking requests first, then the worker lets
/// its running tasks finish. Tasks they enqueue wake this process's workers.
enum ProcessServices {
    static func run(_ services: [any Service], signal: TaskSignal, logger: Logger) async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map {
                    ServiceGroupConfiguration.ServiceConfiguration(
                        service: $0, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup
                    )
                },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            ))
        try await TaskSignal.$current.withValue(signal) {
            try await group.run()
        }
    }
}

/// `serve`'s HTTP server as a service: Vapor's serve command starts it; graceful shutdown
/// stops it (Vapor's own signal handling stops it too, and then the group follows).
struct HTTPServerService: Service {
    let application: Application

    func run() async throws {
        try await application.startup()
        try await withGracefulShutdownHandler {
            try await application.running?.onStop.get()
        } onGracefulShutdown: {
            application.running?.stop()
        }
    }
}

/// `serve`: the HTTP server and, unless `CC_EMBEDDED_WORKER=0`, the background work, as one
/// `ServiceGroup`.
public func runServer(_ app: Application, _ services: AppServices, logger: Logger) async throws {
    await BackgroundWork.enqueueStartUpWork(on: app.db, logger: logger)
    var all: [any Service] = services.configuration.embeddedWorker ? BackgroundWork(services, application: app).services : []
    all.append(HTTPServerService(application: app))
    try await ProcessServices.run(all, signal: services.taskSignal, logger: logger)
}
