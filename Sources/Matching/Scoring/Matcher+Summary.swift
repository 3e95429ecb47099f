extension Matcher {
    /// The posting's important terms found in the resume and missing from it, most important
    /// first; at most 15 missing, the ones worth adding.
    func keywordReport(_ facts: JobFacts) -> Match.KeywordReport {
        var present: [String] = []
        var missing: [String] = []
        for keyword in facts.keywords {
            if resume.contains(keyword) {
                present.append(keyword.term)
            } else if missing.count < 15 {
                missing.append(keyword.term)
            }
        }
        return Match.KeywordReport(present: present, missing: missing)
    }

    /// One sentence on the skills, and one on the rest: what rules the job out if anything
    /// does, else which parts fit well and which poorly.
    func summary(score: Int, skills part: SkillPart, fits: [Judged], filteredBy: [PreferenceKind]) -> String {
        let band = score >= 80 ? "Strong match" : score >= 60 ? "Good match" : score >= 40 ? "Partial match" : "Weak match"
        let skillSentence = "\(band): \(Self.skillsSentence(part, profileHasSkills: !skills.isEmpty))"
        if !filteredBy.isEmpty {
            let failed = fits.filter { $0.failed != nil }.map { Self.noun($0.fit.kind) }
            return "Filtered out by your hard preference\(failed.count > 1 ? "s" : "") on \(Self.list(failed, limit: 5)). " + skillSentence
        }
        let good = fits.filter { $0.fit.verdict == .good }.map { Self.noun($0.fit.kind) }
        let poor = fits.filter { $0.fit.verdict == .poor }.map { Self.noun($0.fit.kind) }
        var parts: [String] = []
        if !good.isEmpty { parts.append("good fit on \(Self.list(good, limit: 5))") }
        if !poor.isEmpty { parts.append("poor on \(Self.list(poor, limit: 5))") }
        guard !parts.isEmpty else { return skillSentence + " The other parts fit partly or are unknown." }
        let rest = parts.joined(separator: "; ")
        return skillSentence + " " + rest.prefix(1).uppercased() + rest.dropFirst() + "."
    }

    private static func skillsSentence(_ part: SkillPart, profileHasSkills: Bool) -> String {
        let required = part.requirements.filter(\.required)
        let nice = part.requirements.filter { !$0.required }
        guard !part.requirements.isEmpty else { return "the posting names no skills we know, so skills count as neutral." }
        guard profileHasSkills else { return "your profile lists no skills, so the posting's \(part.requirements.count) count as neutral." }
        var clauses: [String] = []
        if !required.isEmpty {
            let missing = required.filter { !$0.met }.map(\.skill)
            clauses.append(
                "you have \(required.count - missing.count) of \(required.count) required skills"
                    + (missing.isEmpty ? "" : " (missing \(list(missing, limit: 3)))"))
        }
        if !nice.isEmpty {
            clauses.append("\(required.isEmpty ? "you have " : "")\(nice.filter(\.met).count) of \(nice.count) nice-to-haves")
        }
        let sentence = clauses.joined(separator: " and ")
        return sentence + "."
    }

    private static func noun(_ kind: Match.FitKind) -> String {
        switch kind {
        case .title: "title"
        case .seniority: "seniority"
        case .location: "place"
        case .remote: "workplace"
        case .salary: "pay"
        }
    }
}
