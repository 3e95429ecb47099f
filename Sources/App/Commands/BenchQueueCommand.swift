import CareerCopilotCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `career-copilot bench-queue [--tasks N] [--workers 1,2,4] [--concurrency C]`: the queue's
/// own speed with no-op tasks. For each worker count, enqueues N tasks, starts that many
/// workers in this process and times the drain (tasks/s); then, with one idle worker,
/// enqueues tasks one at a time and reports enqueue-to-start latency (p50/p99).
struct BenchQueueCommand: AsyncCommand {
    let services: AppServices

    struct Signature: CommandSignature {
        @Option(name: "tasks", help: "Tasks per run (default 5000)")
        var tasks: Int?

        @Option(name: "workers", help: "Worker counts to try (default 1,2,4)")
        var workers: String?

        @Option(name: "concurrency", help: "Tasks each worker runs at once (default 8)")
        var concurrency: Int?
    }

    var help: String { "Benchmarks the task queue with no-op tasks" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let count = signature.tasks ?? 5_000
        let workerCounts = (signature.workers ?? "1,2,4").split(separator: ",").compactMap { Int($0) }
        let concurrency = signature.concurrency ?? 8
        try await app.db.sql.raw("DELETE FROM tasks WHERE queue = 'bench'").run()
        context.console.print("| workers | concurrency | tasks | seconds | tasks/s |")
        context.console.print("|---|---|---|---|---|")
        for workers in workerCounts {
            try await app.db.writeTransaction { transaction in
                let queue = TaskQueue(database: transaction)
                for _ in 0..<count { try await queue.enqueue(TaskRequest(kind: NoopHandler.kind, queue: "bench")) }
            }
            let pool = (0..<workers).map { _ in makeWorker(app, concurrency: concurrency) }
            let start = Date()
            let seconds = try await Worker.whileRunning(pool) {
                while try await remaining(app) > 0 { try await Task.sleep(for: .milliseconds(5)) }
                return Date().timeIntervalSince(start)
            }
            context.console.print("| \(workers) | \(concurrency) | \(count) | \(String(format: "%.2f", seconds)) | \(Int(Double(count) / seconds)) |")
            try await app.db.sql.raw("DELETE FROM tasks WHERE queue = 'bench'").run()
        }

        // Latency: one idle worker, tasks enqueued one by one.
        try await Worker.whileRunning([makeWorker(app, concurrency: 1)]) {
            try await Task.sleep(for: .milliseconds(200))
            for _ in 0..<min(count, 300) {
                try await TaskQueue(database: app.db).enqueue(TaskRequest(kind: NoopHandler.kind, queue: "bench"))
                try await Task.sleep(for: .milliseconds(10))
            }
            while try await remaining(app) > 0 { try await Task.sleep(for: .milliseconds(5)) }
        }
        var latencies: [Double] = []
        for row in try await app.db.sql.raw("SELECT created_at, started_at FROM tasks WHERE queue = 'bench'").all() {
            let created = try row.decode(column: "created_at", as: Date.self)
            let started = try row.decode(column: "started_at", as: Date.self)
            latencies.append(started.timeIntervalSince(created) * 1000)
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        context.console.print("")
        context.console.print(
            "Enqueue-to-start latency, idle worker, \(latencies.count) tasks: p50 \(String(format: "%.1f", percentile(0.5))) ms, p99 \(String(format: "%.1f", percentile(0.99))) ms"
        )
        try await app.db.sql.raw("DELETE FROM tasks WHERE queue = 'bench'").run()
    }

    private func makeWorker(_ app: Application, concurrency: Int) -> Worker {
        var options = Worker.Options()
        options.queues = ["bench"]
        options.concurrency = concurrency
        options.lease = 60
        return Worker(options: options, handlers: services.taskHandlers, signal: services.taskSignal, logger: app.logger, database: { app.db })
    }

    private func remaining(_ app: Application) async throws -> Int {
        struct Count: Decodable { let count: Int }
        return try await app.db.sql.raw("SELECT count(*) AS count FROM tasks WHERE queue = 'bench' AND status IN ('queued', 'running')")
            .first(decoding: Count.self)?.count ?? 0
    }
}
