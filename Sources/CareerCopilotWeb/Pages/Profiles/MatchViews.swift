import CareerCopilotCore
import Matching

/// How a match is shown: a score badge on cards, and the whole explanation on a job's page.
enum MatchViews {
    /// "82% match", coloured by how good it is.
    static func badge(_ score: Int, passes: Bool = true) -> HTML {
        let tone = !passes ? "badge-danger" : score >= 70 ? "badge-success" : score >= 45 ? "badge-accent" : ""
        return span(.class("badge", "match-badge", tone), .title(passes ? "How well this job fits your profile" : "Ruled out by one of your must-haves")) {
            "\(score)% match"
        }
    }

    /// The explanation of a job's page: score and summary, each requirement met or missing
    /// with where the profile shows it, the fits, and the keywords the resume lacks.
    static func explanation(_ match: Match) -> HTML {
        section(.class("card"), .id("match"), .aria("labelledby", "match-title")) {
            h2(.id("match-title")) {
                "How you match: "; badge(match.score, passes: match.passes)
            }
            p(.id("match-summary")) { match.summary }
            if !match.requirements.isEmpty {
                h3 { "What the job asks for" }
                ul(.class("requirements"), .id("match-requirements")) {
                    for requirement in match.requirements {
                        li(.class(requirement.met ? "met" : "missing"), .data("skill", requirement.skill)) {
                            span(.class("badge", requirement.met ? "badge-success" : "badge-danger")) { requirement.met ? "✓ have" : "✗ missing" }
                            " "
                            strong { requirement.skill }
                            requirement.required ? " · required" : " · nice to have"
                            if !requirement.evidence.isEmpty { span(.class("muted")) { " — " + requirement.evidence.prefix(3).joined(separator: "; ") } }
                        }
                    }
                }
            }
            h3 { "Fit" }
            dl(.class("job-facts"), .id("match-fits")) {
                for fit in match.fits {
                    dt {
                        label(fit.kind); fit.hard ? " (must)" : ""
                    }
                    dd {
                        "\(fit.points)/\(fit.maxPoints) · "; fit.detail
                    }
                }
            }
            if !match.keywords.missing.isEmpty {
                h3 { "Keywords your resume lacks" }
                p(.class("muted")) { "Terms the posting stresses that applicant tracking systems look for; add those that are true of you." }
                ul(.class("keyword-list"), .id("match-missing-keywords")) {
                    for keyword in match.keywords.missing { li { span(.class("badge")) { keyword } } }
                }
            }
        }
    }

    /// The prompt shown where a match would be when the person has no profile yet.
    static var noProfile: HTML {
        section(.class("card"), .id("match")) {
            h2 { "How you match" }
            p {
                "Add your experience and skills to your "; a(.href(.profile)) { "profile" }; " to see how well this job fits you, and why."
            }
        }
    }

    static func label(_ kind: Match.FitKind) -> String {
        switch kind {
        case .title: "Title"
        case .seniority: "Seniority"
        case .location: "Location"
        case .remote: "Workplace"
        case .salary: "Salary"
        }
    }
}
