import CareerCopilotCore
import Foundation

/// HTML microdata (`itemscope`, `itemtype`, `itemprop`) read into the same JSON shape as
/// JSON-LD, so one mapping serves both: `{"@type": "JobPosting", "title": …,
/// "hiringOrganization": {"@type": "Organization", "name": …}}`. A property's value follows
/// the microdata rules: `content` of `meta`, `href` of `a`/`link`, `src` of media, `datetime`
/// of `time`, `value` of `data`, else the element's text; `description` keeps its markup.
public enum Microdata {
    /// The page's top-level items (those that are not another item's property).
    public static func items(in html: String) -> [JSONValue] {
        guard html.range(of: "itemscope", options: .caseInsensitive) != nil else { return [] }
        var reader = Reader(budget: html.utf8.count * 4 + 65_536)
        var tokenizer = HTMLTokenizer(html)
        while let token = tokenizer.next() {
            switch token {
            case let .text(text):
                reader.text(text)
            case let .startTag(name, attributes, selfClosing):
                if name == "script" || name == "style" {
                    tokenizer.skipRawText(until: name)
                    continue
                }
                reader.open(name, attributes, isVoid: selfClosing || voidElements.contains(name))
            case let .endTag(name):
                reader.close(name)
            }
        }
        reader.closeAll()
        return reader.topLevel.map(\.json)
    }

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    /// An item being read: its type and properties (a property may repeat).
    struct Item {
        var type: String?
        var properties: [(String, JSONValue)] = []

        /// A repeated property becomes an array, built once (not grown one copy at a time).
        var json: JSONValue {
            var grouped: [String: [JSONValue]] = [:]
            for (name, value) in properties { grouped[name, default: []].append(value) }
            var object = grouped.mapValues { $0.count == 1 ? $0[0] : JSONValue.array($0) }
            if let type { object["@type"] = .string(type) }
            return .object(object)
        }
    }

    /// An open element: the property names it carries, the item it opens, and its text.
    struct Frame {
        var name: String
        var properties: [String]
        var opensItem: Bool
        var text = ""
        var markup = ""
        /// A value from an attribute, which wins over the text.
        var attributeValue: String?

        /// A property whose value is read from its content (an item's value is the item).
        var readsText: Bool { !properties.isEmpty && !opensItem && attributeValue == nil }
        var readsMarkup: Bool { readsText && properties.contains("description") }
    }

    /// Reads the tokens of a page with bounded work: elements nest at most `maximumDepth`
    /// deep (deeper ones are read as text of their parent), every property copies at most
    /// `maximumValue` bytes, and all copies together at most `budget` bytes (a few times the
    /// page). A text nested in many properties is copied into each of them, so without these
    /// bounds a deep page costs its size times its depth — 1 MiB nested 255 deep took 330 MB.
    struct Reader {
        static let maximumDepth = 32
        static let maximumValue = 400_000
        var frames: [Frame] = []
        var items: [Item] = []
        var topLevel: [Item] = []
        var budget: Int

        init(budget: Int) {
            self.budget = budget
        }

        /// Appends to every open frame that reads text (and markup), within the bounds.
        private mutating func append(text: String?, markup: String) {
            guard budget > 0 else { return }
            for index in frames.indices where frames[index].readsText {
                if let text, frames[index].text.utf8.count < Self.maximumValue {
                    frames[index].text += text
                    budget -= text.utf8.count
                }
                if frames[index].readsMarkup, frames[index].markup.utf8.count < Self.maximumValue {
                    frames[index].markup += markup
                    budget -= markup.utf8.count
                }
            }
        }

        mutating func open(_ name: String, _ attributes: [String: String], isVoid: Bool) {
            let properties = (attributes["itemprop"] ?? "").split(separator: " ").prefix(16).map(String.init)
            let opensItem = attributes["itemscope"] != nil
            // Markup for a `description` being read: the tag, with only what the sanitiser keeps.
            let tag = name == "a" ? "<a href=\"\(HTMLEscaping.attribute(attributes["href"] ?? ""))\">" : "<\(name)>"
            append(text: nil, markup: tag)
            if frames.count >= Self.maximumDepth { return }  // deeper than any real page: read as text
            var frame = Frame(name: name, properties: properties, opensItem: opensItem)
            if !properties.isEmpty, !opensItem {
                switch name {
                case "meta": frame.attributeValue = attributes["content"] ?? ""
                case "a", "link", "area": frame.attributeValue = attributes["href"]
                case "img", "audio", "video", "source", "embed", "iframe", "track": frame.attributeValue = attributes["src"]
                case "time": frame.attributeValue = attributes["datetime"]
                case "data", "meter": frame.attributeValue = attributes["value"]
                default: break
                }
            }
            if opensItem {
                let type = attributes["itemtype"].flatMap { $0.split(separator: " ").first }.map { String($0.split(separator: "/").last ?? $0) }
                items.append(Item(type: type))
            }
            frames.append(frame)
            if isVoid { finish(frames.removeLast()) }
        }

        mutating func text(_ text: String) {
            guard frames.contains(where: \.readsText) else { return }
            append(text: text, markup: frames.contains(where: \.readsMarkup) ? HTMLEscaping.text(text) : "")
        }

        mutating func close(_ name: String) {
            guard let index = frames.lastIndex(where: { $0.name == name }) else { return }
            while frames.count > index { finish(frames.removeLast()) }
            append(text: nil, markup: "</\(name)>")
        }

        mutating func closeAll() {
            while let frame = frames.popLast() { finish(frame) }
        }

        private mutating func finish(_ frame: Frame) {
            var value: JSONValue?
            if frame.opensItem {
                let item = items.removeLast()
                if frame.properties.isEmpty { topLevel.append(item) } else { value = item.json }
            } else if !frame.properties.isEmpty {
                let text = frame.attributeValue ?? TextNormalizer.collapsingWhitespace(frame.text)
                value = .string(frame.readsMarkup ? frame.markup : text)
            }
            guard let value, !items.isEmpty else { return }
            for property in frame.properties { items[items.count - 1].properties.append((property, value)) }
        }
    }
}
