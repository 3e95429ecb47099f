import CareerCopilotCore
import Foundation

/// The text of a Word document's `word/document.xml`, as a resume's lines: a paragraph is a
/// line, a tab stays a tab (dates in a tabbed column), a line break is a line, a list
/// paragraph (numbered in itself or by its style) becomes a bullet. A table's row of
/// one-paragraph cells is one line, its cells between " | " ("Cloud | AWS, Azure"); a row
/// whose cells hold several paragraphs is a layout (a sidebar beside the main column), read
/// cell after cell. One pass over the XML.
enum WordText {
    static func text(ofDocumentXML xml: String, listStyles: Set<String> = []) -> String {
        var reader = DocumentReader(listStyles: listStyles)
        let scalars = xml.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "<" else {
                reader.character(scalar)
                index = scalars.index(after: index)
                continue
            }
            guard let close = scalars[index...].firstIndex(of: ">") else { break }
            reader.tag(String(String.UnicodeScalarView(scalars[scalars.index(after: index)..<close])))
            index = scalars.index(after: close)
        }
        return reader.finish()
    }

    /// The paragraph styles of `word/styles.xml` that number their paragraphs (a `w:numPr`
    /// in the style, or in a style it is based on): Word's "List Bullet", whatever a
    /// translated Word calls it.
    static func listStyles(ofStylesXML xml: String) -> Set<String> {
        var numbered = Set<String>()
        var basedOn: [String: String] = [:]
        var style: String?
        for tag in tags(xml) {
            if tag.hasPrefix("w:style ") {
                style = attribute("w:styleId", in: tag)
            } else if tag == "/w:style" {
                style = nil
            } else if let current = style, tag.hasPrefix("w:numPr") {
                numbered.insert(current)
            } else if let current = style, tag.hasPrefix("w:basedOn"), let parent = attribute("w:val", in: tag) {
                basedOn[current] = parent
            }
        }
        // A style based on a list style is one too; a few steps up the chain suffice.
        for _ in 0..<4 {
            for (child, parent) in basedOn where numbered.contains(parent) { numbered.insert(child) }
        }
        return numbered
    }

    /// The value of `name="…"` inside a tag.
    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: name + "=\"") else { return nil }
        let rest = tag[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The inside of every tag of an XML text, in order.
    private static func tags(_ xml: String) -> [String] {
        var tags: [String] = []
        var current: String?
        for character in xml {
            if character == "<" {
                current = ""
            } else if character == ">", let tag = current {
                tags.append(tag)
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return tags
    }
}
