import CareerCopilotCore
import JobSources

/// A place as written in a posting or a profile ("Berlin", "London, UK", "Munich, Bavaria,
/// Germany"), read for matching: its words, and each comma-separated part as words and as a
/// key in which the usual names of a country are one ("UK", "United Kingdom", "England").
struct Place: Sendable, Equatable {
    var text: String
    var words: [String]
    var parts: [[String]]
    var keys: Set<String>

    /// Country names written in several ways. Two-letter codes other than UK and US are left
    /// out: "DE" and "CA" are also Delaware and California.
    static let countries: [String: String] = {
        let groups: [(String, [String])] = [
            ("uk", ["uk", "u.k", "gb", "united kingdom", "great britain", "britain", "england", "scotland", "wales", "northern ireland"]),
            ("us", ["us", "u.s", "usa", "u.s.a", "united states", "united states of america", "america"]),
            ("germany", ["germany", "deutschland"]), ("netherlands", ["netherlands", "the netherlands", "holland", "nederland"]),
            ("spain", ["spain", "españa"]), ("italy", ["italy", "italia"]), ("switzerland", ["switzerland", "schweiz", "suisse"]),
            ("austria", ["austria", "österreich"]), ("poland", ["poland", "polska"]), ("uae", ["uae", "united arab emirates"]),
        ]
        var keys: [String: String] = [:]
        for (key, names) in groups { for name in names { keys[name] = key } }
        return keys
    }()
    /// Words of a remote job's location that name no place ("Remote (worldwide)", "Fully remote").
    static let placeless: Set<String> = [
        "remote", "anywhere", "worldwide", "global", "globally", "fully", "100", "first", "friendly", "only", "work", "from",
        "home", "wfh", "distributed", "the", "in", "within", "based", "timezone", "timezones", "time", "zone", "zones", "tz",
        "or", "and", "hybrid", "onsite", "on", "site", "office", "flexible", "location", "locations", "any", "all", "world",
        "telecommute", "n", "a", "various", "multiple",
    ]

    static let separators: Set<Unicode.Scalar> = [",", "(", ")", "–", "—", "/", ";", "|"]

    /// At most this many words of a place are read: a place is a few words, and a longer
    /// text is not one.
    static let wordLimit = 24

    init(_ text: String) {
        let shown = String(text.prefix(120))
        let tidy = shown.utf8.allSatisfy { $0 > 32 || $0 == 32 } && !shown.contains("  ") && shown.first != " " && shown.last != " "
        self.text = tidy ? shown : TextNormalizer.collapsingWhitespace(shown)
        // Parts by commas and brackets, words by the taxonomy's rules.
        var parts: [[String]] = []
        var read = 0
        for piece in text.unicodeScalars.split(whereSeparator: Self.separators.contains) where read < Self.wordLimit {
            let list = WordList(Substring(piece))
            let words = (0..<min(list.count, Self.wordLimit - read)).map(list.lower)
            read += words.count
            if !words.isEmpty { parts.append(words) }
        }
        var keys = Set<String>()
        for part in parts {
            let joined = part.joined(separator: " ")
            keys.insert(Self.countries[joined] ?? joined)
        }
        words = parts.flatMap { $0 }
        self.parts = parts
        self.keys = keys
    }

    /// The places of a posting's location: `LocationNormalizer`'s split when it holds
    /// several, and at most 20.
    static func all(in location: String?) -> [Place] {
        guard let location else { return [] }
        let text = String(location.prefix(1_000))
        // Most locations are one place; the split goes through Foundation and costs more
        // than the rest of a match.
        let separators: Set<UInt8> = [UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: "\n"), 0xE2, 0xC2]
        if !text.utf8.contains(where: separators.contains), !Self.containsOr(text) {
            let place = Place(text)
            return place.parts.isEmpty ? [] : [place]
        }
        return LocationNormalizer.split(text).prefix(20).map(Place.init).filter { !$0.parts.isEmpty }
    }

    /// " or " in any case.
    private static func containsOr(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4 else { return false }
        for index in 0...(bytes.count - 4) where bytes[index] == 32 && bytes[index + 3] == 32 {
            if bytes[index + 1] | 0x20 == UInt8(ascii: "o"), bytes[index + 2] | 0x20 == UInt8(ascii: "r") { return true }
        }
        return false
    }

    /// The words that name a place, without "remote", "anywhere" and the like.
    var placeWords: [String] { words.filter { !Self.placeless.contains($0) } }

    /// Whether this accepted place covers a job's place: its first part is in the job's place
    /// ("Berlin" in "Berlin, Germany"; "Germany" in "Munich, Bavaria, Germany"; "UK" in
    /// "London, England"), and, when both say more, a further part agrees too ("London, UK"
    /// is not "London, Ontario, Canada").
    func covers(_ job: Place) -> Bool {
        guard let first = parts.first, job.contains(first) else { return false }
        guard parts.count > 1, job.parts.count > 1 else { return true }
        return parts.dropFirst().contains { job.contains($0) }
    }

    private func contains(_ part: [String]) -> Bool {
        let joined = part.joined(separator: " ")
        if keys.contains(Self.countries[joined] ?? joined) { return true }
        guard !part.isEmpty, part.count <= words.count else { return false }
        for start in 0...(words.count - part.count) where words[start] == part[0] {
            if words[start..<(start + part.count)].elementsEqual(part) { return true }
        }
        return false
    }
}
