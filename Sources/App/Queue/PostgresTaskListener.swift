import Foundation
import Logging
import PostgresKit
import PostgresNIO
import ServiceLifecycle

/// On PostgreSQL, a connection of its own `LISTEN`s on the queue's channel and wakes this
/// process's workers when any process enqueues (the `NOTIFY` arrives at commit). Reconnects
/// after errors; workers poll meanwhile. Ends at graceful shutdown.
struct PostgresTaskListener: Service {
    let url: String
    let searchPath: String?
    let signal: TaskSignal
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await listenOnce()
                } catch {
                    if Task.isCancelled { return }
                    logger.warning("Task listener lost its connection; retrying", metadata: ["error": .string(String(describing: error))])
                    try? await Task.sleep(for: .seconds(2))
                }
            }
        }
    }

    private func listenOnce() async throws {
        var configuration = try SQLPostgresConfiguration(url: url)
        if let searchPath { configuration.searchPath = [searchPath] }
        let connection = try await PostgresConnection.connect(configuration: configuration.coreConfiguration, id: 0, logger: logger)
        do {
            try await connection.listen(on: TaskQueue.channel) { notifications in
                for try await _ in notifications { signal.signal() }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }
}
