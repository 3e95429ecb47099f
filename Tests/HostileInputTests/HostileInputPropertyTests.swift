import Foundation
import PropertyBased
import Testing

@testable import CareerCopilotCore
@testable import JobSources
@testable import Profiles
@testable import Search

/// Every parser of outside input, fed arbitrary input: it never traps (a trap ends the test
/// process, which fails the run) and always ends in a value or a clear error, and what it
/// returns keeps the invariants the rest of the product relies on.
@Suite("Hostile input: properties")
struct HostileInputPropertyTests {
    // MARK: Generators

    /// Any Unicode scalar (surrogates excluded: they are not scalars).
    static let anyCharacter = Gen.oneOf(
        Gen.unicodeScalar(in: "\u{0}"..."\u{D7FF}").map(Character.init),
        Gen.unicodeScalar(in: "\u{E000}"..."\u{10FFFF}").map(Character.init)
    )
    static let anyText = anyCharacter.string(of: 0...60)
    /// Text made of the characters markup parsers care about, so that tags, comments,
    /// entities and quotes appear in every shape.
    static let markupText = Gen.element(of: Array("<>/!-?&#;=\"' abpitemscopeprop\u{0}[]CDATA:xl")).compactMap { $0 }.string(of: 0...200)
    static let dateText = Gen.element(of: Array("0123456789-:TZz+., 9e")).compactMap { $0 }.string(of: 0...40)
    static let numberText = Gen.element(of: Array("0123456789.,e+-€$k £infa ")).compactMap { $0 }.string(of: 0...24)
    static let anyDouble = Gen.frequency(
        (1, Gen.element(of: [Double.nan, .infinity, -.infinity, .greatestFiniteMagnitude, -0.0, 9_223_372_036_854_775_808, 1e300]).map { $0! }),
        (3, Gen.double(in: -Double.greatestFiniteMagnitude / 2...Double.greatestFiniteMagnitude / 2)),
        (2, Gen.double(in: -1e12...1e12)),
        (1, Gen.uint64().map(Double.init(bitPattern:)))
    )

    /// A JSON value up to a few levels deep, with odd numbers and strings.
    static func json(depth: Int) -> Generator<JSONValue, AnySequence<Any>> {
        let leaf = Gen.frequency(
            (1, Gen.always(JSONValue.null)),
            (1, Gen.bool().map(JSONValue.bool)),
            (3, anyDouble.map(JSONValue.number)),
            (3, anyText.map(JSONValue.string)),
            (2, dateText.map(JSONValue.string))
        )
        guard depth > 0 else { return leaf.eraseToAny() }
        let child = json(depth: depth - 1)
        let keys = Gen.element(of: [
            "id", "title", "name", "company", "created_at", "createdAt", "epoch", "date", "salary_min", "@type", "url", "value", "data", "jobs", "hits",
            "basics", "work", "skills", "preferences", "startDate", "position", "highlights", "remote", "languages",
        ]).map { $0! }
        return Gen.frequency(
            (4, leaf),
            (1, child.array(of: 0...4).map(JSONValue.array)),
            (2, zip(keys, child).array(of: 0...6).map { JSONValue.object(Dictionary($0, uniquingKeysWith: { first, _ in first })) })
        ).eraseToAny()
    }

    // MARK: Readers of request bodies and queries

    static let resumeText = Gen.element(of: Array("0123456789/-–. JanMarSeptPresentsince to\nEXPERIENCE Education&:")).compactMap { $0 }.string(of: 0...120)

    @Test func resumeLines_giveARangeInsideTheLine_orNone() async {
        await propertyCheck(count: 500, input: Gen.oneOf(Self.resumeText, Self.anyCharacter.string(of: 0...60))) { line in
            guard let found = ResumeDates.range(in: line) else { return }
            #expect(found.text.lowerBound >= line.startIndex && found.text.upperBound <= line.endIndex)
            #expect(ResumeDates.years.contains(found.range.start.year))
            if let end = found.range.end { #expect(end >= found.range.start) }
            #expect(!(found.range.isCurrent && found.range.end != nil))
        }
    }

    @Test func workSections_keepEveryBulletAndPlaceNothingTwice() async {
        await propertyCheck(count: 300, input: Gen.oneOf(Self.resumeText, Self.anyCharacter.string(of: 0...200))) { text in
            let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            let entries = WorkSection.entries(lines)
            let bullets = lines.compactMap { ResumeBullets.content(of: $0) }
            #expect(entries.flatMap(\.highlights) == bullets, "every bullet is a highlight, in order")
        }
    }

    @Test func skillsAndBasics_readAnyLines() async {
        await propertyCheck(count: 300, input: Gen.oneOf(Self.resumeText, Self.anyCharacter.string(of: 0...200))) { text in
            let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            let skills = SkillsSection.skills(lines)
            #expect(Set(skills.map { $0.name.lowercased() }).count == skills.count, "each skill once")
            let basics = BasicsSection.basics(lines)
            if let email = basics.email { #expect(email.contains("@")) }
            if let phone = basics.phone { #expect(phone.filter(\.isNumber).count >= 7) }
        }
    }

    @Test func resumeText_isSplitWithoutLosingALine() async {
        await propertyCheck(count: 300, input: Gen.oneOf(Self.resumeText, Self.anyCharacter.string(of: 0...200))) { text in
            let parts = ResumeSections.split(text)
            let kept = parts.reduce(0) { $0 + $1.lines.count + ($1.heading.isEmpty ? 0 : 1) }
            let nonBlank = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
            #expect(kept == nonBlank, "every non-blank line is a heading or a line of a section")
        }
    }

    @Test func wholeResumes_readIntoADraft_thatPassesTheProfileChecks() async {
        await propertyCheck(count: 300, input: Gen.oneOf(Self.resumeText, Self.anyCharacter.string(of: 0...300), Self.markupText)) { text in
            let draft = ResumeReader.draft(text: text, format: .markdown)
            #expect(ProfileSchema.check(draft.document) == [], "a draft can always be saved as it is")
            #expect(draft.confidence.values.allSatisfy { (0...1).contains($0) })
            _ = WordText.text(ofDocumentXML: text)
            _ = Table.rows(text)
        }
    }

    @Test func profileDocuments_areCheckedWithoutTrapping_andMergeBack() async {
        await propertyCheck(count: 300, input: Self.json(depth: 4)) { value in
            let issues = ProfileSchema.check(value)
            #expect(issues.count <= 50)
            let profile = Profile(document: value)
            // What the form edits, written back over the document, reads as the same profile.
            #expect(Profile(document: profile.merged(into: value)) == profile)
        }
    }

    @Test func anyUploadedBytes_giveADraftOrAClearError() async {
        let bytes = Gen.element(of: Array(0...255).map(UInt8.init)).compactMap { $0 }.array(of: 0...400)
        // A PDF's bytes go to pdftotext, a subprocess: fewer of those.
        let pdf = bytes.map { Array("%PDF-1.4\n".utf8) + $0 }
        let zip = bytes.map { [0x50, 0x4B, 0x03, 0x04] + $0 }
        await propertyCheck(count: 150, input: Gen.frequency((12, bytes), (4, zip), (1, pdf))) { raw in
            do {
                let draft = try await ResumeImporter(pdfTimeLimit: .seconds(5)).read(Data(raw), filename: "x.txt")
                #expect(ProfileSchema.check(draft.document) == [])
            } catch {
                let message = (error as? ResumeImportError)?.message ?? ""
                #expect(!message.isEmpty, "\(error)")
            }
        }
    }

    @Test func bodyReader_readsAnyValue_intoAValueOrAnIssue() async {
        await propertyCheck(count: 300, input: Self.json(depth: 2)) { value in
            var reader = BodyReader(["v": value])
            let integer = reader.integer("v", min: 1, max: Int(Int32.max))
            let number = reader.number("v", min: 0, max: 1e9)
            let text = reader.string("v", maxLength: 50)
            _ = reader.date("v")
            _ = reader.stringList("v", maxCount: 3, maxLength: 10)
            _ = reader.bool("v")
            if let integer = integer.value { #expect((1...Int(Int32.max)).contains(integer)) }
            if let number = number.value { #expect(number.isFinite && number >= 0 && number <= 1e9) }
            if let text = text.value { #expect(text.unicodeScalars.count <= 50 && !BodyReader.hasControlCharacters(text)) }
        }
    }

    @Test func jobAndApplicationBodies_neverTrap() async {
        await propertyCheck(count: 300, input: Self.json(depth: 3)) { value in
            _ = try? JobDraft.read(value, creating: true)
            _ = try? JobDraft.read(value, creating: false)
            _ = try? ApplicationDraft.read(value, creating: true)
            _ = try? AccountDraft.registration(value)
        }
    }

    @Test func formBodies_readAnyBytes_andRoundTripWhatTheyEncode() async {
        await propertyCheck(count: 500, input: Gen.uint8().array(of: 0...120)) { bytes in
            _ = URLEncodedForm.fields(bytes)
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        await propertyCheck(count: 300, input: zip(Self.anyText, Self.anyText)) { name, value in
            guard !name.isEmpty, let encodedName = name.addingPercentEncoding(withAllowedCharacters: allowed),
                let encodedValue = value.addingPercentEncoding(withAllowedCharacters: allowed)
            else { return }
            #expect(URLEncodedForm.fields(Array("\(encodedName)=\(encodedValue)".utf8))[name] == value)
        }
    }

    @Test func wordPieces_ofAnyText_areKnownIds() async {
        let tokenizer = LinearTimeTests.tokenizer
        await propertyCheck(count: 500, input: Gen.oneOf(Self.anyText, Self.markupText)) { text in
            let ids = tokenizer.encode(text, maxLength: 64)
            #expect(ids.count <= 64 && ids.first == tokenizer.classify && ids.last == tokenizer.separator)
            #expect(ids.allSatisfy { (0..<10).contains($0) })
        }
    }

    @Test func jsonDecoding_ofArbitraryBytes_endsInAValueOrAnError() async {
        await propertyCheck(count: 500, input: Gen.uint8().array(of: 0...80)) { bytes in
            _ = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        }
        await propertyCheck(count: 300, input: Self.markupText) { text in
            _ = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        }
    }

    @Test func queries_areReadOrRefused() async {
        let names = Gen.element(of: [
            "q", "company", "page", "page_size", "sort", "salary_min", "posted_after", "remote", "is_active", "skill", "job_id", "status",
        ]).map { $0! }
        let values = Gen.oneOf(Self.anyText, Self.numberText, Self.dateText)
        await propertyCheck(count: 500, input: zip(names, values).array(of: 0...6)) { items in
            if let (filter, _, paging) = try? JobFilter.parse(items.map { (name: $0.0, value: $0.1) }) {
                #expect(paging.page >= 1 && paging.pageSize >= 1)
                for text in [filter.company, filter.skill, filter.source].compactMap({ $0 }) {
                    #expect(!BodyReader.hasControlCharacters(text), "a NUL never reaches the database")
                }
            }
            _ = try? ApplicationFilter.parse(items.map { (name: $0.0, value: $0.1) })
        }
    }

    // MARK: Dates, pay, addresses

    @Test func dates_parseIntoTheRepresentableRange_andFormatWithoutTrapping() async {
        await propertyCheck(count: 1_000, input: Gen.oneOf(Self.dateText, Self.anyText)) { text in
            if let date = ISODate.parse(text) {
                #expect(ISODate.representable.contains(date))
                #expect(ISODate.parse(ISODate.format(date)) != nil, "what is parsed can be written and read back")
            }
        }
        await propertyCheck(count: 1_000, input: Self.anyDouble) { seconds in
            let text = ISODate.format(Date(timeIntervalSince1970: seconds))
            #expect(text.utf8.count == 20 && ISODate.parse(text) != nil)
            if let date = ISODate.fromUnixSeconds(seconds) { #expect(ISODate.representable.contains(date)) }
            if let date = ISODate.plausiblePostingDate(Date(timeIntervalSince1970: seconds)) { #expect(date.timeIntervalSince1970 >= 631_152_000) }
        }
        #expect(ISODate.parse("9999-12-31T23:59:60Z") == nil, "past the last representable second, not year 0000")
        #expect(ISODate.format(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59Z")
        #expect(ISODate.format(Date(timeIntervalSince1970: .infinity)) == "9999-12-31T23:59:59Z")
        #expect(ISODate.format(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00Z")
    }

    @Test func salaryText_parsesIntoFiniteAmounts() async {
        await propertyCheck(count: 1_000, input: Gen.oneOf(Self.numberText, Self.anyText)) { text in
            if let salary = SalaryParser.parse(text) {
                for amount in [salary.min, salary.max].compactMap({ $0 }) { #expect(amount.isFinite) }
            }
            if let pay = PayAmount.read(text) { #expect(pay.value.isFinite && pay.value >= 0) }
        }
    }

    /// Any whole amount, written with any of the groupings people use, reads back as itself.
    @Test func payAmounts_readBackAsWritten() async {
        let styles: [(group: String, decimal: String)] = [(",", "."), (".", ","), (" ", ","), ("'", "."), ("\u{00A0}", ",")]
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...999_999_999), Gen.int(in: 0..<styles.count), Gen.int(in: 0...99)) { amount, style, cents in
            let (group, decimal) = styles[style]
            var digits = Array(String(amount)), grouped = ""
            while digits.count > 3 { grouped = group + String(digits.suffix(3)) + grouped; digits.removeLast(3) }
            grouped = String(digits) + grouped
            #expect(PayAmount.read(grouped)?.value == Double(amount), "\(grouped)")
            let withCents = grouped + decimal + String(format: "%02d", cents)
            let expected = (Double(amount) * 100 + Double(cents)) / 100
            #expect(abs((PayAmount.read("€" + withCents)?.value ?? -1) - expected) < 0.001, "\(withCents)")
        }
    }

    @Test func addressesAndHosts_neverTrap() async {
        let addressText = Gen.element(of: Array("0123456789abcdef:.[]%ff")).compactMap { $0 }.string(of: 0...45)
        await propertyCheck(count: 1_000, input: Gen.oneOf(addressText, Self.anyText)) { text in
            _ = NetworkAddress.isPrivate(text)
            if let board = BoardAddress.recognize(text) { #expect(!board.identifier.isEmpty && !board.identifier.contains("/")) }
            if let host = HostHeader.hostName(text) { #expect(!host.isEmpty && host == host.lowercased()) }
            _ = HostHeader.originHost(text)
            _ = WebURL.isAbsoluteHTTP(text)
        }
    }

    @Test(arguments: [
        ("localhost:8000", "localhost", true), ("LOCALHOST.", "localhost", true), ("127.0.0.1", "127.0.0.1", true),
        ("[::1]:8000", "::1", true), ("app.localhost", "app.localhost", true), ("attacker.example", "attacker.example", false),
        ("127.0.0.1.evil.example", "127.0.0.1.evil.example", false), ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1", false),
    ])
    func hostNames_areReadFromHostHeaders(value: String, host: String, loopback: Bool) {
        #expect(HostHeader.hostName(value) == host)
        #expect(HostHeader.isLoopback(host) == loopback)
    }

    @Test func malformedHosts_areNoHosts() {
        for value in ["", " ", "host:port", "[::1", "[::1]x", "a b", "ex@mple.com", "[zz::1]"] {
            #expect(HostHeader.hostName(value) == nil, "\(value)")
        }
        #expect(HostHeader.originHost("http://localhost:8000") == "localhost")
        #expect(HostHeader.originHost("http://[::1]:8000") == "::1")
        #expect(HostHeader.originHost("null") == nil)
    }

    @Test func returnPaths_stayOnThisSite() async {
        let pathText = Gen.element(of: Array("/\\\t\n\r .:evilxample%09@")).compactMap { $0 }.string(of: 0...20)
        await propertyCheck(count: 2_000, input: Gen.oneOf(pathText, Self.anyText)) { text in
            guard let path = WebURL.localPath(text) else { return }
            #expect(path.hasPrefix("/") && !path.hasPrefix("//"))
            #expect(path.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && $0 != "\\" })
        }
        #expect(WebURL.localPath("/\t/evil.example") == nil)
        #expect(WebURL.localPath("/%09/evil.example") == "/%09/evil.example", "percent-escapes stay escaped: a path, not a host")
        #expect(WebURL.localPath("/applications/3?x=1") == "/applications/3?x=1")
    }

    // MARK: Markup

    @Test func sanitiser_givesBalancedSafeMarkup_forAnyInput() async {
        await propertyCheck(count: 500, input: Gen.oneOf(Self.markupText, Self.anyText)) { text in
            let result = HTMLSanitizer.sanitize(text)
            #expect(!result.html.contains("\u{0}"))
            // Text is escaped, so every "<" left is a tag we wrote: an allowed name, and no
            // attribute but a link's href and rel.
            let tags = try! NSRegularExpression(
                pattern:
                    #"</?(p|br|hr|ul|ol|li|strong|b|em|i|u|s|sub|sup|h[1-6]|a|blockquote|code|pre|div|span|table|thead|tbody|tr|th|td|dl|dt|dd)( href="[^"<>]*" rel="nofollow noopener noreferrer")?>"#
            )
            let html = result.html
            let bare = tags.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "")
            #expect(!bare.contains("<") && !bare.contains(">"), "only allowed tags: \(html)")
            _ = HTMLSanitizer.sanitizeDescription(text)
        }
    }

    @Test func feedsMicrodataAndPages_neverTrap() async {
        await propertyCheck(count: 400, input: Gen.oneOf(Self.markupText, Self.anyText)) { text in
            _ = MarkupElement.parse(text).text
            _ = Microdata.items(in: text)
            _ = CareersPage.postings(html: text, pageURL: "https://careers.example.com/jobs")
            _ = try? Feed.postings(in: Data(text.utf8), feedURL: "https://feeds.example.com/jobs.xml")
        }
    }

    // MARK: Every source's parser, and the normaliser after it

    @Test func everySourceParser_readsAnyPayload_intoPostingsOrAnError() async {
        let kinds = Gen.element(of: SourceKind.allCases).map { $0! }
        let payload = Gen.oneOf(
            Self.json(depth: 4).map { String(decoding: (try? JSONEncoder().encode($0)) ?? Data(), as: UTF8.self) },
            Self.markupText,
            Self.anyText
        )
        await propertyCheck(count: 600, input: kinds, payload) { kind, body in
            let definition = SourceDefinition(
                kind: kind, identifier: "acme",
                credentials: SourceCredentials(["CC_ADZUNA_APP_ID": "a", "CC_ADZUNA_APP_KEY": "b", "CC_USAJOBS_API_KEY": "c", "CC_USAJOBS_EMAIL": "d@e.f"]))
            guard let page = try? definition.read(Data(body.utf8), pageURL: "https://board.example.com/jobs", pageNumber: 1) else { return }
            for raw in page.postings {
                guard let posting = try? PostingNormalizer.normalize(raw) else { continue }
                Self.expectStorable(posting)
            }
        }
    }

    @Test func normaliser_givesOnlyStorablePostings() async {
        let raw = zip(
            Self.anyText, Self.anyText, Self.anyText, Self.anyDouble, Self.anyDouble, Self.anyDouble, Gen.oneOf(Self.markupText, Self.anyText), Self.numberText
        )
        .map { id, title, company, min, max, date, description, pay in
            var posting = RawPosting(source: "greenhouse", externalID: id)
            posting.title = title
            posting.company = company
            posting.url = "https://jobs.example.com/\(abs(id.hashValue))"
            posting.location = title
            posting.salaryMin = min
            posting.salaryMax = max
            posting.salaryText = pay
            posting.salaryCurrency = company
            posting.postedAt = Date(timeIntervalSince1970: date)
            posting.descriptionHTML = description
            return posting
        }
        await propertyCheck(count: 500, input: raw) { raw in
            guard let posting = try? PostingNormalizer.normalize(raw) else { return }
            Self.expectStorable(posting)
        }
    }

    /// What both databases store as it is, and every page and answer can show.
    static func expectStorable(_ posting: NormalizedPosting, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in [posting.title, posting.company, posting.location ?? "", posting.externalID, posting.description.text, posting.description.html] {
            #expect(!text.unicodeScalars.contains { $0.value == 0 }, "no NUL", sourceLocation: sourceLocation)
        }
        #expect(posting.title.count <= 300 && posting.company.count <= 200, sourceLocation: sourceLocation)
        for amount in [posting.salaryMin, posting.salaryMax].compactMap({ $0 }) {
            #expect(amount.isFinite && amount >= 0 && amount <= JobDraft.maxSalary, sourceLocation: sourceLocation)
        }
        if let date = posting.postedAt {
            #expect(date.timeIntervalSince1970 >= 631_152_000 && date <= Date().addingTimeInterval(367 * 86_400), sourceLocation: sourceLocation)
        }
        if let currency = posting.salaryCurrency { #expect(JobDraft.isCurrencyCode(currency), sourceLocation: sourceLocation) }
    }
}

/// The search box's text as a ranked full-text query: whatever is typed, the query is made of
/// quoted words of letters and digits only, joined by the engine's own operators.
@Suite("Ranked search queries")
struct RankedQueryPropertyTests {
    static let queryText = Gen.element(of: Array("\"“”'*:()&|!<->{}^+-NEARORANDnot abc123é漢🙂\u{0}\\ ")).compactMap { $0 }.string(of: 0...120)

    @Test func anyText_becomesQuotedWordsAndOperatorsOnly() async {
        await propertyCheck(count: 500, input: Gen.oneOf(Self.queryText, HostileInputPropertyTests.anyCharacter.string(of: 0...80))) { text in
            let query = RankedQuery(text)
            #expect(query.terms.count <= RankedQuery.maxTerms)
            #expect(query.terms.allSatisfy { term in term.allSatisfy { word in !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber } } })
            // FTS5: every term a quoted string (optionally a prefix), joined by OR. Scalars, not
            // characters: a combining mark after the quote makes one character of both.
            for term in query.fts5Terms {
                let scalars = Array(term.unicodeScalars)
                let closing = scalars.last == "*" ? scalars.count - 2 : scalars.count - 1
                #expect(scalars.count >= 3 && scalars.first == "\"" && scalars[closing] == "\"")
                #expect(scalars[1..<closing].allSatisfy { $0 != "\"" && $0 != "*" })
            }
            #expect(query.minimumMatch >= 1 && query.minimumMatch <= max(1, query.terms.count))
        }
    }
}
