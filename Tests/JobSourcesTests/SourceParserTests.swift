import Foundation
import Testing

@testable import CareerCopilotCore
@testable import JobSources

/// Payloads written in each source's real shape (SOURCES.md), quirks included.
@Suite("Discovery: source payloads")
struct SourceParserTests {
    static func data(_ text: String) -> Data { Data(text.utf8) }

    @Test func greenhouse_decodesEncodedContent_readsPayRanges_andOffsets() throws {
        let payload = #"""
            {"jobs": [
              {"id": 4012345, "title": " Analytics Engineering Lead ", "company_name": "Trade Desk",
               "location": {"name": "Denver, CO; New York, NY; Westlake, TX"},
               "absolute_url": "https://careers.example.com/jobs?gh_jid=4012345",
               "content": "&lt;p&gt;Build &lt;strong&gt;dbt&lt;/strong&gt; models on Snowflake.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
               "first_published": "2025-11-25T20:49:51-05:00", "updated_at": "2025-11-26T10:00:00-05:00",
               "metadata": [{"name": "Salary Range", "value_type": "currency_range", "value": {"unit": "USD", "min_value": "120000.0", "max_value": "150000.0"}},
                            {"name": "Workplace Type", "value_type": "single_select", "value": "Hybrid"}]},
              {"id": 4012346, "title": "", "location": {"name": "Remote"}, "absolute_url": "https://x.example/2"}
            ], "meta": {"total": 2}}
            """#
        let postings = try Greenhouse.postings(in: Self.data(payload), board: "tradedesk")
        #expect(postings.count == 2)
        let job = try PostingNormalizer.normalize(postings[0])
        #expect(job.title == "Analytics Engineering Lead")
        #expect(job.company == "Trade Desk")
        #expect(job.locations == ["Denver, CO", "New York, NY", "Westlake, TX"])
        #expect(job.remote == .hybrid)
        #expect(job.description.html == "<p>Build <strong>dbt</strong> models on Snowflake.</p>")
        #expect(job.salaryMin == 120_000 && job.salaryMax == 150_000 && job.salaryCurrency == "USD")
        #expect(job.postedAt == ISODate.parse("2025-11-26T01:49:51Z"))
        #expect(job.skills == ["Snowflake", "dbt"])
        #expect(throws: PostingRejection.missingTitle) { try PostingNormalizer.normalize(postings[1]) }
    }

    @Test func lever_takesTheSiteAsCompany_andMillisecondDates() throws {
        let payload = #"""
            [{"id": "5c2f7c1e-0b4f-4b8e-9b1a-2f3c4d5e6f70", "text": "Senior iOS Engineer",
              "categories": {"location": "Oslo", "allLocations": ["Oslo", "Remote - Europe"], "commitment": "Full-time", "team": "Mobile"},
              "workplaceType": "hybrid", "description": "<div>We build <b>SwiftUI</b> apps.</div>",
              "lists": [{"text": "Requirements", "content": "<li>5 years of Swift</li><li>Combine</li>"}],
              "additional": "<p>Relocation offered.</p>", "hostedUrl": "https://jobs.lever.co/fjord/5c2f7c1e",
              "applyUrl": "https://jobs.lever.co/fjord/5c2f7c1e/apply",
              "salaryRange": {"currency": "NOK", "interval": "per-year-salary", "min": 700000, "max": 850000},
              "createdAt": 1764000000000}]
            """#
        let postings = try Lever.postings(in: Self.data(payload), site: "fjord")
        let job = try PostingNormalizer.normalize(try #require(postings.first))
        #expect(job.company == "fjord")
        #expect(job.locations == ["Oslo", "Remote - Europe"])
        #expect(job.remote == .hybrid)
        #expect(job.salaryPeriod == .year && job.salaryCurrency == "NOK" && job.salaryMin == 700_000)
        #expect(job.employmentType == .fullTime)
        #expect(job.postedAt == Date(timeIntervalSince1970: 1_764_000_000))
        #expect(job.description.html.contains("<h5>Requirements</h5><ul><li>5 years of Swift</li>"))
        #expect(job.skills.contains("Swift") && job.skills.contains("SwiftUI"))
        #expect(job.url == "https://jobs.lever.co/fjord/5c2f7c1e")
    }

    @Test func ashby_skipsUnlisted_andReadsCompensationTiers() throws {
        let payload = #"""
            {"jobs": [
              {"id": "a1", "title": "Research Engineer", "location": "San Francisco", "secondaryLocations": [{"location": "New York"}],
               "isRemote": false, "workplaceType": "OnSite", "isListed": true, "employmentType": "FullTime",
               "descriptionHtml": "<p>Train LLMs with PyTorch.</p>", "jobUrl": "https://jobs.ashbyhq.com/openai/a1",
               "publishedAt": "2025-11-20T12:00:00.000+00:00",
               "compensation": {"compensationTiers": [{"components": [
                  {"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": "USD", "minValue": 310000, "maxValue": 460000},
                  {"compensationType": "EquityPercentage", "minValue": 0.1}]}]}},
              {"id": "a2", "title": "Hidden", "isListed": false, "jobUrl": "https://jobs.ashbyhq.com/openai/a2"}
            ]}
            """#
        let postings = try Ashby.postings(in: Self.data(payload), board: "openai")
        #expect(postings.map(\.externalID) == ["a1"])
        let job = try PostingNormalizer.normalize(postings[0])
        #expect(job.company == "openai")
        #expect(job.locations == ["San Francisco", "New York"])
        #expect(job.remote == .onsite)
        #expect(job.salaryMin == 310_000 && job.salaryMax == 460_000 && job.salaryPeriod == .year)
        #expect(job.skills == ["PyTorch", "LLM"])
    }

    @Test func remoteOK_skipsTheLegalNotice_andUnknownSalaries() throws {
        let payload = #"""
            [{"legal": "API Terms of Service: please link back"},
             {"id": "91234", "slug": "remote-go-developer", "position": "Go Developer", "company": "Harbor Cloud", "location": "Worldwide",
              "description": "<p>Go and Kubernetes</p>", "apply_url": "https://remoteok.com/l/91234", "salary_min": 0, "salary_max": 0,
              "date": "2025-11-24T08:00:00+00:00", "epoch": 1763971200},
             {"id": 91235, "position": "Data Analyst", "company": "Atlas", "url": "https://remoteok.com/remote-jobs/91235",
              "salary_min": "70000", "salary_max": "90000", "epoch": 1763971200}]
            """#
        let postings = try RemoteOK.postings(in: Self.data(payload))
        #expect(postings.map(\.externalID) == ["91234", "91235"])
        let first = try PostingNormalizer.normalize(postings[0])
        #expect(first.remote == .remote && first.salaryMin == nil)
        #expect(first.skills == ["Go", "Kubernetes"])
        let second = try PostingNormalizer.normalize(postings[1])
        #expect(second.salaryMin == 70_000 && second.salaryMax == 90_000)
        #expect(second.postedAt == Date(timeIntervalSince1970: 1_763_971_200))
    }

    @Test func arbeitnow_readsUnixSeconds_andTheNextPage() throws {
        let payload = #"""
            {"data": [{"slug": "backend-developer-berlin-123", "company_name": "Northwind", "title": "Backend Developer (m/w/d)",
                       "description": "<p>PHP &amp; Laravel</p>", "remote": false, "url": "https://www.arbeitnow.com/view/backend-developer-berlin-123",
                       "tags": ["PHP"], "job_types": ["full time"], "location": "Berlin", "created_at": 1764000000}],
             "links": {"next": "https://www.arbeitnow.com/api/job-board-api?page=2"}, "meta": {"current_page": 1}}
            """#
        let (postings, next) = try Arbeitnow.postings(in: Self.data(payload))
        #expect(next == "https://www.arbeitnow.com/api/job-board-api?page=2")
        let job = try PostingNormalizer.normalize(try #require(postings.first))
        #expect(job.postedAt == Date(timeIntervalSince1970: 1_764_000_000))
        #expect(job.employmentType == .fullTime)
        #expect(job.skills == ["PHP", "Laravel"])
    }

    @Test func jsonLD_inEveryShape() throws {
        let page = #"""
            <html><head>
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "X"},
              {"@type": "JobPosting", "title": "Platform Engineer", "identifier": {"@type": "PropertyValue", "value": 77},
               "hiringOrganization": {"@type": "Organization", "name": "Cobalt"}, "datePosted": "2025-11-01",
               "jobLocationType": "TELECOMMUTE", "employmentType": ["FULL_TIME"], "description": "<p>Terraform on AWS</p>",
               "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP", "value": {"@type": "QuantitativeValue", "minValue": 85000, "maxValue": 110000, "unitText": "YEAR"}},
               "url": "https://cobalt.example/jobs/77"}]}</script>
            <SCRIPT type='application/ld+json'>[{"@type": "JobPosting", "title": "Support Engineer", "hiringOrganization": "Cobalt",
               "jobLocation": {"@type": "Place", "address": {"addressLocality": "London", "addressCountry": "GB"}},
               "baseSalary": {"currency": "GBP", "value": 40000}}]</SCRIPT>
            <script>var notJSONLD = 1;</script><script type="application/ld+json">{ broken json</script>
            </head></html>
            """#
        let postings = CareersPage.postings(html: page, pageURL: "https://cobalt.example/careers")
        #expect(postings.count == 2)
        let first = try PostingNormalizer.normalize(postings[0])
        #expect(first.externalID == "cobalt.example#77" && first.company == "Cobalt" && first.remote == .remote)
        #expect(first.salaryMin == 85_000 && first.salaryMax == 110_000 && first.salaryPeriod == .year)
        #expect(first.employmentType == .fullTime && first.postedAt == ISODate.parse("2025-11-01"))
        #expect(first.skills == ["AWS", "Terraform"])
        let second = try PostingNormalizer.normalize(postings[1])
        #expect(second.locations == ["London, GB"] && second.url == "https://cobalt.example/careers" && second.salaryMin == 40_000)
    }

    @Test func malformedPayloads_areRefused_notFatal() {
        #expect(throws: SourcePayloadError.self) { try Greenhouse.postings(in: Self.data(#"{"jobs": [{"id": 1, "title": "#), board: "b") }
        #expect(throws: SourcePayloadError.self) { try Lever.postings(in: Self.data(#"{"ok": true}"#), site: "s") }
        #expect(throws: SourcePayloadError.self) { try RemoteOK.postings(in: Self.data("<html>blocked</html>")) }
        #expect((try? Greenhouse.postings(in: Self.data(#"{"jobs": []}"#), board: "empty"))?.isEmpty == true)
        #expect((try? Greenhouse.postings(in: Self.data(#"{"jobs": [{"title": "no id"}, 42, "x"]}"#), board: "b"))?.isEmpty == true)
    }

    @Test func rejections_sayWhy() {
        var posting = RawPosting(source: "s", externalID: "1")
        posting.title = "T"
        posting.company = "C"
        #expect(throws: PostingRejection.missingURL) { try PostingNormalizer.normalize(posting) }
        posting.url = "javascript:alert(1)"
        #expect(throws: PostingRejection.invalidURL("javascript:alert(1)")) { try PostingNormalizer.normalize(posting) }
        posting.company = "  "
        #expect(throws: PostingRejection.missingCompany) { try PostingNormalizer.normalize(posting) }
    }

    @Test func freeTextSalary_isParsedWhenNoFieldsExist() throws {
        var posting = RawPosting(source: "remotive", externalID: "9")
        posting.title = "Designer"
        posting.company = "Meadow"
        posting.url = "https://remotive.com/remote-jobs/design/9"
        posting.salaryText = "€60.000 - €80.000 per year"
        let job = try PostingNormalizer.normalize(posting)
        #expect(job.salaryMin == 60_000 && job.salaryMax == 80_000 && job.salaryCurrency == "EUR" && job.salaryPeriod == .year)
    }
}

@Suite("Discovery: importing a URL")
struct ImportTargetTests {
    @Test func knownBoards_areReadFromTheirAPI() {
        #expect(
            ImportTarget.resolve("https://boards.greenhouse.io/stripe/jobs/6543210?gh_src=x") == .job(.greenhouse, JobAddress(board: "stripe", id: "6543210")))
        #expect(
            ImportTarget.resolve("https://job-boards.greenhouse.io/stripe/jobs/6543210").fetchURL
                == "https://boards-api.greenhouse.io/v1/boards/stripe/jobs/6543210?content=true")
        #expect(ImportTarget.resolve("https://jobs.lever.co/netflix/5c2f7c1e-0b4f/apply") == .job(.lever, JobAddress(board: "netflix", id: "5c2f7c1e-0b4f")))
        #expect(ImportTarget.resolve("https://jobs.eu.lever.co/acme/abc").fetchURL == "https://api.eu.lever.co/v0/postings/acme/abc?mode=json")
        #expect(ImportTarget.resolve("https://jobs.ashbyhq.com/openai/a1b2/application") == .job(.ashby, JobAddress(board: "openai", id: "a1b2")))
        #expect(ImportTarget.resolve("https://careers.example.com/jobs/7") == .page("https://careers.example.com/jobs/7"))
        #expect(ImportTarget.resolve("https://boards.greenhouse.io/stripe") == .page("https://boards.greenhouse.io/stripe"))
    }

    @Test func singleBoardJobs_areRead() throws {
        let lever =
            #"{"id": "abc", "text": "Designer", "categories": {"location": "Oslo"}, "hostedUrl": "https://jobs.lever.co/fjord/abc", "createdAt": 1764000000000}"#
        let posting = try #require(try ImportTarget.job(.lever, JobAddress(board: "fjord", id: "abc")).posting(in: Data(lever.utf8), pageURL: ""))
        #expect(posting.title == "Designer" && posting.company == "fjord" && posting.location == "Oslo")
        let ashby =
            #"{"jobs": [{"id": "x", "title": "A", "jobUrl": "https://jobs.ashbyhq.com/b/x"}, {"id": "y", "title": "B", "jobUrl": "https://jobs.ashbyhq.com/b/y"}]}"#
        #expect(try ImportTarget.job(.ashby, JobAddress(board: "b", id: "y")).posting(in: Data(ashby.utf8), pageURL: "")?.title == "B")
    }
}

@Suite("Discovery: more source payloads")
struct MoreSourceParserTests {
    static func data(_ text: String) -> Data { Data(text.utf8) }

    @Test func smartRecruiters_pagesByOffset_andAnUnknownCompanyIsEmpty() throws {
        let definition = SourceDefinition(kind: .smartrecruiters, identifier: "Acme1", baseURL: "http://sr.test")
        #expect(definition.firstPageURL == "http://sr.test/v1/companies/Acme1/postings?limit=100&offset=0")
        let items = (0..<100).map {
            #"{"id": "\#($0)", "name": "Role \#($0)", "company": {"name": "Acme"}, "location": {"city": "Lyon", "country": "fr", "remote": false}, "releasedDate": "2025-11-20T09:00:00.000Z"}"#
        }
        let first = try definition.read(Self.data(#"{"totalFound": 150, "content": [\#(items.joined(separator: ","))]}"#), pageURL: "", pageNumber: 1)
        #expect(first.next == "http://sr.test/v1/companies/Acme1/postings?limit=100&offset=100")
        let job = try PostingNormalizer.normalize(first.postings[0])
        #expect(job.locations == ["Lyon, FR"] && job.company == "Acme" && job.url == "https://jobs.smartrecruiters.com/Acme1/0")
        let empty = try definition.read(Self.data(#"{"totalFound": 0, "content": []}"#), pageURL: "", pageNumber: 1)
        #expect(empty.postings.isEmpty && empty.next == nil)
    }

    @Test func workable_readsItsWidget() throws {
        let payload =
            #"{"name": "Meadow Energy", "jobs": [{"title": "Energy Analyst", "shortcode": "AB12CD", "telecommuting": true, "url": "https://apply.workable.com/j/AB12CD", "published_on": "2025-11-18", "employment_type": "Full-time", "description": "<p>SQL and Python</p>", "locations": [{"city": "Amsterdam", "region": "", "country": "Netherlands"}]}]}"#
        let job = try PostingNormalizer.normalize(try #require(Workable.postings(in: Self.data(payload), account: "meadow").first))
        #expect(job.company == "Meadow Energy" && job.remote == .remote && job.locations == ["Amsterdam, Netherlands"])
        #expect(job.employmentType == .fullTime && job.postedAt == ISODate.parse("2025-11-18") && job.skills == ["Python", "SQL"])
    }

    @Test func recruitee_readsItsDates_andPay() throws {
        let payload =
            #"{"offers": [{"id": 991, "title": "Backend Developer", "company_name": "Fjord", "city": "Oslo", "country": "Norway", "hybrid": true, "description": "<p>Kotlin</p>", "requirements": "<ul><li>Postgres</li></ul>", "careers_url": "https://fjord.recruitee.com/o/backend", "published_at": "2025-11-20 10:00:00 UTC", "salary": {"min": "600000", "max": "750000", "period": "year", "currency": "NOK"}}]}"#
        let job = try PostingNormalizer.normalize(try #require(Recruitee.postings(in: Self.data(payload), company: "fjord").first))
        #expect(job.remote == .hybrid && job.locations == ["Oslo, Norway"])
        #expect(job.postedAt == ISODate.parse("2025-11-20T10:00:00Z"))
        #expect(job.salaryMin == 600_000 && job.salaryMax == 750_000 && job.salaryCurrency == "NOK" && job.salaryPeriod == .year)
        #expect(job.skills == ["Kotlin", "PostgreSQL"])
        #expect(SourceDefinition(kind: .recruitee, identifier: "fjord").firstPageURL == "https://fjord.recruitee.com/api/offers/")
    }

    @Test func remotive_readsFreeTextPay() throws {
        let payload =
            #"{"job-count": 1, "jobs": [{"id": 1880, "url": "https://remotive.com/remote-jobs/software-dev/x-1880", "title": "Rust Engineer", "company_name": "Harbor", "job_type": "full_time", "publication_date": "2025-11-21T08:00:00", "candidate_required_location": "Europe", "salary": "$120k - $150k", "description": "<p>Rust</p>"}]}"#
        let job = try PostingNormalizer.normalize(try #require(Remotive.postings(in: Self.data(payload)).first))
        #expect(job.remote == .remote && job.salaryMin == 120_000 && job.salaryMax == 150_000 && job.salaryCurrency == "USD")
        #expect(job.employmentType == .fullTime && job.locations == ["Europe"])
    }
}
