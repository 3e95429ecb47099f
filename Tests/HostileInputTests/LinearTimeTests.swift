import Foundation
import Testing

@testable import CareerCopilotCore
@testable import JobSources
@testable import Profiles
@testable import Search

/// The readers of outside markup cost time linear in their input: on adversarial input, 16
/// times the bytes may cost about 16 times the time, never the 256 times of a quadratic
/// reader. A ratio of two timings of the same code, each the best of several runs, not a
/// wall-clock limit: it holds on a slow or busy machine too.
@Suite("Hostile input: linear time")
struct LinearTimeTests {
    /// A tokenizer whose vocabulary makes the longest-match search try every length.
    static let tokenizer = try! WordPieceTokenizer(vocabularyText: "[PAD]\n[UNK]\n[CLS]\n[SEP]\na\nab\n##a\n##b\n##ab\nb")

    /// Adversarial shapes, each a function of a repeat count.
    static let shapes: [(name: String, make: @Sendable (Int) -> String)] = [
        ("open b, close i", { String(repeating: "<b>", count: $0) + String(repeating: "</i>", count: $0) }),
        ("deep nesting", { String(repeating: "<div><span>", count: $0) + "x" + String(repeating: "</span></div>", count: $0) }),
        ("unclosed tags", { String(repeating: "<a href='x", count: $0) }),
        ("comment openers", { String(repeating: "<!--", count: $0) }),
        ("lone brackets and ampersands", { String(repeating: "< & &# &amp <!", count: $0) }),
        ("raw text never closed", { String(repeating: "<script><style>", count: $0) }),
        ("end tags of what is not open", { "<p>" + String(repeating: "</td></li></p>", count: $0) }),
        (
            "microdata nested deep",
            { n in
                String(repeating: "<div itemscope itemtype=\"https://schema.org/JobPosting\" itemprop=\"x\"><span itemprop=\"description\">t ", count: n)
            }
        ),
        (
            "many repeated properties",
            { "<div itemscope itemtype=\"https://schema.org/JobPosting\">" + String(repeating: "<b itemprop=\"skill\">s</b>", count: $0) }
        ),
        ("feed nested deep", { "<rss><channel>" + String(repeating: "<item><title>x", count: $0) }),
        ("almost dates", { String(repeating: "Jan 13/2019- 2019-13 Since ", count: $0) }),
        ("one long line of words", { String(repeating: "experience ", count: $0) }),
        ("markdown links never closed", { String(repeating: "[a](b [c]", count: $0) }),
        ("word runs", { "<w:p>" + String(repeating: "<w:r><w:t>x</w:t><w:tab/></w:r><w:numPr/>", count: $0) }),
        ("one endless word", { String(repeating: "ab", count: $0) }),
        ("form escapes and separators", { String(repeating: "a%5B0%5D=%E2%9C%93+&&==%%4", count: $0) }),
        ("quotes in csv", { "a,b\n" + String(repeating: "\"x,\"\"y\n", count: $0) }),
        ("many undated header lines, then dated ones", { String(repeating: "Acme\n", count: $0) + String(repeating: "2019 – 2020\n", count: $0) }),
    ]

    static let readers: [(name: String, read: @Sendable (String) -> Void)] = [
        ("sanitiser", { _ = HTMLSanitizer.sanitize($0) }),
        ("description", { _ = HTMLSanitizer.sanitizeDescription($0) }),
        ("microdata", { _ = Microdata.items(in: $0) }),
        ("feed reader", { _ = MarkupElement.parse($0).text }),
        ("schema.org page", { _ = CareersPage.postings(html: $0, pageURL: "https://careers.example.com/") }),
        ("resume dates", { _ = ResumeDates.range(in: $0) }),
        ("resume sections", { _ = ResumeSections.split($0) }),
        ("skills section", { _ = SkillsSection.skills($0.split(whereSeparator: \.isNewline).map(String.init)) }),
        ("basics", { _ = BasicsSection.basics($0.split(whereSeparator: \.isNewline).map(String.init)) }),
        ("work section", { _ = WorkSection.entries($0.split(whereSeparator: \.isNewline).map(String.init)) }),
        ("whole resume", { _ = ResumeReader.draft(text: $0, format: .markdown) }),
        ("word document xml", { _ = WordText.text(ofDocumentXML: $0) }),
        ("csv table", { _ = Table.rows($0) }),
        ("form body", { _ = URLEncodedForm.fields($0.utf8) }),
        ("wordpiece", { _ = LinearTimeTests.tokenizer.pieces($0) }),
        (
            "languages and education",
            {
                let lines = $0.split(whereSeparator: \.isNewline).map(String.init)
                _ = (LanguagesSection.entries(lines), EducationSection.entries(lines), ProjectsSection.entries(lines), CertificatesSection.entries(lines))
            }
        ),
    ]

    @Test(arguments: 0..<shapes.count)
    func sixteenTimesTheInput_costsAboutSixteenTimesTheTime(shape: Int) {
        let (shapeName, make) = Self.shapes[shape]
        // About 10 KB and 160 KB of input: a quadratic reader takes 256 times as long on the
        // larger, a linear one 16 times plus what caches and a busy machine add.
        let unit = max(1, 10_000 / make(1).utf8.count)
        let small = make(unit), large = make(unit * 16)
        for (readerName, read) in Self.readers {
            let ratio = Self.leastRatio(below: 64) {
                read(large)
            } to: {
                read(small)
            }
            #expect(ratio < 64, "\(readerName) on \(shapeName): 16× the input took \(String(format: "%.1f", ratio))× the time")
        }
    }

    /// The hostile description of the report: 98 KB that took 18 s of CPU.
    @Test func theReportedDescription_isSanitisedAsFastAsPlainText() {
        let hostile = String(repeating: "<b>", count: 16_000) + String(repeating: "</i>", count: 12_400)
        let plain = String(repeating: "word ", count: hostile.utf8.count / 5)
        let ratio = Self.leastRatio(below: 20) {
            _ = HTMLSanitizer.sanitizeDescription(hostile)
        } to: {
            _ = HTMLSanitizer.sanitizeDescription(plain)
        }
        #expect(ratio < 20, "hostile markup costs \(String(format: "%.1f", ratio))× plain text of its size")
    }

    @Test func deepMarkup_keepsItsText_withinBounds() {
        let deep = String(repeating: "<div><span>", count: 5_000) + "hello" + String(repeating: "</span></div>", count: 5_000)
        let result = HTMLSanitizer.sanitize(deep)
        #expect(result.text == "hello")
        #expect(result.html.components(separatedBy: "<div>").count - 1 <= HTMLSanitizer.Writer.maximumDepth, "nesting is bounded")
        let items = Microdata.items(
            in: "<div itemscope>" + String(repeating: "<div itemscope itemprop=\"x\">", count: 300) + "<span itemprop=\"name\">Acme</span>")
        #expect(items.count == 1)
    }

    /// The ratio of the times of `large` and `small`, measured up to three times until it is
    /// below `limit`: other tests share the machine, and a burst of their work can stretch one
    /// measurement, but never three in a row by the factor that tells quadratic from linear.
    static func leastRatio(below limit: Double, _ large: () -> Void, to small: () -> Void) -> Double {
        var least = Double.infinity
        for _ in 0..<3 where least >= limit {
            least = min(least, best(of: 3, large) / max(best(of: 5, small), 1e-5))
        }
        return least
    }

    /// The least time of `runs` runs, in seconds.
    static func best(of runs: Int, _ work: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }
}
