extension Matcher {
    struct SkillPart {
        var requirements: [Match.Requirement]
        var points: Int
    }

    /// Skills are the largest part of the score: the share of the posting's skills the
    /// profile has, a required skill weighing twice a nice-to-have one. The share is pulled
    /// toward neutral by half a required skill's weight, so that a posting naming one skill
    /// the person has does not count as a perfect fit, nor one they lack as none at all.
    /// Without skills on either side, the part is neutral.
    func skillPart(_ facts: JobFacts) -> SkillPart {
        var requirements: [Match.Requirement] = []
        requirements.reserveCapacity(facts.requirements.count)
        var met = 0.0
        var total = 0.0
        for requirement in facts.requirements {
            let own = skills[requirement.skill.lowercased()]
            let weight = requirement.required ? 2.0 : 1.0
            total += weight
            if own != nil { met += weight }
            requirements.append(
                Match.Requirement(skill: requirement.skill, required: requirement.required, met: own != nil, evidence: own?.evidence ?? []))
        }
        guard total > 0, !skills.isEmpty else {
            return SkillPart(requirements: requirements, points: Match.Weight.skills / 2)
        }
        return SkillPart(requirements: requirements, points: Self.points((met + 0.5) / (total + 1), of: Match.Weight.skills))
    }
}
