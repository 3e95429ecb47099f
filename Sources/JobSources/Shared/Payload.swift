import CareerCopilotCore
import Foundation

/// What every source's reader shares. Each reads its format schema-less (`JSONValue`), so a
/// field of an unexpected type is skipped, not fatal; a payload that is not the format at all
/// throws `SourcePayloadError`.
public enum Payload {
    public static func json(_ data: Data) throws(SourcePayloadError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw SourcePayloadError("not valid JSON (\(data.count) bytes)")
        }
    }

    /// A feed's or page's own id for a posting ("42", "job-7") is unique only there; two feeds
    /// share the source name (`rss`, `jsonld`), so such an id is scoped by the host it came
    /// from ("jobs.example#42"). Ids that are global by design (http(s) URLs, `urn:`, `tag:`)
    /// stay as they are.
    static func scopedID(_ id: String, within url: String) -> String {
        let scheme = URLComponents(string: id)?.scheme?.lowercased()
        if let scheme, ["http", "https", "urn", "tag"].contains(scheme) { return String(id.prefix(255)) }
        guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else { return String(id.prefix(255)) }
        return String("\(host)#\(id)".prefix(255))
    }

    /// An id as a string, whether the payload wrote it as a string or a number.
    static func identifier(_ value: JSONValue) -> String? {
        if let text = value.stringValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty { return String(text.prefix(255)) }
        if let number = value.intValue { return String(number) }
        return nil
    }

    /// A number, or a string holding one ("120000", "120,000.00").
    static func number(_ value: JSONValue?) -> Double? {
        if let number = value?.numberValue, number.isFinite { return number }
        // `Double("inf")`, `Double("nan")` and `Double("1e999")` parse too: only finite numbers count.
        if let text = value?.stringValue?.prefix(64),
            let number = Double(text.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)), number.isFinite
        {
            return number
        }
        return nil
    }

    static func period(_ text: String?) -> SalaryPeriod? {
        switch text?.lowercased() {
        case "year", "yearly", "annual", "per-year-salary", "1 year", "per year": .year
        case "month", "monthly", "per-month-salary", "1 month": .month
        case "week", "weekly", "per-week-salary", "1 week": .week
        case "day", "daily", "per-day-salary", "1 day": .day
        case "hour", "hourly", "per-hour-wage", "1 hour": .hour
        default: nil
        }
    }

    static func employment(_ text: String?) -> EmploymentType? {
        guard let text = text?.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ") else { return nil }
        if text.contains("full time") || text.contains("fulltime") || text == "permanent" { return .fullTime }
        if text.contains("part time") || text.contains("parttime") { return .partTime }
        if text.contains("contract") || text.contains("freelance") { return .contract }
        if text.contains("intern") { return .internship }
        if text.contains("temporary") || text.contains("temp") { return .temporary }
        if text.contains("volunteer") { return .volunteer }
        return nil
    }
}

public struct SourcePayloadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    public init(_ message: String) {
        self.message = message
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
