import CareerCopilotCore
import Fluent
import Foundation
import JobSources
import SQLKit
import Testing
import Vapor

@testable import App

/// The feed, thread, detail and keyed sources, conditional requests, slow boards and the
/// SSRF guard on redirects, against a real local HTTP server.
@Suite("Discovery sources")
struct DiscoverySourcesTests {
    static let feed = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:job="https://example.com/job">
          <channel>
            <title>Remote Swift Jobs</title>
            <item>
              <title>Lumen Labs: Senior iOS Engineer</title>
              <link>https://jobs.example.com/lumen/ios</link>
              <guid isPermaLink="false">lumen-ios-1</guid>
              <pubDate>Tue, 25 Nov 2025 20:49:51 +0000</pubDate>
              <job:location>Remote (EU)</job:location>
              <content:encoded><![CDATA[<p>SwiftUI &amp; Combine</p><script>alert(1)</script><img src=x onerror=alert(2)>]]></content:encoded>
            </item>
            <item>
              <title>Backend Developer</title>
              <job:company>Orbit &amp; Co</job:company>
              <link>https://jobs.example.com/orbit/backend</link>
              <pubDate>Wed, 26 Nov 2025 09:00:00 GMT</pubDate>
              <description>&lt;p&gt;Go and Postgres&lt;/p&gt;</description>
              <job:salary>€60.000 - €80.000 per year</job:salary>
            </item>
          </channel>
        </rss>
        """#

    @Test(arguments: TestDatabase.all)
    func anRSSFeed_isRead_andAskedOnlyIfChanged(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: DiscoveryTests.allowPrivate) { server in
            board.serve(
                "/feed.xml",
                .init(body: Self.feed, headers: [("ETag", "\"v1\""), ("Last-Modified", "Wed, 26 Nov 2025 10:00:00 GMT")], contentType: "application/rss+xml"),
                .init(status: .notModified)
            )
            let source = try await DiscoveryTests.addSource(server, ["name": "Swift feed", "type": "rss", "identifier": .string(board.baseURL + "/feed.xml")])
            let first = try await DiscoveryTests.runner(server).run(source)
            #expect(first.error == nil)
            #expect(first.counts == .init(new: 2))
            let jobs = try await server.get("/api/v1/jobs?source=rss&sort=title").data["items"]?.arrayValue ?? []
            let ios = try #require(jobs.first { $0["company"] == "Lumen Labs" })
            #expect(ios["title"] == "Senior iOS Engineer" && ios["remote"] == "remote" && ios["location"] == "Remote (EU)")
            #expect(ios["description"] == "<p>SwiftUI &amp; Combine</p>", "script and image are gone")
            #expect(ios["posted_at"] == "2025-11-25T20:49:51Z")
            let orbit = try #require(jobs.first { $0["company"] == "Orbit & Co" })
            #expect(orbit["salary_min"] == 60_000 && orbit["salary_max"] == 80_000 && orbit["salary_currency"] == "EUR")
            #expect(orbit["description"] == "<p>Go and Postgres</p>")

            // The second run asks with the validators and gets 304: nothing read, nothing closed.
            let stored = try #require(try await SourceRecord.find(source.id, on: server.app.db))
            #expect(stored.validators.etag == "\"v1\"")
            let second = try await DiscoveryTests.runner(server).run(stored)
            #expect(second.notModified && second.error == nil)
            #expect(second.counts == .init(unchanged: 2))
            #expect(board.lastRequest("/feed.xml")?.headers["if-none-match"] == "\"v1\"")
            #expect(board.lastRequest("/feed.xml")?.headers["if-modified-since"] == "Wed, 26 Nov 2025 10:00:00 GMT")
            #expect(try await server.get("/api/v1/jobs?is_active=true&source=rss").data["total"] == 2)
        }
    }

    @Test func theNewestWhoIsHiringThread_isRead() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite, adjust: DiscoveryTests.allowPrivate) { server in
            board.serve(
                "/api/v1/search_by_date",
                .init(
                    body: #"""
                        {"hits": [
                          {"objectID": "46108941", "title": "Ask HN: Who wants to be hired? (December 2025)", "created_at_i": 1764608400},
                          {"objectID": "46108940", "title": "Ask HN: Who is hiring? (December 2025)", "created_at_i": 1764608400},
                          {"objectID": "45800000", "title": "Ask HN: Who is hiring? (November 2025)", "created_at_i": 1762016400}
                        ], "nbHits": 3}
                        """#))
            board.serve(
                "/api/v1/items/46108940",
                .init(
                    body: #"""
                        {"id": 46108940, "title": "Ask HN: Who is hiring? (December 2025)", "children": [
                          {"id": 46109001, "created_at": "2025-12-01T16:05:00.000Z", "parent_id": 46108940,
                           "text": "Tessera (YC W23) | Senior Backend Engineer | Berlin, Germany | ONSITE | €90k–€110k<p>We build &quot;Postgres for robots&quot;. Go, Kubernetes. <a href=\"https://tessera.example/jobs\">Apply</a>",
                           "children": [{"id": 46109100, "text": "Is this open to juniors?", "parent_id": 46109001, "children": []}]},
                          {"id": 46109002, "created_at": "2025-12-01T16:07:00.000Z", "parent_id": 46108940,
                           "text": "Quanta Health | REMOTE (US) | Staff Data Engineer | Full-time | $180k-$220k<p>Spark, Airflow.", "children": []},
                          {"id": 46109003, "created_at": "2025-12-01T16:09:00.000Z", "parent_id": 46108940, "text": null, "children": []},
                          {"id": 46109004, "created_at": "2025-12-01T16:10:00.000Z", "parent_id": 46108940, "text": "We are hiring, email me!", "children": []}
                        ]}
                        """#))
            let source = try await DiscoveryTests.addSource(server, ["name": "HN", "type": "hn", "identifier": "", "base_url": .string(board.baseURL)])
            let report = try await DiscoveryTests.runner(server).run(source)
            #expect(report.error == nil)
            #expect(report.counts == .init(new: 2, rejected: 1), "the reply and the deleted comment are not postings; the free-form one is rejected")
            let jobs = try await server.get("/api/v1/jobs?source=hn").data["items"]?.arrayValue ?? []
            let tessera = try #require(jobs.first { $0["company"] == "Tessera" })
            #expect(tessera["title"] == "Senior Backend Engineer" && tessera["location"] == "Berlin, Germany" && tessera["remote"] == "onsite")
            #expect(tessera["salary_min"] == 90_000 && tessera["salary_currency"] == "EUR")
            #expect(tessera["url"] == "https://news.ycombinator.com/item?id=46109001")
            #expect(tessera["posted_at"] == "2025-12-01T16:05:00Z")
            let quanta = try #require(jobs.first { $0["company"] == "Quanta Health" })
            #expect(quanta["title"] == "Staff Data Engineer" && quanta["remote"] == "remote" && quanta["employment_type"] == "full_time")
            #expect(quanta["skills"]?.arrayValue?.contains("Spark") == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func smartRecruitersDescriptions_comeFromTheDetailEndpoint_once(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: DiscoveryTests.allowPrivate) { server in
            board.serve(
                "/v1/companies/acme/postings",
                .init(
                    body: #"""
                        {"offset": 0, "limit": 100, "totalFound": 2, "content": [
                          {"id": "744000012345", "name": "Site Reliability Engineer", "releasedDate": "2025-11-20T10:00:00.000Z",
                           "location": {"city": "Lisbon", "country": "pt", "remote": false}, "company": {"identifier": "acme", "name": "ACME Corp"}},
                          {"id": "744000012346", "name": "Data Analyst", "releasedDate": "2025-11-21T10:00:00.000Z",
                           "location": {"city": "Porto", "country": "pt", "remote": true}, "company": {"identifier": "acme", "name": "ACME Corp"}}
                        ]}
                        """#, headers: [("ETag", "\"listing-1\"")]))
            board.serve(
                "/v1/companies/acme/postings/744000012345",
                .init(
                    body: #"""
                        {"id": "744000012345", "jobAd": {"sections": {
                          "companyDescription": {"title": "Company Description", "text": "<p>We make anvils.</p>"},
                          "jobDescription": {"title": "Job Description", "text": "<p>Terraform and <b>Kubernetes</b>.</p>"},
                          "qualifications": {"title": "Qualifications", "text": "<ul><li>Linux</li></ul>"}}}}
                        """#))
            board.serve("/v1/companies/acme/postings/744000012346", .init(status: .internalServerError, body: "oops"))
            let source = try await DiscoveryTests.addSource(
                server, ["name": "ACME", "type": "smartrecruiters", "identifier": "acme", "base_url": .string(board.baseURL)])
            let report = try await DiscoveryTests.runner(server).run(source)
            #expect(report.error == nil, "a failed detail request leaves one posting without its text")
            #expect(report.counts.new == 2)
            let sre = try #require(try await server.get("/api/v1/jobs?q=reliability").data["items"]?.arrayValue?.first)
            #expect(sre["description"]?.stringValue?.contains("<h5>Job Description</h5><p>Terraform and <b>Kubernetes</b>.</p>") == true)
            #expect(sre["skills"]?.arrayValue?.contains("Kubernetes") == true)
            #expect(board.hitCount("/v1/companies/acme/postings/744000012345") == 1)
            let stored = try #require(try await SourceRecord.find(source.id, on: server.app.db))
            #expect(stored.validators.isEmpty, "a text is missing: the listing's ETag is not kept, so the next run reads it again")

            // Next run: the stored text is kept and not asked for again; the missing one is.
            let again = try await DiscoveryTests.runner(server).run(source)
            #expect(again.counts.unchanged == 2)
            #expect(board.hitCount("/v1/companies/acme/postings/744000012345") == 1)
            #expect(board.hitCount("/v1/companies/acme/postings/744000012346") >= 2)
            let kept = try #require(try await server.get("/api/v1/jobs?q=reliability").data["items"]?.arrayValue?.first)
            #expect(kept["description"] == sre["description"])

            // The listing changes (now remote) but still carries no text: the stored text and
            // the skills read from it stay.
            board.serve(
                "/v1/companies/acme/postings",
                .init(
                    body: #"""
                        {"offset": 0, "limit": 100, "totalFound": 1, "content": [
                          {"id": "744000012345", "name": "Site Reliability Engineer", "releasedDate": "2025-11-20T10:00:00.000Z",
                           "location": {"city": "Lisbon", "country": "pt", "remote": true}, "company": {"identifier": "acme", "name": "ACME Corp"}}
                        ]}
                        """#))
            let changed = try await DiscoveryTests.runner(server).run(source)
            #expect(changed.counts.updated == 1)
            let updated = try #require(try await server.get("/api/v1/jobs?q=reliability").data["items"]?.arrayValue?.first)
            #expect(updated["remote"] == "remote" && updated["description"] == sre["description"])
            #expect(updated["skills"]?.arrayValue?.contains("Kubernetes") == true && updated["skills"]?.arrayValue?.contains("Terraform") == true)
        }
    }

    static func withKeys(_ config: inout AppConfiguration) {
        config.allowPrivateNetwork = true
        config.sourceCredentials = SourceCredentials(
            [
                "CC_ADZUNA_APP_ID": "app-123", "CC_ADZUNA_APP_KEY": "secret-adzuna-key", "CC_USAJOBS_API_KEY": "secret-usajobs-key",
                "CC_USAJOBS_EMAIL": "me@example.com",
            ], extraKeyHosts: ["127.0.0.1"])
    }

    @Test func adzunaAndUSAJOBS_runWithTheirKeys_andNeverShowThem() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite, adjust: Self.withKeys) { server in
            board.serve(
                "/v1/api/jobs/gb/search/1",
                .init(
                    body: #"""
                        {"count": 2, "results": [
                          {"id": "4912345678", "title": "Swift Developer", "company": {"display_name": "Kite Ltd"}, "location": {"display_name": "London, UK", "area": ["UK", "London"]},
                           "description": "Build iOS apps in Swift…", "salary_min": 55000, "salary_max": 70000, "salary_is_predicted": "0",
                           "created": "2025-11-24T08:00:00Z", "redirect_url": "https://www.adzuna.co.uk/jobs/land/ad/4912345678", "contract_time": "full_time"},
                          {"id": "4912345679", "title": "iOS Engineer", "company": {"display_name": "Pico"}, "location": {"display_name": "Leeds"},
                           "description": "SwiftUI", "salary_min": 41234.56, "salary_max": 41234.56, "salary_is_predicted": "1",
                           "created": "2025-11-23T08:00:00Z", "redirect_url": "https://www.adzuna.co.uk/jobs/land/ad/4912345679"}
                        ]}
                        """#))
            let adzuna = try await DiscoveryTests.addSource(
                server,
                ["name": "Adzuna Swift", "type": "adzuna", "identifier": "country=gb&what=swift developer&where=London", "base_url": .string(board.baseURL)])
            #expect(try await DiscoveryTests.runner(server).run(adzuna).counts.new == 2)
            let query = board.lastRequest("/v1/api/jobs/gb/search/1")?.query ?? ""
            #expect(query.contains("app_id=app-123") && query.contains("app_key=secret-adzuna-key") && query.contains("what=swift%20developer"))
            let kite = try #require(try await server.get("/api/v1/jobs?company=Kite%20Ltd").data["items"]?.arrayValue?.first)
            #expect(kite["salary_min"] == 55_000 && kite["salary_currency"] == "GBP" && kite["salary_period"] == "year")
            let pico = try #require(try await server.get("/api/v1/jobs?company=Pico").data["items"]?.arrayValue?.first)
            #expect(pico["salary_min"] == .null, "Adzuna's predicted salary is not the employer's")

            board.serve(
                "/api/search",
                .init(
                    body: #"""
                        {"SearchResult": {"SearchResultCount": 1, "SearchResultCountAll": 1, "SearchResultItems": [
                          {"MatchedObjectId": "812345600", "MatchedObjectDescriptor": {
                            "PositionID": "NASA-25-001", "PositionTitle": "IT Specialist (SYSADMIN)", "PositionURI": "https://www.usajobs.gov:443/job/812345600",
                            "ApplyURI": ["https://www.usajobs.gov:443/job/812345600"], "PositionLocationDisplay": "Multiple Locations",
                            "PositionLocation": [{"LocationName": "Houston, Texas"}, {"LocationName": "Greenbelt, Maryland"}],
                            "OrganizationName": "National Aeronautics and Space Administration", "DepartmentName": "NASA",
                            "PositionSchedule": [{"Name": "Full-time", "Code": "1"}],
                            "PositionRemuneration": [{"MinimumRange": "99200.0", "MaximumRange": "153354.0", "RateIntervalCode": "PA", "Description": "Per Year"}],
                            "PublicationStartDate": "2025-11-20T00:00:00.0000", "QualificationSummary": "Linux and Python.",
                            "UserArea": {"Details": {"JobSummary": "Keep mission systems running.", "TeleworkEligible": true, "RemoteIndicator": false}}}}
                        ], "UserArea": {"NumberOfPages": "1", "IsRadialSearch": false}}}
                        """#))
            let usajobs = try await DiscoveryTests.addSource(
                server,
                ["name": "USAJOBS IT", "type": "usajobs", "identifier": "Keyword=sysadmin&LocationName=Houston, Texas", "base_url": .string(board.baseURL)])
            #expect(try await DiscoveryTests.runner(server).run(usajobs).counts.new == 1)
            let seen = try #require(board.lastRequest("/api/search"))
            #expect(seen.headers["authorization-key"] == "secret-usajobs-key" && seen.headers["user-agent"] == "me@example.com")
            #expect(seen.query?.contains("LocationName=Houston%2C%20Texas") == true)
            let nasa = try #require(try await server.get("/api/v1/jobs?source=usajobs").data["items"]?.arrayValue?.first)
            #expect(nasa["company"] == "National Aeronautics and Space Administration" && nasa["remote"] == "hybrid")
            #expect(nasa["location"] == "Houston, Texas; Greenbelt, Maryland" && nasa["salary_max"] == 153_354)
            #expect(nasa["posted_at"] == "2025-11-20T00:00:00Z")

            // A failing keyed source: the stored error and the logs show no key.
            board.serve("/v1/api/jobs/gb/search/1", .init(status: .internalServerError, body: "down"))
            let failed = try await DiscoveryTests.runner(server).run(adzuna)
            let error = try #require(failed.error)
            #expect(error.contains("HTTP 500") && error.contains("app_key=***") && !error.contains("secret-adzuna-key"))
            let stored = try await server.get("/api/v1/sources/\(adzuna.id)").data
            #expect(stored["last_error"]?.stringValue?.contains("secret") == false)
        }
        try await withServer(.sqlite) { server in
            let refused = try await server.post("/api/v1/sources", ["name": "Adzuna", "type": "adzuna", "identifier": "country=gb&what=swift"])
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.error.details.contains { $0.contains("CC_ADZUNA_APP_ID") })
            let badQuery = try await server.post("/api/v1/sources", ["name": "USAJOBS", "type": "usajobs", "identifier": "Keyword=x&Evil=1"])
            #expect(try badQuery.error.details.contains { $0.contains("unknown USAJOBS parameter 'Evil'") })
        }
    }

    @Test func slowBoards_timeOut_andTheRunSaysSo() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite, adjust: DiscoveryTests.allowPrivate) { server in
            board.serve("/v1/boards/slow/jobs", .init(body: #"{"jobs": []}"#, delay: .seconds(20)))
            let source = try await DiscoveryTests.addSource(
                server, ["name": "Slow", "type": "greenhouse", "identifier": "slow", "base_url": .string(board.baseURL)])
            var runner = DiscoveryTests.runner(server)
            runner = SourceRunner(
                database: runner.database,
                fetcher: {
                    var fetcher = runner.fetcher; fetcher.timeout = .seconds(1); return fetcher
                }(), logger: runner.logger)
            let started = Date()
            let report = try await runner.run(source)
            #expect(report.error?.contains("within the time limit") == true)
            // Far from both the 1 s limit and the board's 20 s: a busy machine must not fail it.
            #expect(Date().timeIntervalSince(started) < 12, "the run did not wait for the slow board")
            #expect(try await server.get("/api/v1/sources/\(source.id)").data["last_status"] == "failed")

            // A board that answers at once and then trickles its body is cut off as well.
            board.serve("/v1/boards/trickle/jobs", .init(body: String(repeating: " ", count: 100) + #"{"jobs": []}"#, trickle: .milliseconds(200)))
            let trickling = try await DiscoveryTests.addSource(
                server, ["name": "Trickle", "type": "greenhouse", "identifier": "trickle", "base_url": .string(board.baseURL)])
            let cutOff = Date()
            #expect(try await runner.run(trickling).error?.contains("within the time limit") == true)
            #expect(Date().timeIntervalSince(cutOff) < 12, "not the 20 s the body would take")
        }
    }

    @Test func redirects_toPrivateAddresses_areRefused_atEveryHop() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite) { server in
            // The guard is on; only the fixture's name is trusted, and connections to it are
            // pinned to the address that was checked.
            var fetcher = server.services.fetcher
            fetcher.trustedHosts = ["localhost"]
            let logger = server.app.logger
            board.serve("/careers", .init(body: "<html>ok</html>", contentType: "text/html"))
            let pinned = try await fetcher.get(board.namedBaseURL + "/careers", logger: logger)
            #expect(pinned.body == Data("<html>ok</html>".utf8))

            board.serve("/jobs", .init(status: .found, headers: [("Location", "/hop")]))
            board.serve("/hop", .init(status: .movedPermanently, headers: [("Location", board.baseURL + "/careers")]))
            board.serve("/metadata", .init(status: .temporaryRedirect, headers: [("Location", "http://169.254.169.254/latest/meta-data/")]))
            board.serve("/loop", .init(status: .found, headers: [("Location", "/loop")]))
            let before = board.hitCount("/careers")
            await #expect(throws: SourceFetcher.FetchError.forbiddenAddress("127.0.0.1")) {
                _ = try await fetcher.get(board.namedBaseURL + "/jobs", logger: logger)
            }
            #expect(board.hitCount("/hop") == 1 && board.hitCount("/careers") == before, "the private hop was never requested")
            await #expect(throws: SourceFetcher.FetchError.forbiddenAddress("169.254.169.254")) {
                _ = try await fetcher.get(board.namedBaseURL + "/metadata", logger: logger)
            }
            await #expect(throws: SourceFetcher.FetchError.tooManyRedirects) {
                _ = try await fetcher.get(board.namedBaseURL + "/loop", logger: logger)
            }
            await #expect(throws: SourceFetcher.FetchError.badURL("file:///etc/passwd")) {
                _ = try await fetcher.get("file:///etc/passwd", logger: logger)
            }
        }
    }

    @Test func aSourcesKeys_andValidators_stayWithItsHost() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite, adjust: DiscoveryTests.allowPrivate) { server in
            let fetcher = server.services.fetcher
            let logger = server.app.logger
            let key = [(name: "Authorization-Key", value: "secret-key")]
            let validators = SourceFetcher.Validators(etag: "\"v1\"")
            board.serve("/same", .init(status: .found, headers: [("Location", "/landing")]))
            board.serve("/elsewhere", .init(status: .found, headers: [("Location", board.namedBaseURL + "/landing")]))
            board.serve("/landing", .init(body: "{}"))

            _ = try await fetcher.get(board.baseURL + "/same", headers: key, validators: validators, logger: logger)
            #expect(board.lastRequest("/landing")?.headers["authorization-key"] == "secret-key")
            #expect(board.lastRequest("/landing")?.headers["if-none-match"] == "\"v1\"")
            // 127.0.0.1 → localhost is another host: it gets neither the key nor the validators.
            _ = try await fetcher.get(board.baseURL + "/elsewhere", headers: key, validators: validators, logger: logger)
            #expect(board.lastRequest("/landing")?.headers["authorization-key"] == nil)
            #expect(board.lastRequest("/landing")?.headers["if-none-match"] == nil)

            // A 304 to a question nobody asked is an error, not "unchanged".
            board.serve("/odd", .init(status: .notModified))
            await #expect(throws: SourceFetcher.FetchError.status(304, board.baseURL + "/odd")) {
                _ = try await fetcher.get(board.baseURL + "/odd", logger: logger)
            }
        }
    }

    @Test func aPageWithMicrodata_isImported() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite, adjust: DiscoveryTests.allowPrivate) { server in
            board.serve(
                "/jobs/42",
                .init(
                    body: #"""
                        <html><body>
                        <div itemscope itemtype="https://schema.org/JobPosting">
                          <h1 itemprop="title">Platform Engineer</h1>
                          <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Harbor Freight Tech</span></div>
                          <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
                            <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
                              <span itemprop="addressLocality">Calabasas</span>, <span itemprop="addressRegion">CA</span></div></div>
                          <meta itemprop="datePosted" content="2025-11-18">
                          <meta itemprop="employmentType" content="FULL_TIME">
                          <div itemprop="description"><p>Run <strong>Kubernetes</strong> at scale.</p><script>steal()</script></div>
                        </div></body></html>
                        """#, contentType: "text/html"))
            let imported = try await server.post("/api/v1/jobs/import", ["url": .string(board.baseURL + "/jobs/42")])
            #expect(imported.status == .created)
            let job = try imported.data
            #expect(job["title"] == "Platform Engineer" && job["company"] == "Harbor Freight Tech" && job["location"] == "Calabasas, CA")
            #expect(job["description"] == "<p>Run <strong>Kubernetes</strong> at scale.</p>")
            #expect(job["posted_at"] == "2025-11-18T00:00:00Z" && job["employment_type"] == "full_time")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aSource_isEdited_paused_andChecked(database: TestDatabase) async throws {
        try await withServer(database) { server in
            let source = try await server.post("/api/v1/sources", ["name": "Stripe", "type": "greenhouse", "identifier": "stripe"]).data
            _ = try await server.post("/api/v1/sources", ["name": "Netflix", "type": "lever", "identifier": "netflix"])
            let id = try #require(source["id"]?.intValue)
            let changed = try await server.request(.PUT, "/api/v1/sources/\(id)", json: ["schedule": "@daily", "enabled": false])
            #expect(changed.status == .ok)
            #expect(try changed.data["schedule"] == "@daily" && changed.data["enabled"] == false && changed.data["identifier"] == "stripe")
            let bad = try await server.request(
                .PUT, "/api/v1/sources/\(id)", json: ["schedule": "every 7m", "type": "lever", "identifier": "no spaces allowed"])
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.error.details.count == 3)
            #expect(try await server.request(.PUT, "/api/v1/sources/\(id)", json: ["name": "Netflix"]).status == .conflict)
            #expect(try await server.request(.PUT, "/api/v1/sources/999999", json: ["enabled": true]).status == .notFound)
            #expect(try await server.get("/api/v1/sources/\(id)").data["schedule"] == "@daily", "a refused change changed nothing")

            // A paused source is not queued by the scheduler's sweep.
            let queue = TaskQueue(database: server.app.db)
            _ = try await queue.enqueue(TaskRequest(kind: DiscoveryDueHandler.kind, payload: [:]))
            let claimed = try #require(try await queue.claim(worker: "test", queues: ["default"], limit: 1, lease: 30).first)
            let due = try await DiscoveryDueHandler().run(
                TaskContext(task: claimed, payload: claimed.payloadValue, database: server.app.db, logger: server.app.logger))
            #expect(due?["queued"] == 1, "only the enabled source")
        }
    }

    @Test(arguments: TestDatabase.all)
    func boardQuirks_neverDuplicate_andABadPostingLosesOnlyItself(database: TestDatabase) async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(database, adjust: DiscoveryTests.allowPrivate) { server in
            // The same id listed twice; two openings of one role with their own ids; an id with a
            // NUL byte (no database stores it whole: its chunk fails and is stored posting by
            // posting); a job already added by hand with a board id.
            let existing = try await server.post(
                "/api/v1/jobs",
                [
                    "title": "Support Engineer", "company": "Trade Desk", "source": "greenhouse", "external_id": "50",
                    "url": "https://careers.example.com/jobs/50",
                ]
            ).data
            board.serve(
                "/v1/boards/quirks/jobs",
                .init(
                    body: DiscoveryTests.greenhouse(
                        [
                            (10, "Account Executive", "Denver, CO"), (10, "Account Executive", "Denver, CO"), (11, "Account Executive", "Denver, CO"),
                            (50, "Support Engineer", "Denver, CO"),
                        ].map { (id: $0.0, title: $0.1, city: $0.2) },
                        extra:
                            #"{"id": "bad\u0000id", "title": "Nul Engineer", "company_name": "Trade Desk", "absolute_url": "https://careers.example.com/jobs/nul"}"#
                    )))
            let source = try await DiscoveryTests.addSource(
                server, ["name": "Quirks", "type": "greenhouse", "identifier": "quirks", "base_url": .string(board.baseURL)])
            let report = try await DiscoveryTests.runner(server).run(source)
            #expect(report.error == nil)
            // 10 twice is one job; 10 and 11 are two; 50 joins the job added by hand.
            #expect(report.counts == .init(new: 2, updated: 1, unchanged: 1, rejected: 1))
            let executives = try await server.get("/api/v1/jobs?q=executive").data
            #expect(executives["total"] == 2)
            let support = try await server.get("/api/v1/jobs?q=support").data
            #expect(support["total"] == 1 && support["items"]?.arrayValue?.first?["id"] == existing["id"])
        }
    }

    @Test func requests_toOneHost_areSpacedAndLimited() async throws {
        let board = try await FixtureServer.start()
        defer { Task { try? await board.stop() } }
        try await withServer(.sqlite, adjust: DiscoveryTests.allowPrivate) { server in
            board.serve("/a", .init(body: "{}"))
            board.serve("/slow", .init(body: "{}", delay: .milliseconds(400)))
            var fetcher = server.services.fetcher
            fetcher.requestInterval = .milliseconds(300)
            let logger = server.app.logger
            let spaced = ContinuousClock.now
            for _ in 0..<3 { _ = try await fetcher.get(board.baseURL + "/a", logger: logger) }
            #expect(ContinuousClock.now - spaced >= .milliseconds(600), "three starts, 300 ms apart")

            // Four slow requests at once, two at a time: two rounds of 400 ms at least.
            fetcher.requestInterval = .zero
            let concurrent = fetcher
            let limited = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { _ = try await concurrent.get(board.baseURL + "/slow", logger: logger) } }
                try await group.waitForAll()
            }
            #expect(ContinuousClock.now - limited >= .milliseconds(800))
            #expect(board.hitCount("/slow") == 4)
        }
    }
}
