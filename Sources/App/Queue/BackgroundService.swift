import CareerCopilotCore
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

/// A worker, the scheduler and (on PostgreSQL) the listener that wakes them: what
/// `career-copilot worker` runs, and what `serve` runs in-process by default.
final class BackgroundService: Sendable {
    let worker: Worker
    private let scheduler: Scheduler
    private let postgresURL: String?
    private let searchPath: String?
    private let logger: Logger
    private let tasks = NIOLockedValueBox<[Task<Void, Never>]>([])

    init(app: Application, queues: [String]? = nil, concurrency: Int? = nil) {
        let config = app.configuration
        let logger = Logger(label: "career-copilot.background")
        var options = Worker.Options()
        options.queues = queues ?? ["default"]
        options.concurrency = concurrency ?? config.workerConcurrency
        options.lease = config.taskLease
        let database: @Sendable () -> any Database = { app.db }
        worker = Worker(options: options, handlers: app.taskHandlers, logger: logger, database: database)
        scheduler = Scheduler(entries: config.schedules.map { .init(kind: $0.kind, schedule: $0.schedule) }, logger: logger, database: database)
        if case let .postgres(url) = config.database {
            postgresURL = url
        } else {
            postgresURL = nil
        }
        searchPath = config.databaseSchema
        self.logger = logger
    }

    func start() {
        var started = [scheduler.start()]
        if let postgresURL { started.append(PostgresTaskListener.start(url: postgresURL, searchPath: searchPath, logger: logger)) }
        tasks.withLockedValue { $0 = started }
        worker.start()
    }

    /// Stops claiming, lets running tasks finish within `deadline`, gives back the rest.
    func stop(deadline: Duration = .seconds(10)) async {
        for task in tasks.withLockedValue({ $0 }) { task.cancel() }
        await worker.stop(deadline: deadline)
    }
}

/// Runs the background service with the server: started after boot, stopped at shutdown.
struct EmbeddedBackgroundWork: LifecycleHandler {
    private let service = NIOLockedValueBox<BackgroundService?>(nil)

    func didBootAsync(_ application: Application) async throws {
        let background = BackgroundService(app: application)
        service.withLockedValue { $0 = background }
        background.start()
    }

    func shutdownAsync(_ application: Application) async {
        await service.withLockedValue { $0 }?.stop()
    }
}

/// `serve` runs a worker and the scheduler in its own process unless `CC_EMBEDDED_WORKER=0`.
public func useEmbeddedBackgroundWork(_ app: Application) {
    guard app.configuration.embeddedWorker else { return }
    app.lifecycle.use(EmbeddedBackgroundWork())
}

private struct TaskHandlersKey: StorageKey {
    typealias Value = TaskHandlers
}

extension Application {
    /// The task handlers of this process.
    var taskHandlers: TaskHandlers {
        get {
            if let handlers = storage[TaskHandlersKey.self] { return handlers }
            var handlers = TaskHandlers.standard(diagnostics: configuration.diagnosticTasks)
            handlers.register(DiscoveryRunHandler(fetcher: sourceFetcher, counts: jobCounts, policy: dedupPolicy))
            handlers.register(DiscoveryDueHandler())
            return handlers
        }
        set { storage[TaskHandlersKey.self] = newValue }
    }
}
