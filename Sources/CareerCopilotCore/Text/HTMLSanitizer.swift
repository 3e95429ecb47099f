import Foundation

/// Turns untrusted HTML (job descriptions from boards, pages and users) into a small,
/// safe subset, and into plain text.
///
/// Safety does not depend on the tokenizer understanding every trick of the input: the
/// output is *built*, never copied. Only allow-listed elements are written, with only the
/// attributes we create ourselves, and every piece of text is re-escaped. Whatever the
/// tokenizer mistakes for text is therefore written as inert text.
public enum HTMLSanitizer {
    public struct Result: Sendable, Equatable {
        /// Allow-listed HTML, balanced and escaped.
        public var html: String
        /// The same content as plain text: paragraphs separated by blank lines, list items
        /// prefixed with "- ".
        public var text: String
    }

    /// Elements kept as they are (without attributes, but `href` on links).
    static let allowed: Set<String> = [
        "p", "br", "hr", "ul", "ol", "li", "strong", "b", "em", "i", "u", "s", "sub", "sup",
        "h1", "h2", "h3", "h4", "h5", "h6", "a", "blockquote", "code", "pre", "div", "span",
        "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd",
    ]
    /// Elements dropped together with everything inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "noscript", "noembed", "noframes",
        "template", "svg", "math", "textarea", "select", "title", "head", "xmp", "plaintext",
        "frameset", "frame", "applet", "canvas", "audio", "video", "button", "form",
    ]
    static let void: Set<String> = ["br", "hr", "img", "input", "meta", "link", "base", "wbr", "col", "area", "source", "param", "track", "embed"]
    /// Elements after which plain text starts a new line or paragraph.
    static let paragraphBlocks: Set<String> = [
        "p", "div", "ul", "ol", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "section", "article", "header", "footer", "main",
    ]
    static let lineBlocks: Set<String> = ["br", "li", "tr", "dt", "dd", "hr"]

    public static func sanitize(_ input: String) -> Result {
        var writer = Writer()
        var tokenizer = HTMLTokenizer(input)
        while let token = tokenizer.next() {
            switch token {
            case let .text(text):
                writer.text(text)
            case let .startTag(tag, attributes, _):
                let name = demoted(tag)
                if droppedWithContent.contains(name) {
                    if !void.contains(name) { tokenizer.skipRawText(until: name) }
                } else if allowed.contains(name) {
                    writer.open(name, href: name == "a" ? safeHref(attributes["href"]) : nil)
                } else if paragraphBlocks.contains(name) || lineBlocks.contains(name) {
                    writer.breakText(paragraph: paragraphBlocks.contains(name))
                }
            case let .endTag(tag):
                let name = demoted(tag)
                if allowed.contains(name) {
                    writer.close(name)
                } else if paragraphBlocks.contains(name) {
                    writer.breakText(paragraph: true)
                }
            }
        }
        return writer.finish()
    }

    /// A description sits under its page's own h1 and h2: its headings start at h3.
    static func demoted(_ name: String) -> String {
        switch name {
        case "h1": "h3"
        case "h2": "h4"
        case "h3": "h5"
        case "h4", "h5": "h6"
        default: name
        }
    }

    /// A description as a user or a source gave it: HTML is sanitised; plain text (no tags
    /// at all) keeps its paragraphs and line breaks.
    public static func sanitizeDescription(_ input: String) -> Result {
        if looksLikeHTML(input) { return sanitize(input) }
        let paragraphs =
            input
            .replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n").map { TextNormalizer.collapsingWhitespace(String($0)) }.filter { !$0.isEmpty } }
            .filter { !$0.isEmpty }
        let html = paragraphs.map { "<p>" + $0.map(HTMLEscaping.text).joined(separator: "<br>") + "</p>" }.joined()
        let text = paragraphs.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        return Result(html: html, text: text)
    }

    /// True when the text has anything that reads as a tag, comment or character reference.
    static func looksLikeHTML(_ input: String) -> Bool {
        var previous: Character?
        for character in input {
            if previous == "<", character.isLetter || character == "/" || character == "!" { return true }
            if previous == "&", character.isLetter || character == "#" { return true }
            previous = character
        }
        return false
    }

    /// Only absolute http(s) and mailto links survive; everything else (javascript:,
    /// data:, relative paths, obfuscated schemes) makes the link plain text.
    static func safeHref(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let cleaned = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        let lower = cleaned.lowercased()
        if lower.hasPrefix("mailto:") && cleaned.count > 7 { return cleaned }
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), WebURL.isAbsoluteHTTP(cleaned) else { return nil }
        return cleaned
    }

    /// Writes the balanced output HTML and the plain text side by side.
    ///
    /// Linear in its input: elements nest at most `maximumDepth` deep (deeper tags are dropped,
    /// their text kept), and an end tag with no open element of its name costs one lookup —
    /// `"<b>" * 16000 + "</i>" * 12400` used to search the whole stack 12,400 times.
    struct Writer {
        static let maximumDepth = 64
        var html = ""
        var text = ""
        var stack: [String] = []
        /// How many elements of each name are open: `close` of a name not open is a no-op.
        var openCounts: [String: Int] = [:]
        /// Pending separator for the plain text: 0 none, 1 a newline, 2 a blank line.
        var pendingBreak = 0
        var pendingSpace = false
        var listDepth = 0

        mutating func open(_ name: String, href: String?) {
            if name == "a" {
                if let href, stack.count < Self.maximumDepth {
                    html += "<a href=\"\(HTMLEscaping.attribute(href))\" rel=\"nofollow noopener noreferrer\">"
                    stack.append(name)
                    openCounts[name, default: 0] += 1
                }
                return
            }
            let isVoid = HTMLSanitizer.void.contains(name)
            if !isVoid, stack.count >= Self.maximumDepth { return }
            html += "<\(name)>"
            if !isVoid {
                stack.append(name)
                openCounts[name, default: 0] += 1
            }
            if name == "ul" || name == "ol" { listDepth += 1 }
            if HTMLSanitizer.paragraphBlocks.contains(name) { breakText(paragraph: true) }
            if HTMLSanitizer.lineBlocks.contains(name) { breakText(paragraph: false) }
            if name == "li" {
                flushBreak()
                text += String(repeating: "  ", count: max(0, listDepth - 1)) + "- "
                textEndsInSeparator = true
            }
        }

        mutating func close(_ name: String) {
            guard openCounts[name, default: 0] > 0, let position = stack.lastIndex(of: name) else { return }
            while stack.count > position {
                let open = stack.removeLast()
                openCounts[open, default: 1] -= 1
                html += "</\(open)>"
                if open == "ul" || open == "ol" { listDepth -= 1 }
                if HTMLSanitizer.paragraphBlocks.contains(open) { breakText(paragraph: true) }
            }
        }

        /// True when the plain text ends in a space or a line break (or is empty).
        var textEndsInSeparator = true

        /// Scalar by scalar, not character by character: descriptions are long, and grapheme
        /// breaking costs more than the rest of sanitising.
        mutating func text(_ content: String) {
            html += HTMLEscaping.text(content)
            for scalar in content.unicodeScalars {
                if scalar.value < 0x80 ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace {
                    pendingSpace = true
                } else {
                    flushBreak()
                    if pendingSpace, !textEndsInSeparator { text.append(" ") }
                    pendingSpace = false
                    text.unicodeScalars.append(scalar)
                    textEndsInSeparator = false
                }
            }
        }

        mutating func breakText(paragraph: Bool) {
            if !text.isEmpty { pendingBreak = max(pendingBreak, paragraph ? 2 : 1) }
            pendingSpace = false
        }

        mutating func flushBreak() {
            if pendingBreak > 0, !text.isEmpty {
                text += pendingBreak == 2 ? "\n\n" : "\n"
                textEndsInSeparator = true
            }
            pendingBreak = 0
        }

        mutating func finish() -> Result {
            while let open = stack.popLast() { html += "</\(open)>" }
            return Result(html: html, text: text)
        }
    }
}

/// Escaping for text and attribute values written into HTML.
public enum HTMLEscaping {
    public static func text(_ string: String) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\0": break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static func attribute(_ string: String) -> String {
        text(string).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
