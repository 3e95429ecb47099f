/// A forgiving HTML tokenizer: enough of the HTML5 rules to read real job descriptions
/// (unclosed tags, unquoted attributes, comments, entities), never failing on any input.
///
/// Linear in its input: every scan moves `index` forward, and a construct that is never closed
/// (a comment, a quote, a raw-text element) ends the input instead of being searched again.
package struct HTMLTokenizer {
    package enum Token: Equatable {
        case text(String)
        case startTag(String, attributes: [String: String], selfClosing: Bool)
        case endTag(String)
    }

    private let bytes: [UInt8]
    private var index = 0
    /// XML mode (feeds): `<![CDATA[…]]>` is text, taken as written.
    private let readsCDATA: Bool

    package init(_ input: String, readsCDATA: Bool = false) {
        bytes = Array(input.utf8)
        self.readsCDATA = readsCDATA
    }

    package mutating func next() -> Token? {
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                return .text(HTMLEntities.decode(string(start, index)))
            }
            // bytes[index] == "<"
            let following = index + 1 < bytes.count ? bytes[index + 1] : 0
            if following == UInt8(ascii: "!") {
                if readsCDATA, matches("<![CDATA[", at: index) {
                    let start = index + 9
                    let end = find("]]>", from: start) ?? bytes.count
                    index = min(end + 3, bytes.count)
                    return .text(string(start, end))
                }
                if matches("<!--", at: index) {
                    index = find("-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                } else {
                    index = (find(">", from: index) ?? bytes.count - 1) + 1
                }
                continue
            }
            if following == UInt8(ascii: "?") {
                index = (find(">", from: index) ?? bytes.count - 1) + 1
                continue
            }
            if following == UInt8(ascii: "/") {
                let nameStart = index + 2
                if nameStart < bytes.count, isLetter(bytes[nameStart]) {
                    index = nameStart
                    let name = readName()
                    index = (find(">", from: index) ?? bytes.count - 1) + 1
                    return .endTag(name)
                }
                // "</" not followed by a letter: a bogus comment up to ">".
                index = (find(">", from: index) ?? bytes.count - 1) + 1
                continue
            }
            if isLetter(following) {
                index += 1
                return readStartTag()
            }
            index += 1
            return .text("<")
        }
        return nil
    }

    /// Skips the content of a raw-text element such as `<script>` up to and including its
    /// end tag (or to the end of the input when it is never closed).
    package mutating func skipRawText(until name: String) {
        let closing = Array("</\(name)".utf8)
        var position = index
        while position + closing.count <= bytes.count {
            if matchesCaseInsensitive(closing, at: position) {
                let after = position + closing.count
                if after == bytes.count || isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/") {
                    index = (find(">", from: after) ?? bytes.count - 1) + 1
                    return
                }
            }
            position += 1
        }
        index = bytes.count
    }

    // MARK: Tags

    private mutating func readStartTag() -> Token {
        let name = readName()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while index < bytes.count {
            skipSpaces()
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { index += 1; break }
            if byte == UInt8(ascii: "/") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: ">") { selfClosing = true; index += 1; break }
                continue
            }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                bytes[index] != UInt8(ascii: ">"), !(bytes[index] == UInt8(ascii: "/") && index > nameStart)
            {
                index += 1
            }
            if index == nameStart { index += 1; continue }
            let attributeName = string(nameStart, index).lowercased()
            skipSpaces()
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                skipSpaces()
                value = HTMLEntities.decode(readAttributeValue())
            }
            if attributes[attributeName] == nil { attributes[attributeName] = value }
        }
        return .startTag(name, attributes: attributes, selfClosing: selfClosing)
    }

    private mutating func readAttributeValue() -> String {
        guard index < bytes.count else { return "" }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = index + 1
            let end = find(quote, from: start) ?? bytes.count
            index = min(end + 1, bytes.count)
            return string(start, end)
        }
        let start = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        return string(start, index)
    }

    private mutating func readName() -> String {
        let start = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">") {
            index += 1
        }
        return string(start, index).lowercased()
    }

    // MARK: Bytes

    private mutating func skipSpaces() {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func matches(_ literal: String, at position: Int) -> Bool {
        var offset = position
        for byte in literal.utf8 {
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
        }
        return true
    }

    private func matchesCaseInsensitive(_ literal: [UInt8], at position: Int) -> Bool {
        for offset in 0..<literal.count where (bytes[position + offset] | 0x20) != (literal[offset] | 0x20) {
            return false
        }
        return true
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        var position = start
        while position < bytes.count {
            if bytes[position] == byte { return position }
            position += 1
        }
        return nil
    }

    private func find(_ literal: String, from start: Int) -> Int? {
        let literalBytes = Array(literal.utf8)
        guard let first = literalBytes.first else { return start }
        var position = start
        while let candidate = find(first, from: position) {
            if matches(literal, at: candidate) { return candidate }
            position = candidate + 1
        }
        return nil
    }
}
