import CareerCopilotCore
import Foundation

// Task kinds for tests and benchmarks, registered only with CC_DIAGNOSTIC_TASKS=1.

/// `diagnostic.effect`: waits `sleep_ms`, then writes one notification for user 1 keyed by
/// `key` — an effect that must happen once however often the task runs. With `count_runs`,
/// also one row per run (kind `diagnostic.run`), which no key makes idempotent.
struct DiagnosticEffectHandler: TaskHandler {
    static let kind = "diagnostic.effect"

    func run(_ context: TaskContext) async throws -> JSONValue? {
        guard let key = context.payload["key"]?.stringValue else { throw PermanentTaskError("payload needs key") }
        if let sleep = context.payload["sleep_ms"]?.intValue, sleep > 0 {
            try await Task.sleep(for: .milliseconds(sleep))
        }
        let inserted = try await Notifications.insert(
            userID: 1, kind: "diagnostic", message: key, link: nil, dedupeKey: "diagnostic:\(key)", on: context.database)
        if context.payload["count_runs"]?.boolValue == true {
            // One row per run, whatever the effect's key says: tests count how often a task ran.
            try await Notifications.insert(
                userID: 1, kind: "diagnostic.run", message: key, link: nil, dedupeKey: "diagnostic.run:\(UUID().uuidString)", on: context.database)
        }
        return ["inserted": .bool(inserted), "attempt": .number(Double(context.task.attempts))]
    }
}

/// `diagnostic.flaky`: fails its first `fail_times` attempts, then succeeds.
struct DiagnosticFlakyHandler: TaskHandler {
    static let kind = "diagnostic.flaky"

    func run(_ context: TaskContext) async throws -> JSONValue? {
        let failTimes = context.payload["fail_times"]?.intValue ?? 1
        if context.task.attempts <= failTimes {
            throw DiagnosticError(message: "planned failure \(context.task.attempts) of \(failTimes)")
        }
        return ["succeeded_on_attempt": .number(Double(context.task.attempts))]
    }
}

/// `diagnostic.permanent`: fails with an error no retry can fix.
struct DiagnosticPermanentFailureHandler: TaskHandler {
    static let kind = "diagnostic.permanent"

    func run(_ context: TaskContext) async throws -> JSONValue? {
        throw PermanentTaskError("planned permanent failure")
    }
}

struct DiagnosticError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
