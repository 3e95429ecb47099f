import CareerCopilotCore
import CareerCopilotWeb
import Foundation

extension JobRecord {
    /// The job as lists and cards show it.
    var summary: JobSummary {
        var summary = JobSummary(
            id: id, title: title, company: company, location: location, remote: remote, employmentType: employmentType,
            salaryMin: salaryMin, salaryMax: salaryMax, salaryCurrency: salaryCurrency, salaryPeriod: salaryPeriod,
            source: source, postedAt: postedAt, isActive: isActive
        )
        summary.isPrivate = privateTo != nil
        return summary
    }

    /// The job as the edit form shows it: the API's field names, the stored values.
    var formValues: [String: String] {
        var values: [String: String] = [
            "title": title, "company": company, "location": location ?? "", "url": url ?? "", "remote": remote?.rawValue ?? "",
            "employment_type": employmentType?.rawValue ?? "", "salary_currency": salaryCurrency ?? "", "salary_period": salaryPeriod?.rawValue ?? "",
            "description": editableDescription, "is_active": isActive ? "true" : "false",
            "is_private": privateTo != nil ? "true" : "",
        ]
        values["salary_min"] = salaryMin.map(Self.plainNumber) ?? ""
        values["salary_max"] = salaryMax.map(Self.plainNumber) ?? ""
        values["posted_at"] = postedAt.map { String(ISODate.format($0).prefix(10)) } ?? ""
        return values
    }

    /// The description as the person can edit it: the plain text it was made from, when it
    /// was plain text (paragraphs and line breaks only); its HTML when it has links, lists or
    /// emphasis, which plain text would lose.
    var editableDescription: String {
        HTMLSanitizer.sanitizeDescription(descriptionText).html == description ? descriptionText : description
    }

    private static func plainNumber(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
