import CareerCopilotCore

extension Matcher {
    /// Workplaces in order of presence, for telling a near miss (hybrid for someone who wants
    /// remote) from a far one (on-site).
    private static func position(_ remote: RemoteType) -> Int {
        switch remote {
        case .onsite: 0
        case .hybrid: 1
        case .remote: 2
        }
    }

    private static func describe(_ remote: RemoteType) -> String {
        switch remote {
        case .onsite: "On-site"
        case .hybrid: "Hybrid"
        case .remote: "Remote"
        }
    }

    /// The place and the workplace, scored apart. A remote job's place matters only when it
    /// names a region ("Remote (US)") that the person's places do not cover, and never fails
    /// a hard preference: the posting may still hire where they are. A job that is not known
    /// to be remote is at its place; only a place the posting gives can fail, never a missing one.
    func placeFits(_ facts: JobFacts) -> (location: Judged, remote: Judged) {
        (locationFit(facts), remoteFit(facts))
    }

    private func remoteFit(_ facts: JobFacts) -> Judged {
        let maxPoints = Match.Weight.remote
        let accepted = profile.remote
        guard let remote = facts.remote else {
            if accepted.isEmpty { return judged(.remote, .good, "You accept any workplace.", max: maxPoints, preference: .remote) }
            return judged(.remote, .unknown, "The posting does not say whether it is remote, hybrid or on-site.", max: maxPoints, preference: .remote)
        }
        guard !accepted.isEmpty else {
            return judged(.remote, .good, "\(Self.describe(remote)); you accept any workplace.", max: maxPoints, preference: .remote)
        }
        if accepted.contains(remote) {
            return judged(.remote, .good, "\(Self.describe(remote)), as you want.", max: maxPoints, preference: .remote)
        }
        let wanted = RemoteType.allCases.filter(accepted.contains)
        let distance = wanted.map { abs(Self.position($0) - Self.position(remote)) }.min() ?? 2
        let wish = wanted.map { Self.describe($0).lowercased() }.joined(separator: " or ")
        let detail = "\(Self.describe(remote)), but you want \(wish) work\(wanted.count == 1 ? " only" : "")."
        return judged(.remote, distance == 1 ? .partial : .poor, detail, max: maxPoints, preference: .remote, fails: true)
    }

    private func locationFit(_ facts: JobFacts) -> Judged {
        let maxPoints = Match.Weight.location
        let named = Self.list(facts.places.map(\.text), limit: 3)
        if facts.remote == .remote {
            let regions = facts.places.filter { !$0.placeWords.isEmpty }
            guard !places.isEmpty, !regions.isEmpty else {
                return judged(.location, .good, "Remote, so the place does not matter.", max: maxPoints, preference: .locations)
            }
            if regions.contains(where: { region in places.contains { $0.covers(region) } }) {
                return judged(.location, .good, "Remote from \(named), which you accept.", max: maxPoints, preference: .locations)
            }
            let detail = "Remote, but the posting names \(named): check that it hires where you live."
            return judged(.location, .partial, detail, points: maxPoints / 2, max: maxPoints, preference: .locations)
        }
        guard !facts.places.isEmpty else {
            if places.isEmpty { return judged(.location, .good, "The posting gives no place; you accept any.", max: maxPoints, preference: .locations) }
            return judged(.location, .unknown, "The posting gives no place.", max: maxPoints, preference: .locations)
        }
        guard !places.isEmpty else {
            return judged(.location, .good, "\(named); you accept any place.", max: maxPoints, preference: .locations)
        }
        if facts.places.contains(where: { job in places.contains { $0.covers(job) } }) {
            return judged(.location, .good, "\(named), a place you accept.", max: maxPoints, preference: .locations)
        }
        let unsaid = facts.remote == nil ? " The posting does not say it is remote." : ""
        let detail = "\(named) is outside the places you accept (\(Self.list(places.map(\.text), limit: 3))).\(unsaid)"
        return judged(.location, .poor, detail, max: maxPoints, preference: .locations, fails: true)
    }
}
