import CareerCopilotCore
import Fluent
import Foundation
import Logging
import SQLKit
import Testing
import Vapor

@testable import App

/// The durable queue on real databases: claims, retries, unique keys, schedules, the outbox,
/// leases; workers run in this process (the process tests kill real ones).
@Suite("Task queue")
struct TaskQueueTests {
    static func diagnostics(_ config: inout AppConfiguration) { config.diagnosticTasks = true }

    static func worker(_ server: TestServer, concurrency: Int = 4, lease: TimeInterval = 30, retryBase: TimeInterval = 0.05) -> Worker {
        var options = Worker.Options()
        options.concurrency = concurrency
        options.lease = lease
        options.pollInterval = .milliseconds(100)
        options.retry = RetryPolicy(base: retryBase, cap: 1)
        // A test that stops its workers with a task still running waits 1 s for it, not 10.
        options.stopDeadline = .seconds(1)
        var handlers = TaskHandlers.standard(diagnostics: true)
        // A job added in a test queues its embedding: this server's embedder does it.
        handlers.register(EmbeddingRefreshHandler(embeddings: server.services.embeddings))
        return Worker(
            options: options, handlers: handlers, signal: server.services.taskSignal,
            logger: Logger(label: "test.worker"), database: { server.app.db }
        )
    }

    /// Runs `body` while `count` in-process workers run; always stops them, so none outlives
    /// the server (whatever `body` throws).
    static func withWorkers<T: Sendable>(
        _ server: TestServer, count: Int = 1, concurrency: Int = 4, lease: TimeInterval = 30, _ body: () async throws -> T
    ) async throws -> T {
        try await Worker.whileRunning((0..<count).map { _ in worker(server, concurrency: concurrency, lease: lease) }, body)
    }

    static func waitUntil(_ timeout: TimeInterval = 20, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("condition not met within \(timeout) s")
    }

    static func count(_ server: TestServer, _ sql: SQLQueryString) async throws -> Int {
        try await server.app.db.sql.raw(sql).first()?.decode(column: "count", as: Int.self) ?? 0
    }

    @Test(arguments: TestDatabase.all)
    func uniqueKey_isANoOp_whileQueuedOrRunning(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let queue = TaskQueue(database: server.app.db)
            let request = TaskRequest(kind: "noop", uniqueKey: "only-one")
            let first = try await queue.enqueue(request)
            #expect(first != nil)
            #expect(try await queue.enqueue(request) == nil)
            let claimed = try await queue.claim(worker: "w", queues: ["default"], limit: 10, lease: 30)
            #expect(claimed.map(\.id) == [first!])
            #expect(try await queue.enqueue(request) == nil, "running still holds the key")
            #expect(try await queue.complete(first!, worker: "w", result: nil))
            let again = try await queue.enqueue(request)
            #expect(again != nil && again != first, "a finished task frees its key")
        }
    }

    @Test(arguments: TestDatabase.all)
    func enqueueInARolledBackTransaction_leavesNoTask(database: TestDatabase) async throws {
        try await withServer(database) { server in
            struct Abandoned: Error {}
            do {
                try await server.app.db.transaction { transaction in
                    try await TaskQueue(database: transaction).enqueue(TaskRequest(kind: "noop"))
                    throw Abandoned()
                }
                Issue.record("the transaction should have failed")
            } catch is Abandoned {}
            let tasks = try await Self.count(server, "SELECT count(*) AS count FROM tasks")
            #expect(tasks == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func scheduledTask_isNotClaimedBeforeItsTime(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let queue = TaskQueue(database: server.app.db)
            let now = Date()
            let id = try #require(try await queue.enqueue(TaskRequest(kind: "noop", runAt: now.addingTimeInterval(60)), now: now))
            #expect(try await queue.claim(worker: "w", queues: ["default"], limit: 5, lease: 30, now: now).isEmpty)
            #expect(try await queue.claim(worker: "w", queues: ["other"], limit: 5, lease: 30, now: now.addingTimeInterval(61)).isEmpty)
            #expect(try await queue.claim(worker: "w", queues: ["default"], limit: 5, lease: 30, now: now.addingTimeInterval(61)).map(\.id) == [id])
        }
    }

    @Test(arguments: TestDatabase.all)
    func failures_areRetriedWithBackoff_untilSuccess_orExhaustion(database: TestDatabase) async throws {
        try await withServer(database, adjust: Self.diagnostics) { server in
            let queue = TaskQueue(database: server.app.db)
            let flaky = try #require(try await queue.enqueue(TaskRequest(kind: "diagnostic.flaky", payload: ["fail_times": 2], maxAttempts: 5)))
            let doomed = try #require(try await queue.enqueue(TaskRequest(kind: "diagnostic.flaky", payload: ["fail_times": 10], maxAttempts: 3)))
            let permanent = try #require(try await queue.enqueue(TaskRequest(kind: "diagnostic.permanent", maxAttempts: 5)))
            let unknown = try #require(try await queue.enqueue(TaskRequest(kind: "no.such.kind")))
            try await Self.withWorkers(server) {
                try await Self.waitUntil {
                    try await [flaky, doomed, permanent, unknown].asyncAllSatisfy { try await queue.find($0)?.status.isFinal == true }
                }
            }

            let succeeded = try #require(try await queue.find(flaky))
            #expect(succeeded.status == .succeeded)
            #expect(succeeded.attempts == 3)
            #expect(succeeded.result?.contains("3") == true)
            let exhausted = try #require(try await queue.find(doomed))
            #expect(exhausted.status == .failed)
            #expect(exhausted.attempts == 3)
            #expect(exhausted.lastError?.contains("planned failure 3 of 10") == true)
            let failedAtOnce = try #require(try await queue.find(permanent))
            #expect(failedAtOnce.status == .failed)
            #expect(failedAtOnce.attempts == 1)
            #expect(try await queue.find(unknown)?.lastError?.contains("No handler") == true)
        }
    }

    @Test func backoff_growsExponentially_withJitter_andACap() {
        let policy = RetryPolicy(base: 2, cap: 60)
        #expect(policy.delay(afterAttempt: 1, random: 0.999) <= 2)
        #expect(policy.delay(afterAttempt: 1, random: 0) == 1)
        #expect(policy.delay(afterAttempt: 4, random: 0) == 8)
        #expect(policy.delay(afterAttempt: 20, random: 0.999) <= 60)
        #expect(policy.delay(afterAttempt: 20, random: 0) == 30)
    }

    @Test(arguments: TestDatabase.all)
    func manyWorkers_runEachTaskOnce(database: TestDatabase) async throws {
        try await withServer(database, adjust: Self.diagnostics) { server in
            let queue = TaskQueue(database: server.app.db)
            for index in 0..<300 {
                try await queue.enqueue(TaskRequest(kind: "diagnostic.effect", payload: ["key": .string("many-\(index)")]))
            }
            try await Self.withWorkers(server, count: 3) {
                try await Self.waitUntil(60) {
                    try await Self.count(server, "SELECT count(*) AS count FROM tasks WHERE status = 'succeeded'") == 300
                }
            }
            #expect(try await Self.count(server, "SELECT count(*) AS count FROM tasks WHERE attempts <> 1") == 0)
            #expect(try await Self.count(server, "SELECT count(*) AS count FROM notifications WHERE kind = 'diagnostic'") == 300)
        }
    }

    @Test(arguments: TestDatabase.all)
    func expiredLease_isTakenOver_andTheEffectHappensOnce(database: TestDatabase) async throws {
        try await withServer(database, adjust: Self.diagnostics) { server in
            let queue = TaskQueue(database: server.app.db)
            let minuteAgo = Date().addingTimeInterval(-60)
            let id = try #require(try await queue.enqueue(TaskRequest(kind: "diagnostic.effect", payload: ["key": "once"]), now: minuteAgo))
            // A worker claimed it a minute ago, did the work, and died before recording it: its
            // 0.2 s lease is long over.
            let claimed = try await queue.claim(worker: "doomed", queues: ["default"], limit: 1, lease: 0.2, now: minuteAgo)
            #expect(claimed.map(\.id) == [id])
            let context = TaskContext(task: claimed[0], payload: claimed[0].payloadValue, database: server.app.db, logger: Logger(label: "test"))
            _ = try await DiagnosticEffectHandler().run(context)

            try await Self.withWorkers(server, lease: 3) {
                try await Self.waitUntil { try await queue.find(id)?.status == .succeeded }
            }
            #expect(try await queue.find(id)?.attempts == 2)
            #expect(try await Self.count(server, "SELECT count(*) AS count FROM notifications WHERE dedupe_key = 'diagnostic:once'") == 1)
            // The dead worker's late report changes nothing.
            #expect(try await queue.complete(id, worker: "doomed", result: ["late": true]) == false)
        }
    }

    /// A task that runs twice as long as its lease, on a live worker, while a second worker
    /// looks for work all along: the heartbeat (every third of the lease) keeps extending the
    /// lease, so the second never takes it over — without the heartbeat it would, after 5 s.
    /// (A shorter lease would let a heartbeat delayed by the busy test machine look like death:
    /// with 3 s, one CI run on 2 busy cores saw the task taken over.)
    @Test(arguments: TestDatabase.all)
    func aLiveWorkersHeartbeat_keepsALongTask_fromRunningTwice(database: TestDatabase) async throws {
        try await withServer(database, adjust: Self.diagnostics) { server in
            let queue = TaskQueue(database: server.app.db)
            let id = try #require(
                try await queue.enqueue(TaskRequest(kind: "diagnostic.effect", payload: ["key": "long", "sleep_ms": 10_000, "count_runs": true])))
            let first = Self.worker(server, lease: 5)
            try await Worker.whileRunning([first]) {
                try await Self.waitUntil { try await queue.find(id)?.status == .running }
                try await Self.withWorkers(server, lease: 5) {
                    try await Self.waitUntil(30) { try await queue.find(id)?.status == .succeeded }
                }
            }
            #expect(try await queue.find(id)?.attempts == 1)
            #expect(try await Self.count(server, "SELECT count(*) AS count FROM notifications WHERE kind = 'diagnostic.run'") == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func twoSchedulers_enqueueEachTickOnce(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let entry = Scheduler.Entry(kind: "noop", schedule: try Schedule("every 15m"))
            let schedulers = (0..<2).map { _ in Scheduler(entries: [entry], logger: Logger(label: "test"), database: { server.app.db }) }
            let tick = entry.schedule.next(after: Date())
            async let first = schedulers[0].enqueue(entry, tick: tick)
            async let second = schedulers[1].enqueue(entry, tick: tick)
            let outcomes = try await [first, second]
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await schedulers[1].enqueue(entry, tick: tick) == false)
            // The next tick is claimed, but its task is not added while the last one still waits.
            #expect(try await schedulers[0].enqueue(entry, tick: entry.schedule.next(after: tick)))
            #expect(try await Self.count(server, "SELECT count(*) AS count FROM tasks WHERE kind = 'noop'") == 1)
            #expect(try await Self.count(server, "SELECT count(*) AS count FROM schedule_ticks") == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func applicationChanges_runTheirBackgroundSteps_throughEvents(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let job = try await server.post("/api/v1/jobs", ["title": "Data Engineer", "company": "Atlas"]).data
            let application = try await server.post("/api/v1/applications", ["job_id": job["id"] ?? nil]).data
            let id = try #require(application["id"]?.intValue)
            _ = try await server.put("/api/v1/applications/\(id)", ["status": "applied"])
            try await Self.withWorkers(server) {
                try await Self.waitUntil {
                    try await Self.count(server, "SELECT count(*) AS count FROM tasks WHERE status = 'succeeded' AND kind <> 'search.embed'") >= 3
                }
            }
            let messages = try await server.app.db.sql.raw("SELECT message FROM notifications WHERE user_id = 1").all().map {
                try $0.decode(column: "message", as: String.self)
            }
            // Tasks run concurrently: their notifications may be written in either order.
            #expect(Set(messages) == ["You are tracking Data Engineer at Atlas.", "Data Engineer at Atlas moved to Applied."])
            #expect(messages.count == 2)
            let stats = try await server.app.db.sql.raw("SELECT applications, by_status FROM user_stats WHERE user_id = 1").first()
            #expect(try stats?.decode(column: "applications", as: Int.self) == 1)
            #expect(try stats?.decode(column: "by_status", as: String.self).contains("\"applied\":1") == true)
            // The task is visible to its user through the API.
            let notifyID = try await Self.count(server, "SELECT min(id) AS count FROM tasks WHERE kind = 'notify.application'")
            let task = try await server.get("/api/v1/tasks/\(notifyID)").data
            #expect(task["status"] == "succeeded")
            #expect(task["kind"] == "notify.application")
        }
    }

    @Test(arguments: TestDatabase.all)
    func admins_seeFailedTasks_andRetryThem(database: TestDatabase) async throws {
        try await withServer(database, adjust: Self.diagnostics) { server in
            let queue = TaskQueue(database: server.app.db)
            let id = try #require(try await queue.enqueue(TaskRequest(kind: "diagnostic.permanent")))
            try await Self.withWorkers(server) {
                try await Self.waitUntil { try await queue.find(id)?.status == .failed }
            }
            let failed = try await server.get("/api/v1/tasks?status=failed").data
            #expect(failed["total"] == 1)
            #expect(failed["items"]?.arrayValue?.first?["error"] == "planned permanent failure")
            let retried = try await server.request(.POST, "/api/v1/tasks/\(id)/retry").data
            #expect(retried["status"] == "queued")
            #expect(retried["attempts"] == 0)
            #expect(try await server.request(.POST, "/api/v1/tasks/\(id)/retry").status == .conflict)
            #expect(try await server.get("/api/v1/tasks").status == .badRequest)
        }
    }

    @Test func tasks_areForAdmins_exceptOnesOwnTask() async throws {
        try await withServer(.sqlite, adjust: { $0.singleUser = false }) { server in
            for email in ["admin@example.com", "user@example.com"] {
                _ = try await server.post("/api/v1/auth/register", ["email": .string(email), "password": "long enough password", "full_name": "U"])
            }
            let tokens = try await server.post("/api/v1/auth/login", ["email": "user@example.com", "password": "long enough password"]).data
            let user = [("Authorization", "Bearer \(try #require(tokens["access_token"]?.stringValue))")]
            #expect(try await server.request(.GET, "/api/v1/tasks?status=failed", headers: user).status == .forbidden)
            #expect(try await server.request(.POST, "/api/v1/tasks/1/retry", headers: user).status == .forbidden)
            // Tracking a job queues tasks on the user's behalf: those they may read.
            let job = try await server.request(.POST, "/api/v1/jobs", json: ["title": "Own task", "company": "C"], headers: user).data
            #expect(try await server.request(.POST, "/api/v1/applications", json: ["job_id": job["id"] ?? nil], headers: user).status == .created)
            let own = try #require(
                try await server.app.db.sql.raw(
                    "SELECT min(t.id) AS id FROM tasks t JOIN users u ON u.id = t.user_id WHERE u.email = 'user@example.com'"
                ).first()?.decode(column: "id", as: Int?.self))
            let task = try await server.request(.GET, "/api/v1/tasks/\(own)", headers: user)
            #expect(task.status == .ok)
            #expect(try task.data["kind"] == "notify.application")
        }
    }

    @Test(arguments: TestDatabase.all)
    func health_isDegraded_whenTasksWaitWithNoWorker(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let healthy = try await server.get("/health").json
            #expect(healthy["status"] == "healthy")
            try await TaskQueue(database: server.app.db).enqueue(TaskRequest(kind: "noop", runAt: Date().addingTimeInterval(-600)))
            let response = try await server.get("/health")
            #expect(response.status == .ok)
            let report = try response.json
            #expect(report["status"] == "degraded")
            #expect(report["queue"]?["status"] == "backlogged")
            #expect(report["queue"]?["queued"] == 1)
            #expect(report["workers"]?["status"] == "none_alive")
        }
    }

    /// The in-process worker and many API writes at once on SQLite: every request succeeds
    /// (no "database is locked" reaches a user) and every task runs.
    @Test func sqlite_workerAndConcurrentWrites_neverLock() async throws {
        try await withServer(.sqlite, adjust: Self.diagnostics) { server in
            try await Self.withWorkers(server, concurrency: 4) {
                let queue = TaskQueue(database: server.app.db)
                let statuses = try await withThrowingTaskGroup(of: [HTTPResponseStatus].self) { group in
                    for client in 0..<8 {
                        group.addTask {
                            var seen: [HTTPResponseStatus] = []
                            for index in 0..<12 {
                                let job = try await server.post("/api/v1/jobs", ["title": .string("Role \(client)-\(index)"), "company": "Busy"])
                                seen.append(job.status)
                                let jobID = try job.data["id"] ?? nil
                                let application = try await server.post("/api/v1/applications", ["job_id": jobID])
                                seen.append(application.status)
                                let applicationID = try application.data["id"]?.intValue ?? 0
                                seen.append(try await server.put("/api/v1/applications/\(applicationID)", ["status": "applied"]).status)
                                try await queue.enqueue(TaskRequest(kind: "diagnostic.effect", payload: ["key": .string("busy-\(client)-\(index)")]))
                            }
                            return seen
                        }
                    }
                    return try await group.reduce(into: []) { $0 += $1 }
                }
                #expect(statuses.allSatisfy { $0 == .ok || $0 == .created }, "\(Set(statuses.map(\.code)))")
                try await Self.waitUntil(60) {
                    try await Self.count(server, "SELECT count(*) AS count FROM tasks WHERE status NOT IN ('succeeded')") == 0
                }
            }
            #expect(try await Self.count(server, "SELECT count(*) AS count FROM notifications WHERE kind = 'diagnostic'") == 96)
        }
    }
}

extension TaskRecord.Status {
    var isFinal: Bool { self == .succeeded || self == .failed || self == .cancelled }
}

extension Sequence {
    func asyncAllSatisfy(_ predicate: (Element) async throws -> Bool) async rethrows -> Bool {
        for element in self where try await !predicate(element) { return false }
        return true
    }
}
