/// HTML microdata (`itemscope`, `itemtype`, `itemprop`) read into the same JSON shape as
/// JSON-LD, so one mapping serves both: `{"@type": "JobPosting", "title": …,
/// "hiringOrganization": {"@type": "Organization", "name": …}}`. A property's value follows
/// the microdata rules: `content` of `meta`, `href` of `a`/`link`, `src` of media, `datetime`
/// of `time`, `value` of `data`, else the element's text; `description` keeps its markup.
public enum Microdata {
    /// The page's top-level items (those that are not another item's property).
    public static func items(in html: String) -> [JSONValue] {
        guard html.range(of: "itemscope", options: .caseInsensitive) != nil else { return [] }
        var reader = Reader()
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

        var json: JSONValue {
            var object: [String: JSONValue] = [:]
            if let type { object["@type"] = .string(type) }
            for (name, value) in properties {
                switch object[name] {
                case nil: object[name] = value
                case let .array(values)?: object[name] = .array(values + [value])
                case let existing?: object[name] = .array([existing, value])
                }
            }
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

    struct Reader {
        var frames: [Frame] = []
        var items: [Item] = []
        var topLevel: [Item] = []

        mutating func open(_ name: String, _ attributes: [String: String], isVoid: Bool) {
            let properties = (attributes["itemprop"] ?? "").split(separator: " ").map(String.init)
            let opensItem = attributes["itemscope"] != nil
            // Markup for a `description` being read: the tag, with only what the sanitiser keeps.
            let tag = name == "a" ? "<a href=\"\(HTMLEscaping.attribute(attributes["href"] ?? ""))\">" : "<\(name)>"
            for index in frames.indices where frames[index].readsMarkup { frames[index].markup += tag }
            if frames.count > 256 { return }  // deeper than any real page: ignored, as text
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
            for index in frames.indices where frames[index].readsText {
                frames[index].text += text
                if frames[index].readsMarkup { frames[index].markup += HTMLEscaping.text(text) }
            }
        }

        mutating func close(_ name: String) {
            guard let index = frames.lastIndex(where: { $0.name == name }) else { return }
            while frames.count > index { finish(frames.removeLast()) }
            for index in frames.indices where frames[index].readsMarkup { frames[index].markup += "</\(name)>" }
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
