import CareerCopilotCore
import Fluent
import Logging
import Vapor

/// What a handler gets to do its work.
struct TaskContext: Sendable {
    let task: TaskRecord
    let payload: JSONValue
    let database: any Database
    let logger: Logger
}

/// The code behind one kind of task. Every handler must be safe to run twice (a worker may
/// die after the work and before recording it): write with unique keys or upserts.
protocol TaskHandler: Sendable {
    static var kind: String { get }
    /// The result to keep on the task, if any. Throw `PermanentTaskError` for failures that
    /// another attempt cannot fix.
    func run(_ context: TaskContext) async throws -> JSONValue?
}

/// A failure that retrying cannot fix (bad payload, a deleted row): the task fails at once.
struct PermanentTaskError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// The handlers of this process, by kind.
struct TaskHandlers: Sendable {
    private var handlers: [String: any TaskHandler] = [:]

    mutating func register(_ handler: any TaskHandler) {
        handlers[type(of: handler).kind] = handler
    }

    func handler(for kind: String) -> (any TaskHandler)? {
        handlers[kind]
    }

    var kinds: [String] { handlers.keys.sorted() }

    /// The product's handlers; the diagnostic ones for tests and benchmarks when asked.
    static func standard(diagnostics: Bool) -> TaskHandlers {
        var handlers = TaskHandlers()
        handlers.register(NotificationHandler())
        handlers.register(UserStatsHandler())
        handlers.register(DailyDigestHandler())
        handlers.register(CleanupHandler())
        handlers.register(NoopHandler())
        handlers.register(MatchRefreshHandler(time: SystemTime()))
        if diagnostics {
            handlers.register(DiagnosticEffectHandler())
            handlers.register(DiagnosticFlakyHandler())
            handlers.register(DiagnosticPermanentFailureHandler())
        }
        return handlers
    }
}
