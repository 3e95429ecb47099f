/// An attribute of an element. Its value is escaped when the element is built; a `nil` value
/// writes a boolean attribute (`required`); an empty name writes nothing (`Attribute.none`).
struct Attribute: Sendable {
    let name: String
    let value: String?

    init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    /// Writes nothing: for attributes that depend on a condition.
    static let none = Attribute("", nil)

    static func `if`(_ condition: Bool, _ attribute: Attribute) -> Attribute {
        condition ? attribute : .none
    }

    static func `class`(_ names: String...) -> Attribute {
        Attribute("class", names.filter { !$0.isEmpty }.joined(separator: " "))
    }

    static func id(_ value: String) -> Attribute { Attribute("id", value) }
    static func name(_ value: String) -> Attribute { Attribute("name", value) }
    static func value(_ value: String) -> Attribute { Attribute("value", value) }
    static func type(_ value: String) -> Attribute { Attribute("type", value) }
    static func `for`(_ value: String) -> Attribute { Attribute("for", value) }
    static func placeholder(_ value: String) -> Attribute { Attribute("placeholder", value) }
    static func autocomplete(_ value: String) -> Attribute { Attribute("autocomplete", value) }
    static func method(_ value: String) -> Attribute { Attribute("method", value) }
    static func role(_ value: String) -> Attribute { Attribute("role", value) }
    static func rel(_ value: String) -> Attribute { Attribute("rel", value) }
    static func title(_ value: String) -> Attribute { Attribute("title", value) }
    static func datetime(_ value: String) -> Attribute { Attribute("datetime", value) }
    static func inputmode(_ value: String) -> Attribute { Attribute("inputmode", value) }
    static func maxlength(_ value: Int) -> Attribute { Attribute("maxlength", String(value)) }
    static func rows(_ value: Int) -> Attribute { Attribute("rows", String(value)) }
    static func aria(_ name: String, _ value: String) -> Attribute { Attribute("aria-" + name, value) }
    static func data(_ name: String, _ value: String) -> Attribute { Attribute("data-" + name, value) }

    static let required = Attribute("required", nil)
    static let checked = Attribute("checked", nil)
    static let selected = Attribute("selected", nil)
    static let hidden = Attribute("hidden", nil)
    static let autofocus = Attribute("autofocus", nil)
    static let novalidate = Attribute("novalidate", nil)
    static let open = Attribute("open", nil)

    /// A link target. Only our own paths, fragments, http(s) and mailto are written: any
    /// other scheme (`javascript:`, `data:`) becomes a harmless `#`.
    static func href(_ target: String) -> Attribute {
        Attribute("href", SafeURL.isSafe(target) ? target : "#")
    }

    static func href(_ address: SiteURL) -> Attribute {
        href(address.path)
    }

    static func action(_ address: SiteURL) -> Attribute {
        action(address.path)
    }

    /// A form's target: always one of our own paths.
    static func action(_ path: String) -> Attribute {
        Attribute("action", path.hasPrefix("/") && !path.hasPrefix("//") ? path : "/")
    }
}

/// Which link targets may be written into a page.
enum SafeURL {
    static func isSafe(_ target: String) -> Bool {
        if target.hasPrefix("/") { return !target.hasPrefix("//") && !target.hasPrefix("/\\") }
        if target.hasPrefix("#") || target.hasPrefix("?") { return true }
        let lowered = target.lowercased()
        // A scheme must be the very first thing: no spaces or control characters before it.
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:")
    }
}
