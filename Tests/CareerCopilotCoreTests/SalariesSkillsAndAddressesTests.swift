import Foundation
import Testing

@testable import CareerCopilotCore

@Suite("Discovery: salaries")
struct SalaryParserTests {
    @Test(arguments: [
        ("$120k–$150k", ParsedSalary(min: 120_000, max: 150_000, currency: "USD", period: .year)),
        ("$120K - $150K per year", ParsedSalary(min: 120_000, max: 150_000, currency: "USD", period: .year)),
        ("€60.000 - €80.000 per year", ParsedSalary(min: 60_000, max: 80_000, currency: "EUR", period: .year)),
        ("£45,000 pa", ParsedSalary(min: 45_000, max: nil, currency: "GBP", period: .year)),
        ("USD 100,000 to 120,000", ParsedSalary(min: 100_000, max: 120_000, currency: "USD", period: .year)),
        ("120-150k EUR", ParsedSalary(min: 120_000, max: 150_000, currency: "EUR", period: .year)),
        ("$50/hr", ParsedSalary(min: 50, max: nil, currency: "USD", period: .hour)),
        ("$45 - $60 an hour", ParsedSalary(min: 45, max: 60, currency: "USD", period: .hour)),
        ("CA$90,000–110,000", ParsedSalary(min: 90_000, max: 110_000, currency: "CAD", period: .year)),
        ("85 000 – 95 000 SEK per month", ParsedSalary(min: 85_000, max: 95_000, currency: "SEK", period: .month)),
        ("Salary: 70.000€ - 85.000€", ParsedSalary(min: 70_000, max: 85_000, currency: "EUR", period: .year)),
        ("€500 per day", ParsedSalary(min: 500, max: nil, currency: "EUR", period: .day)),
        ("$1.2M OTE", ParsedSalary(min: 1_200_000, max: nil, currency: "USD", period: .year)),
    ])
    func salaryText_isRead(text: String, expected: ParsedSalary) {
        #expect(SalaryParser.parse(text) == expected)
    }

    @Test(arguments: ["5+ years of experience", "Founded in 2015", "Competitive salary", "Up to 30% bonus", "", "Team of 12"])
    func textWithoutPay_isNotASalary(text: String) {
        #expect(SalaryParser.parse(text) == nil)
    }
}

@Suite("Discovery: skills")
struct SkillTaxonomyTests {
    let taxonomy = SkillTaxonomy.standard

    @Test func aliases_leadToCanonicalNames() {
        #expect(taxonomy.canonicalName("JS") == "JavaScript")
        #expect(taxonomy.canonicalName("k8s") == "Kubernetes")
        #expect(taxonomy.canonicalName("Postgres") == "PostgreSQL")
        #expect(taxonomy.canonicalName("golang") == "Go")
        #expect(taxonomy.canonicalName("Google Cloud Platform") == "Google Cloud")
        #expect(taxonomy.canonicalName("basket weaving") == nil)
    }

    @Test func extraction_findsSkillsAsPostingsWriteThem() {
        let text = "We use Go, Postgres and k8s. You know C++ or C#, Node.js, .NET and REST APIs; CI/CD with GitHub Actions. Machine learning is a plus."
        #expect(
            taxonomy.extract(from: "Senior Backend Engineer", text) == [
                "Go", "C++", "C#", "Node.js", ".NET", "REST", "PostgreSQL", "Kubernetes", "CI/CD", "GitHub Actions", "Machine Learning",
            ])
    }

    @Test func everydayWords_areNotSkills() {
        let text = "Let's go! You react quickly, work with a swift team, rest well, and spark ideas in the spring. The rest is history."
        #expect(taxonomy.extract(from: text).isEmpty)
    }

    @Test func everyCanonicalName_findsItself() {
        for skill in taxonomy.skills {
            // "React Native" also names React: the skill itself must be among what is found.
            #expect(taxonomy.extract(from: "Experience with \(skill.name) required").contains(skill.name), "\(skill.name)")
        }
    }
}

@Suite("Discovery: the SSRF guard's address rules")
struct NetworkAddressTests {
    @Test(arguments: [
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
        "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
        "2001:db8::1", "ff02::1", "[::1]", "fe80::1%eth0", "not an address", "1.2.3", "192.0.2.10",
    ])
    func privateOrUnreadable_isRefused(address: String) {
        #expect(NetworkAddress.isPrivate(address))
    }

    @Test(arguments: ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "2a00:1450:4001:82b::200e", "::ffff:8.8.8.8"])
    func publicAddresses_arePassed(address: String) {
        #expect(!NetworkAddress.isPrivate(address))
    }
}
