extension Matcher {
    /// The title against the person's target titles, and against the titles they have held
    /// (worth 0.8 of a target: having done a job says less than wanting it). A hard title
    /// preference fails when no target is even close.
    func titleFit(_ facts: JobFacts) -> Judged {
        let maxPoints = Match.Weight.title
        guard !facts.title.words.isEmpty else {
            return judged(.title, .unknown, "The posting has no title to compare.", max: maxPoints, preference: .titles)
        }
        guard !targets.isEmpty || !past.isEmpty else {
            return judged(.title, .unknown, "Add target titles to your profile to compare titles.", max: maxPoints, preference: .titles)
        }
        let target = targets.map { ($0.similarity(toJob: facts.title), $0.text) }.max { $0.0 < $1.0 }
        let pastFactor = targets.isEmpty ? 1.0 : 0.8
        let held = past.map { ($0.similarity(toJob: facts.title) * pastFactor, $0.text) }.max { $0.0 < $1.0 }
        let targetShare = target?.0 ?? 0
        let usePast = (held?.0 ?? 0) > targetShare
        let share = max(targetShare, held?.0 ?? 0)
        let verdict = Self.verdict(share)
        let detail: String
        switch (verdict, usePast) {
        case (.good, false): detail = "The title matches your target “\(target?.1 ?? "")”."
        case (.good, true): detail = "You have worked as “\(held?.1 ?? "")”."
        case (.partial, false): detail = "The title is close to your target “\(target?.1 ?? "")”."
        case (.partial, true): detail = "The title is close to your past role “\(held?.1 ?? "")”."
        default:
            detail =
                targets.isEmpty
                ? "The title is unlike the roles you have held."
                : "The title matches none of your targets (\(Self.list(targets.map(\.text), limit: 3)))."
        }
        return judged(
            .title, verdict, detail, points: Self.points(share, of: maxPoints), max: maxPoints, preference: .titles,
            fails: !targets.isEmpty && Self.verdict(targetShare) == .poor)
    }

    /// The level the title asks (senior, staff, junior…) against the person's, and the years
    /// the posting asks against theirs; each known comparison counts equally.
    func seniorityFit(_ facts: JobFacts) -> Judged {
        let maxPoints = Match.Weight.seniority
        var shares: [Double] = []
        var sentences: [String] = []
        if let jobRank = facts.title.rank {
            let accepted = Set(targets.compactMap(\.rank) + [rank].compactMap { $0 })
            if let closest = accepted.min(by: { (abs(jobRank - $0), $0) < (abs(jobRank - $1), $1) }) {
                let step = jobRank - closest
                let name = TitleShape.rankNames[jobRank]
                let role = "\(name.first.map { "aeiou".contains($0) } == true ? "An" : "A") \(name) role"
                switch step {
                case 0:
                    shares.append(1)
                    sentences.append("\(role), at your level.")
                case 1:
                    shares.append(0.6)
                    sentences.append("\(role), a step above your \(TitleShape.rankNames[closest]) level.")
                case -1:
                    shares.append(0.6)
                    sentences.append("\(role), a step below your \(TitleShape.rankNames[closest]) level.")
                default:
                    shares.append(abs(step) == 2 ? 0.2 : 0)
                    sentences.append("\(role), \(step > 0 ? "well above" : "well below") your \(TitleShape.rankNames[closest]) level.")
                }
            }
        }
        if let asked = facts.yearsAsked, let years {
            let have = "you have about \(Int(years.rounded()))"
            let askedText = "It asks for \(asked)+ years"
            let share: Double =
                years >= Double(asked) ? 1 : years >= Double(asked) - 1 ? 0.6 : years >= Double(asked) / 2 ? 0.3 : 0
            shares.append(share)
            sentences.append("\(askedText); \(have).")
        }
        guard !shares.isEmpty else {
            let detail =
                facts.title.rank == nil && facts.yearsAsked == nil
                ? "The posting names no level or years of experience."
                : "Your profile gives no level or years to compare with."
            return judged(.seniority, .unknown, detail, max: maxPoints)
        }
        let share = shares.reduce(0, +) / Double(shares.count)
        return judged(.seniority, Self.verdict(share), sentences.joined(separator: " "), points: Self.points(share, of: maxPoints), max: maxPoints)
    }

    /// "a, b and c", and "and N more" past `limit`.
    static func list(_ items: [String], limit: Int) -> String {
        let shown = Array(items.prefix(limit))
        let more = items.count - shown.count
        if more > 0 { return shown.joined(separator: ", ") + " and \(more) more" }
        guard shown.count > 1 else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + " and " + shown[shown.count - 1]
    }
}
