import Foundation

/// A pay range read from a posting's text.
public struct ParsedSalary: Sendable, Equatable {
    public var min: Double?
    public var max: Double?
    public var currency: String?
    public var period: SalaryPeriod?

    public init(min: Double?, max: Double?, currency: String?, period: SalaryPeriod?) {
        self.min = min
        self.max = max
        self.currency = currency
        self.period = period
    }
}

/// Reads pay from free text as postings write it: "$120k–$150k", "€60.000 - €80.000 per
/// year", "£45,000 pa", "USD 100,000 to 120,000", "$50/hr", "120-150k EUR". Returns nil when
/// the text holds no amount with a currency or a pay word — "5+ years" is not a salary.
public enum SalaryParser {
    static let symbols: [String: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "zł": "PLN", "₺": "TRY"]
    static let codes: Set<String> = [
        "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "JPY", "INR", "SGD", "HKD",
        "BRL", "MXN", "ZAR", "ILS", "TRY", "RON", "BGN", "AED",
    ]
    static let prefixedDollars: [String: String] = [
        "US$": "USD", "CA$": "CAD", "C$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD", "S$": "SGD", "HK$": "HKD", "R$": "BRL",
    ]

    public static func parse(_ text: String) -> ParsedSalary? {
        let lowered = text.lowercased()
        // The longest sign that appears: "CA$" before "A$" before "$".
        var currency = (prefixedDollars.merging(symbols) { first, _ in first })
            .filter { text.contains($0.key) }
            .max { $0.key.count < $1.key.count }?.value
        if currency == nil {
            let words = text.uppercased().split { !$0.isLetter }.map(String.init)
            currency = words.first { codes.contains($0) }
        }
        let amounts = numbers(in: text)
        guard !amounts.isEmpty else { return nil }
        let period = self.period(in: lowered)
        // Without a currency, only text that says it is pay counts.
        if currency == nil, period == nil, !["salary", "compensation", "pay", "wage"].contains(where: lowered.contains) { return nil }
        var values = Array(amounts.prefix(2).map(\.value))
        // "120-150k": a trailing multiplier applies to both ends of the range.
        if values.count == 2, amounts[0].multiplier == 1, amounts[1].multiplier > 1, values[0] * amounts[1].multiplier <= values[1] {
            values[0] *= amounts[1].multiplier
        }
        let low = values.min()!
        let high = values.max()!
        // Amounts this small are hourly rates or noise unless the text names a period.
        guard high >= 10 || period == .hour else { return nil }
        return ParsedSalary(min: low, max: values.count > 1 ? high : nil, currency: currency, period: period ?? inferredPeriod(low))
    }

    /// Ranges written without a period are yearly when large, hourly when small.
    public static func inferredPeriod(_ amount: Double) -> SalaryPeriod? {
        if amount >= 10_000 { return .year }
        if amount < 300 { return .hour }
        return nil
    }

    static func period(in text: String) -> SalaryPeriod? {
        let patterns: [(SalaryPeriod, [String])] = [
            (.hour, ["per hour", "/hour", "/hr", "an hour", "hourly", " p/h", "ph "]),
            (.day, ["per day", "/day", "a day", "daily rate", "day rate"]),
            (.week, ["per week", "/week", "/wk", "a week", "weekly"]),
            (.month, ["per month", "/month", "/mo", "a month", "monthly", "p.m.", " pm"]),
            (.year, ["per year", "/year", "/yr", "a year", "per annum", "annually", "annual", " pa", "p.a.", "yearly", "/y"]),
        ]
        for (period, words) in patterns where words.contains(where: { text.contains($0) || text.hasSuffix($0.trimmingCharacters(in: .whitespaces)) }) {
            return period
        }
        return nil
    }

    struct Amount {
        var value: Double
        var multiplier: Double
    }

    /// Numbers with their thousands separators ("60.000", "45,000", "85 000") and a k/m suffix.
    static func numbers(in text: String) -> [Amount] {
        var result: [Amount] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isNumber else { index += 1; continue }
            var digits = ""
            var groups: [String] = [""]
            var decimal: String?
            while index < characters.count {
                let character = characters[index]
                if character.isNumber {
                    if decimal != nil { decimal! += String(character) } else { groups[groups.count - 1] += String(character) }
                    index += 1
                } else if [",", ".", " ", "\u{00A0}", "'"].contains(character), index + 1 < characters.count, characters[index + 1].isNumber, decimal == nil {
                    // A separator followed by exactly three digits groups thousands; otherwise "." or "," is decimal.
                    let following = characters[(index + 1)...].prefix { $0.isNumber }.count
                    if following == 3 {
                        groups.append("")
                        index += 1
                    } else if character == "." || character == "," {
                        decimal = ""
                        index += 1
                    } else {
                        break
                    }
                } else {
                    break
                }
            }
            digits = groups.joined()
            var value = Double(digits + (decimal.map { "." + $0 } ?? "")) ?? 0
            var multiplier = 1.0
            if index < characters.count {
                switch characters[index].lowercased() {
                case "k": multiplier = 1_000
                case "m" where index + 1 >= characters.count || !characters[index + 1].isLetter: multiplier = 1_000_000
                default: break
                }
            }
            value *= multiplier
            // Years of experience, percentages and years of the calendar are not pay.
            let rest = String(characters[index...].prefix(8)).lowercased()
            let isNoise =
                rest.hasPrefix("+") || rest.hasPrefix("%") || rest.trimmingCharacters(in: .whitespaces).hasPrefix("year")
                || (value >= 1900 && value <= 2100 && multiplier == 1 && groups.count == 1)
            if !isNoise, value > 0 { result.append(Amount(value: value, multiplier: multiplier)) }
        }
        return result
    }
}
