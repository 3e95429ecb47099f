import CareerCopilotCore
import Foundation

/// A JSON Resume file: taken as it is, every field the product does not read included, once
/// it passes the same checks as `PUT /api/v1/profile`.
enum JSONResumeFile {
    static func draft(_ text: String) throws(ResumeImportError) -> ResumeDraft {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
            throw .corrupt("it starts like JSON but is not valid JSON")
        }
        guard case let .object(members) = value, !members.isEmpty else { throw .wrongType("JSON that is not a JSON Resume object") }
        let known = ["basics", "work", "education", "skills", "projects", "certificates", "languages", "volunteer", "awards", "publications", "meta"]
        guard known.contains(where: { members[$0] != nil }) else {
            throw .wrongType("JSON without any JSON Resume section (basics, work, education, skills …)")
        }
        let issues = ProfileSchema.check(value)
        guard issues.isEmpty else { throw .wrongType("a JSON Resume with problems: " + issues.prefix(5).joined(separator: "; ")) }
        // Read as written: every section the file has is certain.
        let confidence = Dictionary(uniqueKeysWithValues: members.keys.filter(known.contains).map { ($0, 1.0) })
        return ResumeDraft(format: .jsonResume, profile: Profile(document: value), document: value, confidence: confidence)
    }
}
