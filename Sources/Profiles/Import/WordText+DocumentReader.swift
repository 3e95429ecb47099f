import CareerCopilotCore
import Foundation

extension WordText {
    /// The state of one pass over `word/document.xml`: the paragraph being read, whether it
    /// is a list item, and the table row it belongs to.
    struct DocumentReader {
        let listStyles: Set<String>
        private var output = ""
        private var paragraph = ""
        private var isListItem = false
        private var inText = false
        private var textRun = String.UnicodeScalarView()
        /// How deep in table rows the reader is; only the outermost table's rows are laid
        /// out (a nested table's paragraphs are its cell's), so no line is handled twice.
        private var rowDepth = 0
        private var row: [[String]] = []

        init(listStyles: Set<String>) {
            self.listStyles = listStyles
        }

        mutating func character(_ scalar: Unicode.Scalar) {
            if inText { textRun.append(scalar) }
        }

        mutating func tag(_ tag: String) {
            let closing = tag.hasPrefix("/")
            let selfClosing = tag.hasSuffix("/")
            let name = (closing ? tag.dropFirst() : Substring(tag)).prefix { !$0.isWhitespace && $0 != "/" }
            switch name {
            case "w:t":
                endTextRun(opening: !closing && !selfClosing)
            case "w:tab" where !closing:
                // A tab inside the paragraph's tab-stop list (<w:tabs><w:tab .../>) is a
                // setting, not text; the run's own <w:tab/> is a character.
                if !tag.contains("w:val") { paragraph += "\t" }
            case "w:br", "w:cr":
                if !closing { paragraph += "\n" }
            case "w:noBreakHyphen":
                paragraph += "-"
            case "w:numPr":
                if !closing { isListItem = true }
            case "w:pStyle":
                if let style = WordText.attribute("w:val", in: tag), listStyles.contains(style) || Self.isListStyleName(style) { isListItem = true }
            case "w:p":
                if closing || selfClosing { endParagraph() }
            case "w:tr":
                if !closing && !selfClosing { startRow() } else if closing { endRow() }
            case "w:tc":
                if !closing, rowDepth == 1 { row.append([]) }
            default:
                return
            }
        }

        mutating func finish() -> String {
            if !paragraph.isEmpty { endParagraph() }
            if rowDepth > 0 {
                rowDepth = 1
                endRow()
            }
            return output
        }

        /// Word's own names for its list styles, for a document without `styles.xml`.
        private static func isListStyleName(_ style: String) -> Bool {
            style.hasPrefix("ListBullet") || style.hasPrefix("ListNumber")
        }

        private mutating func endTextRun(opening: Bool) {
            if opening {
                inText = true
            } else {
                paragraph += HTMLEntities.decode(String(textRun))
                textRun = String.UnicodeScalarView()
                inText = false
            }
        }

        private mutating func endParagraph() {
            let line = paragraph.trimmingCharacters(in: .whitespaces)
            let text = line.isEmpty ? "" : (isListItem && ResumeBullets.content(of: line) == nil ? "• " : "") + line
            (paragraph, isListItem) = ("", false)
            guard rowDepth > 0 else {
                output += text + "\n"
                return
            }
            if row.isEmpty { row.append([]) }
            row[row.count - 1] += text.split(whereSeparator: \.isNewline).map(String.init)
        }

        private mutating func startRow() {
            rowDepth += 1
            if rowDepth == 1 { row = [] }
        }

        /// A row of one-paragraph cells is a line of cells; any other row, its paragraphs.
        private mutating func endRow() {
            rowDepth = max(0, rowDepth - 1)
            guard rowDepth == 0 else { return }
            if row.allSatisfy({ $0.count <= 1 }) {
                let cells = row.map { $0.first ?? "" }
                if cells.contains(where: { !$0.isEmpty }) { output += cells.joined(separator: " | ") + "\n" }
            } else {
                for line in row.joined() { output += line + "\n" }
            }
            row = []
        }
    }
}
