import Foundation
import Testing

@testable import CareerCopilotWeb

@Suite("HTML building")
struct HTMLTests {
    @Test func text_isEscaped() {
        let html = p { "<script>alert('x') & \"y\"</script>" }
        #expect(html.rendered == "<p>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</p>")
    }

    @Test func attributeValue_cannotBreakOutOfItsQuotes() {
        let html = input(.value("\" autofocus onfocus=\"alert(1)"), .name("q"))
        #expect(html.rendered == "<input value=\"&quot; autofocus onfocus=&quot;alert(1)\" name=\"q\">")
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>", "vbscript:x",
        "//evil.example/x", "/\\evil.example", "\tjavascript:alert(1)",
    ])
    func href_withUnsafeTarget_becomesHarmless(target: String) {
        #expect(a(.href(target)) { "x" }.rendered == "<a href=\"#\">x</a>")
    }

    @Test(arguments: ["/jobs/1", "#content", "?page=2", "https://example.com/a?b=c&d=e", "http://x.test", "mailto:me@example.com"])
    func href_withSafeTarget_isKept(target: String) {
        #expect(a(.href(target)) { "x" }.rendered.contains("href=\"\(target.replacingOccurrences(of: "&", with: "&amp;"))\""))
    }

    @Test func formAction_isAlwaysOurOwnPath() {
        #expect(form(.action("https://evil.example/steal")) {}.rendered == "<form action=\"/\"></form>")
        #expect(form(.action("/jobs/2/edit")) {}.rendered == "<form action=\"/jobs/2/edit\"></form>")
    }

    @Test func conditionalAndBooleanAttributes() {
        #expect(option(.value("a"), .if(true, .selected)) { "A" }.rendered == "<option value=\"a\" selected>A</option>")
        #expect(option(.value("a"), .if(false, .selected)) { "A" }.rendered == "<option value=\"a\">A</option>")
    }

    @Test func builder_handlesOptionalsLoopsAndBranches() {
        let items = ["a", "b"]
        let missing: String? = nil
        let html = ul {
            for item in items { li { item } }
            if let missing { li { missing } }
            if items.isEmpty { li { "none" } } else { li { "\(items.count)" } }
        }
        #expect(html.rendered == "<ul><li>a</li><li>b</li><li>2</li></ul>")
    }

    @Test func sanitizedDescription_dropsScriptAndHandlers() {
        let html = HTML.sanitized("<p onclick=\"x()\">Hi</p><script>alert(1)</script><a href=\"javascript:alert(1)\">l</a><img src=x onerror=alert(1)>")
        #expect(!html.rendered.lowercased().contains("<script"))
        #expect(!html.rendered.lowercased().contains("onclick"))
        #expect(!html.rendered.lowercased().contains("onerror"))
        #expect(!html.rendered.lowercased().contains("javascript:"))
        #expect(html.rendered.contains("<p>Hi</p>"))
    }

    @Test func queryString_encodesEveryReservedCharacter() {
        #expect(QueryString.build([("q", "c++ & rust"), ("empty", ""), ("page", "2")]) == "?q=c%2B%2B%20%26%20rust&page=2")
        #expect(QueryString.build([]) == "")
    }

    @Test func assetNames_changeWithTheirContent() {
        #expect(Asset.fingerprint("a{}") != Asset.fingerprint("b{}"))
        #expect(Asset.stylesheet.path.hasPrefix("/assets/app.") && Asset.stylesheet.path.hasSuffix(".css"))
        #expect(Set(Asset.all.map(\.path)).count == Asset.all.count)
    }
}
