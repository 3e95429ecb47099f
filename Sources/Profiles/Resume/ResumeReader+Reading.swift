import CareerCopilotCore
import Foundation

extension ResumeReader {
    /// A draft being filled, section by section, with how sure the reader is of each field.
    struct Reading {
        private(set) var parts: [ResumeSections.Part]
        private var profile = Profile()
        private var confidence: [String: Double?] = [:]
        private var unplaced: [String] = []
        private var notes: [String] = []
        private var listedSkills: [ListedSkill] = []
        private var basicsLines: [String] = []

        init(parts: [ResumeSections.Part]) {
            self.parts = parts
        }

        /// Contact details from the lines before the first heading and under "Contact"
        /// headings; the name from there, else from the line the e-mail address spells
        /// (a sidebar's contact block may come before it), whose lines then join the basics.
        mutating func readBasics() {
            var basics = BasicsSection.basics(parts.filter { $0.section == .basics }.flatMap(\.lines))
            var nameConfidence = 0.6
            if basics.name == nil, let (part, line) = BasicsSection.nameLine(in: parts, identifiedBy: basics) {
                let moved = Array(parts[part].lines[line...])
                parts[part].lines.removeSubrange(line...)
                parts.insert(ResumeSections.Part(section: .basics, heading: "", lines: moved), at: part + 1)
                basics = BasicsSection.basics(parts.filter { $0.section == .basics }.flatMap(\.lines))
                nameConfidence = 0.8
            }
            basicsLines = parts.filter { $0.section == .basics }.flatMap(\.lines)
            if let name = basics.name, basicsLines.first?.trimmingCharacters(in: .whitespaces) == name { nameConfidence = 0.9 }
            profile.basics.name = basics.name
            profile.basics.email = basics.email
            profile.basics.phone = basics.phone
            profile.basics.url = basics.url
            profile.basics.profiles = basics.profiles
            confidence["basics.name"] = basics.name.map { _ in nameConfidence }
            confidence["basics.email"] = basics.email.map { _ in 0.95 }
            confidence["basics.phone"] = basics.phone.map { _ in 0.8 }
            confidence["basics.url"] = basics.url.map { _ in 0.8 }
        }

        mutating func read(_ part: ResumeSections.Part, taxonomy: SkillTaxonomy) {
            switch part.section {
            case .basics:
                return
            case .summary:
                let text = part.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                // Appended in place: many summary sections cost their length, once.
                if profile.basics.summary == nil { profile.basics.summary = text } else { profile.basics.summary?.append(" " + text) }
                confidence["basics.summary"] = 0.85
            case .work:
                readWork(part.lines)
            case .education:
                for entry in EducationSection.entries(part.lines) {
                    let index = profile.education.count
                    profile.education.append(entry)
                    confidence["education[\(index)].institution"] = entry.institution.map { _ in 0.85 }
                    confidence["education[\(index)].studyType"] = entry.studyType.map { _ in 0.8 }
                }
            case .skills:
                listedSkills += SkillsSection.skills(part.lines, taxonomy: taxonomy)
            case .projects:
                append(ProjectsSection.entries(part.lines), to: \.projects, field: "projects", named: "name", confidence: 0.7)
            case .certificates:
                append(CertificatesSection.entries(part.lines), to: \.certificates, field: "certificates", named: "name", confidence: 0.8)
            case .languages:
                append(LanguagesSection.entries(part.lines), to: \.languages, field: "languages", named: "language", confidence: 0.85)
            case .volunteer, .awards, .publications, .interests, .references:
                unplaced += part.lines.map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }

        private mutating func append<Entry>(
            _ entries: [Entry], to list: WritableKeyPath<Profile, [Entry]>, field: String, named name: String, confidence value: Double
        ) {
            for entry in entries {
                confidence["\(field)[\(profile[keyPath: list].count)].\(name)"] = value
                profile[keyPath: list].append(entry)
            }
        }

        private mutating func readWork(_ lines: [String]) {
            for entry in WorkSection.entries(lines) {
                let index = profile.work.count
                var work = Profile.Work(
                    name: entry.name, position: entry.position, location: entry.location, startDate: entry.dates?.start.description,
                    endDate: entry.dates?.end?.description)
                work.highlights = entry.highlights
                profile.work.append(work)
                let complete = entry.name != nil && entry.position != nil && entry.dates != nil
                for (field, value) in [("name", entry.name), ("position", entry.position), ("location", entry.location)] where value != nil {
                    confidence["work[\(index)].\(field)"] = complete ? 0.85 : 0.55
                }
                if entry.dates != nil { confidence["work[\(index)].startDate"] = 0.9 }
                unplaced += entry.unplaced
            }
        }

        /// Skills named in a skills section, then the known skills the rest of the resume
        /// mentions (roles, projects), marked as found in the text.
        mutating func addSkills(taxonomy: SkillTaxonomy) {
            var seen = Set<String>()
            for skill in listedSkills where seen.insert(skill.name.lowercased()).inserted {
                confidence["skills[\(profile.skills.count)].name"] = skill.isKnown ? 0.9 : 0.6
                profile.skills.append(Profile.Skill(name: skill.name))
            }
            let elsewhere = taxonomy.extract(from: parts.filter { $0.section != .skills }.flatMap(\.lines).joined(separator: "\n"))
            for name in elsewhere where seen.insert(name.lowercased()).inserted {
                confidence["skills[\(profile.skills.count)].name"] = 0.5
                profile.skills.append(Profile.Skill(name: name))
            }
        }

        func draft(format: ResumeDraft.Format) -> ResumeDraft {
            var notes = notes
            var unplaced = unplaced
            if parts.allSatisfy({ $0.section == .basics }) {
                notes.append("No section headings were found: only contact details and skills could be read. Please fill in the rest.")
                unplaced += basicsLines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { line in
                    line != profile.basics.name && !line.contains("@") && BasicsSection.phone(in: line) == nil
                }
            }
            if profile.basics.name == nil { notes.append("No name was found; please add it.") }
            if profile.work.isEmpty, parts.contains(where: { $0.section != .basics }) { notes.append("No work experience was found.") }
            return ResumeDraft(
                format: format, profile: profile, confidence: confidence.compactMapValues { $0 },
                unplaced: Array(unplaced.filter { !$0.isEmpty }.prefix(200)), notes: notes)
        }
    }
}
