import Foundation
import Testing

@testable import CareerCopilotCore
@testable import JobSources

/// Feeds, Hacker News threads, microdata pages and the keyed search APIs, in their real shapes.
@Suite("Feed, thread and search parsers")
struct FeedAndSearchParserTests {
    @Test func anAtomFeed_isRead() throws {
        let atom = #"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Acme careers</title>
              <entry>
                <title type="text">Product Designer</title>
                <link rel="self" href="https://acme.example/feed/1"/>
                <link rel="alternate" type="text/html" href="https://acme.example/jobs/1"/>
                <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
                <published>2025-11-20T09:30:00+01:00</published>
                <author><name>Acme Inc</name></author>
                <category term="Hybrid"/>
                <summary type="html">&lt;p&gt;Figma&lt;/p&gt;</summary>
              </entry>
              <entry>
                <title>Support Engineer at Bolt</title>
                <link href="https://bolt.example/jobs/9"/>
                <id>bolt-9</id>
                <updated>2025-11-21T00:00:00Z</updated>
              </entry>
            </feed>
            """#
        let postings = try Feed.postings(in: Data(atom.utf8), feedURL: "https://acme.example/feed")
        #expect(postings.count == 2)
        let first = try PostingNormalizer.normalize(postings[0])
        #expect(first.title == "Product Designer" && first.company == "Acme Inc" && first.url == "https://acme.example/jobs/1")
        #expect(first.externalID == "urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6" && first.remote == .hybrid)
        #expect(first.description.html == "<p>Figma</p>")
        #expect(first.postedAt == ISODate.parse("2025-11-20T08:30:00Z"))
        let second = try PostingNormalizer.normalize(postings[1])
        #expect(second.title == "Support Engineer" && second.company == "Bolt")
        #expect(second.externalID == "acme.example#bolt-9", "a feed's own id is scoped by its host")
    }

    @Test func aPageThatIsNotAFeed_fails() {
        #expect(throws: SourcePayloadError.self) { try Feed.postings(in: Data("<html><body>Hi</body></html>".utf8), feedURL: "https://x.example") }
        #expect(throws: SourcePayloadError.self) { try Feed.postings(in: Data(), feedURL: "https://x.example") }
    }

    @Test func hostileFeeds_expandNothing() throws {
        // Entities of a DTD are never expanded (billion laughs, external files).
        let hostile = #"""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss><channel><title>T</title><item><title>&lol2; &xxe;</title><link>https://x.example/1</link><author>A</author></item></channel></rss>
            """#
        let postings = try Feed.postings(in: Data(hostile.utf8), feedURL: "https://x.example")
        #expect(postings.first?.title == "&lol2; &xxe;")
        // Deep nesting is bounded, not a crash.
        let deep = "<rss><channel>" + String(repeating: "<x>", count: 50_000) + "</channel></rss>"
        #expect(try Feed.postings(in: Data(deep.utf8), feedURL: "https://x.example").isEmpty)
    }

    @Test(arguments: [
        ("Tue, 25 Nov 2025 20:49:51 +0000", "2025-11-25T20:49:51Z"),
        ("Wed, 26 Nov 2025 09:00:00 GMT", "2025-11-26T09:00:00Z"),
        ("26 Nov 2025 09:00 EST", "2025-11-26T14:00:00Z"),
        ("Mon, 1 Dec 25 08:05:00 -0130", "2025-12-01T09:35:00Z"),
        ("2025-11-20T09:30:00+01:00", "2025-11-20T08:30:00Z"),
    ])
    func feedDates_areRead(text: String, iso: String) {
        #expect(Feed.date(text) == ISODate.parse(iso))
    }

    @Test func feedDates_thatAreNotDates_areNil() {
        #expect(Feed.date("yesterday") == nil)
        #expect(Feed.date("Tue, 45 Foo 2025") == nil)
    }

    @Test(
        arguments: [
            ("Acme | Senior Backend Engineer | Berlin, Germany | ONSITE", "Acme", "Senior Backend Engineer", "Berlin, Germany", RemoteType.onsite),
            ("Quanta (YC S21) | REMOTE (US) | Staff Data Engineer | $180k-$220k", "Quanta", "Staff Data Engineer", nil, RemoteType.remote),
            ("Loop Labs | https://loop.example | Founding Engineer | NYC | Hybrid", "Loop Labs", "Founding Engineer", "NYC", RemoteType.hybrid),
            ("Northwind | Full-time | Product Designer | London, UK or Remote", "Northwind", "Product Designer", "London, UK or Remote", RemoteType.remote),
        ] as [(String, String, String, String?, RemoteType?)])
    func hackerNewsHeaders_areSplit(header: String, company: String, title: String, location: String?, remote: RemoteType?) {
        let posting = HackerNews.parse(header + "<p>More about us.", id: "1")
        #expect(posting.company == company)
        #expect(posting.title == title)
        #expect(posting.location == location)
        #expect(posting.remote == remote)
        #expect(posting.url == "https://news.ycombinator.com/item?id=1")
    }

    @Test func hackerNewsPay_andEntities_areRead() throws {
        let posting = HackerNews.parse("Caf&#x27;e &amp; Co | Backend Engineer | Paris | €60k–€75k | Full-time<p>Elixir", id: "9")
        #expect(posting.company == "Caf'e & Co" && posting.employmentType == .fullTime)
        let normalized = try PostingNormalizer.normalize(posting)
        #expect(normalized.salaryMin == 60_000 && normalized.salaryMax == 75_000 && normalized.salaryCurrency == "EUR")
        #expect(normalized.skills.contains("Elixir"))
        #expect(HackerNews.parse("We're hiring! Email me.", id: "3").title == nil)
    }

    @Test func theLatestHiringThread_isPicked() throws {
        let hits =
            #"{"hits": [{"objectID": "2", "title": "Ask HN: Who wants to be hired? (May 2026)", "created_at_i": 200}, {"objectID": "1", "title": "Ask HN: Who is hiring? (April 2026)", "created_at_i": 100}, {"objectID": "3", "title": "Ask HN: Who is hiring? (May 2026)", "created_at_i": 200}]}"#
        #expect(try HackerNews.latestThread(Data(hits.utf8)) == "3")
        #expect(try HackerNews.latestThread(Data(#"{"hits": []}"#.utf8)) == nil)
    }

    @Test func microdata_isReadLikeJSONLD() throws {
        let page = #"""
            <div itemscope itemtype="http://schema.org/JobPosting">
              <span itemprop="title">Nurse Practitioner</span>
              <span itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization"><meta itemprop="name" content="Mercy Health"></span>
              <span itemprop="jobLocation" itemscope itemtype="http://schema.org/Place"><span itemprop="address">Toledo, OH</span></span>
              <span itemprop="jobLocation" itemscope itemtype="http://schema.org/Place"><span itemprop="address">Lima, OH</span></span>
              <time itemprop="datePosted" datetime="2025-10-01">1 October</time>
              <a itemprop="url" href="https://mercy.example/jobs/77">Apply</a>
              <div itemprop="baseSalary" itemscope itemtype="http://schema.org/MonetaryAmount">
                <meta itemprop="currency" content="USD">
                <span itemprop="value" itemscope itemtype="http://schema.org/QuantitativeValue">
                  <meta itemprop="minValue" content="52.50"><meta itemprop="maxValue" content="61"><meta itemprop="unitText" content="HOUR"></span></div>
              <div itemprop="description"><ul><li>Primary care</li></ul><a href="javascript:alert(1)">x</a></div>
            </div>
            """#
        let postings = CareersPage.postings(html: page, pageURL: "https://mercy.example/careers")
        #expect(postings.count == 1)
        let posting = try PostingNormalizer.normalize(try #require(postings.first))
        #expect(posting.title == "Nurse Practitioner" && posting.company == "Mercy Health" && posting.url == "https://mercy.example/jobs/77")
        #expect(posting.locations == ["Toledo, OH", "Lima, OH"])
        #expect(posting.salaryMin == 52.5 && posting.salaryMax == 61 && posting.salaryPeriod == .hour && posting.salaryCurrency == "USD")
        #expect(posting.postedAt == ISODate.parse("2025-10-01"))
        #expect(posting.description.html.hasPrefix("<ul><li>Primary care</li></ul>") && !posting.description.html.contains("javascript"))
        #expect(Microdata.items(in: "<p>no items</p>").isEmpty)
    }

    @Test func adzunaResults_areRead() throws {
        let body =
            #"{"count": 1, "results": [{"id": "1", "title": "Chef", "company": {"display_name": "Bistro"}, "location": {"display_name": "Paris"}, "salary_min": 30000, "salary_max": 35000, "salary_is_predicted": "0", "redirect_url": "https://adzuna.example/1", "created": "2025-11-01T10:00:00Z", "contract_type": "permanent"}]}"#
        let (postings, total) = try Adzuna.postings(in: Data(body.utf8), currency: Adzuna.currency(country: "fr"))
        #expect(total == 1 && postings.first?.salaryCurrency == "EUR" && postings.first?.employmentType == .fullTime)
        #expect(throws: SourcePayloadError.self) { try Adzuna.postings(in: Data(#"{"exception": "AUTH_FAIL"}"#.utf8), currency: nil) }
    }

    @Test func usajobsPay_perHour_andDates() throws {
        let body =
            #"{"SearchResult": {"SearchResultItems": [{"MatchedObjectId": 5, "MatchedObjectDescriptor": {"PositionTitle": "Park Ranger", "DepartmentName": "Interior", "OrganizationName": "", "PositionURI": "https://usajobs.example/5", "PositionRemuneration": [{"MinimumRange": "21.5", "MaximumRange": "27.95", "RateIntervalCode": "PH"}], "PublicationStartDate": "2025-11-03T00:00:00.0000", "UserArea": {"Details": {"RemoteIndicator": true}}}}], "UserArea": {"NumberOfPages": 3}}}"#
        let (postings, pages) = try USAJobs.postings(in: Data(body.utf8))
        let posting = try #require(postings.first)
        #expect(pages == 3 && posting.externalID == "5" && posting.company == "Interior" && posting.remote == .remote)
        #expect(posting.salaryMin == 21.5 && posting.salaryPeriod == .hour && posting.postedAt == ISODate.parse("2025-11-03T00:00:00Z"))
    }

    @Test func keyedSources_buildTheirRequests_andHideTheirKeys() {
        let keys = SourceCredentials([
            "CC_ADZUNA_APP_ID": "id1", "CC_ADZUNA_APP_KEY": "k&y", "CC_USAJOBS_API_KEY": "u-key", "CC_USAJOBS_EMAIL": "me@example.com",
        ])
        let adzuna = SourceDefinition(kind: .adzuna, identifier: "country=GB&what=data engineer", credentials: keys)
        #expect(adzuna.firstPageURL == "https://api.adzuna.com/v1/api/jobs/gb/search/1?app_id=id1&app_key=k%26y&results_per_page=50&what=data%20engineer")
        #expect(
            SourceCredentials.redact(adzuna.firstPageURL)
                == "https://api.adzuna.com/v1/api/jobs/gb/search/1?app_id=***&app_key=***&results_per_page=50&what=data%20engineer")
        #expect(adzuna.issues().isEmpty)
        #expect(SourceDefinition(kind: .adzuna, identifier: "what=x").issues().count == 2, "no country, no keys")
        let usajobs = SourceDefinition(kind: .usajobs, identifier: "Keyword=nurse", credentials: keys)
        #expect(usajobs.requestHeaders.map(\.value) == ["u-key", "me@example.com"])
        #expect(usajobs.firstPageURL == "https://data.usajobs.gov/api/search?Keyword=nurse&ResultsPerPage=250&Page=1")
        #expect(
            SourceDefinition(kind: .hn, identifier: "").firstPageURL.hasPrefix("https://hn.algolia.com/api/v1/search_by_date?tags=story,author_whoishiring"))
        #expect(SourceDefinition(kind: .hn, identifier: "46108940").firstPageURL == "https://hn.algolia.com/api/v1/items/46108940")
        #expect(SourceDefinition(kind: .hn, identifier: "../etc").issues().count == 1)
        #expect(SourceDefinition(kind: .rss, identifier: "javascript:alert(1)").issues().count == 1)
    }

    @Test func smartRecruitersDetails_joinTheirSections() throws {
        let body =
            #"{"jobAd": {"sections": {"jobDescription": {"title": "The role", "text": "<p>Go</p>"}, "additionalInformation": {"title": "More", "text": ""}}}}"#
        #expect(try SmartRecruiters.description(Data(body.utf8)) == "<h3>The role</h3><p>Go</p>")
        let definition = SourceDefinition(kind: .smartrecruiters, identifier: "acme")
        #expect(
            definition.detailURL(for: RawPosting(source: "smartrecruiters", externalID: "74400"))
                == "https://api.smartrecruiters.com/v1/companies/acme/postings/74400")
        #expect(SourceDefinition(kind: .greenhouse, identifier: "x").detailURL(for: RawPosting(source: "greenhouse", externalID: "1")) == nil)
    }

    @Test func smartRecruitersAndWorkableLinks_areImportedFromTheirAPIs() throws {
        let smart = ImportTarget.resolve("https://jobs.smartrecruiters.com/Visa/744000012345678-senior-software-engineer?trid=x")
        #expect(smart == .job(.smartrecruiters, JobAddress(board: "Visa", id: "744000012345678")))
        #expect(smart.fetchURL == "https://api.smartrecruiters.com/v1/companies/Visa/postings/744000012345678")
        let detail =
            #"{"id": "744000012345678", "name": "Senior Software Engineer", "company": {"identifier": "Visa", "name": "Visa"}, "location": {"city": "Austin", "region": "TX", "country": "us"}, "releasedDate": "2025-11-02T10:00:00.000Z", "jobAd": {"sections": {"jobDescription": {"title": "Job Description", "text": "<p>Java and Kafka</p>"}}}, "postingUrl": "https://jobs.smartrecruiters.com/Visa/744000012345678-senior-software-engineer"}"#
        let posting = try #require(try smart.posting(in: Data(detail.utf8), pageURL: smart.fetchURL))
        #expect(posting.title == "Senior Software Engineer" && posting.location == "Austin, TX, US")
        #expect(posting.descriptionHTML == "<h3>Job Description</h3><p>Java and Kafka</p>")

        let workable = ImportTarget.resolve("https://apply.workable.com/huggingface/j/AB12CD34EF/")
        #expect(workable == .job(.workable, JobAddress(board: "huggingface", id: "AB12CD34EF")))
        let board =
            #"{"name": "Hugging Face", "jobs": [{"shortcode": "ZZ", "title": "Other"}, {"shortcode": "AB12CD34EF", "title": "ML Engineer", "url": "https://apply.workable.com/j/AB12CD34EF", "telecommuting": true}]}"#
        #expect(try workable.posting(in: Data(board.utf8), pageURL: workable.fetchURL)?.title == "ML Engineer")
        #expect(ImportTarget.resolve("https://jobs.smartrecruiters.com/Visa/not-a-number") == .page("https://jobs.smartrecruiters.com/Visa/not-a-number"))
    }
}
