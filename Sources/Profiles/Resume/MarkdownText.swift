import Foundation

/// Markdown as the plain text the resume reader expects: heading marks, emphasis, quote
/// marks, rules and link syntax removed (the link's address kept beside its words, as a
/// resume shows it), a table's rows as lines of cells between " | " (its rule row dropped).
enum MarkdownText {
    static func plain(_ markdown: String) -> String {
        markdown.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { plainLine(String($0)) }.joined(separator: "\n")
    }

    private static func plainLine(_ raw: String) -> String {
        var line = raw
        var trimmed = line.trimmingCharacters(in: .whitespaces)
        if isRule(trimmed) { return "" }
        if trimmed.hasPrefix(">") {
            trimmed = String(trimmed.drop { $0 == ">" || $0 == " " })
            line = trimmed
        }
        if trimmed.hasPrefix("#") { line = String(trimmed.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) }
        if trimmed.hasPrefix("|") { line = ResumeTable.cells(trimmed).joined(separator: " | ") }
        line = links(line).replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "").replacingOccurrences(of: "`", with: "")
        return withoutEmphasis(line)
    }

    /// "---", "***", "___", a Setext heading's "====" underline, a table's "|---|:--:|" row.
    private static func isRule(_ line: String) -> Bool {
        guard line.count >= 3 else { return false }
        if line.allSatisfy({ $0 == "-" || $0 == " " }) || line.allSatisfy({ $0 == "=" }) || line == "***" || line == "___" { return true }
        return line.hasPrefix("|") && line.allSatisfy { "|-: ".contains($0) }
    }

    /// "*Toronto, ON*", "_remote_": the single marks of emphasis go, a bullet's "* " and an
    /// underscore inside a word ("snake_case") stay.
    private static func withoutEmphasis(_ line: String) -> String {
        guard line.contains("*") || line.contains("_") else { return line }
        let characters = Array(line)
        var output = ""
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : nil
            let after = index + 1 < characters.count ? characters[index + 1] : nil
            let opens = (before == nil || before?.isWhitespace == true || before?.isPunctuation == true) && after.map { !$0.isWhitespace } == true
            let closes = before.map { !$0.isWhitespace } == true && (after == nil || after?.isWhitespace == true || after?.isPunctuation == true)
            if character == "*", opens || (closes && before != "*") { continue }
            if character == "_", opens != closes { continue }
            output.append(character)
        }
        return output
    }

    /// "[GitHub](https://github.com/ada)" → "GitHub https://github.com/ada";
    /// "[ada@example.com](mailto:ada@example.com)" → "ada@example.com". One pass: the next
    /// "]" and ")" are remembered, so a line of many "[" is not searched again for each.
    private static func links(_ line: String) -> String {
        guard line.contains("](") else { return line }
        let characters = Array(line)
        var nextClose = [Int?](repeating: nil, count: 2)  // positions of the next "]" and ")"
        func next(_ slot: Int, _ symbol: Character, from start: Int) -> Int? {
            if let known = nextClose[slot], known >= start { return known }
            var cursor = start
            while cursor < characters.count, characters[cursor] != symbol { cursor += 1 }
            nextClose[slot] = cursor < characters.count ? cursor : Int.max
            return cursor < characters.count ? cursor : nil
        }
        var output = ""
        var index = 0
        while index < characters.count {
            if characters[index] == "[", let close = next(0, "]", from: index), close != Int.max, close + 1 < characters.count,
                characters[close + 1] == "(", let end = next(1, ")", from: close), end != Int.max
            {
                let words = String(characters[(index + 1)..<close])
                let address = withoutScheme(String(characters[(close + 2)..<end]))
                output += words == address ? address : "\(words) \(address)"
                index = end + 1
            } else {
                output.append(characters[index])
                index += 1
            }
        }
        return output
    }

    /// A "mailto:" or "tel:" link's address is the address or number itself.
    private static func withoutScheme(_ address: String) -> String {
        for scheme in ["mailto:", "tel:"] where address.lowercased().hasPrefix(scheme) { return String(address.dropFirst(scheme.count)) }
        return address
    }
}
