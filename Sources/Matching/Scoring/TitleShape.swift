import JobSources

/// A job title read for fit, with `Deduplicator`'s words ("Sr. Backend Eng" → senior; back,
/// end, engineer) and a few more rules that matter for fit but not for telling reposts apart:
/// a developer or programmer is an engineer, "software" says nothing, "back end" is one word,
/// and a manager, head, director, VP or chief is another track than the people they lead.
struct TitleShape: Sendable, Equatable {
    var text: String
    var words: Set<String>
    /// The seniority its level words give (intern 0 … chief 6), nil when it has none.
    var rank: Int?
    var isManagement: Bool

    static let ranks: [String: Int] = [
        "intern": 0, "junior": 1, "graduate": 1, "entry": 1, "associate": 1, "mid": 2, "ii": 2, "senior": 3, "iii": 3,
        "staff": 4, "lead": 4, "iv": 4, "principal": 5, "head": 5, "director": 5, "vp": 6, "chief": 6,
    ]
    static let rankNames = ["intern", "junior", "mid-level", "senior", "staff or lead", "principal", "executive"]
    static let managementWords: Set<String> = ["manager", "head", "director", "vp", "chief"]
    static let sameRole: [String: String] = ["developer": "engineer", "programmer": "engineer", "software": "", "dev": "engineer"]
    /// Words that many titles share: they count half.
    static let generic: Set<String> = ["engineer", "specialist", "consultant", "analyst"]

    init(_ title: String) {
        text = title
        let (level, parts) = Deduplicator.titleParts(title)
        var words = Set<String>()
        for part in parts {
            let word = Self.sameRole[part] ?? part
            if !word.isEmpty { words.insert(word) }
        }
        // "back end" is one word for fit: "Backend Engineer" and "Frontend Engineer" share only "engineer".
        for (first, second, joined) in [("back", "end", "backend"), ("front", "end", "frontend"), ("full", "stack", "fullstack")]
        where words.contains(first) && words.contains(second) {
            words.remove(first)
            words.insert(joined)
        }
        if words.contains("backend") || words.contains("frontend") { words.remove("end") }
        if words.contains("fullstack") { words.remove("stack") }
        let management = level.intersection(Self.managementWords)
        self.words = words.union(management)
        isManagement = !management.isEmpty
        rank = level.compactMap { Self.ranks[$0] }.max()
    }

    /// How alike two titles are, 0…1: the share of weighted words they have in common, or,
    /// when one title's words all appear in the other, 0.9 if the job is the more specific
    /// ("Backend Engineer" in "Backend Engineer, Payments") and 0.7 if it is the broader
    /// ("Software Engineer" for a backend target). Halved across tracks.
    func similarity(toJob job: TitleShape) -> Double {
        guard !words.isEmpty, !job.words.isEmpty else { return 0 }
        let common = Self.weight(words.intersection(job.words))
        let mine = Self.weight(words)
        let theirs = Self.weight(job.words)
        var similarity = common / (mine + theirs - common)
        if common >= mine { similarity = max(similarity, 0.9) } else if common >= theirs { similarity = max(similarity, 0.7) }
        if isManagement != job.isManagement { similarity *= 0.5 }
        return similarity
    }

    private static func weight(_ words: Set<String>) -> Double {
        words.reduce(0) { $0 + (generic.contains($1) ? 0.5 : 1) }
    }
}
