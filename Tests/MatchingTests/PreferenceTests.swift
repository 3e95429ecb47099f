import CareerCopilotCore
import Testing

@testable import Matching

@Suite("Matching: hard and soft preferences")
struct PreferenceTests {
    static func profile(remote: Set<RemoteType> = [], locations: [String] = [], minSalary: Double? = nil, hard: Set<PreferenceKind> = []) -> MatchProfile {
        MatchProfile(
            skills: Samples.backendProfile.skills, targetTitles: ["Backend Engineer"], yearsOfExperience: 6, locations: locations, remote: remote,
            minSalary: minSalary, salaryCurrency: "EUR", hardFilters: hard)
    }

    static func fit(_ match: Match, _ kind: Match.FitKind) -> Match.Fit? { match.fits.first { $0.kind == kind } }

    @Test(arguments: [(RemoteType?.some(.onsite), false), (.remote, true), (nil, true), (.hybrid, false)] as [(RemoteType?, Bool)])
    func aHardRemoteOnlyPreference_filtersWhatIsKnownNotToBeRemote(remote: RemoteType?, passes: Bool) {
        let match = Matcher(profile: Self.profile(remote: [.remote], hard: [.remote])).match(Samples.backendJob(location: nil, remote: remote))
        #expect(match.passes == passes, "\(String(describing: remote))")
        #expect(match.filteredBy == (passes ? [] : [.remote]))
        #expect(Self.fit(match, .remote)?.hard == true)
        if !passes { #expect(match.summary.hasPrefix("Filtered out by your hard preference on workplace.")) }
    }

    @Test func aRemoteJob_isRecognisedFromItsLocation_whenItHasNoFlag() {
        let match = Matcher(profile: Self.profile(remote: [.remote], hard: [.remote])).match(Samples.backendJob(location: "Remote (EU)", remote: nil))
        #expect(Self.fit(match, .remote)?.verdict == .good)
    }

    @Test func aSoftRemotePreference_lowersTheScore_butKeepsTheJob() {
        let matcher = Matcher(profile: Self.profile(remote: [.remote]))
        let remote = matcher.match(Samples.backendJob(remote: .remote))
        let onsite = matcher.match(Samples.backendJob(remote: .onsite))
        let hybrid = matcher.match(Samples.backendJob(remote: .hybrid))
        #expect(onsite.passes && hybrid.passes)
        #expect(remote.score > hybrid.score && hybrid.score > onsite.score, "\(remote.score) \(hybrid.score) \(onsite.score)")
        #expect(Self.fit(onsite, .remote)?.verdict == .poor)
        #expect(Self.fit(onsite, .remote)?.detail == "On-site, but you want remote work only.")
        #expect(Self.fit(hybrid, .remote)?.verdict == .partial)
    }

    @Test(
        arguments: [
            ("Munich, Germany", RemoteType?.some(.onsite), false), ("Berlin, Germany", .onsite, true), ("Munich, Germany", nil, false),
            ("Munich, Germany", .remote, true), (nil, .onsite, true), ("London, Ontario, Canada", .hybrid, false), ("London, England", .onsite, true),
        ] as [(String?, RemoteType?, Bool)])
    func aHardLocationPreference_filtersAPlaceOutsideForAJobNotKnownToBeRemote(location: String?, remote: RemoteType?, passes: Bool) {
        let match = Matcher(profile: Self.profile(locations: ["Berlin", "London, UK"], hard: [.locations])).match(
            Samples.backendJob(location: location, remote: remote))
        #expect(match.passes == passes, "\(location ?? "no place") \(String(describing: remote)): \(Self.fit(match, .location)?.detail ?? "")")
    }

    @Test func aCountry_coversItsCities_asWritten() {
        let matcher = Matcher(profile: Self.profile(locations: ["Germany"]))
        #expect(Self.fit(matcher.match(Samples.backendJob(location: "Munich, Bavaria, Germany")), .location)?.verdict == .good)
        #expect(Self.fit(matcher.match(Samples.backendJob(location: "Vienna, Austria")), .location)?.verdict == .poor)
        #expect(Self.fit(matcher.match(Samples.backendJob(location: "Remote (US)", remote: .remote)), .location)?.verdict == .partial)
        #expect(Self.fit(matcher.match(Samples.backendJob(location: "Remote", remote: .remote)), .location)?.verdict == .good)
    }

    @Test func salary_belowTheMinimum_isFilteredWhenHard_andLowersWhenSoft() {
        let low = Samples.backendJob(salary: (50_000, 60_000))
        let hard = Matcher(profile: Self.profile(minSalary: 75_000, hard: [.salary])).match(low)
        #expect(!hard.passes && hard.filteredBy == [.salary])
        let soft = Matcher(profile: Self.profile(minSalary: 75_000)).match(low)
        #expect(soft.passes)
        #expect(Self.fit(soft, .salary)?.verdict == .poor && Self.fit(soft, .salary)?.points == 0)
        #expect(Self.fit(soft, .salary)?.detail == "Pays at most 60,000 EUR a year, below your minimum of 75,000 EUR.")
        let fair = Matcher(profile: Self.profile(minSalary: 75_000)).match(Samples.backendJob(salary: (80_000, 90_000)))
        #expect(Self.fit(fair, .salary)?.verdict == .good)
        #expect(soft.score < fair.score)
    }

    @Test func unknownPay_andPayInAnotherCurrency_neverFilter() {
        let matcher = Matcher(profile: Self.profile(minSalary: 75_000, hard: [.salary]))
        let none = matcher.match(Samples.backendJob(salary: nil))
        let dollars = matcher.match(Samples.backendJob(salary: (10_000, 20_000), currency: "USD"))
        #expect(none.passes && dollars.passes)
        #expect(Self.fit(none, .salary)?.verdict == .unknown && Self.fit(dollars, .salary)?.verdict == .unknown)
        #expect(Self.fit(dollars, .salary)?.points == Match.Weight.salary / 2)
        #expect(Self.fit(dollars, .salary)?.detail.contains("not compared") == true)
    }

    @Test(
        arguments: [
            (SalaryPeriod.hour, 40.0, 45.0, 83_200.0, 93_600.0), (.day, 400, 500, 104_000, 130_000), (.week, 1_500, 1_500, 78_000, 78_000),
            (.month, 6_000, 7_000, 72_000, 84_000), (.year, 90_000, 100_000, 90_000, 100_000),
        ] as [(SalaryPeriod, Double, Double, Double, Double)])
    func pay_isNormalisedToAYear(period: SalaryPeriod, low: Double, high: Double, yearlyLow: Double, yearlyHigh: Double) {
        let pay = YearlyPay(min: low, max: high, currency: "USD", period: period)
        #expect(pay?.low == yearlyLow && pay?.high == yearlyHigh)
    }

    @Test func anHourlyPosting_comparesWithAYearlyMinimum() {
        let matcher = Matcher(profile: Self.profile(minSalary: 90_000, hard: [.salary]))
        let hourly = matcher.match(Samples.backendJob(salary: (50, 60), period: .hour))
        #expect(hourly.passes)
        #expect(Self.fit(hourly, .salary)?.verdict == .good)
        #expect(Self.fit(hourly, .salary)?.detail == "Pays 50–60 EUR an hour (about 104,000–124,800 a year); your minimum is 90,000 EUR.")
        // Without a period, small amounts are hourly: 30 an hour is 62,400 a year.
        let unstated = matcher.match(Samples.backendJob(salary: (30, 35), period: nil))
        #expect(!unstated.passes && unstated.filteredBy == [.salary])
    }

    @Test func aRangeReachingTheMinimum_isPartial_andNeverFiltered() {
        let match = Matcher(profile: Self.profile(minSalary: 95_000, hard: [.salary])).match(Samples.backendJob(salary: (80_000, 100_000)))
        #expect(match.passes)
        #expect(Self.fit(match, .salary)?.verdict == .partial)
    }

    @Test func aHardTitlePreference_filtersTitlesFarFromEveryTarget() {
        let profile = MatchProfile(targetTitles: ["Backend Engineer", "Platform Engineer"], hardFilters: [.titles])
        let matcher = Matcher(profile: profile)
        #expect(matcher.match(MatchJob(title: "Senior Backend Developer")).passes)
        #expect(matcher.match(MatchJob(title: "Platform Engineer, Infrastructure")).passes)
        let designer = matcher.match(MatchJob(title: "Product Designer"))
        #expect(!designer.passes && designer.filteredBy == [.titles])
        #expect(matcher.match(MatchJob(title: "")).passes, "no title is unknown, not a mismatch")
    }

    @Test func severalHardPreferences_areAllListed_inOrder() {
        let profile = Self.profile(remote: [.remote], locations: ["Lisbon"], minSalary: 200_000, hard: Set(PreferenceKind.allCases))
        let match = Matcher(profile: profile).match(Samples.backendJob(title: "Sales Manager", remote: .onsite))
        #expect(match.filteredBy == [.titles, .locations, .remote, .salary])
        #expect(match.summary.hasPrefix("Filtered out by your hard preferences on title, place, workplace and pay."), "\(match.summary)")
    }
}
