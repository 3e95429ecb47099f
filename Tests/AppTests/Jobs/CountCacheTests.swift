import CareerCopilotCore
import NIOHTTP1
import Testing

@testable import App

@Suite("Count cache")
struct CountCacheTests {
    actor Counter {
        var calls = 0
        func next() -> Int { calls += 1; return calls * 10 }
    }

    @Test func keepsATotalUntilInvalidated() async throws {
        let cache = CountCache(lifetime: 60)
        let counter = Counter()
        var filter = JobFilter()
        #expect(try await cache.count(for: filter) { await counter.next() } == 10)
        #expect(try await cache.count(for: filter) { await counter.next() } == 10)
        filter.source = "lever"
        #expect(try await cache.count(for: filter) { await counter.next() } == 20)
        cache.invalidate()
        #expect(try await cache.count(for: JobFilter()) { await counter.next() } == 30)
    }

    @Test func expires() async throws {
        let cache = CountCache(lifetime: 0)
        let counter = Counter()
        _ = try await cache.count(for: JobFilter()) { await counter.next() }
        #expect(try await cache.count(for: JobFilter()) { await counter.next() } == 20)
    }

    /// Writes through the API are counted at once.
    @Test(arguments: TestDatabase.all)
    func totals_followWritesImmediately(database: TestDatabase) async throws {
        try await withServer(database) { server in
            #expect(try await server.get("/api/v1/jobs").data["total"] == 0)
            let id = try #require(try await server.post("/api/v1/jobs", ["title": "A", "company": "B"]).data["id"]?.intValue)
            #expect(try await server.get("/api/v1/jobs").data["total"] == 1)
            #expect(try await server.put("/api/v1/jobs/\(id)", ["source": "lever"]).status == .ok)
            #expect(try await server.get("/api/v1/jobs?source=lever").data["total"] == 1)
            #expect(try await server.delete("/api/v1/jobs/\(id)").status == .ok)
            #expect(try await server.get("/api/v1/jobs").data["total"] == 0)
        }
    }
}
