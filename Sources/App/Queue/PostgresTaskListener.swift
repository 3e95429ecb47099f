import Foundation
import Logging
import PostgresKit
import PostgresNIO

/// On PostgreSQL, a connection of its own `LISTEN`s on the queue's channel and wakes this
/// process's workers when any process enqueues (the `NOTIFY` arrives at commit). Reconnects
/// after errors; workers poll meanwhile.
enum PostgresTaskListener {
    static func start(url: String, searchPath: String?, logger: Logger) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do {
                    var configuration = try SQLPostgresConfiguration(url: url)
                    if let searchPath { configuration.searchPath = [searchPath] }
                    let connection = try await PostgresConnection.connect(configuration: configuration.coreConfiguration, id: 0, logger: logger)
                    do {
                        try await connection.listen(on: TaskQueue.channel) { notifications in
                            for try await _ in notifications { TaskSignal.shared.signal() }
                        }
                    } catch {
                        try? await connection.close()
                        throw error
                    }
                    try? await connection.close()
                } catch {
                    if Task.isCancelled { return }
                    logger.warning("Task listener lost its connection; retrying", metadata: ["error": .string(String(describing: error))])
                    try? await Task.sleep(for: .seconds(2))
                }
            }
        }
    }
}
