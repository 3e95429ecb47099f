import CareerCopilotCore
import Fluent
import Foundation
import Matching
import Profiles
import SQLKit
import Search

/// One user's profile, ready to score jobs: the matcher built once, the profile version the
/// scores are stored under.
struct MatchScorer: Sendable {
    let matcher: Matcher
    static let noProfile = "You have no profile yet: add your experience and skills on /profile (or PUT /api/v1/profile) to see how jobs match"

    /// The stored profile's version (`profiles.version`): a score of another version is stale.
    let version: String
    /// What semantic search compares jobs with: the titles and skills of the profile.
    let searchText: String

    /// The scorer of the user's stored profile; nil when they have none.
    static func load(for user: CurrentUser, on database: any Database, now: Date) async throws -> MatchScorer? {
        guard
            let row = try await database.sql.select().column(ProfileService.Column.list([.document, .version])).from("profiles")
                .where(ProfileService.Column.userID.sql, .equal, SQLBind(user.id)).first()
        else { return nil }
        let text: String = try row.decode(ProfileService.Column.document)
        let document = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .object([:])
        let profile = MatchInputs.profile(Profile(document: document), now: now)
        return MatchScorer(
            matcher: Matcher(profile: profile), version: try row.decode(ProfileService.Column.version),
            searchText: EmbeddingText.profile(targetTitles: profile.targetTitles, pastTitles: profile.pastTitles, skills: profile.skills.map(\.name)))
    }

    func match(_ job: JobRecord, skills: [String]) -> Match {
        matcher.match(MatchInputs.job(job, skills: skills))
    }

    func scores(of jobs: [JobRecord], on database: any Database) async throws -> [(jobID: Int, match: Match)] {
        let ids = jobs.map(\.id)
        let skills = try await JobReader(database: database, viewer: nil).skillNames(of: ids)
        return zip(ids, jobs).map { id, job in (id, match(job, skills: skills[id] ?? [])) }
    }

    /// Stores scores, each with the job's `updated_at` as the database holds it (copied in
    /// SQL, so that comparing it later is exact on both databases). One `VALUES` list: its
    /// columns are `column1…` on both databases, and PostgreSQL plans it in under a
    /// millisecond, where 500 `SELECT`s joined by `UNION ALL` took 87 ms to plan.
    func store(_ scores: [(jobID: Int, match: Match)], for userID: Int, on database: any Database) async throws {
        guard !scores.isEmpty else { return }
        let rows: [SQLQueryString] = scores.map { "(\(bind: $0.jobID), \(bind: $0.match.score), \(bind: $0.match.passes))" }
        try await database.sql.raw(
            """
            INSERT INTO job_matches (user_id, job_id, score, passes, profile_version, job_updated_at)
            SELECT \(bind: userID), jobs.id, v.column2, v.column3, \(bind: version), jobs.updated_at
            FROM jobs JOIN (VALUES \(SQLList(rows))) v ON v.column1 = jobs.id WHERE true
            ON CONFLICT (user_id, job_id) DO UPDATE SET score = excluded.score, passes = excluded.passes,
                profile_version = excluded.profile_version, job_updated_at = excluded.job_updated_at
            """
        ).run()
    }
}

/// The matcher's inputs from what the product stores: a profile, a job and its skills.
enum MatchInputs {
    static func profile(_ profile: Profile, now: Date, taxonomy: SkillTaxonomy = .standard) -> MatchProfile {
        var skills: [String: MatchProfile.Skill] = [:]
        var order: [String] = []
        func add(_ written: String, evidence: String, years: Double? = nil, level: String? = nil) {
            let name = taxonomy.canonicalName(written) ?? written.trimmingCharacters(in: .whitespaces)
            let key = name.lowercased()
            guard !key.isEmpty else { return }
            if skills[key] == nil {
                skills[key] = MatchProfile.Skill(name: name, years: years, level: level, evidence: [])
                order.append(key)
            }
            if !(skills[key]?.evidence.contains(evidence) ?? true) { skills[key]?.evidence.append(evidence) }
            if skills[key]?.years == nil { skills[key]?.years = years }
            if skills[key]?.level == nil { skills[key]?.level = level }
        }
        for skill in profile.skills {
            add(skill.name, evidence: "Skills", years: skill.years, level: skill.level)
            for keyword in skill.keywords { add(keyword, evidence: "Skills (\(skill.name))") }
        }
        let roles = profile.work.sorted { ($0.startDate ?? "") > ($1.startDate ?? "") }
        for role in roles {
            let title = [role.position, role.name].compactMap { $0 }.joined(separator: " at ")
            let span = [role.startDate.map { String($0.prefix(4)) }, role.endDate.map { String($0.prefix(4)) } ?? (role.startDate == nil ? nil : "now")]
                .compactMap { $0 }.joined(separator: "–")
            let evidence = span.isEmpty ? title : "\(title) (\(span))"
            for name in taxonomy.extract(from: ([role.position, role.summary].compactMap { $0 } + role.highlights).joined(separator: "\n")) {
                add(name, evidence: evidence)
            }
        }
        for project in profile.projects {
            for name in taxonomy.extract(
                from: ([project.name, project.description].compactMap { $0 } + project.highlights + project.keywords).joined(separator: "\n"))
            {
                add(name, evidence: "Project: \(project.name)")
            }
        }
        for certificate in profile.certificates {
            for name in taxonomy.extract(from: certificate.name) { add(name, evidence: "Certificate: \(certificate.name)") }
        }
        let preferences = profile.preferences
        return MatchProfile(
            skills: order.compactMap { skills[$0] },
            targetTitles: preferences.targetTitles,
            pastTitles: roles.compactMap(\.position),
            yearsOfExperience: yearsOfExperience(profile.work, now: now),
            locations: preferences.locations,
            remote: Set(preferences.remote),
            minSalary: preferences.minSalary,
            salaryCurrency: preferences.salaryCurrency,
            hardFilters: Set(preferences.hardFilters.compactMap(PreferenceKind.init(rawValue:))),
            resumeText: resumeText(profile)
        )
    }

    static func job(_ job: JobRecord, skills: [String]) -> MatchJob {
        MatchJob(
            title: job.title, company: job.company, location: job.location, remote: job.remote, salaryMin: job.salaryMin, salaryMax: job.salaryMax,
            salaryCurrency: job.salaryCurrency, salaryPeriod: job.salaryPeriod, descriptionText: job.descriptionText ?? "", skills: skills)
    }

    /// Years of work: the months covered by at least one role (overlaps counted once), a
    /// current role up to `now`.
    static func yearsOfExperience(_ work: [Profile.Work], now: Date) -> Double? {
        let calendar = Calendar(identifier: .gregorian)
        let today = calendar.dateComponents(in: TimeZone(identifier: "UTC")!, from: now)
        let nowIndex = (today.year ?? 2000) * 12 + (today.month ?? 1) - 1
        let spans: [(Int, Int)] = work.compactMap { role in
            guard let start = role.startDate.flatMap(ProfileDate.init) else { return nil }
            let end = role.endDate.flatMap(ProfileDate.init).map(\.monthIndex) ?? nowIndex
            return (start.monthIndex, max(start.monthIndex, min(end, nowIndex)) + 1)
        }.sorted { $0.0 < $1.0 }
        guard !spans.isEmpty else { return nil }
        var months = 0
        var reached = Int.min
        for (start, end) in spans where end > reached {
            months += end - max(start, reached)
            reached = end
        }
        return Double(months) / 12
    }

    static func resumeText(_ profile: Profile) -> String {
        var parts: [String] = [profile.basics.label, profile.basics.summary].compactMap { $0 }
        for role in profile.work { parts += [role.position, role.name, role.summary].compactMap { $0 } + role.highlights }
        for entry in profile.education { parts += [entry.studyType, entry.area, entry.institution].compactMap { $0 } }
        for skill in profile.skills { parts += [skill.name] + skill.keywords }
        for project in profile.projects { parts += [project.name, project.description].compactMap { $0 } + project.highlights + project.keywords }
        parts += profile.certificates.map(\.name) + profile.languages.map(\.language)
        return parts.joined(separator: "\n")
    }
}
