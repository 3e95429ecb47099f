import Foundation
import Testing

@testable import CareerCopilotCore

@Suite("HTML sanitiser")
struct HTMLSanitizerTests {
    /// Payloads from the usual XSS cheat sheets. None may leave anything executable: no
    /// script element, no event handler attribute, no javascript:/data:/vbscript: URL,
    /// no style, no frame or object.
    static let xssCorpus: [String] = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<svg/onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=x onmouseover=alert(1)>x</a>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<style>@import 'javascript:alert(1)';</style>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<div><p>unclosed <b>bold <a href=\"https://x.example\">link",
        "<!--<script>alert(1)</script>-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<form action=javascript:alert(1)><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>",
        "<p>\"><script>alert(1)</script></p>",
        "<a href='https://x.example/\"onmouseover=\"alert(1)'>x</a>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<textarea><script>alert(1)</script></textarea>",
        "<template><script>alert(1)</script></template>",
        "<<script>script>alert(1)<</script>/script>",
        "<scri\0pt>alert(1)</script>",
    ]

    @Test(arguments: xssCorpus)
    func nothingExecutableSurvives(payload: String) {
        let html = HTMLSanitizer.sanitize(payload).html.lowercased()
        for forbidden in [
            "<script", "<img", "<svg", "<iframe", "<object", "<embed", "<style", "<math", "<input", "<form", "<meta", "<base", "<body", "<details", "<textarea",
            "<template", "<noscript", "javascript:", "vbscript:", "data:", "style=",
        ] {
            #expect(!html.contains(forbidden), "\(forbidden) in \(html)")
        }
        // Every attribute left is one we wrote: href (http/https/mailto) and rel.
        #expect(html.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(html)")
        for match in html.matches(of: /<[a-z0-9]+(\s[^>]*)?>/) {
            let tag = String(match.output.0)
            let attributes = tag.matches(of: /\s([a-z-]+)=/).map { String($0.output.1) }
            #expect(attributes.allSatisfy { $0 == "href" || $0 == "rel" }, "\(tag)")
        }
    }

    @Test func keepsTheAllowedSubset() {
        let result = HTMLSanitizer.sanitize(
            "<h2>About</h2><p>We <strong>build</strong> <em>things</em>.</p><ul><li>One</li><li>Two</li></ul><p><a href=\"https://acme.example/jobs\" target=_blank>Apply</a></p>"
        )
        #expect(
            result.html
                == "<h4>About</h4><p>We <strong>build</strong> <em>things</em>.</p><ul><li>One</li><li>Two</li></ul><p><a href=\"https://acme.example/jobs\" rel=\"nofollow noopener noreferrer\">Apply</a></p>"
        )
        #expect(result.text == "About\n\nWe build things.\n\n- One\n- Two\n\nApply")
    }

    /// The page has its own h1 and h2: a description's headings start below them.
    @Test func headings_areDemotedBelowThePagesOwn() {
        #expect(HTMLSanitizer.sanitize("<h1>Title</h1><h2>Part</h2><h3>Sub</h3><h6>Small</h6>").html == "<h3>Title</h3><h4>Part</h4><h5>Sub</h5><h6>Small</h6>")
        #expect(HTMLSanitizer.sanitize("<h1>Open <h2>nested</h1> text").html.components(separatedBy: "<h3>").count == 2)
    }

    @Test func balancesUnclosedAndStrayTags() {
        #expect(HTMLSanitizer.sanitize("<p>a <b>b").html == "<p>a <b>b</b></p>")
        #expect(HTMLSanitizer.sanitize("a</b></p>c").html == "ac")
        #expect(HTMLSanitizer.sanitize("<ul><li>x<li>y</ul>").html == "<ul><li>x<li>y</li></li></ul>")
    }

    @Test func decodesEntitiesAndReescapesText() {
        let result = HTMLSanitizer.sanitize("<p>Salary &euro;60.000 &amp; equity &lt;3 &#x1F680; &bogus;</p>")
        #expect(result.html == "<p>Salary €60.000 &amp; equity &lt;3 🚀 &amp;bogus;</p>")
        #expect(result.text == "Salary €60.000 & equity <3 🚀 &bogus;")
    }

    @Test func textInsideDroppedElementsIsGone_butUnknownWrappersKeepTheirText() {
        #expect(HTMLSanitizer.sanitize("a<script>var x = '</p>';</script>b").text == "ab")
        #expect(HTMLSanitizer.sanitize("<section><font color=red>kept</font></section>").html == "kept")
        #expect(HTMLSanitizer.sanitize("<script>never closed").html == "")
        #expect(HTMLSanitizer.sanitize("a < b and c > d").html == "a &lt; b and c &gt; d")
    }

    @Test func plainTextDescriptions_keepTheirParagraphs() {
        let result = HTMLSanitizer.sanitizeDescription("Line one\nline two\n\nSecond: 2 < 3 & more\r\n")
        #expect(result.html == "<p>Line one<br>line two</p><p>Second: 2 &lt; 3 &amp; more</p>")
        #expect(result.text == "Line one\nline two\n\nSecond: 2 < 3 & more")
    }

    @Test func mailtoAndHTTPLinksOnly() {
        #expect(HTMLSanitizer.safeHref("mailto:jobs@acme.example") == "mailto:jobs@acme.example")
        #expect(HTMLSanitizer.safeHref("HTTPS://acme.example/x?a=1&b=2") == "HTTPS://acme.example/x?a=1&b=2")
        #expect(HTMLSanitizer.safeHref("/relative/path") == nil)
        #expect(HTMLSanitizer.safeHref("java\nscript:alert(1)") == nil)
        #expect(HTMLSanitizer.safeHref("https://") == nil)
    }
}
