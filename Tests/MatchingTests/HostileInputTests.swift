import CareerCopilotCore
import Foundation
import Testing

@testable import Matching

@Suite("Matching: hostile input")
struct MatchingHostileInputTests {
    static let shapes: [(name: String, make: @Sendable (Int) -> String)] = [
        ("headings", { String(repeating: "Requirements:\nNice to have:\n", count: $0) }),
        ("one long line", { String(repeating: "Go Kafka is a plus, 5+ years of experience; ", count: $0) }),
        ("sentences", { String(repeating: "a. ", count: $0) }),
        ("dots and hashes", { String(repeating: ".#+.", count: $0) }),
        ("no spaces", { String(repeating: "x", count: $0) }),
        ("numbers", { String(repeating: "5 5+ 3-5 years ", count: $0) }),
        ("odd unicode", { String(repeating: "Über·naïve\u{0301}👩‍💻\u{2028}日本語: ", count: $0) }),
        ("colons", { String(repeating: ":", count: $0) }),
    ]

    @Test(arguments: 0..<shapes.count)
    func aMegabyteOfHostileDescription_finishesWithoutTrapping(shape: Int) {
        let (name, make) = Self.shapes[shape]
        let text = make(max(1, 1_000_000 / make(1).utf8.count))
        let start = DispatchTime.now().uptimeNanoseconds
        let match = Matcher(profile: Samples.backendProfile).match(
            MatchJob(title: text, company: text, location: text, descriptionText: text, skills: [text, text]))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect((0...100).contains(match.score), "\(name)")
        #expect(seconds < 10, "\(name): \(seconds) s")
        #expect(match.keywords.missing.count <= 15)
    }

    /// 16 times the input costs about 16 times the time, not the 256 times of a quadratic
    /// reader: the best of a few runs each, as a ratio, so a busy machine does not fail it.
    @Test(arguments: 0..<shapes.count)
    func sixteenTimesTheDescription_costsAboutSixteenTimesTheTime(shape: Int) {
        let (name, make) = Self.shapes[shape]
        let unit = max(1, 8_000 / make(1).utf8.count)
        let small = make(unit)
        let large = make(unit * 16)
        let matcher = Matcher(profile: Samples.backendProfile)
        var ratio = Double.infinity
        for _ in 0..<3 where ratio >= 64 {
            ratio = min(
                ratio,
                Self.best { _ = matcher.match(MatchJob(title: "x", descriptionText: large)) }
                    / Self.best { _ = matcher.match(MatchJob(title: "x", descriptionText: small)) })
        }
        #expect(ratio < 64, "\(name): \(ratio)")
    }

    @Test func aHugeResume_andManyPreferences_areRead() {
        let profile = MatchProfile(
            skills: (0..<5_000).map { .init(name: "Skill \($0)", evidence: ["Skills"]) }, targetTitles: Array(repeating: "Backend Engineer", count: 1_000),
            pastTitles: Array(repeating: "Senior Engineer", count: 1_000), locations: Array(repeating: "Berlin", count: 1_000),
            resumeText: String(repeating: "Go, Postgres and distributed systems. ", count: 30_000))
        let match = Matcher(profile: profile).match(Samples.backendJob())
        #expect(match.keywords.present.contains("Go"))
    }

    /// Random text from pieces that stress the reader (markers, dots, digits, cues, odd
    /// scalars), from a fixed seed so that a failure repeats.
    @Test func randomPostingsAndProfiles_neverTrap_andStayInBounds() {
        let pieces = [
            "Requirements", "Nice to have", ":", "\n", "\r\n", "- ", "* ", "**", "## ", "1.", "+", "#", ".", ". ", "..", ".NET", "C++", "C#", "Go",
            "go", "k8s", "Postgres", "5+", "3-5", "years", "of", "experience", "is a plus", "must", "ideally", "€", "👩‍💻", "\u{0}", "\u{301}",
            "\u{2028}", "日本", "İ", "ß", " ", "\t", ";", "!", "?", "•", "Remote", "(US)", ",", "Berlin", "/", " or ", "Senior", "Sr.", "II",
        ]
        var seed: UInt64 = 0x2545_f491_4f6c_dd1d
        func next(_ bound: Int) -> Int {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            return Int(seed % UInt64(bound))
        }
        func text(_ count: Int) -> String { (0..<next(count)).map { _ in pieces[next(pieces.count)] }.joined() }
        let numbers: [Double?] = [nil, 0, -1, .nan, .infinity, 45, 120_000, 1e300]
        for _ in 0..<300 {
            let profile = MatchProfile(
                skills: (0..<next(6)).map { _ in .init(name: text(4), years: numbers[next(numbers.count)], evidence: [text(3)]) },
                targetTitles: [text(5)], pastTitles: [text(5), text(5)], yearsOfExperience: numbers[next(numbers.count)], locations: [text(4)],
                remote: Set(RemoteType.allCases.filter { _ in next(2) == 0 }), minSalary: numbers[next(numbers.count)], salaryCurrency: text(2),
                hardFilters: Set(PreferenceKind.allCases.filter { _ in next(2) == 0 }), resumeText: text(60))
            let job = MatchJob(
                title: text(6), company: text(3), location: text(6), remote: [nil, .onsite, .hybrid, .remote][next(4)], salaryMin: numbers[next(numbers.count)],
                salaryMax: numbers[next(numbers.count)], salaryCurrency: text(2), salaryPeriod: SalaryPeriod.allCases[next(SalaryPeriod.allCases.count)],
                descriptionText: text(200), skills: [text(3), text(3)])
            let match = Matcher(profile: profile).match(job)
            #expect((0...100).contains(match.score))
            #expect(match.score == match.skillPoints + match.fits.map(\.points).reduce(0, +))
            #expect(match.passes == match.filteredBy.isEmpty)
            #expect(match.keywords.missing.count <= 15)
            let applied = AppliedJobs([.init(jobID: 1, title: job.title, company: job.company, url: text(4))])
            #expect(applied.match(jobID: 1, title: text(4), company: text(2), url: nil)?.jobID == 1)
        }
    }

    static func best(_ work: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return max(best, 1e-6)
    }
}
