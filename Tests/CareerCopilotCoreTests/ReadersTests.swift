import Foundation
import Testing

@testable import CareerCopilotCore

@Suite("Body and query readers")
struct ReadersTests {
    @Test func patch_distinguishesAbsentNullAndValue() throws {
        var reader = BodyReader(["a": "x", "b": nil])
        #expect(reader.string("a", maxLength: 5).value == "x")
        if case .null = reader.string("b", maxLength: 5) {} else { Issue.record("b should be null") }
        if case .absent = reader.string("c", maxLength: 5) {} else { Issue.record("c should be absent") }
        #expect(reader.issues.isEmpty)
        #expect(Patch<Int>.null.applied(to: 3) == nil)
        #expect(Patch<Int>.absent.applied(to: 3) == 3)
        #expect(Patch<Int>.value(4).applied(to: 3) == 4)
    }

    @Test func formBodies_keepIndexedNamesAsWritten() {
        let body = "csrf_token=t0k&work%5B0%5D.position=Staff+Engineer&work[1].name=A%26B+%E2%9C%93&empty=&flag&x=1&x=2&=orphan&bad=%zz%4"
        let fields = URLEncodedForm.fields(Array(body.utf8))
        #expect(fields["csrf_token"] == "t0k")
        #expect(fields["work[0].position"] == "Staff Engineer")
        #expect(fields["work[1].name"] == "A&B ✓")
        #expect(fields["empty"] == "")
        #expect(fields["flag"] == "")
        #expect(fields["x"] == "2", "a repeated name keeps its last value")
        #expect(fields["bad"] == "%zz%4", "a broken escape is kept as typed")
        #expect(fields[""] == nil && fields.count == 7)
        #expect(URLEncodedForm.fields(Array("a=%FF%FE".utf8))["a"] == "\u{FFFD}\u{FFFD}")
    }

    @Test func integersRejectFractionsAndHugeValues() {
        // 2^63 passes `<= Double(Int.max)` (which rounds up to 2^63); `Int(2^63)` trapped.
        var reader = BodyReader(["a": 1.5, "b": 1e30, "c": 7, "d": .number(9_223_372_036_854_775_808), "e": .number(-9_223_372_036_854_775_808)])
        #expect(reader.integer("a", min: 0, max: 10).value == nil)
        #expect(reader.integer("b", min: 0, max: 10).value == nil)
        #expect(reader.integer("c", min: 0, max: 10).value == 7)
        #expect(reader.integer("d", min: 1, max: Int(Int32.max)).value == nil)
        #expect(reader.integer("e", min: 1, max: Int(Int32.max)).value == nil)
        #expect(
            reader.issues == [
                "a must be a whole number, not a number", "b must be between 0 and 10",
                "d must be between 1 and 2147483647", "e must be between 1 and 2147483647",
            ])
    }

    @Test func stringListDropsBlanksAndDuplicates() {
        var reader = BodyReader(["skills": ["Swift", " swift ", "", "Go  Lang"]])
        #expect(reader.stringList("skills", maxCount: 10, maxLength: 20).value == ["Swift", "Go Lang"])
    }

    @Test func nonObjectBody_isABadRequest() {
        #expect(throws: DomainError.badRequest("The request body must be a JSON object, not a string")) {
            _ = try BodyReader(body: "hello")
        }
    }

    @Test func jobFilter_parsesEveryParameter() throws {
        let (filter, sort, page) = try JobFilter.parse([
            ("q", "Swift engineer"), ("company", " ACME  Corp "), ("location", "New York"), ("remote", "remote,hybrid,remote"),
            ("source", "Lever"), ("is_active", "true"), ("posted_after", "2025-01-01"), ("salary_min", "50000"), ("skill", "PostgreSQL"),
            ("sort", "-salary_max"), ("page", "3"), ("page_size", "50"),
        ])
        #expect(filter.keywords?.words == ["swift", "engineer"])
        #expect(filter.company == "acme corp")
        #expect(filter.location?.words == ["new", "york"])
        #expect(filter.remote == [.remote, .hybrid])
        #expect(filter.source == "lever")
        #expect(filter.isActive == true)
        #expect(filter.postedAfter == ISODate.parse("2025-01-01"))
        #expect(filter.salaryMin == 50000)
        #expect(filter.skill == "postgresql")
        #expect(sort.field == .salaryMax && sort.descending)
        #expect(page == Paging(page: 3, pageSize: 50))
        #expect(page.offset == 100)
    }

    @Test func jobFilter_defaults() throws {
        let (filter, sort, page) = try JobFilter.parse([("q", "   "), ("location", "!!"), ("remote", "")])
        #expect(filter == JobFilter())
        #expect(sort.field == .postedAt && sort.descending)
        #expect(page == Paging(page: 1, pageSize: 20))
    }

    @Test func repeatedParameters_areRejected() {
        #expect(throws: DomainError.badRequest("Invalid query parameters", details: ["job_id must be given once"])) {
            _ = try ApplicationFilter.parse([("job_id", "1"), ("job_id", "2"), ("job_id", "3")])
        }
    }

    @Test func lengthsCountCodePoints() {
        // "é" as e + combining accent: one character, two code points.
        var reader = BodyReader(["a": .string(String(repeating: "e\u{301}", count: 3))])
        #expect(reader.string("a", maxLength: 5).value == nil)
        #expect(reader.issues == ["a must be at most 5 characters"])
    }

    @Test func applicationPipeline_setsAppliedAtOnProgressOnly() {
        #expect(ApplicationPipeline.setsAppliedAt(movingTo: .applied, appliedAt: nil))
        #expect(ApplicationPipeline.setsAppliedAt(movingTo: .interviewing, appliedAt: nil))
        #expect(!ApplicationPipeline.setsAppliedAt(movingTo: .applied, appliedAt: Date()))
        #expect(!ApplicationPipeline.setsAppliedAt(movingTo: .saved, appliedAt: nil))
        #expect(!ApplicationPipeline.setsAppliedAt(movingTo: .rejected, appliedAt: nil))
        #expect(!ApplicationPipeline.setsAppliedAt(movingTo: .withdrawn, appliedAt: nil))
    }

    @Test func textNormaliser() {
        #expect(TextNormalizer.collapsingWhitespace("  a \n\t b\u{00A0}c  ") == "a b c")
        #expect(TextNormalizer.key(" Acme  CORP ") == "acme corp")
    }
}

@Suite("Pay as people type it")
struct PayAmountTests {
    @Test(
        arguments: [
            ("80000", 80_000.0, nil), ("80,000", 80_000, nil), ("80.000", 80_000, nil), ("80 000", 80_000, nil), ("80'000", 80_000, nil),
            ("85.000,50", 85_000.5, nil), ("85,000.50", 85_000.5, nil), ("€80.000", 80_000, "EUR"), ("80.000 €", 80_000, "EUR"),
            ("$120,000.50", 120_000.5, "USD"), ("80k", 80_000, nil), ("80K", 80_000, nil), ("80.5k", 80_500, nil), ("1.2m", 1_200_000, nil),
            ("EUR 60000", 60_000, "EUR"), ("60000 chf", 60_000, "CHF"), ("US$ 90k", 90_000, "USD"), ("42.5", 42.5, nil), ("42,50", 42.5, nil),
            ("1.250.000", 1_250_000, nil), ("0", 0, nil), ("£45,000", 45_000, "GBP"),
        ] as [(String, Double, String?)])
    func readsWhatPeopleWrite(text: String, value: Double, currency: String?) {
        #expect(PayAmount.read(text) == PayAmount(value: value, currency: currency))
    }

    /// What could mean two numbers, or none, is asked again rather than guessed.
    @Test(arguments: [
        "1e9", "80-100k", "12.3456", "eighty", "80,00,000", "1.000,000.5", "1,2,3", "k", "€", "", "80..000", ".5", "5.", "080,000", "-5000", "١٢٣", "∞",
    ])
    func refusesWhatItCannotReadForSure(text: String) {
        #expect(PayAmount.read(text) == nil)
    }
}

@Suite("Links")
struct LinkTests {
    @Test(arguments: [
        "https://jobs.example.com/roles/7", "HTTP://Acme.example:8080/a/b?q=x&y=%20#top", "http://a", "https://a.example/?", "https://a.example/#f?/",
        "https://a.example/path;p=1/(x)*+,'!$@:~",
    ])
    func uriLinks_areLinks(link: String) {
        #expect(WebURL.isLink(link))
        #expect(link.range(of: WebURL.linkPattern, options: .regularExpression) != nil, "the schema says the same")
    }

    @Test(arguments: [
        "javascript:alert(1)", "ftp://a.example/", "https://", "https://a.example/\u{7f}", "https://a.example/<b>", "https://a.example/\"x\"",
        "https://user@a.example/", "https://a.example/%zz", "https://a.example/%4", "https://a.example#a#b", "https://a.example:123456/",
        "https://a.example x", "https://exämple.com/", "https://[::1]/", "//a.example/",
    ])
    func otherText_isNoLink(text: String) {
        #expect(!WebURL.isLink(text))
        #expect(text.range(of: WebURL.linkPattern, options: .regularExpression) == nil, "the schema says the same")
    }
}

@Suite("Field rules")
struct FieldRuleTests {
    @Test func secret_isKeptAsSentAndNeverCleared() {
        let rule = FieldRule("token", .secret(minLength: 3, maxLength: 5))
        #expect(!rule.clearable)
        func read(_ body: [String: JSONValue]) -> (String?, [String]) {
            var reader = BodyReader(body)
            let secret: String? = reader.read(rule)
            return (secret, reader.issues)
        }
        #expect(read(["token": "  ab "]) == ("  ab ", [String]()))
        #expect(read(["token": "ab"]) == (nil, ["token must be at least 3 characters"]))
        #expect(read(["token": "abcdef"]) == (nil, ["token must be at most 5 characters"]))
        #expect(read(["token": nil]) == (nil, ["token must be a string, not null"]))
    }

    @Test func choiceReadAsText_refusesOtherValues_orSaysItsFormat() {
        func read(_ rule: FieldRule, _ body: [String: JSONValue]) -> (String?, [String]) {
            var reader = BodyReader(body)
            let patch: Patch<String> = reader.read(rule)
            return (patch.value, reader.issues)
        }
        let plain = FieldRule("size", .choice(["s", "m"]))
        #expect(read(plain, ["size": "m"]) == ("m", [String]()))
        #expect(read(plain, ["size": "xl"]) == (nil, ["size must be one of: s, m"]))
        let zone = AccountDraft.Field.timeZone
        #expect(read(zone, ["time_zone": "Mars/Base"]) == (nil, ["time_zone must be a time zone such as Europe/Berlin or America/New_York"]))
        #expect(read(zone, ["time_zone": "Europe/Berlin"]) == ("Europe/Berlin", [String]()))
    }

    @Test func accountBodies_readByTheirRules() throws {
        let draft = try AccountDraft.registration(["email": " Ada@Example.com ", "password": "long enough", "full_name": " Ada  L "])
        #expect(draft.email == "ada@example.com")
        #expect(draft.password == "long enough")
        #expect(draft.fullName.value == "Ada L")
        #expect(throws: DomainError.validation(["password must be at most 72 bytes"])) {
            try AccountDraft.registration(["email": "a@example.com", "password": .string(String(repeating: "é", count: 40)), "full_name": "A"])
        }
        #expect(throws: DomainError.validation(["new_password must not be the e-mail address"])) {
            try AccountDraft.passwordChange(["current_password": "x", "new_password": "a@example.com"], email: "a@example.com")
        }
        #expect(throws: DomainError.validation(["full_name cannot be empty or null"])) {
            try AccountDraft.profile(["full_name": nil])
        }
    }
}
