import Foundation

/// ISO 8601 dates as APIs and job boards write them, parsed without a formatter (formatters
/// are neither cheap nor `Sendable`).
///
/// Accepts `2025-11-07`, `2025-11-07T10:00`, `2025-11-07T10:00:00`, fractional seconds, and a
/// zone of `Z`, `+01:00`, `+0100` or `+01`. A value without a zone is taken as UTC.
///
/// Every date it returns lies in `representable` (years 0001–9999), so it can be written back
/// in the same four-digit form and stored by both databases; `format` never traps, whatever
/// the date.
public enum ISODate {
    /// 0001-01-01T00:00:00Z ... 9999-12-31T23:59:59Z.
    public static let representable = Date(timeIntervalSince1970: -62_135_596_800)...Date(timeIntervalSince1970: 253_402_300_799)

    /// A date a job board may plausibly give for a posting: from 1990 to a year after `now`.
    /// Anything else (an epoch of `1e300`, milliseconds read as seconds, `9999-12-31`) is a
    /// broken or hostile payload, and the field is dropped.
    public static func plausiblePostingDate(_ date: Date?, now: Date = Date()) -> Date? {
        guard let date, date.timeIntervalSince1970.isFinite,
            date.timeIntervalSince1970 >= 631_152_000,  // 1990-01-01
            date <= now.addingTimeInterval(366 * 86_400)
        else { return nil }
        return date
    }

    /// A Unix time in seconds as a date, when it is a finite number in `representable`.
    public static func fromUnixSeconds(_ seconds: Double?) -> Date? {
        guard let seconds, seconds.isFinite else { return nil }
        let date = Date(timeIntervalSince1970: seconds)
        return representable.contains(date) ? date : nil
    }

    /// The date, or the nearest end of `representable` (the Unix epoch for NaN).
    public static func clamped(_ date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        if seconds.isNaN { return Date(timeIntervalSince1970: 0) }
        return min(max(date, representable.lowerBound), representable.upperBound)
    }

    public static func parse(_ text: String) -> Date? {
        guard text.utf8.count <= 64 else { return nil }
        return parseUnchecked(text).flatMap { representable.contains($0) ? $0 : nil }
    }

    private static func parseUnchecked(_ text: String) -> Date? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var index = 0

        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += count
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        guard let year = digits(4), take(UInt8(ascii: "-")), let month = digits(2),
            take(UInt8(ascii: "-")), let day = digits(2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }

        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if index == bytes.count { return Date(timeIntervalSince1970: seconds) }

        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || take(UInt8(ascii: " ")),
            let hour = digits(2), hour < 24, take(UInt8(ascii: ":")), let minute = digits(2), minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if take(UInt8(ascii: ":")) {
            guard let second = digits(2), second <= 60 else { return nil }
            seconds += Double(second)
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                var scale = 0.1
                var sawDigit = false
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    seconds += Double(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                    sawDigit = true
                }
                guard sawDigit else { return nil }
            }
        }
        if index == bytes.count || take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) {
            return index == bytes.count ? Date(timeIntervalSince1970: seconds) : nil
        }
        let sign: Double
        if take(UInt8(ascii: "+")) { sign = 1 } else if take(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let offsetHours = digits(2), offsetHours < 24 else { return nil }
        var offsetMinutes = 0
        if index < bytes.count {
            _ = take(UInt8(ascii: ":"))
            guard let minutes = digits(2), minutes < 60 else { return nil }
            offsetMinutes = minutes
        }
        guard index == bytes.count else { return nil }
        seconds -= sign * Double(offsetHours * 3600 + offsetMinutes * 60)
        return Date(timeIntervalSince1970: seconds)
    }

    /// `2025-11-07T10:00:00Z`: whole seconds, UTC, as the API writes every time. A date outside
    /// `representable` (only a row stored before dates were checked can hold one) is written
    /// as the nearest end of it, never a trap.
    public static func format(_ date: Date) -> String {
        let total = Int(clamped(date).timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondsOfDay = total - days * 86_400
        let (year, month, day) = civilFromDays(days)
        // Written digit by digit: String(format:) is slow on Linux, and answers write many dates.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        func append(_ value: Int, width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = max(0, value)
            while divisor > 0 {
                bytes.append(UInt8(48 + rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        append(year, width: 4); bytes.append(UInt8(ascii: "-"))
        append(month, width: 2); bytes.append(UInt8(ascii: "-"))
        append(day, width: 2); bytes.append(UInt8(ascii: "T"))
        append(secondsOfDay / 3600, width: 2); bytes.append(UInt8(ascii: ":"))
        append(secondsOfDay % 3600 / 60, width: 2); bytes.append(UInt8(ascii: ":"))
        append(secondsOfDay % 60, width: 2); bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
