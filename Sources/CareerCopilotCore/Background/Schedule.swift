import Foundation

/// When a periodic task runs: a five-field cron expression in UTC (`minute hour day-of-month
/// month day-of-week`, with `*`, `*/n`, `a-b`, `a-b/n` and lists), or the shorthands
/// `@hourly`, `@daily`, `@weekly`, `every 6h`, `every 15m`.
public struct Schedule: Sendable, Equatable {
    let minutes: Set<Int>
    let hours: Set<Int>
    let days: Set<Int>
    let months: Set<Int>
    let weekdays: Set<Int>
    /// Cron's rule: when both day fields are restricted, a day matching either one counts.
    let daysRestricted: Bool
    let weekdaysRestricted: Bool

    public init(_ expression: String) throws(DomainError) {
        let text = expression.trimmingCharacters(in: .whitespaces).lowercased()
        let cron: String
        switch text {
        case "@hourly": cron = "0 * * * *"
        case "@daily", "@midnight": cron = "0 0 * * *"
        case "@weekly": cron = "0 0 * * 0"
        default:
            if text.hasPrefix("every ") {
                cron = try Self.every(String(text.dropFirst(6)), expression: expression)
            } else {
                cron = text
            }
        }
        let fields = cron.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count == 5 else {
            throw DomainError.badRequest(
                "'\(expression)' is not a schedule: use five cron fields (minute hour day month weekday), @hourly, @daily, @weekly or 'every 6h'")
        }
        minutes = try Self.field(fields[0], 0...59, expression)
        hours = try Self.field(fields[1], 0...23, expression)
        days = try Self.field(fields[2], 1...31, expression)
        months = try Self.field(fields[3], 1...12, expression)
        // 7 is Sunday too.
        weekdays = Set(try Self.field(fields[4], 0...7, expression).map { $0 % 7 })
        daysRestricted = fields[2] != "*"
        weekdaysRestricted = fields[4] != "*"
    }

    /// The first minute strictly after `date` that the schedule names.
    public func next(after date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Start at the next whole minute.
        var candidate = Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60)
        // Four years of minutes bounds any valid expression (29 February included).
        for _ in 0..<(4 * 366 * 24 * 60) {
            let parts = calendar.dateComponents([.minute, .hour, .day, .month, .weekday], from: candidate)
            guard months.contains(parts.month!) else {
                candidate = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: candidate))!
                continue
            }
            guard matchesDay(day: parts.day!, weekday: parts.weekday! - 1) else {
                candidate = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: candidate))!
                continue
            }
            guard hours.contains(parts.hour!) else {
                candidate = Date(timeIntervalSince1970: (candidate.timeIntervalSince1970 / 3600).rounded(.down) * 3600 + 3600)
                continue
            }
            if minutes.contains(parts.minute!) { return candidate }
            candidate += 60
        }
        return .distantFuture
    }

    private func matchesDay(day: Int, weekday: Int) -> Bool {
        switch (daysRestricted, weekdaysRestricted) {
        case (true, true): days.contains(day) || weekdays.contains(weekday)
        case (true, false): days.contains(day)
        case (false, true): weekdays.contains(weekday)
        case (false, false): true
        }
    }

    private static func every(_ interval: String, expression: String) throws(DomainError) -> String {
        let unit = interval.last
        guard let count = Int(interval.dropLast()), count > 0 else {
            throw DomainError.badRequest("'\(expression)' is not a schedule: write 'every 15m' or 'every 6h'")
        }
        switch unit {
        case "m" where 60 % count == 0: return "*/\(count) * * * *"
        case "h" where 24 % count == 0: return "0 */\(count) * * *"
        default:
            throw DomainError.badRequest("'\(expression)' is not a schedule: minutes must divide 60 and hours 24 ('every 15m', 'every 6h')")
        }
    }

    private static func field(_ text: String, _ range: ClosedRange<Int>, _ expression: String) throws(DomainError) -> Set<Int> {
        var values = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { throw invalid(expression, text) }
            let step = pieces.count == 2 ? Int(pieces[1]) : 1
            guard let step, step > 0 else { throw invalid(expression, text) }
            let span: ClosedRange<Int>
            if pieces[0] == "*" {
                span = range
            } else if let dash = pieces[0].firstIndex(of: "-") {
                guard let low = Int(pieces[0][..<dash]), let high = Int(pieces[0][pieces[0].index(after: dash)...]), low <= high,
                    range.contains(low), range.contains(high)
                else { throw invalid(expression, text) }
                span = low...high
            } else {
                guard let value = Int(pieces[0]), range.contains(value) else { throw invalid(expression, text) }
                span = pieces.count == 2 ? value...range.upperBound : value...value
            }
            values.formUnion(stride(from: span.lowerBound, through: span.upperBound, by: step))
        }
        return values
    }

    private static func invalid(_ expression: String, _ field: String) -> DomainError {
        .badRequest("'\(expression)' is not a schedule: '\(field)' is not a valid cron field")
    }
}
