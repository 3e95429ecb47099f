import CareerCopilotCore
import CareerCopilotWeb
import Fluent
import Foundation
import Logging
import SQLKit
import Testing
import Vapor

@testable import App

/// Job discovery against a real local HTTP server answering in each source's shape.
@Suite("Discovery runs")
struct DiscoveryTests {
    static func allowPrivate(_ config: inout AppConfiguration) { config.allowPrivateNetwork = true }

    static func greenhouse(_ jobs: [(id: Int, title: String, city: String)], extra: String = "") -> String {
        let items = jobs.map { job in
            #"{"id": \#(job.id), "title": "\#(job.title)", "company_name": "Trade Desk", "location": {"name": "\#(job.city)"}, "absolute_url": "https://careers.example.com/jobs/\#(job.id)", "content": "&lt;p&gt;Kubernetes and Go&lt;/p&gt;", "first_published": "2025-11-25T20:49:51-05:00"}"#
        }
        return #"{"jobs": [\#((items + (extra.isEmpty ? [] : [extra])).joined(separator: ","))], "meta": {"total": \#(jobs.count)}}"#
    }

    /// Adds a source through the API and returns its stored record.
    static func addSource(_ server: TestServer, _ body: JSONValue) async throws -> SourceRecord {
        let created = try await server.post("/api/v1/sources", body).data
        let id = try #require(created["id"]?.intValue)
        return try #require(try await SourceRecord.find(id, on: server.app.db))
    }

    static func runner(_ server: TestServer) -> SourceRunner {
        var fetcher = server.services.fetcher
        fetcher.maxRetryWait = 2
        return SourceRunner(database: server.app.db, fetcher: fetcher, logger: server.app.logger, counts: server.services.jobCounts)
    }

    @Test(arguments: TestDatabase.all)
    func aBoard_isStored_updatedInPlace_closed_andReopened(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: Self.allowPrivate) { server in
            let jobs = [(1, "Platform Engineer", "Denver, CO"), (2, "Data Engineer", "New York, NY")].map { (id: $0.0, title: $0.1, city: $0.2) }
            board.serve(
                "/v1/boards/tradedesk/jobs", .init(body: Self.greenhouse(jobs, extra: #"{"id": 3, "title": "", "absolute_url": "https://x.example/3"}"#)))
            let source = try await Self.addSource(
                server, ["name": "Trade Desk", "type": "greenhouse", "identifier": "tradedesk", "base_url": .string(board.baseURL)])

            let first = try await Self.runner(server).run(source)
            #expect(first.error == nil)
            #expect(first.counts == .init(new: 2, rejected: 1))
            let listed = try await server.get("/api/v1/jobs?source=greenhouse").data
            #expect(listed["total"] == 2)
            let job = try #require(listed["items"]?.arrayValue?.first { $0["title"] == "Platform Engineer" })
            #expect(job["description"] == "<p>Kubernetes and Go</p>")
            #expect(job["skills"] == ["Go", "Kubernetes"])
            #expect(job["posted_at"] == "2025-11-26T01:49:51Z")

            #expect(try await Self.runner(server).run(source).counts == .init(unchanged: 2, rejected: 1))

            board.serve("/v1/boards/tradedesk/jobs", .init(body: Self.greenhouse(Array(jobs.prefix(1)))))
            #expect(try await Self.runner(server).run(source).counts == .init(unchanged: 1, closed: 1))
            let closed = try await server.get("/api/v1/jobs?is_active=false").data
            #expect(closed["items"]?.arrayValue?.first?["title"] == "Data Engineer")

            board.serve("/v1/boards/tradedesk/jobs", .init(body: Self.greenhouse(jobs)))
            #expect(try await Self.runner(server).run(source).counts == .init(updated: 1, unchanged: 1))
            #expect(try await server.get("/api/v1/jobs?is_active=true").data["total"] == 2)

            let stored = try await server.get("/api/v1/sources/\(source.id)").data
            #expect(stored["last_status"] == "succeeded")
            #expect(stored["stats"]?["updated"] == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theSameJobOnTwoSources_isOneJob(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: Self.allowPrivate) { server in
            board.serve(
                "/v1/boards/tradedesk/jobs",
                .init(body: Self.greenhouse([(1, "Senior Platform Engineer", "Denver, CO")].map { (id: $0.0, title: $0.1, city: $0.2) })))
            let page = #"""
                <html><script type="application/ld+json">[
                  {"@type": "JobPosting", "title": "Sr. Platform Engineer", "hiringOrganization": {"name": "Trade Desk"}, "url": "https://td.example/jobs/a",
                   "jobLocation": {"address": {"addressLocality": "Denver", "addressRegion": "CO"}}, "description": "Terraform"},
                  {"@type": "JobPosting", "title": "Platform Engineer", "hiringOrganization": {"name": "Trade Desk"}, "url": "https://td.example/jobs/b",
                   "jobLocation": {"address": {"addressLocality": "Denver", "addressRegion": "CO"}}, "description": "Terraform"},
                  {"@type": "JobPosting", "title": "Senior Platform Engineer", "hiringOrganization": {"name": "Trade Desk"}, "url": "https://td.example/jobs/c",
                   "jobLocation": {"address": {"addressLocality": "Austin", "addressRegion": "TX"}}, "description": "Terraform"}
                ]</script></html>
                """#
            board.serve("/careers", .init(body: page, contentType: "text/html"))
            let greenhouse = try await Self.addSource(
                server, ["name": "TD board", "type": "greenhouse", "identifier": "tradedesk", "base_url": .string(board.baseURL)])
            let careers = try await Self.addSource(server, ["name": "TD careers", "type": "jsonld", "identifier": .string(board.baseURL + "/careers")])
            #expect(try await Self.runner(server).run(greenhouse).counts.new == 1)
            let report = try await Self.runner(server).run(careers)
            #expect(report.error == nil)
            // The senior role in Denver is merged; another level and another city are new jobs.
            #expect(report.counts == .init(new: 2, merged: 1))
            #expect(try await server.get("/api/v1/jobs?page_size=1").data["total"] == 3)
            let reason = try await server.app.db.sql.raw("SELECT merge_reason FROM job_sources WHERE merge_reason IS NOT NULL").first()?.decode(
                column: "merge_reason", as: String.self)
            #expect(reason?.contains("same company, level and place") == true)

            // The job lists both sources, and says why the second joined it; so does its page.
            let merged = try #require(try await server.get("/api/v1/jobs?q=senior%20platform&location=Denver").data["items"]?.arrayValue?.first)
            let job = try await server.get("/api/v1/jobs/\(try #require(merged["id"]?.intValue))").data
            let links = job["sources"]?.arrayValue ?? []
            #expect(links.map { $0["source_name"] } == ["TD board", "TD careers"])
            #expect(links.first?["merge_reason"] == .null && links.last?["merge_reason"]?.stringValue?.contains("same company, level and place") == true)
            let jobPage = try await server.get(SiteURL.job(try #require(merged["id"]?.intValue)).path).text
            #expect(jobPage.contains("id=\"job-sources\"") && jobPage.contains("Joined this job: "))
        }
    }

    static func careersPage(_ postings: [(title: String, path: String)]) -> String {
        let items = postings.map { posting in
            #"{"@type": "JobPosting", "title": "\#(posting.title)", "hiringOrganization": {"name": "Trade Desk"}, "url": "https://td.example\#(posting.path)", "jobLocation": {"address": {"addressLocality": "Denver", "addressRegion": "CO"}}, "description": "Terraform"}"#
        }
        return #"<html><script type="application/ld+json">[\#(items.joined(separator: ","))]</script></html>"#
    }

    /// A job two sources list closes only when neither lists it; a merge holds over re-runs; a
    /// posting like several jobs joins the newest; a closed job is no candidate.
    @Test(arguments: TestDatabase.all)
    func closing_waitsForEverySource_andMergesHold(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: Self.allowPrivate) { server in
            let senior = [(id: 1, title: "Senior Platform Engineer", city: "Denver, CO")]
            board.serve("/v1/boards/tradedesk/jobs", .init(body: Self.greenhouse(senior)))
            board.serve("/careers", .init(body: Self.careersPage([("Sr. Platform Engineer", "/jobs/a")]), contentType: "text/html"))
            let greenhouse = try await Self.addSource(
                server, ["name": "TD board", "type": "greenhouse", "identifier": "tradedesk", "base_url": .string(board.baseURL)])
            let careers = try await Self.addSource(server, ["name": "TD careers", "type": "jsonld", "identifier": .string(board.baseURL + "/careers")])
            #expect(try await Self.runner(server).run(greenhouse).counts == .init(new: 1))
            #expect(try await Self.runner(server).run(careers).counts == .init(merged: 1))
            let jobID = try #require(try await server.get("/api/v1/jobs").data["items"]?.arrayValue?.first?["id"]?.intValue)

            // Re-running the merged source keeps the merge: one job, two links.
            #expect(try await Self.runner(server).run(careers).counts == .init(unchanged: 1))
            #expect(try await server.get("/api/v1/jobs").data["total"] == 1)
            #expect(try await server.get("/api/v1/jobs/\(jobID)").data["sources"]?.arrayValue?.count == 2)

            // The board drops it; the careers page still lists it: it stays open.
            board.serve("/v1/boards/tradedesk/jobs", .init(body: Self.greenhouse([])))
            #expect(try await Self.runner(server).run(greenhouse).counts == .init(closed: 0))
            #expect(try await server.get("/api/v1/jobs/\(jobID)").data["is_active"] == true)
            // The careers page drops it too: now it closes.
            board.serve("/careers", .init(body: Self.careersPage([]), contentType: "text/html"))
            #expect(try await Self.runner(server).run(careers).counts == .init(closed: 1))
            #expect(try await server.get("/api/v1/jobs/\(jobID)").data["is_active"] == false)

            // A closed job is no candidate: its twin on a new board is a new job, the closed one
            // stays closed as it was.
            board.serve("/v1/boards/tradedesk-eu/jobs", .init(body: Self.greenhouse([(id: 9, title: "Senior Platform Engineer", city: "Denver, CO")])))
            let second = try await Self.addSource(
                server, ["name": "TD board EU", "type": "greenhouse", "identifier": "tradedesk-eu", "base_url": .string(board.baseURL)])
            #expect(try await Self.runner(server).run(second).counts == .init(new: 1))
            #expect(try await server.get("/api/v1/jobs/\(jobID)").data["is_active"] == false)

            // Two open jobs a posting is like (added by hand, so neither was merged): it joins
            // the newest, and the older one keeps only what it had.
            var manual: [Int] = []
            for _ in 0..<2 {
                let job = try await server.post(
                    "/api/v1/jobs", ["title": "Staff Data Engineer", "company": "Trade Desk", "location": "Denver, CO", "is_private": false])
                manual.append(try #require(try job.data["id"]?.intValue))
            }
            board.serve("/careers", .init(body: Self.careersPage([("Staff Data Engineer", "/jobs/d")]), contentType: "text/html"))
            #expect(try await Self.runner(server).run(careers).counts == .init(merged: 1))
            #expect(try await server.get("/api/v1/jobs/\(manual[1])").data["sources"]?.arrayValue?.count == 1)
            #expect(try await server.get("/api/v1/jobs/\(manual[0])").data["sources"]?.arrayValue?.isEmpty != false)
        }
    }

    /// "Run now" queues a task that a worker runs to its end; two runs of one source at once
    /// (a scheduled one and a manual one) store each posting once.
    @Test(arguments: TestDatabase.all)
    func aRunThroughTheWorker_succeeds_andOverlappingRuns_storeEachPostingOnce(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: Self.allowPrivate) { server in
            let jobs = (1...30).map { (id: $0, title: "Engineer \($0)", city: "Denver, CO") }
            board.serve("/v1/boards/tradedesk/jobs", .init(body: Self.greenhouse(jobs)))
            let source = try await Self.addSource(
                server, ["name": "TD board", "type": "greenhouse", "identifier": "tradedesk", "base_url": .string(board.baseURL)])
            let queued = try await server.request(.POST, "/api/v1/sources/\(source.id)/run")
            #expect(queued.status == .accepted)
            let taskID = try #require(try queued.data["id"]?.intValue)
            var options = Worker.Options()
            options.pollInterval = .milliseconds(100)
            let worker = Worker(
                options: options, handlers: server.services.taskHandlers, signal: server.services.taskSignal, logger: Logger(label: "test.worker"),
                database: { server.app.db })
            let queue = TaskQueue(database: server.app.db)
            try await Worker.whileRunning([worker]) {
                try await TaskQueueTests.waitUntil(30) { try await queue.find(taskID)?.status.isFinal == true }
            }
            let task = try #require(try await queue.find(taskID))
            #expect(task.status == .succeeded)
            #expect(task.result?.contains("\"new\":30") == true, "\(task.result ?? "")")
            #expect(try await server.get("/api/v1/sources/\(source.id)").data["last_status"] == "succeeded")

            // Ten more postings, and two runs at once.
            board.serve(
                "/v1/boards/tradedesk/jobs", .init(body: Self.greenhouse(jobs + (31...40).map { (id: $0, title: "Engineer \($0)", city: "Denver, CO") })))
            async let one = Self.runner(server).run(source)
            async let two = Self.runner(server).run(source)
            let reports = try await [one, two]
            #expect(reports.allSatisfy { $0.error == nil }, "\(reports.map(\.error))")
            #expect(reports.map(\.counts.new).reduce(0, +) == 10)
            #expect(try await server.get("/api/v1/jobs?page_size=1").data["total"] == 40)
            #expect(try await TaskQueueTests.count(server, "SELECT count(*) AS count FROM job_sources") == 40)
        }
    }

    @Test func rateLimits_areWaitedOut_andBrokenBoards_failAlone() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite, adjust: Self.allowPrivate) { server in
            board.serve(
                "/v1/boards/busy/jobs",
                .init(status: .tooManyRequests, body: "slow down", headers: [("Retry-After", "1")]),
                .init(body: Self.greenhouse([(7, "QA Engineer", "Remote")].map { (id: $0.0, title: $0.1, city: $0.2) }))
            )
            board.serve("/v1/boards/broken/jobs", .init(body: #"{"jobs": [{"id": 1, "title": "#))
            let busy = try await Self.addSource(server, ["name": "Busy", "type": "greenhouse", "identifier": "busy", "base_url": .string(board.baseURL)])
            let broken = try await Self.addSource(server, ["name": "Broken", "type": "greenhouse", "identifier": "broken", "base_url": .string(board.baseURL)])
            let missing = try await Self.addSource(server, ["name": "Gone", "type": "greenhouse", "identifier": "gone", "base_url": .string(board.baseURL)])

            let started = Date()
            #expect(try await Self.runner(server).run(busy).counts.new == 1)
            #expect(Date().timeIntervalSince(started) >= 0.9, "Retry-After was honoured")
            #expect(board.hitCount("/v1/boards/busy/jobs") == 2)
            let failed = try await Self.runner(server).run(broken)
            #expect(failed.error?.contains("not valid JSON") == true)
            #expect(try await Self.runner(server).run(missing).error?.contains("HTTP 404") == true)
            let sources = try await server.get("/api/v1/sources").data["items"]?.arrayValue ?? []
            #expect(Set(sources.compactMap { $0["last_status"]?.stringValue }) == ["succeeded", "failed"])
        }
    }

    @Test func privateAddresses_areRefused_unlessAllowed() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite) { server in
            board.serve("/careers", .init(body: "<html></html>", contentType: "text/html"))
            let source = try await Self.addSource(server, ["name": "Intranet", "type": "jsonld", "identifier": .string(board.baseURL + "/careers")])
            let report = try await Self.runner(server).run(source)
            #expect(report.error?.contains("private or local address") == true)
            #expect(board.hitCount("/careers") == 0, "nothing was requested")
        }
        let fetcher = SourceFetcher(client: .shared, resolver: HostResolver())
        for host in [
            "localhost", "127.0.0.1", "169.254.169.254", "[::1]", "10.0.0.8", "[::127.0.0.1]", "[::ffff:0:127.0.0.1]", "[64:ff9b::127.0.0.1]",
            "[64:ff9b::a9fe:a9fe]",
        ] {
            await #expect(throws: SourceFetcher.FetchError.self) { _ = try await fetcher.checkedAddress(host) }
        }
    }

    @Test func oversizedBodies_areCut_off() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite, adjust: Self.allowPrivate) { server in
            board.serve("/v1/boards/huge/jobs", .init(body: String(repeating: " ", count: 300_000)))
            var fetcher = server.services.fetcher
            fetcher.maxBytes = 100_000
            await #expect(throws: SourceFetcher.FetchError.tooLarge(100_000)) {
                _ = try await fetcher.get(board.baseURL + "/v1/boards/huge/jobs", logger: server.app.logger)
            }
        }
    }

    @Test func sources_areValidated_andRunNowQueuesATask() async throws {
        try await withServer(.sqlite) { server in
            let bad = try await server.post("/api/v1/sources", ["name": "X", "type": "jsonld", "identifier": "ftp://nope", "schedule": "every 7m"])
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.error.details.count == 2)
            let source = try await server.post("/api/v1/sources", ["name": "Stripe", "type": "greenhouse", "identifier": "stripe"]).data
            #expect(try await server.post("/api/v1/sources", ["name": "Stripe", "type": "lever", "identifier": "x"]).status == .conflict)
            let id = try #require(source["id"]?.intValue)
            let run = try await server.request(.POST, "/api/v1/sources/\(id)/run")
            #expect(run.status == .accepted)
            let task = try run.data
            #expect(task["kind"] == "discovery.run" && task["status"] == "queued")
            let again = try await server.request(.POST, "/api/v1/sources/\(id)/run").data
            #expect(again["id"] == task["id"], "one queued run per source")
        }
    }

    @Test func aPastedURL_isImported_once() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite, adjust: Self.allowPrivate) { server in
            let page =
                #"<html><script type="application/ld+json">{"@type": "JobPosting", "title": "Staff Engineer", "hiringOrganization": {"name": "Quill"}, "description": "<p>Rust</p><script>x()<\/script>", "datePosted": "2025-11-02"}</script></html>"#
            board.serve("/jobs/staff", .init(body: page, contentType: "text/html"))
            board.serve("/about", .init(body: "<html>No jobs here</html>", contentType: "text/html"))
            let url = board.baseURL + "/jobs/staff"
            let first = try await server.post("/api/v1/jobs/import", ["url": .string(url)])
            #expect(first.status == .created)
            let job = try first.data
            #expect(job["title"] == "Staff Engineer" && job["company"] == "Quill" && job["url"] == .string(url))
            #expect(job["description"] == "<p>Rust</p>")
            #expect(job["skills"] == ["Rust"])
            let again = try await server.post("/api/v1/jobs/import", ["url": .string(url)])
            #expect(again.status == .ok)
            #expect(try again.data["id"] == job["id"])
            let none = try await server.post("/api/v1/jobs/import", ["url": .string(board.baseURL + "/about")])
            #expect(none.status == .unprocessableEntity)
            #expect(try none.error.details.first?.contains("no schema.org JobPosting") == true)
            #expect(try await server.post("/api/v1/jobs/import", ["url": "ftp://x"]).status == .unprocessableEntity)
        }
        try await withServer(.sqlite) { server in
            let refused = try await server.post("/api/v1/jobs/import", ["url": .string(board.baseURL + "/jobs/staff")])
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.error.details.first?.contains("private or local address") == true)
        }
    }
}
