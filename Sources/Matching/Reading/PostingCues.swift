/// The words postings use to say what they require. Phrases are matched as whole words,
/// case-insensitively; an apostrophe or hyphen splits words ("you'll" is "you ll").
enum PostingCues {
    /// Headings of a section, or a line's lead-in before its colon ("Nice to have: Rust").
    /// Neutral ones end a requirements section: what follows is about the role, the team, the
    /// stack or the benefits.
    static let headings: [(String, Marking)] =
        [
            "requirements", "requirement", "required", "must have", "must haves", "musts", "qualifications", "qualification",
            "what you'll need", "what you will need", "what you need", "you'll need", "you will need", "what we need",
            "what we're looking for", "what we are looking for", "we're looking for", "we are looking for", "looking for",
            "who you are", "about you", "you have", "you bring", "what you bring", "what you'll bring", "you should have",
            "you will have", "you'll have", "your profile", "profile", "your skills", "skills", "your experience", "experience",
            "what we expect", "we expect", "essential", "essentials", "key skills", "minimum qualifications", "basic qualifications",
            "ideal candidate", "candidate", "you are", "you're",
        ].map { ($0, Marking.required) }
        + [
            "nice to have", "nice to haves", "bonus", "bonus points", "plus", "pluses", "preferred", "preferred qualifications",
            "desirable", "desired", "optional", "extra", "extras", "good to have", "great to have", "even better", "would be great",
            "would be nice", "ideally", "advantage", "advantages", "not required", "brownie points", "extra credit",
        ].map { ($0, Marking.niceToHave) }
        + [
            "responsibilities", "responsibility", "what you'll do", "what you will do", "your role", "the role", "role", "about",
            "about us", "about the role", "about the team", "about the company", "about the job", "about the position", "who we are",
            "our team", "the team", "team", "benefits", "perks", "we offer", "what we offer", "offer", "our stack", "tech stack",
            "stack", "technologies", "our tech", "tools we use", "your mission", "mission", "tasks", "your tasks", "day to day",
            "compensation", "salary", "location", "how to apply", "process", "why join", "why us", "our values", "values", "culture",
            "what you'll work on", "projects", "description", "job description", "overview", "summary", "equal opportunity",
            "diversity", "additional information", "the opportunity", "opportunity", "your impact", "impact", "the company",
        ].map { ($0, Marking.neutral) }

    /// A line's own wording, which wins over its section: "Kafka is a plus" under
    /// "Requirements" is nice to have; "Go is a must" under "Bonus" is required.
    static let lines: [(String, Marking)] =
        [
            "must", "mandatory", "required", "requires", "require", "essential", "you have", "you'll have", "you bring",
            "you'll bring", "you'll need", "you will need", "you need", "need to have", "we require", "requirement",
            "requirements", "proven",
        ].map { ($0, Marking.required) }
        + [
            "nice to have", "nice to haves", "bonus", "plus", "pluses", "preferred", "preferably", "ideally", "desirable", "desired",
            "optional", "not required", "not a must", "not mandatory", "not essential", "would be great", "would be nice",
            "an advantage", "advantageous", "beneficial", "is welcome", "are welcome", "welcomed", "appreciated", "good to have",
            "great to have", "even better", "extra points", "brownie points", "we'd love", "we would love", "helpful",
        ].map { ($0, Marking.niceToHave) }
}
