import CareerCopilotCore
import Fluent
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import App

/// Real `career-copilot worker` processes on a real database: killed mid-task, stopped
/// with SIGTERM, two at once on PostgreSQL. The test's own server enqueues and watches.
@Suite("Worker processes", .serialized)
struct WorkerProcessTests {
    @Test(arguments: TestDatabase.all)
    func killedMidTask_anotherWorkerFinishesIt_afterTheLease_once(database: TestDatabase) async throws {
        try await withServer(database, adjust: TaskQueueTests.diagnostics) { server in
            let queue = TaskQueue(database: server.app.db)
            let id = try #require(try await queue.enqueue(TaskRequest(kind: "diagnostic.effect", payload: ["key": "crash", "sleep_ms": 4_000])))
            let lease = ["CC_TASK_LEASE_SECONDS": "2"]
            let doomed = try ServerProcess.worker(on: server, environment: lease)
            try await TaskQueueTests.waitUntil { try await queue.find(id)?.status == .running }
            doomed.crash()  // kill -9 in the middle of the task

            let rescuer = try ServerProcess.worker(on: server, environment: lease)
            try await TaskQueueTests.waitUntil(30) { try await queue.find(id)?.status == .succeeded }
            #expect(rescuer.terminate() == 0)
            let task = try #require(try await queue.find(id))
            #expect(task.attempts == 2)
            #expect(try await TaskQueueTests.count(server, "SELECT count(*) AS count FROM notifications WHERE dedupe_key = 'diagnostic:crash'") == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func sigterm_givesTheRunningTaskBack_andExitsInTime(database: TestDatabase) async throws {
        try await withServer(database, adjust: TaskQueueTests.diagnostics) { server in
            let queue = TaskQueue(database: server.app.db)
            let id = try #require(try await queue.enqueue(TaskRequest(kind: "diagnostic.effect", payload: ["key": "slow", "sleep_ms": 60_000])))
            let worker = try ServerProcess.worker(on: server, environment: ["CC_WORKER_STOP_SECONDS": "1"])
            try await TaskQueueTests.waitUntil { try await queue.find(id)?.status == .running }
            let started = Date()
            #expect(worker.terminate() == 0)
            #expect(Date().timeIntervalSince(started) < 8, "the stop deadline is 1 s")
            let task = try #require(try await queue.find(id))
            #expect(task.status == .queued)
            #expect(task.attempts == 0, "an attempt cut short by a stop does not count")
            #expect(try await TaskQueueTests.count(server, "SELECT count(*) AS count FROM workers") == 0)
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil, "needs PostgreSQL (CC_TEST_POSTGRES_URL)"))
    func twoWorkerProcesses_onPostgres_runEachOfAThousandTasksOnce() async throws {
        try await withServer(.postgres, adjust: TaskQueueTests.diagnostics) { server in
            try await server.app.db.transaction { transaction in
                let queue = TaskQueue(database: transaction)
                for index in 0..<1_000 {
                    try await queue.enqueue(TaskRequest(kind: "diagnostic.effect", payload: ["key": .string("drain-\(index)"), "count_runs": true]))
                }
            }
            let workers = try (0..<2).map { _ in try ServerProcess.worker(on: server, arguments: ["--concurrency", "8"]) }
            try await TaskQueueTests.waitUntil(120) {
                try await TaskQueueTests.count(server, "SELECT count(*) AS count FROM tasks WHERE status = 'succeeded' AND kind = 'diagnostic.effect'") == 1_000
            }
            for worker in workers { #expect(worker.terminate() == 0) }
            #expect(
                try await TaskQueueTests.count(
                    server, "SELECT count(*) AS count FROM tasks WHERE kind = 'diagnostic.effect' AND (attempts <> 1 OR status <> 'succeeded')") == 0)
            #expect(try await TaskQueueTests.count(server, "SELECT count(*) AS count FROM notifications WHERE kind = 'diagnostic'") == 1_000)
            // Each task ran once: the effect's key would hide a second run, the run rows do not.
            #expect(try await TaskQueueTests.count(server, "SELECT count(*) AS count FROM notifications WHERE kind = 'diagnostic.run'") == 1_000)
            #expect(try await TaskQueueTests.count(server, "SELECT count(DISTINCT message) AS count FROM notifications WHERE kind = 'diagnostic.run'") == 1_000)
        }
    }
}
