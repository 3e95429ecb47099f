/// Words that are never an important term of a posting: English function words, and the
/// words every posting uses about itself ("team", "experience", "work", "role", "company").
enum CommonWords {
    static let all: Set<String> = functionWords.union(postingWords)

    static let functionWords: Set<String> = [
        "a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "down", "during", "each", "either", "else", "etc", "eg", "e.g", "ie", "i.e", "even", "ever", "every", "few",
        "for", "from", "further", "get", "gets", "getting", "got", "had", "has", "have", "having", "he", "her", "here", "hers",
        "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "ll", "may", "me",
        "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
        "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per", "re", "s", "same", "shall", "she", "should",
        "so", "some", "such", "t", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
        "those", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "ve", "very", "via", "want", "was", "we",
        "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
        "without", "would", "yet", "you", "your", "yours", "yourself", "d", "m", "like", "well", "many", "two", "three", "four",
        "five", "six", "seven", "eight", "nine", "ten", "new", "way", "ways", "day", "days", "year", "years", "yrs", "month",
        "months", "week", "weeks", "time", "times", "lot", "lots", "thing", "things", "something", "anything", "everything",
        "go", "rest", "react", "swift", "spark", "spring", "node", "rails", "vs", "plus", "bonus", "nice", "preferred", "ideally",
        "required", "requirement", "requirements", "qualification", "qualifications", "responsibilities", "responsibility",
    ]

    static let postingWords: Set<String> = [
        "team", "teams", "experience", "experiences", "experienced", "work", "works", "working", "worked", "role", "roles",
        "company", "companies", "job", "jobs", "position", "positions", "candidate", "candidates", "opportunity", "opportunities",
        "strong", "solid", "excellent", "good", "great", "deep", "proven", "ability", "able", "knowledge", "understanding",
        "familiarity", "familiar", "skills", "skill", "background", "track", "record", "level", "plus", "hands", "using", "use",
        "used", "build", "building", "built", "develop", "developing", "developed", "development", "designing",
        "create", "creating", "help", "helping", "make", "making", "ensure", "ensuring", "drive", "driving", "own", "owning",
        "join", "joining", "looking", "seeking", "want", "need", "needs", "love", "passion", "passionate", "motivated", "minimum",
        "least", "ideal", "must", "have", "including", "include", "includes", "related", "relevant", "similar", "equivalent",
        "degree", "field", "professional", "senior", "junior", "mid", "lead", "staff", "principal", "engineer", "engineers",
        "engineering", "developer", "developers", "software", "apply", "applicants", "application", "applications", "benefits",
        "salary", "offer", "environment", "fast", "paced", "dynamic", "exciting", "world", "class", "high", "quality", "best",
        "practices", "practice", "customers", "customer", "product", "products", "people", "colleagues", "mission", "culture",
        "remote", "hybrid", "office", "onsite", "location", "based", "full", "part", "contract", "permanent", "hours", "hour",
        "opportunity", "growth", "grow", "impact", "us", "new", "range", "various", "variety", "wide", "across", "within",
        "responsible", "closely", "together", "part", "key", "core", "day", "daily", "ownership", "take", "bring", "join",
        "self", "starter", "proactive", "detail", "oriented", "attitude", "willingness", "eager", "learn", "learning", "excited",
        "thrive", "comfortable", "effectively", "effective", "successful", "success", "years", "year", "plus", "etc",
    ]
}
