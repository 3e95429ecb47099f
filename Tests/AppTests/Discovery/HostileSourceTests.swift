import CareerCopilotCore
import CareerCopilotWeb
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App

/// A job board that does everything a board should not, served by the local fixture server
/// and run through discovery on both databases: huge numbers, far dates, NULs and control
/// characters, markup and JSON nested thousands deep, enormous and endless bodies, and DNS
/// that never answers. Nothing traps, nothing answers 500, every posting not taken is counted.
@Suite("Hostile sources")
struct HostileSourceTests {
    /// Greenhouse-shaped jobs, each broken in its own way.
    static var hostileBoard: String {
        let deepHTML = String(repeating: "<div><b>", count: 20_000) + "deep" + String(repeating: "</i>", count: 20_000)
        let jobs: [String] = [
            // Far and impossible dates, an infinite salary, a title with NUL and controls.
            #"{"id": 1, "title": "Nul\u0000 Engineer\u0007", "company_name": "Hostile\u0000 Inc", "absolute_url": "https://jobs.example.com/1", "first_published": "99999-01-01T00:00:00Z", "content": "x", "metadata": [{"name": "Pay", "value_type": "currency_range", "value": {"min_value": "1e400", "max_value": 1e300, "unit": "\u0000XX"}}]}"#,
            #"{"id": 2, "title": "Leap Engineer", "company_name": "Hostile Inc", "absolute_url": "https://jobs.example.com/2", "first_published": "9999-12-31T23:59:60Z", "content": "\#(deepHTML)"}"#,
            // A huge id and a fractional one: not ids; skipped by the parser.
            #"{"id": 1e300, "title": "Huge Id", "company_name": "Hostile Inc", "absolute_url": "https://jobs.example.com/3"}"#,
            #"{"id": 9223372036854775808, "title": "Big Id", "company_name": "Hostile Inc", "absolute_url": "https://jobs.example.com/4"}"#,
            // Rejected by the normaliser, each counted: no title, no URL, a URL with a NUL, an id with one.
            #"{"id": 5, "title": "", "company_name": "Hostile Inc", "absolute_url": "https://jobs.example.com/5"}"#,
            #"{"id": 6, "title": "No URL", "company_name": "Hostile Inc"}"#,
            #"{"id": 7, "title": "Bad URL", "company_name": "Hostile Inc", "absolute_url": "https://jobs.example.com/\u0000"}"#,
            #"{"id": "8\u0000", "title": "Bad Id", "company_name": "Hostile Inc", "absolute_url": "https://jobs.example.com/8"}"#,
            // Two megabytes of description.
            #"{"id": 9, "title": "Long Engineer", "company_name": "Hostile Inc", "absolute_url": "https://jobs.example.com/9", "content": "\#(String(repeating: "&lt;p&gt;word ", count: 150_000))"}"#,
        ]
        return #"{"jobs": [\#(jobs.joined(separator: ","))]}"#
    }

    @Test(arguments: TestDatabase.all)
    func aHostileBoard_isRead_withEveryRejectionCounted(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: DiscoveryTests.allowPrivate) { server in
            board.serve("/v1/boards/hostile/jobs", .init(body: Self.hostileBoard))
            let source = try await DiscoveryTests.addSource(
                server, ["name": "Hostile", "type": "greenhouse", "identifier": "hostile", "base_url": .string(board.baseURL)])
            let report = try await DiscoveryTests.runner(server).run(source)
            #expect(report.error == nil, "\(report.error ?? "")")
            #expect(report.counts.new == 3 && report.counts.rejected == 4, "\(report.counts)")

            let listed = try await server.get("/api/v1/jobs?source=greenhouse&sort=title")
            #expect(listed.status == .ok)
            let jobs = try listed.data["items"]?.arrayValue ?? []
            #expect(jobs.map { $0["title"] } == ["Leap Engineer", "Long Engineer", "Nul Engineer"])
            let nul = try #require(jobs.first { $0["title"] == "Nul Engineer" })
            #expect(nul["company"] == "Hostile Inc" && nul["salary_min"] == .null && nul["salary_max"] == .null && nul["salary_currency"] == .null)
            #expect(jobs.allSatisfy { $0["posted_at"] == .null }, "no impossible date is stored")
            let leap = try #require(jobs.first { $0["title"] == "Leap Engineer" })
            #expect(leap["description_text"] == "deep")
            for job in jobs {
                #expect(try await server.get("/jobs/\(job["id"]?.intValue ?? 0)").status == .ok)
            }
            #expect(try await server.get(SiteURL.jobs.path).status == .ok)
            #expect(try await server.get("/api/v1/jobs?q=engineer").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func hostilePagesAndFeeds_failAlone(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: DiscoveryTests.allowPrivate) { server in
            // JSON-LD nested 50,000 deep, microdata nested 10,000 deep, a feed nested 100,000 deep.
            let deepJSON = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
            board.serve("/deep-jsonld", .init(body: "<script type=\"application/ld+json\">\(deepJSON)</script>", contentType: "text/html"))
            let microdata =
                "<div itemscope itemtype=\"https://schema.org/JobPosting\"><span itemprop=\"title\">Deep Role</span><span itemprop=\"hiringOrganization\">Acme</span><a itemprop=\"url\" href=\"https://jobs.example.com/deep\">x</a>"
                + String(repeating: "<div itemscope itemprop=\"x\"><span itemprop=\"description\">", count: 10_000) + "text"
            board.serve("/deep-microdata", .init(body: microdata, contentType: "text/html"))
            board.serve(
                "/deep-feed.xml", .init(body: "<rss><channel>" + String(repeating: "<item><title>x", count: 100_000), contentType: "application/rss+xml"))
            // Larger than the 10 MiB limit, and a body that never ends within the time limit.
            board.serve("/huge", .init(body: String(repeating: "x", count: 11 * 1_048_576), contentType: "text/html"))
            board.serve("/endless", .init(body: String(repeating: "<p>", count: 10_000), contentType: "text/html", trickle: .milliseconds(50)))
            var outcomes: [String: SourceRunner.Report] = [:]
            for (name, type, path) in [
                ("JSON-LD", "jsonld", "/deep-jsonld"), ("Microdata", "jsonld", "/deep-microdata"), ("Feed", "rss", "/deep-feed.xml"),
                ("Huge", "jsonld", "/huge"), ("Endless", "jsonld", "/endless"),
            ] {
                let source = try await DiscoveryTests.addSource(
                    server, ["name": .string(name), "type": .string(type), "identifier": .string(board.baseURL + path)])
                var runner = DiscoveryTests.runner(server)
                if name == "Endless" {
                    var fetcher = runner.fetcher
                    fetcher.timeout = .seconds(2)
                    runner = SourceRunner(database: runner.database, fetcher: fetcher, logger: runner.logger, counts: runner.counts)
                }
                outcomes[name] = try await runner.run(source)
            }
            #expect(outcomes["JSON-LD"]?.counts.new == 0)
            #expect(outcomes["Microdata"]?.counts.new == 1, "the posting is read; what is nested too deep is not: \(String(describing: outcomes["Microdata"]))")
            #expect(outcomes["Feed"]?.error == nil)
            #expect(outcomes["Huge"]?.error?.contains("larger than 10 MiB") == true)
            #expect(outcomes["Endless"]?.error?.contains("within the time limit") == true)
            let sources = try await server.get("/api/v1/sources").data["items"]?.arrayValue ?? []
            #expect(sources.count == 5)
            #expect(try await server.get(SiteURL.sources.path).status == .ok)
            #expect(try await server.get("/api/v1/jobs").status == .ok)
        }
    }

    @Test func aSourceWhoseDNSNeverAnswers_failsItsRun_clearly() async throws {
        let silent = HostResolver(
            timeout: .milliseconds(500),
            lookup: { _ in
                Thread.sleep(forTimeInterval: 5)
                return []
            })
        try await withServer(.sqlite, resolver: silent) { server in
            let source = try await DiscoveryTests.addSource(server, ["name": "Silent", "type": "rss", "identifier": "https://silent-dns.example/feed.xml"])
            let report = try await DiscoveryTests.runner(server).run(source)
            #expect(report.error?.contains("no DNS answer") == true, "\(report.error ?? "")")
            #expect(try await server.get("/api/v1/sources/\(source.id)").data["last_status"] == "failed")
        }
    }
}
