import CareerCopilotCore
import Foundation

/// How values read on a page: dates, money, enumerations.
public enum Formatting {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The calendar of the reader's time zone, for the page being rendered.
    @TaskLocal static var calendar: Calendar = utc

    /// Renders in the time zone named `identifier` (an unknown name, or none: UTC).
    public static func inTimeZone<T: Sendable>(_ identifier: String?, _ body: () async throws -> T) async rethrows -> T {
        guard let identifier, identifier != "UTC", let zone = TimeZone(identifier: identifier) else { return try await body() }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return try await $calendar.withValue(calendar, operation: body)
    }

    /// "27 Nov 2026", in the reader's time zone.
    static func day(_ date: Date) -> String {
        let date = ISODate.clamped(date)
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970)"
    }

    /// "27 Nov 2026, 14:05 CET".
    static func dayAndTime(_ date: Date) -> String {
        let date = ISODate.clamped(date)
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let zone = calendar.timeZone.abbreviation(for: date) ?? calendar.timeZone.identifier
        return day(date) + String(format: ", %02d:%02d ", parts.hour ?? 0, parts.minute ?? 0) + zone
    }

    /// A `<time>` element carrying the exact instant for machines and the day for people.
    static func time(_ date: Date, withTime: Bool = false) -> HTML {
        HTML.element("time", [.datetime(ISODate.format(date))]) { withTime ? dayAndTime(date) : day(date) }
    }

    /// "yyyy-MM-dd", for date inputs.
    static func inputDate(_ date: Date) -> String {
        let date = ISODate.clamped(date)
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// "USD 120,000 – 150,000 per year", "from EUR 60,000", "up to 45 per hour"; nil without figures.
    static func salary(min: Double?, max: Double?, currency: String?, period: SalaryPeriod?) -> String? {
        let figures: String
        switch (min, max) {
        case let (min?, max?) where min == max: figures = amount(min)
        case let (min?, max?): figures = "\(amount(min)) – \(amount(max))"
        case let (min?, nil): figures = "from \(amount(min))"
        case let (nil, max?): figures = "up to \(amount(max))"
        case (nil, nil): return nil
        }
        var text = currency.map { "\($0) \(figures)" } ?? figures
        if let period { text += " per \(period.rawValue)" }
        return text
    }

    /// 120000 → "120,000"; 42.5 → "42.50".
    static func amount(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value.rounded() == value, abs(value) < 1e15 {
            let digits = String(Int64(value))
            var grouped = ""
            for (index, character) in digits.reversed().enumerated() {
                if index > 0, index % 3 == 0, character != "-" { grouped.append(",") }
                grouped.append(character)
            }
            return String(grouped.reversed())
        }
        return String(format: "%.2f", value)
    }

    static func statusLabel(_ status: ApplicationStatus) -> String {
        status.rawValue.capitalizedFirst
    }

    static func remoteLabel(_ remote: RemoteType) -> String {
        switch remote {
        case .onsite: "On-site"
        case .hybrid: "Hybrid"
        case .remote: "Remote"
        }
    }

    static func employmentLabel(_ type: EmploymentType) -> String {
        type.rawValue.replacingOccurrences(of: "_", with: "-").capitalizedFirst
    }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(amount(Double(count))) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
