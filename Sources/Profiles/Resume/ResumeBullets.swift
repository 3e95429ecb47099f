import Foundation

/// Bullet points of every kind resumes use.
public enum ResumeBullets {
    /// The text of a bulleted line without its bullet; nil for a line that is no bullet.
    public static func content(of line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first else { return nil }
        if "•◦▪▫●○■□‣⁃∙➢➤►▶✓✔-–*·".contains(first) {
            let rest = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            // "-" and "–" start bullets only when a space follows ("-5 %" is a number).
            if (first == "-" || first == "–") && trimmed.dropFirst().first != " " { return nil }
            return rest.isEmpty ? nil : rest
        }
        // "1. Shipped …", "2) Led …"
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 2 {
            let after = trimmed.dropFirst(digits.count)
            if let marker = after.first, marker == "." || marker == ")", after.dropFirst().first == " " {
                let rest = after.dropFirst().trimmingCharacters(in: .whitespaces)
                return rest.isEmpty ? nil : rest
            }
        }
        return nil
    }
}
