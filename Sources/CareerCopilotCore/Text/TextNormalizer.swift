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

    /// A key for case-insensitive matching and indexing: collapsed and lowercased.
    public static func key(_ text: String) -> String {
        collapsingWhitespace(text).lowercased()
    }
}
