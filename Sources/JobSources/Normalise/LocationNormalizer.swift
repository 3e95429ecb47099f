import CareerCopilotCore
import Foundation

/// Tidies the locations of a posting: one string may hold several ("Denver, CO; New York,
/// NY", "London / Berlin", "Remote (US) or Austin, TX"); each is trimmed, its spaces
/// collapsed, duplicates dropped (case-insensitive), order kept.
public enum LocationNormalizer {
    public static func split(_ text: String?) -> [String] {
        guard let text else { return [] }
        var parts = [text]
        for separator in [";", " | ", " / ", " or ", "\n", " • ", " · "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        var seen = Set<String>()
        var result: [String] = []
        for part in parts {
            let tidy = part.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                .trimmingCharacters(in: CharacterSet(charactersIn: " ,-–—"))
            guard !tidy.isEmpty, tidy.count <= 200, seen.insert(tidy.lowercased()).inserted else { continue }
            result.append(tidy)
        }
        return result
    }

    /// The city part of a location, for comparing two postings ("new york" of "New York, NY").
    public static func cityKey(_ location: String) -> String {
        let city = location.split(separator: ",").first.map(String.init) ?? location
        return TextNormalizer.key(city)
    }
}
