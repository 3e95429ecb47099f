/// Small text clean-ups shared by validation, normalisation and search.
public enum TextNormalizer {
    /// Trims and folds every run of white space (including newlines and no-break spaces)
    /// into one space: `"  Senior\n Engineer "` → `"Senior Engineer"`.
    public static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// The text without C0 control characters (NUL among them) other than tab, newline and
    /// carriage return, and without DEL: PostgreSQL refuses NUL in text, SQLite cuts the
    /// string at it, and none of them belongs in a posting.
    public static func removingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnwantedControl) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isUnwantedControl($0) })
        return String(scalars)
    }

    package static func isUnwantedControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r") || scalar.value == 0x7F
    }

    /// At most `limit` characters (grapheme clusters), cut at a character boundary.
    public static func truncated(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        return String(text.prefix(limit))
    }

    /// A key for case-insensitive matching and indexing: collapsed and lowercased.
    public static func key(_ text: String) -> String {
        collapsingWhitespace(text).lowercased()
    }
}
