import CareerCopilotCore

/// A fragment of HTML that is safe by construction: text and attribute values are escaped
/// as the fragment is built, and markup enters only through the element functions, through
/// sanitised descriptions (`sanitized(_:)`) or through constants written in this module.
///
/// Why our own and not Plot or Leaf: docs/decisions/0009-web-ui.md.
public struct HTML: Sendable, Equatable {
    /// The markup, ready to send.
    public fileprivate(set) var rendered: String

    init(rendered: String) {
        self.rendered = rendered
    }

    public static let empty = HTML(rendered: "")

    /// Text, escaped.
    public init(text: String) {
        rendered = ""
        HTML.appendEscaped(text, to: &rendered)
    }

    /// Markup written in this module (icons, the doctype): never built from data.
    static func constant(_ markup: StaticString) -> HTML {
        HTML(rendered: markup.description)
    }

    mutating func append(_ other: HTML) {
        rendered += other.rendered
    }

    /// Escapes the five characters that can end text or a quoted attribute value.
    static func appendEscaped(_ text: String, to output: inout String) {
        // Most text has nothing to escape: copy it whole.
        guard
            text.utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
            })
        else {
            output += text
            return
        }
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
    }
}

/// Builds HTML from statements: elements, strings (escaped), optionals, `if`, `for`.
@resultBuilder
public enum HTMLBuilder {
    public static func buildExpression(_ html: HTML) -> HTML { html }
    public static func buildExpression(_ text: String) -> HTML { HTML(text: text) }
    public static func buildExpression(_ parts: [HTML]) -> HTML { buildArray(parts) }

    public static func buildBlock(_ parts: HTML...) -> HTML { buildArray(parts) }
    public static func buildOptional(_ part: HTML?) -> HTML { part ?? .empty }
    public static func buildEither(first: HTML) -> HTML { first }
    public static func buildEither(second: HTML) -> HTML { second }
    public static func buildLimitedAvailability(_ part: HTML) -> HTML { part }

    public static func buildArray(_ parts: [HTML]) -> HTML {
        var result = HTML.empty
        result.rendered.reserveCapacity(parts.reduce(0) { $0 + $1.rendered.utf8.count })
        for part in parts { result.append(part) }
        return result
    }
}

extension HTML {
    /// Content without an element around it.
    static func group(@HTMLBuilder _ content: () -> HTML) -> HTML { content() }

    /// An element with content. Attributes whose name is empty (`Attribute.none`) are skipped.
    static func element(_ name: String, _ attributes: [Attribute], @HTMLBuilder _ content: () -> HTML) -> HTML {
        var html = openingTag(name, attributes)
        html.rendered += content().rendered
        html.rendered += "</\(name)>"
        return html
    }

    /// An element without content or end tag (`input`, `meta`, `link`).
    static func void(_ name: String, _ attributes: [Attribute]) -> HTML {
        openingTag(name, attributes)
    }

    private static func openingTag(_ name: String, _ attributes: [Attribute]) -> HTML {
        var output = "<" + name
        for attribute in attributes where !attribute.name.isEmpty {
            output += " " + attribute.name
            if let value = attribute.value {
                output += "=\""
                appendEscaped(value, to: &output)
                output += "\""
            }
        }
        output += ">"
        return HTML(rendered: output)
    }

    /// A job description for display: sanitised again here, whatever was stored, so a row
    /// written by any path (an old version, a manual SQL fix) cannot carry script to a page.
    static func sanitized(_ description: String) -> HTML {
        HTML(rendered: HTMLSanitizer.sanitizeDescription(description).html)
    }
}
