// The readers of outside input on hostile payloads: time per payload and throughput, built
// with -O together with the CareerCopilotCore sources (see scripts/bench/hostile).
import Foundation

func best(_ runs: Int, _ work: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

func row(_ name: String, bytes: Int, seconds: Double) {
    let time = seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.2f ms", seconds * 1000)
    print("| \(name) | \(bytes / 1024) KiB | \(time) | \(String(format: "%.1f", Double(bytes) / 1_048_576 / seconds)) MiB/s |")
}

let only = CommandLine.arguments.dropFirst().first.flatMap { $0.isEmpty ? nil : $0 }
func wanted(_ name: String) -> Bool { only == nil || name.contains(only!) }

print("| payload | size | time (best of 3) | throughput |")
print("|---|---|---|---|")
let hostile = String(repeating: "<b>", count: 16_000) + String(repeating: "</i>", count: 12_400)
if wanted("sanitiser") {
    row("sanitiser: <b>×16000 + </i>×12400", bytes: hostile.utf8.count, seconds: best(3) { _ = HTMLSanitizer.sanitizeDescription(hostile) })
    let plain = String(repeating: "word ", count: hostile.utf8.count / 5)
    row("sanitiser: plain text of that size", bytes: plain.utf8.count, seconds: best(3) { _ = HTMLSanitizer.sanitizeDescription(plain) })
    let nested = String(repeating: "<div><span>", count: 50_000) + "x"
    row("sanitiser: 100,000 open elements", bytes: nested.utf8.count, seconds: best(3) { _ = HTMLSanitizer.sanitize(nested) })
}
for (label, megabytes) in [("1 MiB", 1), ("4 MiB", 4)] where wanted("microdata") {
    let unit = "<div itemscope itemprop=\"x\"><span itemprop=\"description\">"
    var page = "<div itemscope itemtype=\"https://schema.org/JobPosting\">" + String(repeating: unit, count: 255)
    let text = String(repeating: "lorem ipsum ", count: 100)
    while page.utf8.count < megabytes * 1_048_576 { page += "<p>" + text + "</p>" }
    row("microdata: \(label) nested 255 deep", bytes: page.utf8.count, seconds: best(megabytes > 1 ? 1 : 3) { _ = Microdata.items(in: page) })
}
if wanted("feed") {
    let feed = "<rss><channel>" + String(repeating: "<item><title>x", count: 200_000)
    row("feed reader: 200,000 unclosed items", bytes: feed.utf8.count, seconds: best(3) { _ = MarkupElement.parse(feed).text })
}
if wanted("hosts") {
    var hosts = 0
    let seconds = best(3) { for _ in 0..<100_000 { if let name = HostHeader.hostName("127.0.0.1:8000"), HostHeader.isLoopback(name) { hosts += 1 } } }
    print("| Host check of one request | — | \(String(format: "%.0f ns", seconds / 100_000 * 1e9)) | — |")
}
if wanted("normalise") {
    // The ingest path's own work per posting: Greenhouse-shaped, ~2.5 KB of entity-encoded HTML.
    let paragraph = "&lt;p&gt;We build &lt;strong&gt;payment systems&lt;/strong&gt; in Go and Kubernetes on AWS; you will own services end to end.&lt;/p&gt;"
    let postings = (0..<10_000).map { index -> RawPosting in
        var posting = RawPosting(source: "greenhouse", externalID: String(index))
        posting.title = "Senior Backend Engineer \(index % 50)"
        posting.company = "Company \(index % 300)"
        posting.location = "Berlin, Germany; Remote (EU)"
        posting.url = "https://boards.greenhouse.io/acme/jobs/\(index)"
        posting.descriptionHTML = String(repeating: paragraph, count: 18)
        posting.salaryText = "€60.000 - €80.000 per year"
        return posting
    }
    let bytes = postings.reduce(0) { $0 + ($1.descriptionHTML?.utf8.count ?? 0) }
    let seconds = best(3) { for posting in postings { _ = try? PostingNormalizer.normalize(posting) } }
    print("| normalise 10,000 postings (one core) | \(bytes / 1024) KiB | \(String(format: "%.0f ms", seconds * 1000)) | \(String(format: "%.0f", 10_000 / seconds)) postings/s |")
}
