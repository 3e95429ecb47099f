import CareerCopilotCore
import Foundation

/// A forgiving XML reader for job feeds (RSS 2.0, RSS 1.0/RDF, Atom): elements, attributes,
/// text and CDATA. It knows HTML's named and numeric character references and nothing of
/// DTDs, so a hostile feed has no entity to expand and no external file to pull in. Unclosed
/// and mismatched tags are closed the way a browser would; it never fails.
public struct MarkupElement: Sendable, Equatable {
    /// The local name, lower-cased, without its namespace prefix (`content:encoded` → `encoded`).
    public var name: String
    /// The name as written, lower-cased (`content:encoded`).
    public var qualifiedName: String
    public var attributes: [String: String]
    public var children: [MarkupElement] = []
    /// The element's own text and CDATA, in order (not its children's).
    public var ownText = ""

    /// Elements opened deeper than this become empty children of the deepest open element
    /// (their text goes to it): enough for any feed, and a bound on a hostile one.
    static let maximumDepth = 64

    public static func parse(_ text: String) -> MarkupElement {
        var tokenizer = HTMLTokenizer(text, readsCDATA: true)
        var stack = [MarkupElement(name: "#document", qualifiedName: "#document", attributes: [:])]
        func closeTop() {
            let element = stack.removeLast()
            stack[stack.count - 1].children.append(element)
        }
        while let token = tokenizer.next() {
            switch token {
            case let .text(content):
                stack[stack.count - 1].ownText += content
            case let .startTag(name, attributes, selfClosing):
                let local = name.split(separator: ":").last.map(String.init) ?? name
                let element = MarkupElement(name: local, qualifiedName: name, attributes: attributes)
                if selfClosing || stack.count > maximumDepth {
                    stack[stack.count - 1].children.append(element)
                } else {
                    stack.append(element)
                }
            case let .endTag(name):
                guard let open = stack.lastIndex(where: { $0.qualifiedName == name }), open > 0 else { continue }
                while stack.count > open { closeTop() }
            }
        }
        while stack.count > 1 { closeTop() }
        return stack[0]
    }

    /// The first child with this local name.
    public func child(_ name: String) -> MarkupElement? {
        children.first { $0.name == name }
    }

    public func children(_ name: String) -> [MarkupElement] {
        children.filter { $0.name == name }
    }

    /// Every element below this one with one of these local names, in document order, not
    /// looking inside a match.
    public func descendants(named names: Set<String>) -> [MarkupElement] {
        children.flatMap { names.contains($0.name) ? [$0] : $0.descendants(named: names) }
    }

    /// The text of this element and everything in it, trimmed.
    /// One buffer for the whole subtree: joining each child's text would copy a deep
    /// element's text once per level.
    public var text: String {
        var buffer = ""
        appendText(to: &buffer)
        return buffer.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func appendText(to buffer: inout String) {
        buffer += ownText
        for child in children { child.appendText(to: &buffer) }
    }
}
